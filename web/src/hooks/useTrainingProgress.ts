import { useEffect, useReducer, useState } from 'react';
import { streamEvents } from '../api/client';
import { isFinalJob, jobPath, type LossPoint, type TrainingJob } from '../api/training';
import { isPermanent } from './useRunProgress';

export interface TrainingLive { train: LossPoint[]; holdout: LossPoint[]; job: TrainingJob | null }

export const emptyLive: TrainingLive = { train: [], holdout: [], job: null };

/**
 * Folds one SSE event of /api/training/jobs/{id}/progress into what the page shows. A reconnect replays held-out
 * points and may repeat a step, so points are kept once per step.
 */
export function applyTrainingEvent(live: TrainingLive, event: string, data: unknown): TrainingLive {
  switch (event) {
    case 'step': {
      const p = data as LossPoint;
      const last = live.train[live.train.length - 1];
      if (last && p.step <= last.step) return live;
      return { ...live, train: [...live.train, { step: p.step, epoch: p.epoch, loss: p.loss }] };
    }
    case 'holdout': {
      const p = data as LossPoint;
      if (live.holdout.some((h) => h.step === p.step && h.epoch === p.epoch)) return live;
      return { ...live, holdout: [...live.holdout, { step: p.step, epoch: p.epoch, loss: p.loss }].sort((a, b) => a.step - b.step) };
    }
    case 'status':
      return { ...live, job: data as TrainingJob };
    default:
      return live;
  }
}

type Action = { type: 'reset' } | { type: 'event'; event: string; data: unknown };
const reducer = (live: TrainingLive, action: Action) => (action.type === 'reset' ? emptyLive : applyTrainingEvent(live, action.event, action.data));

/**
 * Follows a training job's progress stream (fetch with the X-Api-Key header; EventSource cannot send it), resuming
 * after the last step with Last-Event-ID, until the job is final or a 4xx says it will not change.
 */
export function useTrainingProgress(jobId: string | undefined): TrainingLive & { error: unknown } {
  const [live, dispatch] = useReducer(reducer, emptyLive);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    dispatch({ type: 'reset' });
    setError(null);
    if (!jobId) return;
    const abort = new AbortController();
    let stopped = false;
    let lastStep = 0;
    (async () => {
      while (!stopped) {
        try {
          await streamEvents(`${jobPath(jobId)}/progress`, (data, event) => {
            if (event === 'step') lastStep = Math.max(lastStep, (data as LossPoint).step);
            if (event === 'status' && isFinalJob((data as TrainingJob).status)) stopped = true;
            dispatch({ type: 'event', event, data });
          }, abort.signal, lastStep > 0 ? { headers: { 'Last-Event-ID': String(lastStep) } } : undefined);
          setError(null);
        } catch (e) {
          if (abort.signal.aborted) return;
          setError(e);
          if (isPermanent(e)) return;
        }
        if (!stopped) await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    })();
    return () => { stopped = true; abort.abort(); };
  }, [jobId]);

  return { ...live, error };
}
