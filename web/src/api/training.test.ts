import { describe, expect, it } from 'vitest';
import { validateUploadOptions } from './knowledge';
import { emptyDraft, jobRequest, parseGradedTexts, validateTrainingDraft } from './training';

const valid = () => ({ ...emptyDraft(), name: 'handbook-v1', document_ids: ['d1'] });

describe('training form rules (the server\'s TrainingLimits)', () => {
  it('accepts a complete draft and builds the API body from it', () => {
    expect(validateTrainingDraft(valid())).toEqual({});
    expect(jobRequest({ ...valid(), context_length: '' })).toMatchObject({
      name: 'handbook-v1', document_ids: ['d1'], epochs: 3, batch_size: 8, learning_rate: 0.01, context_length: undefined, base_model: undefined,
    });
    expect(jobRequest({ ...valid(), source: 'dataset', dataset_id: 'ds' })).toMatchObject({ dataset_id: 'ds' });
  });

  it('names each wrong field as the API does', () => {
    const errors = validateTrainingDraft({ ...valid(), name: 'Has Spaces', epochs: '0', batch_size: '2.5', learning_rate: '2', document_ids: [] });
    expect(Object.keys(errors).sort()).toEqual(['batch_size', 'document_ids', 'epochs', 'learning_rate', 'name']);
    expect(errors.epochs).toBe('must be between 1 and 100.');
    expect(errors.learning_rate).toBe('must be between 0.000001 and 1.');
    expect(validateTrainingDraft({ ...valid(), name: 'local-ngram' }).name).toContain('built-in');
    expect(validateTrainingDraft({ ...valid(), source: 'dataset' }).dataset_id).toBeDefined();
  });
});

describe('graded texts', () => {
  it('reads "score | text" lines and JSON arrays', () => {
    expect(parseGradedTexts('80 | Good answer.\n10\tbad')).toEqual({ texts: [{ text: 'Good answer.', expected_score: 80 }, { text: 'bad', expected_score: 10 }] });
    expect(parseGradedTexts('[{"text":"a","expected_score":5}]')).toEqual({ texts: [{ text: 'a', expected_score: 5 }] });
  });

  it('names the first wrong line by its API field', () => {
    expect(parseGradedTexts('80 | fine\n150 | too high')).toMatchObject({ field: 'texts[1].expected_score' });
    expect(parseGradedTexts('just text')).toMatchObject({ field: 'texts[0].text' });
    expect(parseGradedTexts('  ')).toMatchObject({ field: 'texts' });
    expect(parseGradedTexts('[oops')).toMatchObject({ field: 'texts', message: 'is not valid JSON.' });
  });
});

describe('upload options', () => {
  it('checks chunk size and overlap like the server', () => {
    expect(validateUploadOptions({ collection: '', chunk_size: '1000', chunk_overlap: '150' })).toEqual({});
    expect(validateUploadOptions({ collection: '', chunk_size: '50', chunk_overlap: '' }).chunk_size).toBe('must be between 100 and 8000 characters.');
    expect(validateUploadOptions({ collection: '', chunk_size: '400', chunk_overlap: '300' }).chunk_overlap).toBe('must be between 0 and half of chunk_size (200).');
  });
});
