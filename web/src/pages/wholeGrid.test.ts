import { describe, expect, it } from 'vitest';
import { gridSize, modelList, promptLines, validateGrid, type GridDraft } from './Batches';

const draft: GridDraft = {
  name: 'n', temperature: { min: 0.2, max: 1, step: 0.4 }, top_p: { min: 1, max: 1, step: 0.1 }, maxTokens: '60', responseCount: 2,
  prompts: 'Explain rain.\nDescribe the ocean.\n\nExplain rain.', models: 'tiny, small, tiny', frequencyPenalty: '0, 0.5', presencePenalty: '0',
};

describe('the whole grid in the builder', () => {
  it('reads prompts one per line and models as a list, without blanks or repeats', () => {
    expect(promptLines(draft.prompts!)).toEqual(['Explain rain.', 'Describe the ocean.']);
    expect(modelList(draft.models!)).toEqual(['tiny', 'small']);
  });

  it('counts prompts × models × penalties × parameters × repetitions', () => {
    expect(gridSize([[0.2, 0.6, 1], [1], [60], [0, 0.5], [0], ['tiny', 'small'], [0, 1]], 2)).toEqual({ combinations: 24, calls: 48 });
  });

  it('accepts a valid whole grid and names each field the API would refuse', () => {
    expect(validateGrid(draft)).toEqual({});
    const errors = validateGrid({ ...draft, prompts: ' \n ', frequencyPenalty: '0, 3', presencePenalty: 'abc', responseCount: 101 });
    expect(errors).toEqual({
      prompt: 'is required: one prompt per line.',
      'parameter_ranges.frequency_penalty': 'must be numbers from -2 to 2, separated by commas.',
      'parameter_ranges.presence_penalty': 'must be numbers from -2 to 2, separated by commas.',
      response_count: 'must be a whole number from 1 to 100.',
    });
  });
});
