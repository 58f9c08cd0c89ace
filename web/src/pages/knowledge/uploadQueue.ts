// The upload queue as a reducer: files wait, upload one at a time with their bytes sent, and end done (with what the
// server made of them) or failed (with the server's problem, naming the field).
import type { Uploaded } from '../../api/knowledge';

export type UploadState = 'waiting' | 'uploading' | 'processing' | 'done' | 'failed';
export interface QueuedFile { id: number; name: string; size: number; state: UploadState; sent: number; result?: Uploaded; error?: unknown }

export type QueueAction =
  | { type: 'add'; files: { name: string; size: number }[]; firstId: number }
  | { type: 'start'; id: number }
  | { type: 'progress'; id: number; sent: number; total: number }
  | { type: 'done'; id: number; result: Uploaded }
  | { type: 'failed'; id: number; error: unknown }
  | { type: 'clear' };

export function queueReducer(queue: QueuedFile[], action: QueueAction): QueuedFile[] {
  const update = (id: number, change: Partial<QueuedFile>) => queue.map((f) => (f.id === id ? { ...f, ...change } : f));
  switch (action.type) {
    case 'add':
      return [...queue, ...action.files.map((f, i) => ({ id: action.firstId + i, name: f.name, size: f.size, state: 'waiting' as const, sent: 0 }))];
    case 'start':
      return update(action.id, { state: 'uploading', sent: 0 });
    case 'progress':
      // Every byte sent: the server is now reading, chunking and indexing the file.
      return update(action.id, { sent: action.sent, state: action.sent >= action.total ? 'processing' : 'uploading' });
    case 'done':
      return update(action.id, { state: 'done', result: action.result, sent: queue.find((f) => f.id === action.id)?.size ?? 0 });
    case 'failed':
      return update(action.id, { state: 'failed', error: action.error });
    case 'clear':
      return queue.filter((f) => f.state !== 'done' && f.state !== 'failed');
  }
}

/** The next file to send, if none is being sent: one at a time keeps each file's progress honest. */
export function nextWaiting(queue: QueuedFile[]): QueuedFile | undefined {
  if (queue.some((f) => f.state === 'uploading' || f.state === 'processing')) return undefined;
  return queue.find((f) => f.state === 'waiting');
}

/** Percent of a file's bytes sent (0–100); a finished file is 100. */
export function percentSent(file: QueuedFile): number {
  if (file.state === 'done' || file.state === 'processing') return 100;
  return file.size > 0 ? Math.min(100, (100 * file.sent) / file.size) : 0;
}

/** One sentence for the live region: how many files are done, failed and still to go. */
export function queueSummary(queue: QueuedFile[]): string {
  if (queue.length === 0) return '';
  const count = (s: UploadState[]) => queue.filter((f) => s.includes(f.state)).length;
  const done = count(['done']);
  const failed = count(['failed']);
  const pending = count(['waiting', 'uploading', 'processing']);
  return `${done} of ${queue.length} files uploaded${failed ? `, ${failed} refused` : ''}${pending ? `, ${pending} to go` : ''}.`;
}
