import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, parseEvent, setApiKey } from './client';

afterEach(() => vi.unstubAllGlobals());

describe('parseEvent', () => {
  it('reads the event name and JSON data of a server-sent event', () => {
    expect(parseEvent('id: 4\nevent: progress\ndata: {"progress": 50}')).toEqual({ event: 'progress', data: { progress: 50 } });
  });
  it('ignores comments and heartbeats without data', () => {
    expect(parseEvent(': heartbeat')).toBeNull();
  });
  it('passes [DONE] through as text', () => {
    expect(parseEvent('data: [DONE]')).toEqual({ event: 'message', data: '[DONE]' });
  });
});

describe('api', () => {
  it('sends the stored API key and JSON body, and parses the answer', async () => {
    setApiKey('secret-key');
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 'x' }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    const answer = await api<{ id: string }>('/api/experiments', { method: 'POST', json: { name: 'a' } });
    expect(answer.id).toBe('x');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('X-Api-Key')).toBe('secret-key');
    expect(init.body).toBe('{"name":"a"}');
  });

  it('turns problem+json into an ApiError that names the field', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({
      title: 'One or more fields are invalid.', status: 422, detail: 'temperature_max: must be between 0 and 2.',
      errors: { temperature_max: ['must be between 0 and 2.'] },
    }), { status: 422, headers: { 'Content-Type': 'application/problem+json' } })));
    const error = await api('/api/experiments', { method: 'POST', json: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).fieldError('temperature_max')).toBe('must be between 0 and 2.');
    expect((error as ApiError).message).toBe('temperature_max: must be between 0 and 2.');
  });
});
