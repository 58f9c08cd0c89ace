import { describe, expect, it } from 'vitest';
import { nextWaiting, percentSent, queueReducer, queueSummary, type QueuedFile } from './uploadQueue';

const uploaded = { id: 'd1', title: 'a', collection: 'default', version: 1, type: 'txt', pages: null, chunks: 3 };
const added = () => queueReducer([], { type: 'add', files: [{ name: 'a.txt', size: 1000 }, { name: 'b.pdf', size: 4000 }], firstId: 1 });

describe('upload queue', () => {
  it('sends one file at a time, in the order they were added', () => {
    let q = added();
    expect(nextWaiting(q)?.name).toBe('a.txt');
    q = queueReducer(q, { type: 'start', id: 1 });
    expect(nextWaiting(q)).toBeUndefined();
    q = queueReducer(q, { type: 'done', id: 1, result: uploaded });
    expect(nextWaiting(q)?.name).toBe('b.pdf');
  });

  it('reports the bytes sent, then "processing" once every byte is out, then done at 100%', () => {
    let q = queueReducer(added(), { type: 'start', id: 2 });
    q = queueReducer(q, { type: 'progress', id: 2, sent: 1000, total: 4000 });
    const b = () => q.find((f) => f.id === 2)!;
    expect(b().state).toBe('uploading');
    expect(percentSent(b())).toBe(25);
    q = queueReducer(q, { type: 'progress', id: 2, sent: 4000, total: 4000 });
    expect(b().state).toBe('processing');
    expect(nextWaiting(q)).toBeUndefined();
    q = queueReducer(q, { type: 'done', id: 2, result: uploaded });
    expect(percentSent(b())).toBe(100);
  });

  it('keeps a refused file with its error and goes on with the next', () => {
    let q = queueReducer(added(), { type: 'start', id: 1 });
    const error = new Error('file is encrypted');
    q = queueReducer(q, { type: 'failed', id: 1, error });
    expect(q[0]).toMatchObject({ state: 'failed', error });
    expect(nextWaiting(q)?.id).toBe(2);
    expect(queueSummary(q)).toBe('0 of 2 files uploaded, 1 refused, 1 to go.');
  });

  it('clears finished and refused files but keeps those still to go', () => {
    let q: QueuedFile[] = queueReducer(added(), { type: 'done', id: 1, result: uploaded });
    q = queueReducer(q, { type: 'clear' });
    expect(q.map((f) => f.name)).toEqual(['b.pdf']);
    expect(queueSummary([])).toBe('');
  });
});
