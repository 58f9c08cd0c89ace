import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelJob, getJob, isFinalJob } from '../../api/training';
import { LossChart } from '../../components/LossChart';
import { ProgressBar } from '../../components/ProgressBar';
import { ProblemView, QueryView } from '../../components/States';
import { StatusBadge } from '../../components/StatusBadge';
import { useTrainingProgress } from '../../hooks/useTrainingProgress';
import { isPermanent } from '../../hooks/useRunProgress';

/** Step 2 once a job exists: its live loss chart from the SSE stream, progress, cancel (asked first). */
export function JobProgress({ jobId, onNext }: { jobId: string; onNext: () => void }) {
  const client = useQueryClient();
  const live = useTrainingProgress(jobId);
  const details = useQuery({ queryKey: ['training-job', jobId], queryFn: () => getJob(jobId) });
  const [confirm, setConfirm] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const job = live.job ?? details.data;
  const final = isFinalJob(job?.status);
  const last = live.train[live.train.length - 1];
  const lastHoldout = live.holdout[live.holdout.length - 1];
  // A completed job is a new model (local/<name>): a catalog cached before it existed (the form loaded it) is stale now.
  const completed = job?.status === 'completed';
  useEffect(() => {
    if (completed) void client.invalidateQueries({ queryKey: ['model-catalog'] });
  }, [completed, client]);

  async function cancel() {
    setActionError(null);
    try {
      await cancelJob(jobId);
      setConfirm(false);
      void client.invalidateQueries({ queryKey: ['training-job', jobId] });
    } catch (e) {
      setActionError(e);
    }
  }

  return (
    <section className="card" aria-labelledby="step-heading">
      <h2 id="step-heading" tabIndex={-1}>2. Train{job ? `: ${job.name}` : ''} {job && <StatusBadge status={job.status} />}</h2>
      <QueryView query={details}>{() => job && (
        <>
          <p className="muted">Model <code>{job.model}</code> · {plural(job.settings.epochs, 'epoch')} · batch {job.settings.batch_size} · learning rate {job.settings.learning_rate}{job.resumes ? ` · resumed ${job.resumes}×` : ''}</p>
          <ProgressBar value={job.total_steps ? (100 * Math.max(job.completed_steps, last?.step ?? 0)) / job.total_steps : 0} label="Training progress" />
          <p className="muted" data-testid="training-steps">Step {last?.step ?? job.completed_steps} of {job.total_steps}{last ? `, training loss ${last.loss.toFixed(3)}` : ''}</p>
          {/* Announced once per epoch and state, not per step. */}
          <p role="status" aria-live="polite" aria-atomic="true" className="muted" data-testid="training-status">
            {statusSentence(job.status, last?.epoch ?? job.epoch, job.settings.epochs, last?.step ?? job.completed_steps, job.total_steps, lastHoldout?.loss ?? job.holdout_loss)}
          </p>
          <LossChart train={live.train} holdout={live.holdout} totalSteps={job.total_steps} />
          {live.train.length > 0 && (
            <table className="compact">
              <caption>Latest losses</caption>
              <thead><tr><th scope="col">Step</th><th scope="col">Epoch</th><th scope="col">Training loss</th><th scope="col">Held-out loss (last epoch)</th></tr></thead>
              <tbody><tr><td>{last.step}</td><td>{last.epoch}</td><td>{last.loss.toFixed(4)}</td><td>{lastHoldout ? lastHoldout.loss.toFixed(4) : '—'}</td></tr></tbody>
            </table>
          )}
          {job.status === 'failed' && <div className="problem" role="alert"><strong>Training failed</strong>: {job.error ?? 'no reason was recorded.'}</div>}
          <div className="row">
            {!final && <button type="button" className="secondary" onClick={() => setConfirm(true)}>Cancel training</button>}
            {job.status === 'completed' && <button type="button" onClick={onNext}>Next: test</button>}
          </div>
          {confirm && !final && (
            <div className="notice" role="alertdialog" aria-label="Cancel this training job?">
              <p>Cancel this training job? The steps trained so far stay in its report; no model is saved.</p>
              <div className="row">
                <button type="button" onClick={cancel}>Yes, cancel training</button>
                <button type="button" className="secondary" autoFocus onClick={() => setConfirm(false)}>Keep training</button>
              </div>
            </div>
          )}
          <ProblemView error={actionError ?? (isPermanent(live.error) ? live.error : null)} />
        </>
      )}</QueryView>
    </section>
  );
}

function statusSentence(status: string, epoch: number, epochs: number, step: number, total: number, holdout: number | null | undefined): string {
  const held = holdout != null ? `, held-out loss ${holdout.toFixed(3)}` : '';
  switch (status) {
    case 'queued': return 'Queued: waiting for a training worker.';
    case 'running': return `Training: epoch ${Math.max(1, epoch)} of ${epochs}${held}.`;
    case 'completed': return `Completed: ${total} steps${held}.`;
    case 'cancelled': return `Cancelled after ${step} of ${total} steps.`;
    default: return `Failed after ${step} of ${total} steps.`;
  }
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
