// A run as a matrix (GET /api/experiments/batch/{id}/matrix): rows are prompts and parameter sets, columns the values of
// one dimension; each cell is checked here against the experiment's gate.
import type { Paged } from '../../api/types';
import type { GateCheckResult } from '../../api/gates';

export interface MatrixCell { response_id: string; excerpt: string; responses: number; latency_ms: number; means: Record<string, number> }
export interface MatrixRow { values: Record<string, string>; cells: (MatrixCell | null)[] }
export interface RunMatrixView {
  run_id: string; columns: string; column_values: string[]; row_dimensions: string[]; dimensions: Record<string, number>; responses: number;
  rows: Paged<MatrixRow>;
}

export const DIMENSIONS = ['prompt', 'model', 'temperature', 'top_p', 'max_tokens', 'frequency_penalty', 'presence_penalty'] as const;

export function matrixPath(runId: string, columns: string | null, page: number, pageSize = 20): string {
  const params = new URLSearchParams({ page: String(page + 1), page_size: String(pageSize) });
  if (columns) params.set('columns', columns);
  return `/api/experiments/batch/${runId}/matrix?${params}`;
}

/** The dimensions that vary in the run, in the server's order: each can be the columns. */
export const varying = (m: RunMatrixView) => DIMENSIONS.filter((d) => (m.dimensions[d] ?? 0) > 1);

export interface Verdict { passed: boolean; failed: string[]; checked: number }

/**
 * A cell against the gate's checks: only checks on a metric the cell has a mean for (scores, f1, exact_match) apply;
 * run-level checks (latency percentiles, cost, failure rate) are the run's, not a cell's. Null when none applies.
 */
export function cellVerdict(means: Record<string, number>, checks: Pick<GateCheckResult, 'metric' | 'op' | 'value'>[]): Verdict | null {
  const applicable = checks.filter((c) => typeof means[c.metric] === 'number' && (c.op === '>=' || c.op === '<='));
  if (applicable.length === 0) return null;
  const failed = applicable.filter((c) => !(c.op === '>=' ? means[c.metric] >= c.value : means[c.metric] <= c.value))
    .map((c) => `${c.metric} ${means[c.metric].toFixed(1)} (needs ${c.op} ${c.value})`);
  return { passed: failed.length === 0, failed, checked: applicable.length };
}

/** A row's label: its values of the row dimensions, a long prompt cut to `limit` characters. */
export function rowLabel(values: Record<string, string>, limit = 80): string {
  return Object.entries(values).map(([k, v]) => (k === 'prompt' ? (v.length > limit ? `${v.slice(0, limit)}…` : v) : `${k} ${v}`)).join(' · ');
}

/** One grid configuration of the run with its mean scores: a cell of the matrix with its row's and column's values. */
export interface Configuration { values: Record<string, string>; cell: MatrixCell }

/** Every cell as a configuration, its values in the grid's order of dimensions (prompt, model, temperature, top_p, …). */
export function configurationsOf(m: RunMatrixView): Configuration[] {
  const ordered = (values: Record<string, string>) => Object.fromEntries(DIMENSIONS.filter((d) => d in values).map((d) => [d, values[d]]));
  return m.rows.items.flatMap((row) => row.cells.flatMap((cell, i) => (cell ? [{ values: ordered({ ...row.values, [m.columns]: m.column_values[i] }), cell }] : [])));
}
