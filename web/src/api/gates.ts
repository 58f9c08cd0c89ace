// Quality gates: an experiment's thresholds (PUT /api/experiments/{id}/gates) and a run's result (GET /api/runs/{id}/gate).
import { ApiError } from './client';

export interface GateThreshold { metric: string; op: '>=' | '<='; value: number }
export interface GateDefinition {
  experiment_id: string; checks: GateThreshold[]; baseline_run_id: string | null; no_significant_regression: boolean;
  regression_metric: string; updated_at: string;
}
export interface GateCheckResult {
  metric: string; op: string; value: number; actual: number | null; passed: boolean; reason: string;
  baseline_run_id?: string | null; n?: number | null; ci95?: number[] | null; p_value?: number | null;
}
export interface GateResult {
  run_id: string; experiment_id: string; passed: boolean; checks: GateCheckResult[]; run_status: string;
  responses_scored: number; responses_expected: number; evaluated_at: string;
}

/** The metrics offered in the editor; any metric name the server knows may be typed. */
export const GATE_METRICS = ['overall_score', 'relevance_score', 'coherence_score', 'completeness_score', 'f1', 'exact_match', 'latency_p95_ms', 'cost_usd', 'failure_rate'];
export const MAX_CHECKS = 50;

export interface CheckDraft { metric: string; op: '>=' | '<='; value: string }
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
