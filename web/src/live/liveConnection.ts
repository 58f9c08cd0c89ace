// The app's one live connection to GET /api/events/stream: reconnects after a drop with a growing, capped delay
// (reset once an event arrives), and stops for good on a refusal that asking again will not change (401/403/404).
import { isPermanent } from '../hooks/useRunProgress';

export type LiveHandler = (event: string, data: unknown) => void;
export type StreamFn = (path: string, onEvent: (data: unknown, event: string) => void, signal: AbortSignal) => Promise<void>;
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export const EVENTS_PATH = '/api/events/stream';
const BASE_DELAY = 1000;
const MAX_DELAY = 30000;

/** The wait before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … at most 30 s. */
export const reconnectDelay = (attempt: number): number => Math.min(MAX_DELAY, BASE_DELAY * 2 ** Math.max(0, attempt));

export interface LiveConnectionOptions {
  stream: StreamFn;
  onEvent: LiveHandler;
  onState?: (state: ConnectionState, error?: unknown) => void;
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

/** Runs until `signal` aborts or the server refuses for good; resolves then. */
export async function runLiveConnection({ stream, onEvent, onState, wait = sleep }: LiveConnectionOptions, signal: AbortSignal): Promise<void> {
  let attempt = 0;
  onState?.('connecting');
  while (!signal.aborted) {
    try {
      await stream(EVENTS_PATH, (data, event) => {
        attempt = 0;
        if (event === 'ready') onState?.('live');
        else onEvent(event, data);
      }, signal);
    } catch (error) {
      if (signal.aborted) return;
      if (isPermanent(error)) { onState?.('stopped', error); return; }
    }
    if (signal.aborted) return;
    onState?.('reconnecting');
    await wait(reconnectDelay(attempt++), signal);
  }
}
