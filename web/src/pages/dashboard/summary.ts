// The dashboard's cards over a timeframe (GET /api/analytics/summary), turned into a title, a headline and a detail each.
import { formatCost } from '../batches/estimate';

export interface AnalyticsSummary {
  timeframe: string; responses: number; runs: number; mean_overall_score: number | null;
  accuracy: { responses: number; exact_match: number | null; f1: number | null };
  latency_p50_ms: number | null; latency_p95_ms: number | null; prompt_tokens: number; completion_tokens: number; cost_usd: number;
}

export const TIMEFRAMES = [['1d', 'Today'], ['7d', '7 days'], ['30d', '30 days'], ['90d', '90 days'], ['365d', '1 year']] as const;

export const summaryPath = (timeframe: string) => `/api/analytics/summary?timeframe=${encodeURIComponent(timeframe)}`;

export interface Card { title: string; value: string; detail: string }

const count = (n: number) => n.toLocaleString('en-US');
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const ms = (v: number | null) => (v === null ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const compact = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(1)}k` : count(n));

export function cardsOf(s: AnalyticsSummary): Card[] {
  const tokens = s.prompt_tokens + s.completion_tokens;
  return [
    { title: 'Calls', value: count(s.responses), detail: `scored responses in ${s.runs} ${s.runs === 1 ? 'run' : 'runs'}${s.mean_overall_score !== null ? `; mean overall ${s.mean_overall_score.toFixed(1)}` : ''}` },
    s.accuracy.responses > 0 && s.accuracy.exact_match !== null
      ? { title: 'Accuracy', value: percent(s.accuracy.exact_match), detail: `exact match over ${count(s.accuracy.responses)} responses with a reference${s.accuracy.f1 !== null ? `; F1 ${s.accuracy.f1.toFixed(3)}` : ''}` }
      : { title: 'Accuracy', value: '—', detail: 'no response had a reference answer in this timeframe' },
    { title: 'Latency', value: `p50 ${ms(s.latency_p50_ms)}`, detail: `p95 ${ms(s.latency_p95_ms)}` },
    { title: 'Tokens', value: compact(tokens), detail: `${count(s.prompt_tokens)} prompt + ${count(s.completion_tokens)} completion` },
    { title: 'Cost', value: formatCost(s.cost_usd), detail: s.responses > 0 ? `${formatCost(s.cost_usd / s.responses)} per call` : 'no calls' },
  ];
}
