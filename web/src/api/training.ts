// Training jobs (/api/training/jobs, SSE /progress, /report) and test submissions (/api/test-submissions): shapes as
// the API sends them (snake_case), the calls, and the form's rules (TrainingLimits on the server).
import { api } from './client';
import type { Paged } from './types';

export interface JobSettings {
  epochs: number; batch_size: number; learning_rate: number; context_length: number; embedding_size: number;
  hidden_size: number; layers: number; holdout_fraction: number; seed: number; checkpoint_every: number;
}
export interface TrainingJob {
  id: string; name: string; model: string; status: string; source: string; base_model: string | null; settings: JobSettings;
  progress: number; completed_steps: number; total_steps: number; epoch: number; last_loss: number | null; holdout_loss: number | null;
  resumes: number; error: string | null; created_at: string; started_at: string | null; completed_at: string | null;
  status_url: string; progress_url: string; report_url: string;
}
export interface LossPoint { step: number; epoch: number; loss: number }
export interface TrainingReport {
  job_id: string; name: string; model: string; status: string; architecture: string; parameters: number; vocabulary_size: number;
  settings: JobSettings; tokens: { train: number; holdout: number; unit: string }; steps: number; epochs: number;
  duration_seconds: number | null; training_seconds: number; resumes: number;
  final: { train_loss: number | null; train_perplexity: number | null; holdout_loss: number | null; holdout_perplexity: number | null };
  train_loss: LossPoint[]; holdout_loss: LossPoint[]; samples: { prompt: string; text: string }[]; created_at: string; completed_at: string | null;
}

export interface CorrelationEstimate { value: number; ci_low: number | null; ci_high: number | null }
export interface MetricAgreement { metric: string; n: number; pearson: CorrelationEstimate | null; spearman: CorrelationEstimate | null; mae: number; note: string | null }
export interface AgreementReport { n: number; metrics: MetricAgreement[]; best_metric: string | null; best_by: string; method: string }
export interface GradedText { text: string; expected_score: number; prompt?: string }

const FINAL = ['completed', 'failed', 'cancelled'];
export const isFinalJob = (status: string | undefined) => status !== undefined && FINAL.includes(status);

export const jobPath = (id: string) => `/api/training/jobs/${id}`;
export const listJobs = (page = 1, pageSize = 50) => api<Paged<TrainingJob>>(`/api/training/jobs?page=${page}&page_size=${pageSize}`);
export const getJob = (id: string) => api<TrainingJob>(jobPath(id));
export const getReport = (id: string) => api<TrainingReport>(`${jobPath(id)}/report?format=json`);
export const cancelJob = (id: string) => api<TrainingJob>(`${jobPath(id)}/cancel`, { method: 'POST' });
export const submitTests = (texts: GradedText[], collection: string) =>
  api<{ collection: string; count: number }>('/api/test-submissions', { method: 'POST', json: { texts, collection } });
export const getAgreement = (collection: string) => api<AgreementReport>(`/api/test-submissions/agreement?collection=${encodeURIComponent(collection)}`);

/** The server's bounds (TrainingLimits); the same messages as its validator. */
export const LIMITS = {
  epochs: { min: 1, max: 100 },
  batch_size: { min: 1, max: 512 },
  learning_rate: { min: 1e-6, max: 1 },
  context_length: { min: 8, max: 512 },
  hidden_size: { min: 8, max: 1024 },
  embedding_size: { min: 8, max: 512 },
} as const;
const NAME = /^[a-z0-9][a-z0-9._-]*$/;

export interface TrainingDraft {
  name: string; source: 'documents' | 'dataset'; document_ids: string[]; dataset_id: string; base_model: string;
  epochs: string; batch_size: string; learning_rate: string; context_length: string; hidden_size: string; embedding_size: string;
}

export const emptyDraft = (): TrainingDraft => ({
  name: '', source: 'documents', document_ids: [], dataset_id: '', base_model: '',
  epochs: '3', batch_size: '8', learning_rate: '0.01', context_length: '64', hidden_size: '128', embedding_size: '32',
});

/** Field errors keyed by the API's field names; empty when the draft may be sent. */
export function validateTrainingDraft(d: TrainingDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.name.trim()) errors.name = 'is required.';
  else if (d.name.length > 64 || !NAME.test(d.name)) errors.name = "must be 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.";
  else if (d.name === 'local-ngram') errors.name = "'local-ngram' is the built-in engine's name.";
  if (d.source === 'documents' && d.document_ids.length === 0) errors.document_ids = 'pick at least one document.';
  if (d.source === 'documents' && d.document_ids.length > 100) errors.document_ids = 'must hold 1 to 100 ids.';
  if (d.source === 'dataset' && !d.dataset_id.trim()) errors.dataset_id = 'pick a dataset.';
  for (const field of ['epochs', 'batch_size', 'context_length', 'hidden_size', 'embedding_size'] as const) {
    const text = d[field].trim();
    const value = Number(text);
    const { min, max } = LIMITS[field];
    if (text === '') { if (field === 'epochs' || field === 'batch_size') errors[field] = 'is required.'; }
    else if (!Number.isInteger(value) || value < min || value > max) errors[field] = `must be between ${min} and ${max}.`;
  }
  const rate = Number(d.learning_rate.trim());
  if (d.learning_rate.trim() === '') errors.learning_rate = 'is required.';
  else if (!(rate >= LIMITS.learning_rate.min && rate <= LIMITS.learning_rate.max)) errors.learning_rate = `must be between ${LIMITS.learning_rate.min} and ${LIMITS.learning_rate.max}.`;
  return errors;
}

/** The request body of a valid draft (blank optional sizes are left to the server's defaults). */
export function jobRequest(d: TrainingDraft): Record<string, unknown> {
  const optional = (text: string) => (text.trim() === '' ? undefined : Number(text));
  return {
    name: d.name.trim(),
    ...(d.source === 'documents' ? { document_ids: d.document_ids } : { dataset_id: d.dataset_id.trim() }),
    base_model: d.base_model || undefined,
    epochs: Number(d.epochs), batch_size: Number(d.batch_size), learning_rate: Number(d.learning_rate),
    context_length: optional(d.context_length), hidden_size: optional(d.hidden_size), embedding_size: optional(d.embedding_size),
  };
}

export const createJob = (d: TrainingDraft) => api<TrainingJob>('/api/training/jobs', { method: 'POST', json: jobRequest(d) });

/**
 * Graded texts typed one per line as "score<TAB or |>text" (score 0–100), or a JSON array of {text, expected_score}.
 * Returns the texts or the first line's problem, named like the API's field (texts[i].expected_score).
 */
export function parseGradedTexts(input: string): { texts: GradedText[] } | { field: string; message: string } {
  const trimmed = input.trim();
  if (!trimmed) return { field: 'texts', message: 'must hold 1 to 1000 graded texts.' };
  if (trimmed.startsWith('[')) {
    try {
      const parsed = JSON.parse(trimmed) as GradedText[];
      if (!Array.isArray(parsed)) return { field: 'texts', message: 'must be a JSON array of {text, expected_score}.' };
      for (let i = 0; i < parsed.length; i++) {
        const problem = checkGraded(parsed[i]?.text, parsed[i]?.expected_score, i);
        if (problem) return problem;
      }
      return { texts: parsed };
    } catch {
      return { field: 'texts', message: 'is not valid JSON.' };
    }
  }
  const texts: GradedText[] = [];
  const lines = trimmed.split('\n').filter((l) => l.trim() !== '');
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s*([^\t|]*)[\t|](.*)$/.exec(lines[i]);
    const score = match ? Number(match[1].trim()) : NaN;
    const problem = checkGraded(match?.[2].trim(), match && match[1].trim() !== '' ? score : undefined, i);
    if (problem) return problem;
    texts.push({ text: match![2].trim(), expected_score: score });
  }
  if (texts.length > 1000) return { field: 'texts', message: 'must hold 1 to 1000 graded texts.' };
  return { texts };
}

function checkGraded(text: unknown, score: unknown, i: number): { field: string; message: string } | null {
  if (typeof text !== 'string' || !text.trim()) return { field: `texts[${i}].text`, message: `is required (line ${i + 1}: "score | text").` };
  if (typeof score !== 'number' || Number.isNaN(score)) return { field: `texts[${i}].expected_score`, message: `is required (line ${i + 1}).` };
  if (score < 0 || score > 100) return { field: `texts[${i}].expected_score`, message: `must be between 0 and 100 (line ${i + 1}).` };
  return null;
}
