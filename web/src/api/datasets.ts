// Datasets (API.md "Datasets"): shapes of the answers, and the upload.
import { api } from './client';

export interface DatasetVersion { version: number; item_count: number; source: string; created_at: string }
export interface Dataset {
  id: string; name: string; description: string | null; builtin: boolean; version: number; item_count: number;
  versions: DatasetVersion[]; created_at: string;
}
export interface SupportingFact { title: string; text: string }
export interface DatasetItem { id: string; question: string; answers: string[]; context: string | null; supporting_facts: SupportingFact[] | null; metadata: Record<string, string> }

export const UPLOAD_TYPES = ['json', 'jsonl', 'csv'] as const;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface UploadDraft { name: string; description: string; file: File | null }

/** The upload's rules the browser can check before sending (the server checks the rows and answers 422 naming line and field). */
export function validateUpload(d: UploadDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.name.trim()) errors.name = 'is required.';
  else if (d.name.trim().length > 200) errors.name = 'must be at most 200 characters.';
  if (!d.file) errors.file = 'is required: a JSON, JSONL or CSV file with the items.';
  else {
    const extension = d.file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!(UPLOAD_TYPES as readonly string[]).includes(extension)) errors.file = `must be a .json, .jsonl or .csv file (got "${d.file.name}").`;
    else if (d.file.size === 0) errors.file = 'is empty.';
    else if (d.file.size > MAX_UPLOAD_BYTES) errors.file = 'must be at most 20 MB.';
  }
  return errors;
}

/** POST /api/datasets as multipart: the file, its name and description. */
export function uploadDataset(d: UploadDraft): Promise<Dataset> {
  const form = new FormData();
  form.set('file', d.file!);
  form.set('name', d.name.trim());
  if (d.description.trim()) form.set('description', d.description.trim());
  return api<Dataset>('/api/datasets', { method: 'POST', body: form });
}

/** Item-level errors ("items[3].answers") in upload order, each with the server's message (which names the line). */
export function rowErrors(errors: Record<string, string[]> | undefined): { field: string; message: string }[] {
  if (!errors) return [];
  const index = (field: string) => Number(/^items\[(\d+)\]/.exec(field)?.[1] ?? -1);
  return Object.entries(errors)
    .filter(([field]) => field !== 'name' && field !== 'description')
    .sort(([a], [b]) => index(a) - index(b) || a.localeCompare(b))
    .map(([field, messages]) => ({ field, message: messages.join(' ') }));
}
