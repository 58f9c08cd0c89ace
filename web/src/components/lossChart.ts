// The loss chart's geometry, kept apart from React so it can be tested: scales, round tick values, SVG paths.

export interface Point { step: number; loss: number }
export interface Frame { width: number; height: number; left: number; right: number; top: number; bottom: number }
export interface Scaled { x: (step: number) => number; y: (loss: number) => number; xTicks: number[]; yTicks: number[] }

/** Round tick values (1, 2 or 5 × 10ⁿ apart) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max === min) return [min];
  const raw = (max - min) / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(10)));
  return ticks;
}

/** Scales for every series together: steps from 1 (or the first) to the last, losses from the lowest tick to the highest. */
export function scale(series: Point[][], frame: Frame, totalSteps?: number): Scaled {
  const all = series.flat();
  const maxStep = Math.max(totalSteps ?? 0, ...all.map((p) => p.step), 1);
  const xTicks = niceTicks(0, maxStep, 6).filter((t) => t <= maxStep);
  const losses = all.map((p) => p.loss).filter(Number.isFinite);
  const yTicks = losses.length ? niceTicks(Math.min(...losses), Math.max(...losses), 5) : [0, 1];
  const [low, high] = [yTicks[0], yTicks[yTicks.length - 1] === yTicks[0] ? yTicks[0] + 1 : yTicks[yTicks.length - 1]];
  const plotWidth = frame.width - frame.left - frame.right;
  const plotHeight = frame.height - frame.top - frame.bottom;
  return {
    x: (step) => frame.left + (step / maxStep) * plotWidth,
    y: (loss) => frame.top + (1 - (loss - low) / (high - low)) * plotHeight,
    xTicks,
    yTicks,
  };
}

/** An SVG path through the points in step order ("M x y L x y …"), coordinates to 0.1 px. */
export function linePath(points: Point[], s: Pick<Scaled, 'x' | 'y'>): string {
  return [...points].sort((a, b) => a.step - b.step)
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${s.x(p.step).toFixed(1)} ${s.y(p.loss).toFixed(1)}`).join(' ');
}

/** At most `max` points, evenly spread and always keeping the last, so a long job still draws quickly. */
export function thin(points: Point[], max = 600): Point[] {
  if (points.length <= max) return points;
  const every = points.length / max;
  const kept = Array.from({ length: max - 1 }, (_, i) => points[Math.floor(i * every)]);
  return [...kept, points[points.length - 1]];
}
