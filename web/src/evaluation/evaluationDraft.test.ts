import { describe, expect, it } from 'vitest';
import { emptyEvaluation, formField, splitModel, toRequest, validateEvaluation, type EvaluationDraft } from './evaluationDraft';

const draft = (change: Partial<EvaluationDraft>): EvaluationDraft => ({ ...emptyEvaluation, name: 'e', datasetId: 'd1', datasetVersion: 2, ...change });

describe('validateEvaluation', () => {
  it('accepts a complete draft', () => {
    expect(validateEvaluation(draft({ methods: ['naive', 'rag', 'agent'] }), 100)).toEqual({});
  });

  it('names each wrong field with the API wording', () => {
    const errors = validateEvaluation(draft({
      name: ' ', datasetId: '', sampleSize: '0', seed: '1.5', methods: [], model: '', temperature: 3, topP: 0, maxTokens: 0,
    }));
    expect(errors).toEqual({
      name: 'is required.', dataset_id: 'is required.', sample_size: 'must be at least 1.', seed: 'must be a whole number.',
      methods: 'must name at least one method.', model: 'is required: choose a provider and model.',
      'parameters.temperature': 'must be between 0 and 2.', 'parameters.top_p': 'must be greater than 0 and at most 1.',
      'parameters.max_tokens': 'must be between 1 and 32768.',
    });
  });

  it('checks the sample size against the version and options only for the methods that use them', () => {
    expect(validateEvaluation(draft({ sampleSize: '101' }), 100).sample_size).toBe('must be at most 100, the items of this version.');
    expect(validateEvaluation(draft({ sampleSize: '' }), 100).sample_size).toBeUndefined();
    expect(validateEvaluation(draft({ methods: ['naive'], topK: 0, maxSteps: 99 }))).toEqual({});
    expect(validateEvaluation(draft({ methods: ['rag_hybrid'], topK: 0 }))['options.top_k']).toBe('must be between 1 and 100.');
    expect(validateEvaluation(draft({ methods: ['agent'], maxSteps: 21 }))['options.max_steps']).toBe('must be between 1 and 20.');
    expect(validateEvaluation(draft({ methods: ['rag'], collection: 'x'.repeat(201) }))['options.collection']).toBe('must be at most 200 characters.');
  });
});

describe('toRequest', () => {
  it('builds the API body with per-method options', () => {
    const body = toRequest(draft({ methods: ['naive', 'rag', 'agent'], model: 'openai/gpt-4o-mini', sampleSize: '10', seed: '7', topK: 5, maxSteps: 4, collection: ' elements ' }));
    expect(body).toMatchObject({
      name: 'e', dataset_id: 'd1', dataset_version: 2, sample_size: 10, seed: 7, provider: 'openai', model: 'gpt-4o-mini',
      methods: [{ method: 'naive', options: undefined }, { method: 'rag', options: { top_k: 5, collection: 'elements' } },
        { method: 'agent', options: { max_steps: 4, top_k: 5, collection: 'elements' } }],
      parameters: { temperature: 0, top_p: 1, max_tokens: 256 },
    });
    expect(toRequest(draft({ sampleSize: ' ' })).sample_size).toBeUndefined();
    expect(toRequest(draft({ methods: ['rag'] })).methods[0].options).toEqual({ top_k: 3, collection: undefined });
  });
});

describe('splitModel and formField', () => {
  it('splits at the first slash and maps server fields to the form', () => {
    expect(splitModel('hf/org/model')).toEqual(['hf', 'org/model']);
    expect(splitModel('local')).toEqual(['local', '']);
    expect(formField('methods[2].options.top_k')).toBe('options.top_k');
    expect(formField('methods[1].method')).toBe('methods');
    expect(formField('provider')).toBe('model');
    expect(formField('parameters.top_p')).toBe('parameters.top_p');
  });
});
