import { describe, expect, it } from 'vitest';
import { bins, groupedBins, niceWidth } from './histogram';

describe('niceWidth', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceWidth(0.7)).toBe(1);
    expect(niceWidth(1)).toBe(1);
    expect(niceWidth(13)).toBe(20);
    expect(niceWidth(37)).toBe(50);
    expect(niceWidth(51)).toBe(100);
    expect(niceWidth(0.003)).toBeCloseTo(0.005);
    expect(niceWidth(0)).toBe(1);
  });
});

describe('bins', () => {
  it('puts every value in exactly one bin of a nice width', () => {
    const values = [12, 18, 25, 31, 44, 47, 52, 58, 66, 99];
    const result = bins(values);
    expect(result.reduce((n, b) => n + b.count, 0)).toBe(values.length);
    const width = result[0].to - result[0].from;
    expect([1, 2, 5, 10, 20, 50, 100]).toContain(width);
    expect(result[0].from).toBeLessThanOrEqual(12);
    expect(result.at(-1)!.to).toBeGreaterThan(99);
    for (let i = 1; i < result.length; i++) expect(result[i].from).toBe(result[i - 1].to);
  });

  it('counts values on bin edges in the bin they start', () => {
    // 4 values: 2 bins wanted, width 10 from 0; bins are half-open, so 10 and 20 each start the next bin.
    const result = bins([0, 5, 10, 20]);
    expect(result).toEqual([{ from: 0, to: 10, count: 2 }, { from: 10, to: 20, count: 1 }, { from: 20, to: 30, count: 1 }]);
  });

  it('handles one value, equal values, and no values', () => {
    expect(bins([])).toEqual([]);
    expect(bins([42])).toEqual([{ from: 42, to: 43, count: 1 }]);
    expect(bins([7, 7, 7]).reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(bins([Number.NaN, 3])).toEqual([{ from: 3, to: 4, count: 1 }]);
  });

  it('never makes more than maxBins bins', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i * 1.37);
    expect(bins(values, 12).length).toBeLessThanOrEqual(12);
    expect(bins(values, 5).length).toBeLessThanOrEqual(5);
  });
});

describe('groupedBins', () => {
  it('counts each group on shared bins', () => {
    const rows = [{ m: 'naive', ms: 10 }, { m: 'naive', ms: 12 }, { m: 'rag', ms: 35 }, { m: 'rag', ms: 11 }];
    const result = groupedBins(rows, (r) => r.ms, (r) => r.m, ['naive', 'rag']);
    expect(result.reduce((n, b) => n + b.counts.naive, 0)).toBe(2);
    expect(result.reduce((n, b) => n + b.counts.rag, 0)).toBe(2);
    expect(result[0].bin).toBe(`${result[0].from}–${result[0].to}`);
    expect(result[0].counts).toEqual({ naive: 2, rag: 1 });
  });
});
