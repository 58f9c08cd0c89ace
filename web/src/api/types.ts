// Shapes of the gateway's JSON answers (snake_case, as the API sends them).

export interface Paged<T> { items: T[]; total: number; page: number; page_size: number }

export interface Experiment {
  id: string; name: string; description: string; prompt: string; provider: string; model: string;
  temperature_min: number; temperature_max: number; temperature_step: number;
  top_p_min: number; top_p_max: number; top_p_step: number;
  max_tokens: number; frequency_penalty: number; presence_penalty: number; response_count: number;
  tags: string[]; status: string; is_favorited: boolean; is_archived: boolean; total_combinations: number;
  created_at: string; updated_at: string;
}

export interface ParameterSet { temperature: number; top_p: number; max_tokens: number; frequency_penalty: number; presence_penalty: number }

export interface RunStatus {
  id: string; experiment_id: string; status: string; progress: number;
  completed_combinations: number; failed_combinations: number; total_combinations: number;
  current_parameters: ParameterSet | null; estimated_completion: string | null;
  results_preview: { best_quality_score: number | null; average_quality_score: number | null; optimal_parameters: ParameterSet | null };
  created_at: string; started_at: string | null; finished_at: string | null;
}

export interface BatchSummary {
  id: string; experiment_id: string | null; name: string; status: string; total_combinations: number; total_calls: number;
  completed_calls: number; failed_calls: number; created_at: string; finished_at: string | null;
}

export interface BatchCreated { id: string; status: string; total_combinations: number; total_calls: number; estimated_duration: number; estimated_cost_usd: number; estimate_basis?: string }

/** Failures (API.md): each failed call keeps why; the run detail counts them by kind. */
export interface FailureSummary { kind: string; count: number; example_message: string }
export interface CallFailure { kind: string; message: string; provider_status: number | null; attempts: number }
export interface WorkItem {
  id: string; combination_index: number; repetition: number; temperature: number; top_p: number; max_tokens: number;
  frequency_penalty: number; presence_penalty: number; seed: number; status: string; error: CallFailure | null; finished_at: string | null;
}

export interface BatchDetails {
  name: string; prompt: string; provider: string; model: string; estimated_duration: number; estimated_cost_usd: number; status: RunStatus;
  failures: FailureSummary[]; parameter_ranges?: Record<string, unknown>;
}

export interface Metrics {
  overall_score: number | null; coherence_score: number | null; completeness_score: number | null; readability_score: number | null;
  length_appropriateness_score: number | null; creativity_score: number | null; specificity_score: number | null; relevance_score: number | null;
  word_count: number; sentence_count: number; all: Record<string, number>;
}

export interface ResponseRow {
  id: string; content: string; temperature: number; top_p: number; max_tokens: number; frequency_penalty: number; presence_penalty: number;
  provider: string; model: string; response_time_ms: number; completion_tokens: number; cost_usd: number; metrics: Metrics | null;
}

/** A row of a custom export (flat fields). */
export type ExportRow = Record<string, string | number | null>;

export interface MetricDistribution { count: number; mean: number | null; std_dev: number | null; min: number | null; q1: number | null; median: number | null; q3: number | null; max: number | null; histogram: { from: number; to: number; count: number }[] }
export interface Breakdown { sample_size: number; metrics: Record<string, MetricDistribution> }
export interface Trend { metric: string; sample_size: number; points: { date: string; count: number; mean: number }[]; direction: string; rate_per_day: number | null; p_value: number | null; r_squared?: number | null }
export interface ModelSummary { provider: string; model: string; responses: number; mean_overall_score: number | null; latency_p50_ms: number; latency_p95_ms: number; latency_p99_ms: number; mean_completion_tokens: number; total_cost_usd: number }
export interface ValueStats { value: string; count: number; mean: number; std_dev: number }
export interface ParameterRecommendation { parameter: string; optimal_value: string; optimal_mean: number; confidence: number; p_value: number; confidence_level: string; quality_impact_percent: number; sample_size: number; values: ValueStats[]; recommendation: string }
export interface Optimization { metric: string; sample_size: number; optimal_parameters: Record<string, string>; parameters: ParameterRecommendation[] }
export interface Correlation { parameter: string; metric: string; n: number; pearson: number | null; pearson_p: number; spearman: number | null; spearman_p: number; spearman_n: number }
export interface CorrelationMatrix { sample_size: number; correlations: Correlation[] }
export interface Insight { kind: string; text: string; statistic: string; value: number; p_value: number | null; sample_size: number }
export interface InsightReport { sample_size: number; insights: Insight[] }
export interface MethodComparison {
  pairs: number; accuracy_a: number | null; accuracy_b: number | null; accuracy_difference: number | null; accuracy_difference_ci95: number[] | null;
  both_correct: number; only_a_correct: number; only_b_correct: number; neither_correct: number; mcnemar_p: number;
  mean_a: number | null; mean_b: number | null; mean_difference: number | null; mean_difference_ci95: number[] | null; significant: boolean;
  items: { item_key: string; a: number; b: number; difference: number }[]; unpaired_a?: number; unpaired_b?: number;
}
export interface ProviderInfo { name: string; kind: string; base_url: string; has_api_key: boolean; default_model: string; models: string[]; max_concurrency: number; added_at_run_time: boolean }
export interface ModelInfo { provider: string; model: string; input_price_per_million: number; output_price_per_million: number; context_window: number }
export interface CurrentProvider { provider: string; model: string; capabilities: string[] }
export interface Health { status: string; services: { name: string; status: string; latency_ms: number }[] }

export const SCORES = ['overall_score', 'coherence_score', 'completeness_score', 'readability_score', 'length_appropriateness_score', 'creativity_score', 'specificity_score', 'relevance_score'] as const;

export function label(metric: string): string {
  const text = metric.replace(/_score$/, '').replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Identity (/api/me, /api/admin/*, /api/audit)
export interface Me { tenant_id: string; organisation_name: string; subject_id: string; role: string; tier: string; permissions: string[] }
export interface AdminUser { id: string; subject_id: string; email: string; name: string; role: string; created_at: string; updated_at: string }
export interface AdminKey {
  id: string; name: string; role: string; scopes: string[]; prefix: string; status: 'active' | 'expired' | 'revoked';
  created_at: string; expires_at: string | null; revoked_at: string | null; key?: string;
}
export interface AuditEntry {
  id: number; subject_id: string; role: string; action: string; target: string | null; method: string | null; path: string | null;
  status: number | null; at: string;
}

/** A run's heatmap (GET /api/experiments/batch/{id}/heatmap): cells at the fixed values; grid and best over every scored response. */
export interface HeatmapCellView { x: number; y: number; mean: number; count: number }
export interface BestConfigurationView { parameters: Record<string, number>; mean: number; responses: number; latency_ms: number }
export interface RunHeatmap {
  run_id: string; x: string; y: string; metric: string; fixed: Record<string, number>; sample_size: number; scored_responses: number;
  grid: Record<string, number[]>; cells: HeatmapCellView[]; best: BestConfigurationView | null;
}
/** A stored response with its metrics (the API's ResponseView). */
export interface StoredResponseView {
  id: string; run_id: string; content: string; temperature: number; top_p: number; max_tokens: number; frequency_penalty: number; presence_penalty: number;
  model: string; total_tokens: number; response_time_ms: number; error_message: string | null; created_at: string;
  metrics: (Record<string, number | string | null> & { overall_score: number | null }) | null;
}

/** GET /api/experiments/batch/compare: 2–6 runs' outputs item by item (the first run is the baseline). */
export interface ComparedOutput { response_id: string; content: string; overall_score: number | null }
export interface ComparedItem { item_key: string; parameters: Record<string, number>; parameters_differ: boolean; changed: boolean; outputs: (ComparedOutput | null)[] }
export interface RunSideBySide { runs: { id: string; name: string; status: string }[]; items: number; changed_items: number; page: Paged<ComparedItem> }
