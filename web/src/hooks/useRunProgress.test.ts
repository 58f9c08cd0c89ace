import { describe, expect, it } from 'vitest';
import { isFinal, rateOf } from './useRunProgress';

describe('run progress', () => {
  it('knows the final states of the status machine', () => {
    expect(['completed', 'completed_with_errors', 'failed', 'cancelled'].every(isFinal)).toBe(true);
    expect(isFinal('running')).toBe(false);
    expect(isFinal('paused')).toBe(false);
  });
  it('measures calls per second between the first and last sample', () => {
    expect(rateOf([{ at: 0, done: 0 }, { at: 500, done: 10 }, { at: 2000, done: 40 }])).toBe(20);
    expect(rateOf([{ at: 0, done: 0 }])).toBeNull();
  });
});

describe('untilCovered', () => {
  it('asks again every second while a view covers fewer responses than the run has, then stops', async () => {
    const { untilCovered } = await import('./queries');
    expect(untilCovered(12)({ state: { data: { sample_size: 7 } } })).toBe(1000);
    expect(untilCovered(12)({ state: {} })).toBe(1000);
    expect(untilCovered(12)({ state: { data: { sample_size: 12 } } })).toBe(false);
    expect(untilCovered(undefined)({ state: { data: { sample_size: 0 } } })).toBe(false);
  });
});
