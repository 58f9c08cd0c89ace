import { describe, expect, it } from 'vitest';
import type { Trend } from '../../api/types';
import { describeTrend, tickDate, trendPath, trendPoints } from './trend';

const trend: Trend = {
  metric: 'relevance_score', sample_size: 412, direction: 'improving', rate_per_day: 1.2, p_value: 0.0031, r_squared: 0.712,
  points: [{ date: '2026-11-20', count: 100, mean: 60 }, { date: '2026-11-21', count: 12, mean: 61 }, { date: '2026-11-27', count: 300, mean: 70 }],
};

describe('quality over time', () => {
  it('asks for one metric over a timeframe, optionally one experiment', () => {
    expect(trendPath('f1', '90d', '')).toBe('/api/analytics/quality/trends?metric=f1&timeframe=90d');
    expect(trendPath('overall_score', '7d', 'abc')).toBe('/api/analytics/quality/trends?metric=overall_score&timeframe=7d&experiment_id=abc');
  });

  it('places days by date, so a gap stays a gap', () => {
    expect(trendPoints(trend)).toEqual([{ step: 0, loss: 60 }, { step: 1, loss: 61 }, { step: 7, loss: 70 }]);
    expect(tickDate(trend, 7)).toBe('Nov 27');
  });

  it('states the direction with its rate and fit, or why there is none', () => {
    expect(describeTrend(trend)).toBe('improving: +1.20 points a day (p = 0.003, R² 0.71) over 412 responses on 3 days');
    expect(describeTrend({ ...trend, direction: 'declining', rate_per_day: -0.5 })).toMatch(/^declining: −0.50 points a day/);
    expect(describeTrend({ ...trend, direction: 'insufficient_data', points: trend.points.slice(0, 1) })).toBe('not enough days for a direction (3 needed): 412 responses on 1 day');
  });
});
