import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { EvaluationItem } from '../../api/evaluations';
import { wordDiff } from '../../evaluation/wordDiff';
import { CorrectnessGrid } from './CorrectnessGrid';
import { TraceView } from './TraceView';
import { WordDiffView } from './WordDiffView';

afterEach(cleanup);

const item = (item_id: string, method: string, status: string, exact: number, change: Partial<EvaluationItem> = {}): EvaluationItem => ({
  id: `${item_id}-${method}`, item_id, method, status, question: `Question ${item_id}?`, expected: ['x'], answer: 'a', extracted_answer: 'a',
  scores: { exact_match: exact }, latency_ms: 10, prompt_tokens: 1, completion_tokens: 1, cost_usd: 0, steps: 1, trace: [], retrieved_chunks: [], error: null, ...change,
});

describe('TraceView', () => {
  it('labels a tool error and a stuck ending in words', () => {
    const trace = [
      { step: 1, output: 'o1', thought: 'Compute it', action: 'calculator', action_input: '2 +', observation: 'Error: unexpected end', tool_error: true },
      { step: 2, output: 'o2', thought: 'Again', action: 'lookup', action_input: 'Iron', observation: 'Iron is…', tool_error: false },
      { step: 3, output: 'o3', thought: 'Again', action: 'lookup', action_input: 'Iron', observation: null, tool_error: false },
    ];
    render(<TraceView item={{ trace, status: 'stuck', method: 'agent' }} />);
    expect(screen.getByRole('heading', { name: 'Agent trace (3 steps)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Step 1 · tool error' })).toBeTruthy();
    expect(screen.getByText('Observation (tool error)')).toBeTruthy();
    expect(screen.getByText('calculator[2 +]')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Step 3 · repeated action' })).toBeTruthy();
    expect(screen.getByTestId('trace-stuck').textContent).toContain('Stuck at step 3');
  });

  it('marks the answering step of a finished agent and draws nothing without a trace', () => {
    const { container, rerender } = render(<TraceView item={{ trace: [{ step: 1, output: 'Final Answer: Si', thought: 'I know', action: null, action_input: null, observation: null, tool_error: false }], status: 'completed', method: 'agent' }} />);
    expect(screen.getByRole('heading', { name: 'Step 1 · answer' })).toBeTruthy();
    expect(screen.queryByTestId('trace-stuck')).toBeNull();
    rerender(<TraceView item={{ trace: [], status: 'completed', method: 'naive' }} />);
    expect(container.textContent).toBe('');
  });
});

describe('CorrectnessGrid', () => {
  it('has one button per cell that names item, method and state and opens the item', () => {
    const open = vi.fn();
    const items = [item('q1', 'naive', 'completed', 100), item('q1', 'rag', 'completed', 0), item('q2', 'naive', 'failed', 0)];
    render(<CorrectnessGrid items={items} methods={['naive', 'rag']} onOpen={open} />);
    const grid = screen.getByRole('region', { name: 'Correctness grid' });
    expect(within(grid).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['q1, naive: correct', 'q1, rag: wrong', 'q2, naive: failed']);
    fireEvent.click(within(grid).getByRole('button', { name: 'q1, rag: wrong' }));
    expect(open).toHaveBeenCalledWith(items[1]);
    fireEvent.click(screen.getByLabelText('Only items the methods disagree on'));
    expect(within(grid).getAllByRole('row')).toHaveLength(2);
  });
});

describe('WordDiffView', () => {
  it('shows the shared words on both sides and marks each side’s own words', () => {
    const parts = wordDiff('the answer is Paris', 'the answer is London');
    const { container: a } = render(<WordDiffView parts={parts} side="a" label="A" />);
    expect(a.querySelector('del')?.textContent).toBe('only in A: Paris');
    expect(a.querySelector('ins')).toBeNull();
    cleanup();
    const { container: b } = render(<WordDiffView parts={parts} side="b" label="B" />);
    expect(b.querySelector('ins')?.textContent).toBe('only in B: London');
    expect(b.textContent).toContain('the answer is');
  });
});
