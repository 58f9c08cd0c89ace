// Quality gates: an experiment's or an evaluation's thresholds (PUT /api/experiments|evaluations/{id}/gates) and a run's or an
// evaluation's result (GET /api/runs/{id}/gate).
import { ApiError } from './client';

export interface GateThreshold { metric: string; op: '>=' | '<='; value: number }
export interface GateDefinition {
  experiment_id: string; checks: GateThreshold[]; baseline_run_id: string | null; no_significant_regression: boolean;
  regression_metric: string; updated_at: string;
}
export interface GateCheckResult {
  metric: string; op: string; value: number; actual: number | null; passed: boolean; reason: string;
  baseline_run_id?: string | null; n?: number | null; ci95?: number[] | null; p_value?: number | null;
  /** An evaluation's checks name the method they measured. */
  method?: string | null;
}
export interface GateResult {
  run_id: string; experiment_id: string; passed: boolean; checks: GateCheckResult[]; run_status: string;
  responses_scored: number; responses_expected: number; evaluated_at: string;
  /** 'evaluation' for an evaluation's gate (run_id is then the evaluation's id). */
  kind?: 'run' | 'evaluation';
}

/** The metrics offered in the editor; any metric name the server knows may be typed. */
export const GATE_METRICS = ['overall_score', 'relevance_score', 'coherence_score', 'completeness_score', 'f1', 'exact_match', 'latency_p95_ms', 'cost_usd', 'failure_rate'];
export const MAX_CHECKS = 50;

/** method: an evaluation's method label, '' for every method (experiments have none). */
export interface CheckDraft { metric: string; op: '>=' | '<='; value: string; method?: string }
export interface GateDraft { checks: CheckDraft[]; noSignificantRegression: boolean; baselineRunId: string }

const METRIC = /^[a-z][a-z0-9_]{0,63}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RUN_LEVEL = ['latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'cost_usd', 'failure_rate'];

export const draftOf = (gate?: GateDefinition | null): GateDraft => ({
  checks: gate?.checks.map((c) => ({ metric: c.metric, op: c.op, value: String(c.value) })) ?? [{ metric: 'overall_score', op: '>=', value: '' }],
  noSignificantRegression: gate?.no_significant_regression ?? false,
  baselineRunId: gate?.baseline_run_id ?? '',
});

/** The same rules the server applies (GateRequest.Validate), keyed by the server's field names. */
export function validateGate(draft: GateDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.checks.length > MAX_CHECKS) errors.checks = `at most ${MAX_CHECKS} checks, not ${draft.checks.length}.`;
  if (draft.checks.length === 0 && !draft.noSignificantRegression) errors.checks = 'give at least one check, or no_significant_regression: true.';
  draft.checks.forEach((c, i) => {
    const at = `checks[${i}]`;
    if (!METRIC.test(c.metric.trim())) errors[`${at}.metric`] = 'is required: a metric such as overall_score, f1, latency_p95_ms, cost_usd or failure_rate.';
    if (c.op !== '>=' && c.op !== '<=') errors[`${at}.op`] = 'must be ">=" or "<=".';
    const value = c.value.trim() === '' ? NaN : Number(c.value);
    if (!Number.isFinite(value)) errors[`${at}.value`] = 'is required: a number.';
    else if (c.metric.trim() === 'failure_rate' && (value < 0 || value > 1)) errors[`${at}.value`] = 'a failure rate is between 0 and 1.';
    else if (RUN_LEVEL.includes(c.metric.trim()) && value < 0) errors[`${at}.value`] = `${c.metric.trim()} is never negative.`;
  });
  if (draft.baselineRunId.trim() && !GUID.test(draft.baselineRunId.trim())) errors.baseline_run_id = 'must be a run id.';
  return errors;
}

export const gateBody = (draft: GateDraft) => ({
  checks: draft.checks.map((c) => ({ metric: c.metric.trim(), op: c.op, value: Number(c.value) })),
  no_significant_regression: draft.noSignificantRegression,
  baseline_run_id: draft.baselineRunId.trim() || null,
});

/** The server's 422 as field → message (its problem+json `errors`). */
export const serverErrors = (error: unknown): Record<string, string> =>
  error instanceof ApiError && error.problem.errors
    ? Object.fromEntries(Object.entries(error.problem.errors).map(([k, v]) => [k, v.join(' ')]))
    : {};

/** What a run's gate query says: evaluated, pending (409: not evaluated yet), none (404: no gate when it finished). */
export type GateState = { kind: 'evaluated'; result: GateResult } | { kind: 'pending'; detail: string } | { kind: 'none'; detail: string };

export function gateStateOf(outcome: GateResult | ApiError): GateState {
  if (!(outcome instanceof ApiError)) return { kind: 'evaluated', result: outcome };
  if (outcome.status === 409) return { kind: 'pending', detail: outcome.problem.detail ?? 'The gate is evaluated when the run finishes.' };
  if (outcome.status === 404) return { kind: 'none', detail: outcome.problem.detail ?? 'This run has no gate.' };
  throw outcome;
}

/** An evaluation's gate (PUT /api/evaluations/{id}/gates): per-method checks and a baseline evaluation. */
export interface EvaluationGateThreshold extends GateThreshold { method: string | null }
export interface EvaluationGateDefinition {
  evaluation_id: string; checks: EvaluationGateThreshold[]; baseline_evaluation_id: string | null; no_significant_regression: boolean; updated_at: string;
}

/** What an evaluation gate checks per method (EvaluationGateMetrics on the server); the shares lie between 0 and 1. */
export const EVALUATION_SHARES = ['exact_match', 'f1', 'substring', 'numeric', 'agent_success_rate', 'retrieval_hit_rate', 'retrieval_mrr', 'faithfulness', 'failure_rate'];
export const EVALUATION_GATE_METRICS = [...EVALUATION_SHARES, 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'cost_usd'];
const MAX_METHOD_LENGTH = 64;

export const evaluationDraftOf = (gate?: EvaluationGateDefinition | null): GateDraft => ({
  checks: gate?.checks.map((c) => ({ metric: c.metric, op: c.op, value: String(c.value), method: c.method ?? '' }))
    ?? [{ metric: 'exact_match', op: '>=', value: '', method: '' }],
  noSignificantRegression: gate?.no_significant_regression ?? false,
  baselineRunId: gate?.baseline_evaluation_id ?? '',
});

/** The server's rules for an evaluation's gate (EvaluationGateRequest.Validate), keyed by its field names. */
export function validateEvaluationGate(draft: GateDraft, evaluationId: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.checks.length > MAX_CHECKS) errors.checks = `at most ${MAX_CHECKS} checks, not ${draft.checks.length}.`;
  if (draft.checks.length === 0 && !draft.noSignificantRegression) errors.checks = 'give at least one check, or no_significant_regression: true.';
  draft.checks.forEach((c, i) => {
    const at = `checks[${i}]`;
    const metric = c.metric.trim();
    if (!EVALUATION_GATE_METRICS.includes(metric)) errors[`${at}.metric`] = `must be one of ${EVALUATION_GATE_METRICS.join(', ')}.`;
    if (c.op !== '>=' && c.op !== '<=') errors[`${at}.op`] = 'must be ">=" or "<=".';
    const value = c.value.trim() === '' ? NaN : Number(c.value);
    if (!Number.isFinite(value)) errors[`${at}.value`] = 'is required: a number.';
    else if (EVALUATION_SHARES.includes(metric) && (value < 0 || value > 1)) errors[`${at}.value`] = `${metric} is a share between 0 and 1.`;
    else if (value < 0) errors[`${at}.value`] = `${metric} is never negative.`;
    if ((c.method ?? '').length > MAX_METHOD_LENGTH) errors[`${at}.method`] = `a method's label (1–${MAX_METHOD_LENGTH} characters), or leave it out for every method.`;
  });
  const baseline = draft.baselineRunId.trim();
  if (baseline && !GUID.test(baseline)) errors.baseline_evaluation_id = 'must be an evaluation id.';
  else if (baseline && baseline.toLowerCase() === evaluationId.toLowerCase()) errors.baseline_evaluation_id = 'must be another evaluation than the gated one.';
  return errors;
}

export const evaluationGateBody = (draft: GateDraft) => ({
  checks: draft.checks.map((c) => ({ metric: c.metric.trim(), op: c.op, value: Number(c.value), method: c.method?.trim() || null })),
  no_significant_regression: draft.noSignificantRegression,
  baseline_evaluation_id: draft.baselineRunId.trim() || null,
});
