import { describe, expect, it } from 'vitest';
import { cardsOf, summaryPath, type AnalyticsSummary } from './summary';

const summary: AnalyticsSummary = {
  timeframe: '7d', responses: 1250, runs: 3, mean_overall_score: 71.26, accuracy: { responses: 40, exact_match: 0.625, f1: 0.7123 },
  latency_p50_ms: 412.4, latency_p95_ms: 1830, prompt_tokens: 10000, completion_tokens: 25000, cost_usd: 1.5,
};

describe('dashboard cards', () => {
  it('asks the summary for the chosen timeframe', () => {
    expect(summaryPath('30d')).toBe('/api/analytics/summary?timeframe=30d');
  });

  it('shows calls, accuracy where references exist, latency p50/p95, tokens and cost', () => {
    expect(cardsOf(summary)).toEqual([
      { title: 'Calls', value: '1,250', detail: 'scored responses in 3 runs; mean overall 71.3' },
      { title: 'Accuracy', value: '62.5%', detail: 'exact match over 40 responses with a reference; F1 0.712' },
      { title: 'Latency', value: 'p50 412 ms', detail: 'p95 1.83 s' },
      { title: 'Tokens', value: '35.0k', detail: '10,000 prompt + 25,000 completion' },
      { title: 'Cost', value: '$1.50', detail: '$0.0012 per call' },
    ]);
  });

  it('says so when nothing had a reference or nothing ran', () => {
    const empty = cardsOf({ ...summary, responses: 0, runs: 0, mean_overall_score: null, accuracy: { responses: 0, exact_match: null, f1: null },
      latency_p50_ms: null, latency_p95_ms: null, prompt_tokens: 0, completion_tokens: 0, cost_usd: 0 });
    expect(empty[1]).toEqual({ title: 'Accuracy', value: '—', detail: 'no response had a reference answer in this timeframe' });
    expect(empty[2].value).toBe('p50 —');
    expect(empty[4]).toEqual({ title: 'Cost', value: '$0', detail: 'no calls' });
    expect(empty[0].detail).toBe('scored responses in 0 runs');
  });
});
