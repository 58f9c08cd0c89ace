// Evaluations (API.md "Evaluations"): shapes of the answers, as the API sends them (snake_case).

export const METHODS = ['naive', 'cot', 'cot_few_shot', 'rag', 'rag_hybrid', 'rag_rerank', 'agent'] as const;
export type MethodName = typeof METHODS[number];
export const METHOD_NAMES: Record<MethodName, string> = {
  naive: 'Naive', cot: 'Chain of thought', cot_few_shot: 'Chain of thought, few-shot', rag: 'RAG (BM25)',
  rag_hybrid: 'RAG hybrid', rag_rerank: 'RAG reranked', agent: 'ReAct agent',
};
export const isRag = (method: string) => method.startsWith('rag');

export interface MethodOptions { top_k: number; chunk_size: number; collection: string; max_steps: number }
export interface EvaluationMethod { label: string; method: MethodName; options: MethodOptions }
export interface GenerationSettings { temperature: number; top_p: number; max_tokens: number; seed: number }

export interface MethodSummary {
  label: string; method: MethodName; n: number; completed: number; stuck: number; failed: number; pending: number;
  accuracy: { exact_match: number | null; f1: number | null; substring: number | null; numeric: number | null };
  latency_ms: { p50: number | null; p95: number | null; p99: number | null };
  tokens: { prompt: number; completion: number; total: number; mean_per_item: number | null };
  cost_usd: number;
  retrieval: { n: number; hit_rate: number; mrr: number } | null;
  agent: { n: number; success_rate: number; mean_steps: number; tool_error_rate: number; stuck_rate: number } | null;
}

export interface Evaluation {
  id: string; name: string; dataset_id: string; dataset_version: number; sample_size: number | null; seed: number; provider: string; model: string;
  parameters: GenerationSettings; methods: EvaluationMethod[]; status: string; progress: number; total_items: number; completed_items: number;
  failed_items: number; created_at: string; finished_at: string | null; summary: MethodSummary[] | null;
}

/** One event of /api/evaluations/{id}/progress (and GET …/status). */
export interface EvaluationStatus { id: string; status: string; progress: number; total_items: number; completed_items: number; failed_items: number; sequence: number }

export interface TraceStep { step: number; output: string; thought: string | null; action: string | null; action_input: string | null; observation: string | null; tool_error: boolean }
export interface RetrievedChunk { chunk_id: string; document_id: string; document_title: string; text: string; score: number }

/** A work item: one dataset item answered by one method. Scores are 0–100. */
export interface EvaluationItem {
  id: string; item_id: string; method: string; status: string; question: string; expected: string[]; answer: string | null;
  extracted_answer: string | null; scores: Record<string, number>; latency_ms: number; prompt_tokens: number; completion_tokens: number;
  cost_usd: number; steps: number; trace: TraceStep[]; retrieved_chunks: RetrievedChunk[]; error: string | null;
}

/** GET /api/evaluations/{id}/latency: the histogram per method on shared bins [from, to) and the extremes, over every item. */
export interface LatencyBin { from: number; to: number; counts: Record<string, number> }
export interface EvaluationLatency { evaluation_id: string; answered: number; bins: LatencyBin[]; fastest: EvaluationItem[]; slowest: EvaluationItem[] }

export interface PairComparison {
  method_a: string; method_b: string; n: number; both_correct: number; only_a: number; only_b: number; neither_correct: number;
  accuracy_a: number; accuracy_b: number; difference: number; ci_lower: number | null; ci_upper: number | null; mcnemar_p: number; holm_p: number;
}
export interface Comparison { evaluation_id: string; metric: string; pairs: PairComparison[] }

/** Correct as the server's paired tests count it: an exact match with a reference or an alias. */
export const isCorrect = (item: Pick<EvaluationItem, 'scores'>) => (item.scores.exact_match ?? 0) >= 99.999;
export const isAnswered = (item: Pick<EvaluationItem, 'status'>) => item.status === 'completed' || item.status === 'stuck';
