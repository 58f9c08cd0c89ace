import type { ExportRow } from '../api/types';

/**
 * THE definition of "best configuration" (web/DESIGN.md), the same as the server's live preview
 * (results_preview.optimal_parameters): the grid combination — every parameter together — whose scored responses have
 * the highest mean of the metric; a tie goes to the lower mean latency. The heatmap outlines this cell and the
 * analysis names it; the per-parameter table answers a different question (each value averaged over the others).
 */
export const GRID_PARAMETERS = ['temperature', 'top_p', 'max_tokens', 'frequency_penalty', 'presence_penalty'] as const;

export interface Configuration { parameters: Record<string, number>; mean: number; responses: number; latency: number }

export function bestConfiguration(rows: ExportRow[], metric: string): Configuration | null {
  const groups = new Map<string, { parameters: Record<string, number>; sum: number; n: number; latency: number }>();
  for (const r of rows) {
    const value = r[metric];
    if (typeof value !== 'number') continue;
    const parameters = Object.fromEntries(GRID_PARAMETERS.filter((p) => r[p] !== undefined && r[p] !== null).map((p) => [p, Number(r[p])]));
    const key = JSON.stringify(parameters);
    const g = groups.get(key) ?? { parameters, sum: 0, n: 0, latency: 0 };
    g.sum += value;
    g.n += 1;
    g.latency += Number(r.response_time_ms ?? 0);
    groups.set(key, g);
  }
  let best: Configuration | null = null;
  for (const g of groups.values()) {
    const candidate = { parameters: g.parameters, mean: g.sum / g.n, responses: g.n, latency: g.latency / g.n };
    if (!best || candidate.mean > best.mean || (candidate.mean === best.mean && candidate.latency < best.latency)) best = candidate;
  }
  return best;
}

/** Mean of a metric per (temperature, top_p) cell, over the responses at one max_tokens value when given. */
export function heatCells(rows: ExportRow[], metric: string, maxTokens?: number) {
  const groups = new Map<string, { x: number; y: number; sum: number; n: number }>();
  for (const r of rows) {
    const value = r[metric];
    if (typeof value !== 'number') continue;
    if (maxTokens !== undefined && Number(r.max_tokens) !== maxTokens) continue;
    const x = Number(r.temperature);
    const y = Number(r.top_p);
    const g = groups.get(`${x}|${y}`) ?? { x, y, sum: 0, n: 0 };
    g.sum += value;
    g.n += 1;
    groups.set(`${x}|${y}`, g);
  }
  return [...groups.values()].map((g) => ({ x: g.x, y: g.y, value: g.sum / g.n }));
}

/** Parameter values as numbers where they are numbers, so 40 comes before 120 (text order put "120" first). */
export function byValue<T extends { value: string }>(values: T[]): T[] {
  return [...values].sort((a, b) => {
    const x = Number(a.value);
    const y = Number(b.value);
    return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.value.localeCompare(b.value);
  });
}

/** The distinct values of each grid parameter in a run's responses, ascending. */
export function gridOf(rows: ExportRow[]): Record<string, number[]> {
  const grid: Record<string, number[]> = {};
  for (const p of GRID_PARAMETERS) {
    const values = [...new Set(rows.map((r) => r[p]).filter((v) => v !== null && v !== undefined && v !== '').map(Number))].sort((a, b) => a - b);
    if (values.length > 0) grid[p] = values;
  }
  return grid;
}
