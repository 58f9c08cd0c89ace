import { describe, expect, it } from 'vitest';
import { gridSize, rangeValues } from './Batches';
import { emptyDraft, validateDraft } from './ExperimentForm';

describe('rangeValues', () => {
  it('makes 0.1..1.0 step 0.1 exactly ten values without drift', () => {
    const values = rangeValues(0.1, 1.0, 0.1);
    expect(values).toHaveLength(10);
    expect(values[2]).toBe(0.3);
    expect(values[9]).toBe(1);
  });
  it('is empty for a non-positive step or a reversed range', () => {
    expect(rangeValues(0, 1, 0)).toEqual([]);
    expect(rangeValues(1, 0, 0.1)).toEqual([]);
  });
});

describe('gridSize', () => {
  it('multiplies the lists and the repetitions', () => {
    expect(gridSize([[0.2, 0.6, 1], [0.5, 1], [60]], 2)).toEqual({ combinations: 6, calls: 12 });
  });
});

describe('validateDraft', () => {
  it('accepts the defaults with a name and prompt', () => {
    expect(validateDraft({ ...emptyDraft, name: 'n', prompt: 'p' })).toEqual({});
  });
  it('names each field the API would reject', () => {
    const errors = validateDraft({ ...emptyDraft, name: '', prompt: 'p', temperature_max: 3, top_p_min: 0, temperature_step: 0, max_tokens: 0 });
    expect(Object.keys(errors).sort()).toEqual(['max_tokens', 'name', 'temperature_max', 'temperature_step', 'top_p_min']);
  });
});
