// Geometry of the batch analysis' scatter (one parameter against a metric) and parallel coordinates (every varying
// parameter and the metric), kept apart from React so it can be tested. A point or a line is one grid configuration.
import { niceTicks } from '../../components/lossChart';
import type { Configuration } from '../matrix/matrix';
import type { CellFilter } from './analysisQueries';

export const NUMERIC = ['temperature', 'top_p', 'max_tokens', 'frequency_penalty', 'presence_penalty'] as const;
export interface Frame { width: number; height: number; left: number; right: number; top: number; bottom: number }
export interface Tick { value: number; at: number }

/** The numeric parameters that take more than one value over the configurations. */
export const numericDimensions = (configs: Configuration[]) =>
  NUMERIC.filter((d) => new Set(configs.map((c) => c.values[d]).filter((v) => v !== undefined)).size > 1);

/** A linear map of [min, max] (widened to round ticks) onto [from, to]; a single value sits in the middle. */
export function linear(values: number[], from: number, to: number): { at: (v: number) => number; ticks: Tick[] } {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { at: () => (from + to) / 2, ticks: [] };
  const ticks = niceTicks(Math.min(...finite), Math.max(...finite), 5);
  const low = ticks[0];
  const high = ticks[ticks.length - 1];
  const at = (v: number) => (high === low ? (from + to) / 2 : from + ((v - low) / (high - low)) * (to - from));
  return { at, ticks: ticks.map((t) => ({ value: t, at: at(t) })) };
}

const valueOf = (c: Configuration, name: string) => (name in c.values ? Number(c.values[name]) : c.cell.means[name]);

export interface ScatterPoint { x: number; y: number; config: Configuration; label: string }

export function scatterLayout(configs: Configuration[], parameter: string, metric: string, f: Frame) {
  const shown = configs.filter((c) => Number.isFinite(valueOf(c, parameter)) && Number.isFinite(c.cell.means[metric]));
  const xs = linear(shown.map((c) => valueOf(c, parameter)), f.left, f.width - f.right);
  const ys = linear(shown.map((c) => c.cell.means[metric]), f.height - f.bottom, f.top);
  const points: ScatterPoint[] = shown.map((c) => ({ x: xs.at(valueOf(c, parameter)), y: ys.at(c.cell.means[metric]), config: c, label: describe(c, metric) }));
  return { points, xTicks: xs.ticks, yTicks: ys.ticks };
}

export interface ParallelAxis { name: string; x: number; ticks: Tick[] }
export interface ParallelLine { path: string; config: Configuration; label: string }

/** One vertical axis per dimension and the metric last, left to right; one polyline per configuration across them. */
export function parallelLayout(configs: Configuration[], dimensions: string[], metric: string, f: Frame) {
  const names = [...dimensions, metric];
  const shown = configs.filter((c) => names.every((n) => Number.isFinite(valueOf(c, n))));
  const gap = names.length > 1 ? (f.width - f.left - f.right) / (names.length - 1) : 0;
  const scales = names.map((n) => linear(shown.map((c) => valueOf(c, n)), f.height - f.bottom, f.top));
  const axes: ParallelAxis[] = names.map((name, i) => ({ name, x: f.left + i * gap, ticks: scales[i].ticks }));
  const lines: ParallelLine[] = shown.map((c) => ({
    path: names.map((n, i) => `${i === 0 ? 'M' : 'L'}${axes[i].x.toFixed(1)} ${scales[i].at(valueOf(c, n)).toFixed(1)}`).join(' '),
    config: c,
    label: describe(c, metric),
  }));
  return { axes, lines };
}

/** "temperature 0.2, top_p 1: overall_score 71.3 over 2 responses" — what a screen reader hears for a point or a line. */
export function describe(c: Configuration, metric: string): string {
  const values = Object.entries(c.values).map(([k, v]) => (k === 'prompt' ? `prompt "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : `${k} ${v}`)).join(', ');
  return `${values}: ${metric} ${c.cell.means[metric]?.toFixed(1) ?? 'none'} over ${c.cell.responses} responses`;
}

/** Roving focus among n marks: arrows step, Home and End jump; null for any other key. */
export function nextIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowRight' || key === 'ArrowDown') return (index + 1) % count;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/** The responses table's filter for a configuration: its numeric grid values (prompt and model are not filters there). */
export function filterOf(c: Configuration): CellFilter {
  const filter: CellFilter = {};
  for (const name of NUMERIC) if (c.values[name] !== undefined) filter[name] = Number(c.values[name]);
  return filter;
}
