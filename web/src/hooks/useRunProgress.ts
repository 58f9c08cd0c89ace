import { useEffect, useRef, useState } from 'react';
import { ApiError, streamEvents } from '../api/client';
import type { RunStatus } from '../api/types';

export interface LiveProgress {
  status: RunStatus | null;
  /** Calls finished per second over the last events. */
  rate: number | null;
  error: unknown;
}

const FINAL = ['completed', 'completed_with_errors', 'failed', 'cancelled'];

export function isFinal(status: string | undefined): boolean {
  return status !== undefined && FINAL.includes(status);
}

/** Follows a run's SSE progress stream; reconnects (resuming after the last event) until the run is final. */
export function useRunProgress(runId: string | undefined, enabled = true): LiveProgress {
  const [status, setStatus] = useState<RunStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const samples = useRef<{ at: number; done: number }[]>([]);

  useEffect(() => {
    if (!runId || !enabled) return;
    const abort = new AbortController();
    let stopped = false;
    (async () => {
      while (!stopped) {
        try {
          await streamEvents(`/api/experiments/batch/${runId}/progress`, (data) => {
            const next = data as RunStatus;
            setStatus(next);
            samples.current = [...samples.current, { at: Date.now(), done: next.completed_combinations + next.failed_combinations }].slice(-20);
            if (isFinal(next.status)) stopped = true;
          }, abort.signal);
          setError(null);
        } catch (e) {
          if (abort.signal.aborted) return;
          setError(e);
          // A missing run (404) or a refused key (401/403) will not change by asking again every second.
          if (isPermanent(e)) return;
        }
        if (!stopped) await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    })();
    return () => { stopped = true; abort.abort(); };
  }, [runId, enabled]);

  return { status, rate: rateOf(samples.current), error };
}

export const isPermanent = (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;

export function rateOf(points: { at: number; done: number }[]): number | null {
  if (points.length < 2) return null;
  const first = points[0];
  const last = points[points.length - 1];
  const seconds = (last.at - first.at) / 1000;
  return seconds > 0 ? (last.done - first.done) / seconds : null;
}
