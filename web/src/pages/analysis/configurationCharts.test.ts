import { describe, expect, it } from 'vitest';
import type { Configuration } from '../matrix/matrix';
import { describe as describeConfig, filterOf, linear, nextIndex, numericDimensions, parallelLayout, scatterLayout } from './configurationCharts';

const config = (temperature: string, topP: string, score: number, model = 'tiny'): Configuration => ({
  values: { temperature, top_p: topP, model },
  cell: { response_id: `${temperature}-${topP}`, excerpt: '', responses: 2, latency_ms: 100, means: { overall_score: score } },
});
const frame = { width: 200, height: 100, left: 20, right: 0, top: 0, bottom: 20 };

describe('configuration charts', () => {
  const configs = [config('0', '1', 40), config('1', '1', 80), config('2', '1', 60)];

  it('finds the numeric parameters that vary', () => {
    expect(numericDimensions(configs)).toEqual(['temperature']);
    expect(numericDimensions([...configs, config('0', '0.5', 10)])).toEqual(['temperature', 'top_p']);
  });

  it('maps values linearly onto round ticks, a single value to the middle', () => {
    const s = linear([0, 2], 0, 100);
    expect(s.at(1)).toBe(50);
    expect(s.ticks.map((t) => t.value)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(linear([3, 3], 0, 100).at(3)).toBe(50);
  });

  it('places scatter points: parameter across, metric up (higher is higher on screen)', () => {
    const { points } = scatterLayout(configs, 'temperature', 'overall_score', frame);
    expect(points.map((p) => p.x)).toEqual([20, 110, 200]);
    expect(points[1].y).toBeLessThan(points[0].y);
    expect(points[0].label).toBe('temperature 0, top_p 1, model tiny: overall_score 40.0 over 2 responses');
  });

  it('draws one polyline per configuration across every axis, the metric last', () => {
    const { axes, lines } = parallelLayout([...configs, config('0', '0.5', 10)], ['temperature', 'top_p'], 'overall_score', frame);
    expect(axes.map((a) => [a.name, a.x])).toEqual([['temperature', 20], ['top_p', 110], ['overall_score', 200]]);
    expect(lines).toHaveLength(4);
    expect(lines[0].path.split(' L')).toHaveLength(3);
    expect(lines[0].path.startsWith('M20.0 ')).toBe(true);
  });

  it('moves focus with the arrows, wrapping, and jumps with Home and End', () => {
    expect(nextIndex('ArrowRight', 2, 3)).toBe(0);
    expect(nextIndex('ArrowUp', 0, 3)).toBe(2);
    expect(nextIndex('End', 0, 3)).toBe(2);
    expect(nextIndex('Enter', 0, 3)).toBeNull();
  });

  it('filters the responses by the numeric values only', () => {
    expect(filterOf(configs[1])).toEqual({ temperature: 1, top_p: 1 });
    expect(describeConfig(config('0', '1', 40, 'x'.repeat(3)), 'overall_score')).toContain('model xxx');
  });
});
