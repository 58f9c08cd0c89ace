// Quality over time (GET /api/analytics/quality/trends): one metric's daily mean across every run of the tenant or of one
// experiment, drawn with the loss chart's scales (x: days since the first point).
import type { Trend } from '../../api/types';
import type { Point } from '../../components/lossChart';

export function trendPath(metric: string, timeframe: string, experimentId: string): string {
  const params = new URLSearchParams({ metric, timeframe });
  if (experimentId) params.set('experiment_id', experimentId);
  return `/api/analytics/quality/trends?${params}`;
}

const day = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** Points for the chart: step = days since the first point (gaps stay gaps in x), loss = the day's mean. */
export const trendPoints = (t: Trend): Point[] => {
  if (t.points.length === 0) return [];
  const origin = day(t.points[0].date);
  return t.points.map((p) => ({ step: day(p.date) - origin, loss: p.mean }));
};

/** The date a chart tick (days since the first point) stands for, as "Nov 27". */
export function tickDate(t: Trend, offset: number): string {
  if (t.points.length === 0) return '';
  const at = new Date((day(t.points[0].date) + offset) * 86_400_000);
  return at.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** "improving: +1.20 points a day (p = 0.003, R² 0.71) over 412 responses on 9 days" — or why there is no direction. */
export function describeTrend(t: Trend): string {
  const days = `${t.sample_size} responses on ${t.points.length} ${t.points.length === 1 ? 'day' : 'days'}`;
  if (t.direction === 'insufficient_data') return `not enough days for a direction (3 needed): ${days}`;
  const rate = t.rate_per_day === null ? '' : `: ${t.rate_per_day >= 0 ? '+' : '−'}${Math.abs(t.rate_per_day).toFixed(2)} points a day`;
  const fit = t.p_value === null ? '' : ` (p = ${t.p_value.toFixed(3)}${t.r_squared != null ? `, R² ${t.r_squared.toFixed(2)}` : ''})`;
  return `${t.direction.replace('_', ' ')}${rate}${fit} over ${days}`;
}
