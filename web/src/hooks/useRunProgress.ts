import { useEffect, useRef, useState } from 'react';
import { ApiError, streamEvents } from '../api/client';
import type { RunStatus } from '../api/types';

export interface LiveProgress<T = RunStatus> {
  status: T | null;
  /** Calls finished per second over the last events. */
  rate: number | null;
  error: unknown;
}

const FINAL = ['completed', 'completed_with_errors', 'failed', 'cancelled'];

export function isFinal(status: string | undefined): boolean {
  return status !== undefined && FINAL.includes(status);
}

/** Follows a batch run's SSE progress stream; reconnects (resuming after the last event) until the run is final. */
export const useRunProgress = (runId: string | undefined, enabled = true): LiveProgress =>
  useProgressStream<RunStatus>(runId && `/api/experiments/batch/${runId}/progress`, (s) => s.completed_combinations + s.failed_combinations, enabled);

/**
 * Follows any run's SSE progress stream (batches, evaluations): each event is the run's status; `done` counts its
 * finished calls for the rate; reconnects until the status is final.
 */
export function useProgressStream<T extends { status: string }>(path: string | undefined, done: (status: T) => number, enabled = true): LiveProgress<T> {
  const [status, setStatus] = useState<T | null>(null);
  const doneOf = useRef(done);
  doneOf.current = done;
  const [error, setError] = useState<unknown>(null);
  const samples = useRef<{ at: number; done: number }[]>([]);

  useEffect(() => {
    if (!path || !enabled) return;
    const abort = new AbortController();
    let stopped = false;
    (async () => {
      while (!stopped) {
        try {
          await streamEvents(path, (data) => {
            const next = data as T;
            setStatus(next);
            samples.current = [...samples.current, { at: Date.now(), done: doneOf.current(next) }].slice(-20);
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
  }, [path, enabled]);

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
