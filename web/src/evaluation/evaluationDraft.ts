import type { MethodName } from '../api/evaluations';
import { isRag } from '../api/evaluations';

export interface EvaluationDraft {
  name: string; datasetId: string; datasetVersion: number | null; sampleSize: string; seed: string; methods: MethodName[];
  model: string; temperature: number; topP: number; maxTokens: number; topK: number; maxSteps: number; collection: string;
}

export const emptyEvaluation: EvaluationDraft = {
  name: '', datasetId: '', datasetVersion: null, sampleSize: '20', seed: '1', methods: ['naive'], model: 'local/local-ngram',
  temperature: 0, topP: 1, maxTokens: 256, topK: 3, maxSteps: 6, collection: '',
};

const whole = (text: string) => /^\d+$/.test(text.trim());

/**
 * The API's rules for a new evaluation (EvaluationValidator), with its field names and wording, checked before
 * sending; `itemCount` is the chosen version's size. Options apply to the RAG methods (top_k, collection) and the agent
 * (max_steps, and top_k and collection for its retrieve tool).
 */
export function validateEvaluation(d: EvaluationDraft, itemCount?: number): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.name.trim()) errors.name = 'is required.';
  else if (d.name.trim().length > 200) errors.name = 'must be at most 200 characters.';
  if (!d.datasetId) errors.dataset_id = 'is required.';
  if (d.sampleSize.trim()) {
    if (!whole(d.sampleSize) || Number(d.sampleSize) < 1) errors.sample_size = 'must be at least 1.';
    else if (itemCount !== undefined && Number(d.sampleSize) > itemCount) errors.sample_size = `must be at most ${itemCount}, the items of this version.`;
  }
  if (!/^-?\d+$/.test(d.seed.trim()) || Math.abs(Number(d.seed)) > 2147483647) errors.seed = 'must be a whole number.';
  if (d.methods.length === 0) errors.methods = 'must name at least one method.';
  const [provider, model] = splitModel(d.model);
  if (!provider) errors.model = 'is required: choose a provider and model.';
  else if (model.length > 200) errors.model = 'must be at most 200 characters.';
  if (!(d.temperature >= 0 && d.temperature <= 2)) errors['parameters.temperature'] = 'must be between 0 and 2.';
  if (!(d.topP > 0 && d.topP <= 1)) errors['parameters.top_p'] = 'must be greater than 0 and at most 1.';
  if (!(Number.isInteger(d.maxTokens) && d.maxTokens >= 1 && d.maxTokens <= 32768)) errors['parameters.max_tokens'] = 'must be between 1 and 32768.';
  if (d.methods.some(isRag) && !(Number.isInteger(d.topK) && d.topK >= 1 && d.topK <= 100)) errors['options.top_k'] = 'must be between 1 and 100.';
  if (d.collection.trim().length > 200) errors['options.collection'] = 'must be at most 200 characters.';
  if (d.methods.includes('agent') && !(Number.isInteger(d.maxSteps) && d.maxSteps >= 1 && d.maxSteps <= 20)) errors['options.max_steps'] = 'must be between 1 and 20.';
  return errors;
}

/** "provider/model" as the model pickers write it; the model may itself contain slashes. */
export function splitModel(value: string): [string, string] {
  const at = value.indexOf('/');
  return at < 0 ? [value.trim(), ''] : [value.slice(0, at).trim(), value.slice(at + 1).trim()];
}

/** The POST /api/evaluations body. */
export function toRequest(d: EvaluationDraft) {
  const [provider, model] = splitModel(d.model);
  return {
    name: d.name.trim(), dataset_id: d.datasetId, dataset_version: d.datasetVersion ?? undefined,
    sample_size: d.sampleSize.trim() ? Number(d.sampleSize) : undefined, seed: Number(d.seed),
    methods: d.methods.map((method) => {
      const collection = d.collection.trim() || undefined;
      return { method, options: isRag(method) ? { top_k: d.topK, collection } : method === 'agent' ? { max_steps: d.maxSteps, top_k: d.topK, collection } : undefined };
    }),
    provider, model, parameters: { temperature: d.temperature, top_p: d.topP, max_tokens: d.maxTokens },
  };
}

/**
 * A server error's field as the form shows it: per-method option errors (`methods[2].options.top_k`) go to the shared
 * option field, other per-method errors to the methods group.
 */
export function formField(serverField: string): string {
  const option = /^methods\[\d+\]\.options\.(\w+)$/.exec(serverField);
  if (option) return `options.${option[1]}`;
  if (/^methods\[\d+\]/.test(serverField)) return 'methods';
  if (serverField === 'provider') return 'model';
  return serverField;
}
