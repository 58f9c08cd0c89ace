import { describe, expect, it } from 'vitest';
import type { EvaluationItem } from '../api/evaluations';
import { buildGrid, cellState, pairAnswers } from './correctnessGrid';

const item = (item_id: string, method: string, status: string, exact: number, latency = 100): EvaluationItem => ({
  id: `${item_id}-${method}`, item_id, method, status, question: `Q ${item_id}`, expected: ['x'], answer: 'a', extracted_answer: 'a',
  scores: { exact_match: exact, f1: exact }, latency_ms: latency, prompt_tokens: 1, completion_tokens: 1, cost_usd: 0, steps: 1, trace: [], retrieved_chunks: [], error: null,
});

describe('cellState', () => {
  it('names each state, correct only at exact match 100', () => {
    expect(cellState(item('1', 'naive', 'completed', 100))).toBe('correct');
    expect(cellState(item('1', 'naive', 'completed', 99))).toBe('wrong');
    expect(cellState(item('1', 'agent', 'stuck', 0))).toBe('stuck');
    expect(cellState(item('1', 'agent', 'failed', 0))).toBe('failed');
    expect(cellState(item('1', 'agent', 'pending', 0))).toBe('pending');
    expect(cellState(item('1', 'agent', 'paused', 0))).toBe('pending');
    expect(cellState(item('1', 'agent', 'cancelled', 0))).toBe('cancelled');
    expect(cellState(undefined)).toBe('missing');
  });
});

describe('buildGrid', () => {
  it('makes one row per item with cells in method order, leaving gaps where a method has no item', () => {
    const items = [item('b', 'rag', 'completed', 100), item('b', 'naive', 'completed', 0), item('a', 'naive', 'completed', 100), item('a', 'other', 'completed', 100)];
    const grid = buildGrid(items, ['naive', 'rag', 'agent']);
    expect(grid.map((r) => r.itemId)).toEqual(['b', 'a']);
    expect(grid[0].cells.map((c) => c?.method)).toEqual(['naive', 'rag', undefined]);
    expect(grid[0].correct).toBe(1);
    expect(grid[1].cells.map((c) => c?.method)).toEqual(['naive', undefined, undefined]);
    expect(grid[1].correct).toBe(1);
  });
});

describe('pairAnswers', () => {
  it('pairs by item id the items both methods answered and marks agreement', () => {
    const items = [
      item('1', 'naive', 'completed', 100), item('1', 'rag', 'completed', 100),
      item('2', 'naive', 'completed', 0), item('2', 'rag', 'completed', 100),
      item('3', 'naive', 'failed', 0), item('3', 'rag', 'completed', 100),
      item('4', 'naive', 'completed', 0),
    ];
    const pairs = pairAnswers(items, 'naive', 'rag');
    expect(pairs.map((p) => [p.itemId, p.agree])).toEqual([['1', true], ['2', false]]);
    expect(pairs[1].a.method).toBe('naive');
    expect(pairs[1].b.method).toBe('rag');
  });
});
