// The one way the app talks to the platform: relative URLs through the gateway, the API key from Settings, and
// problem+json errors turned into ApiError so every page can show the server's own explanation.

const KEY_STORAGE = 'llmlab.apiKey';

export function getApiKey(): string {
  return localStorage.getItem(KEY_STORAGE) ?? '';
}

export function setApiKey(key: string): void {
  localStorage.setItem(KEY_STORAGE, key.trim());
}

export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  constructor(public readonly status: number, public readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed with ${status}`);
  }

  /** The message for one field, as the API named it (e.g. "temperature_max"). */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.[field]?.join(' ');
  }
}

export type RequestOptions = RequestInit & { json?: unknown };

/** One request through the gateway: the stored key, and `json` sent as the JSON body. */
function send(path: string, init?: RequestOptions): Promise<Response> {
  const { json, ...rest } = init ?? {};
  const h = new Headers(rest.headers);
  const key = getApiKey();
  if (key) h.set('X-Api-Key', key);
  if (json !== undefined) h.set('Content-Type', 'application/json');
  return fetch(path, { ...rest, headers: h, body: json !== undefined ? JSON.stringify(json) : rest.body });
}

async function fail(response: Response): Promise<never> {
  let problem: Problem = { status: response.status, title: response.statusText };
  try {
    problem = { ...problem, ...(await response.json()) };
  } catch {
    // not JSON: keep the status line
  }
  throw new ApiError(response.status, problem);
}

export async function api<T>(path: string, init?: RequestOptions): Promise<T> {
  const response = await send(path, init);
  if (!response.ok) return fail(response);
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Downloads a file the API streams (exports) and hands it to the browser under the server's file name. */
export async function download(path: string, init?: RequestOptions, fallbackName = 'export'): Promise<string> {
  const response = await send(path, init);
  if (!response.ok) return fail(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

/**
 * Reads a server-sent event stream with fetch (EventSource cannot send the API key header), calling onEvent with each
 * event's parsed data until the stream ends or the signal aborts.
 */
export async function streamEvents(path: string, onEvent: (data: unknown, event: string) => void, signal: AbortSignal, init?: RequestOptions): Promise<void> {
  const response = await send(path, { ...init, signal });
  // 204: the stream has nothing more to say (the run had already finished when we reconnected).
  if (response.status === 204) return;
  if (!response.ok || !response.body) return fail(response);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const parsed = parseEvent(block);
      if (parsed) onEvent(parsed.data, parsed.event);
    }
  }
}

export function parseEvent(block: string): { event: string; data: unknown } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (data.length === 0) return null;
  const text = data.join('\n');
  if (text === '[DONE]') return { event, data: text };
  try {
    return { event, data: JSON.parse(text) };
  } catch {
    return { event, data: text };
  }
}
