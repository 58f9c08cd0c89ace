import { describe, expect, it } from 'vitest';
import { byValue } from './parameterValues';
import { preview, validateGrid, type GridDraft } from './Batches';
import { runLabel } from './Compare';

describe('byValue', () => {
  it('orders max_tokens 40 before 120 (numbers, not text)', () => {
    expect(byValue([{ value: '120' }, { value: '40' }]).map((v) => v.value)).toEqual(['40', '120']);
  });
});

describe('validateGrid', () => {
  const ok: GridDraft = { name: 'n', temperature: { min: 0.2, max: 1, step: 0.4 }, top_p: { min: 0.5, max: 1, step: 0.25 }, maxTokens: '60, 120', responseCount: 2 };
  it('accepts a valid grid', () => expect(validateGrid(ok)).toEqual({}));
  it('names each field in the API wording', () => {
    const errors = validateGrid({ ...ok, temperature: { min: -1, max: 3, step: 0.1 }, top_p: { min: 0.5, max: 1, step: 0 }, maxTokens: '60, abc', responseCount: 1.5 });
    expect(errors).toEqual({
      'parameter_ranges.temperature': 'must be between 0 and 2.',
      'parameter_ranges.top_p.step': 'must be greater than 0.',
      'parameter_ranges.max_tokens': 'must be whole numbers from 1 to 32768, separated by commas.',
      response_count: 'must be a whole number from 1 to 100.',
    });
  });
  it('refuses a reversed range and an empty max_tokens list', () => {
    expect(validateGrid({ ...ok, top_p: { min: 1, max: 0.5, step: 0.1 }, maxTokens: ' ' })).toMatchObject({
      'parameter_ranges.top_p': 'min must not exceed max.', 'parameter_ranges.max_tokens': 'needs at least one value.' });
  });
});

describe('preview', () => {
  it('lists a short grid and caps a long one with its count', () => {
    expect(preview([0.2, 0.6, 1])).toBe('0.2, 0.6, 1');
    const long = preview(Array.from({ length: 2001 }, (_, i) => i / 1000));
    expect(long).toContain('(2001 values)');
    expect(long.length).toBeLessThan(80);
  });
});

describe('runLabel', () => {
  it('tells apart runs whose ids share the first 8 characters', () => {
    const base = { experiment_id: null, name: 'grid', status: 'completed', total_combinations: 6, total_calls: 12, completed_calls: 12, failed_calls: 0, created_at: '2026-11-28T10:00:00Z', finished_at: null };
    expect(runLabel({ ...base, id: '01a2093d-aaaa-4000-8000-000000000001' })).not.toBe(runLabel({ ...base, id: '01a2093d-bbbb-4000-8000-000000000002' }));
  });
});
