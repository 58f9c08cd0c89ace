// Annotation queues and people's feedback (docs/feedback.md): shapes of the answers and the calls the Annotate page makes.
import { api } from './client';

export interface ReviewerProgress { reviewer: string; assigned: number; done: number; skipped: number }
export interface AnnotationQueue {
  id: string; name: string; run_id: string; run_kind: 'batch' | 'evaluation'; responses: number; reviewers_per_response: number;
  sample_size: number | null; seed: number; reviewers: ReviewerProgress[]; assigned: number; done: number; created_by: string; created_at: string;
}
export interface NextItem {
  item_id: string; queue_id: string; response_id: string; position: number; prompt: string; response: string;
  reference_answer: string | null; skipped: boolean; remaining: number; assigned: number;
}
export interface Me { tenant_id: string; subject_id: string; role: string; permissions: string[] }
export interface TenantUser { id: string; email: string; name: string; role: string }
export interface Feedback { score?: number; thumbs?: 'up' | 'down'; label?: string; comment?: string; corrected_answer?: string }
export interface QueueDraft { name: string; run_id: string; reviewers: string[]; reviewers_per_response: string; sample_size: string; seed: string }
export interface FeedbackVersion { version: number; count: number; run_id: string; items_changed: { item_id: string; question: string; previous_answers: string[]; reference_answer: string }[] }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The queue request's rules, with the server's field names (QueueRequest.Validate), checked before sending. */
export function validateQueue(d: QueueDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (d.name.length > 200) errors.name = 'must be at most 200 characters.';
  if (!UUID.test(d.run_id.trim())) errors.run_id = 'is required: the id of a batch run or an evaluation.';
  if (d.reviewers.length === 0) errors.reviewers = 'name at least one reviewer (a user id of the tenant).';
  else if (d.reviewers.length > 50) errors.reviewers = 'at most 50 reviewers.';
  const k = d.reviewers_per_response.trim() === '' ? 1 : Number(d.reviewers_per_response);
  if (!Number.isInteger(k) || k < 1 || (d.reviewers.length > 0 && k > d.reviewers.length))
    errors.reviewers_per_response = `must be from 1 to the number of reviewers (${Math.max(d.reviewers.length, 1)}).`;
  if (d.sample_size.trim() !== '') {
    const n = Number(d.sample_size);
    if (!Number.isInteger(n) || n < 1 || n > 10000) errors.sample_size = 'must be from 1 to 10000.';
  }
  if (d.seed.trim() !== '' && (!Number.isInteger(Number(d.seed)) || Number(d.seed) < 0)) errors.seed = 'must be 0 or more.';
  return errors;
}

export function createQueue(d: QueueDraft): Promise<AnnotationQueue> {
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
  return api<AnnotationQueue>('/api/annotation-queues', {
    method: 'POST',
    json: {
      name: d.name.trim() || undefined, run_id: d.run_id.trim(), reviewers: d.reviewers,
      reviewers_per_response: number(d.reviewers_per_response), sample_size: number(d.sample_size), seed: number(d.seed),
    },
  });
}

/** The reviewer's next item, or null when every item of theirs is done (204). */
export const nextItem = (queue: string) => api<NextItem | undefined>(`/api/annotation-queues/${queue}/next`).then((item) => item ?? null);
export const skipItem = (queue: string, item: string) => api<void>(`/api/annotation-queues/${queue}/items/${item}/skip`, { method: 'POST' });
export const giveFeedback = (response: string, feedback: Feedback) => api<unknown>(`/api/responses/${response}/feedback`, { method: 'POST', json: feedback });
export const versionFromFeedback = (dataset: string, run: string) =>
  api<FeedbackVersion>(`/api/datasets/${dataset}/versions/from-feedback`, { method: 'POST', json: { run_id: run } });
