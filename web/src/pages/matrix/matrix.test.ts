import { describe, expect, it } from 'vitest';
import { cellVerdict, configurationsOf, matrixPath, rowLabel, varying, type RunMatrixView } from './matrix';

const cell = (score: number, f1?: number) => ({ response_id: `r${score}`, excerpt: 'text', responses: 2, latency_ms: 120, means: { overall_score: score, ...(f1 === undefined ? {} : { f1 }) } });
const view: RunMatrixView = {
  run_id: 'run', columns: 'model', column_values: ['tiny', 'small'], row_dimensions: ['temperature'],
  dimensions: { prompt: 1, model: 2, temperature: 2, top_p: 1, max_tokens: 1, frequency_penalty: 1, presence_penalty: 1 }, responses: 6,
  rows: { items: [{ values: { temperature: '0.2' }, cells: [cell(70), cell(40)] }, { values: { temperature: '1' }, cells: [cell(60), null] }], total: 2, page: 1, page_size: 20 },
};

describe('the run matrix', () => {
  it('asks one page of rows with the chosen columns', () => {
    expect(matrixPath('run', 'model', 0)).toBe('/api/experiments/batch/run/matrix?page=1&page_size=20&columns=model');
    expect(matrixPath('run', null, 2, 10)).toBe('/api/experiments/batch/run/matrix?page=3&page_size=10');
  });

  it('offers as columns only the dimensions that vary', () => {
    expect(varying(view)).toEqual(['model', 'temperature']);
  });

  it('passes or fails a cell on the checks of metrics it has, naming each miss', () => {
    const checks = [{ metric: 'overall_score', op: '>=', value: 50 }, { metric: 'latency_p95_ms', op: '<=', value: 10 }, { metric: 'f1', op: '>=', value: 0.5 }];
    expect(cellVerdict(cell(70).means, checks)).toEqual({ passed: true, failed: [], checked: 1 });
    expect(cellVerdict(cell(40, 0.2).means, checks)).toEqual({ passed: false, failed: ['overall_score 40.0 (needs >= 50)', 'f1 0.2 (needs >= 0.5)'], checked: 2 });
    expect(cellVerdict(cell(40).means, [{ metric: 'overall_score', op: '<=', value: 40 }])?.passed).toBe(true);
    // Run-level checks only: no verdict per cell.
    expect(cellVerdict(cell(40).means, [{ metric: 'cost_usd', op: '<=', value: 1 }])).toBeNull();
  });

  it('labels rows by their values and cuts long prompts', () => {
    expect(rowLabel({ prompt: 'x'.repeat(90), temperature: '0.2' }, 10)).toBe('xxxxxxxxxx… · temperature 0.2');
  });

  it('flattens cells into configurations with every value, skipping empty cells', () => {
    const configurations = configurationsOf(view);
    expect(configurations).toHaveLength(3);
    expect(configurations[1].values).toEqual({ temperature: '0.2', model: 'small' });
    expect(Object.keys(configurations[1].values)).toEqual(['model', 'temperature']); // the grid's order, not the row's first
    expect(configurations[2].cell.means.overall_score).toBe(60);
  });
});
