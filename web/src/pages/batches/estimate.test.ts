import { describe, expect, it } from 'vitest';
import { describeEstimate, estimatePath, formatCost, formatDuration, type RunEstimate } from './estimate';

describe('the builder estimate', () => {
  it('asks the server with the provider, model and calls', () => {
    expect(estimatePath(' local ', '', 12)).toBe('/api/experiments/batch/estimate?calls=12&provider=local');
    expect(estimatePath('', 'tiny', 3)).toBe('/api/experiments/batch/estimate?calls=3&provider=local&model=tiny');
  });

  it('formats durations for reading at a glance', () => {
    expect(formatDuration(0.61)).toBe('0.6 s');
    expect(formatDuration(5.5)).toBe('5.5 s');
    expect(formatDuration(48.4)).toBe('48 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(7500)).toBe('2 h 5 min');
    expect(formatDuration(NaN)).toBe('—');
  });

  it('formats cost in dollars', () => {
    expect(formatCost(0)).toBe('$0');
    expect(formatCost(0.01234)).toBe('$0.0123');
    expect(formatCost(12.4)).toBe('$12.40');
  });

  it('says what the estimate stands on, and when it is only an assumption', () => {
    const basis = { runs: 0, calls: 0, seconds_per_call: 0.2, cost_calls: 0, cost_per_call: 0 };
    const measured: RunEstimate = { provider: 'local', model: '', calls: 12, estimated_duration: 3.6, estimated_cost_usd: 0,
      basis: { ...basis, kind: 'runs', runs: 3, description: 'from 3 recent runs of local/default (12 calls each): median 0.3 s per call; no cost history' } };
    expect(describeEstimate(measured)).toBe('Estimated 3.6 s and $0 for 12 calls — from 3 recent runs of local/default (12 calls each): median 0.3 s per call; no cost history.');
    const none: RunEstimate = { ...measured, estimated_duration: 2.4, basis: { ...basis, kind: 'none', description: 'no history for local/x: assumed 0.2 s per call; no cost history' } };
    expect(describeEstimate(none)).toMatch(/^Assumed 2.4 s and \$0 for 12 calls — no history for local\/x/);
  });
});
