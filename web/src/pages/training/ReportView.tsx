import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { download } from '../../api/client';
import { getReport, isFinalJob, jobPath, type TrainingReport } from '../../api/training';
import { LossChart } from '../../components/LossChart';
import { ProblemView, QueryView } from '../../components/States';
import { StatusBadge } from '../../components/StatusBadge';
import { plural } from './JobProgress';

/** Step 4: the job's JSON report as a page, the HTML and PDF versions to download, and the model to try. */
export function ReportView({ jobId }: { jobId: string }) {
  const report = useQuery({
    queryKey: ['training-report', jobId],
    queryFn: () => getReport(jobId),
    refetchInterval: (q) => (q.state.data && !isFinalJob(q.state.data.status) ? 2000 : false),
  });
  return (
    <section className="card" aria-labelledby="step-heading">
      <QueryView query={report}>{(r) => <ReportBody report={r} jobId={jobId} />}</QueryView>
    </section>
  );
}

function ReportBody({ report: r, jobId }: { report: TrainingReport; jobId: string }) {
  const [error, setError] = useState<unknown>(null);
  const get = (format: 'html' | 'pdf') => async () => {
    setError(null);
    try {
      await download(`${jobPath(jobId)}/report?format=${format}`, undefined, `training-${r.name}.${format}`);
    } catch (e) {
      setError(e);
    }
  };
  const figure = (value: number | null | undefined, digits = 3) => (value == null ? '—' : value.toFixed(digits));
  return (
    <>
      <h2 id="step-heading" tabIndex={-1}>4. Report: {r.name} <StatusBadge status={r.status} /></h2>
      <dl className="facts">
        <div><dt>Model</dt><dd><code>{r.model}</code></dd></div>
        <div><dt>Held-out loss</dt><dd data-testid="holdout-loss">{figure(r.final.holdout_loss)}</dd></div>
        <div><dt>Held-out perplexity</dt><dd>{figure(r.final.holdout_perplexity, 2)}</dd></div>
        <div><dt>Training loss (last epoch)</dt><dd>{figure(r.final.train_loss)}</dd></div>
        <div><dt>Training perplexity</dt><dd>{figure(r.final.train_perplexity, 2)}</dd></div>
        <div><dt>Tokens ({r.tokens.unit}s)</dt><dd>{r.tokens.train.toLocaleString()} training, {r.tokens.holdout.toLocaleString()} held out</dd></div>
        <div><dt>Steps</dt><dd>{r.steps} in {plural(r.epochs, 'epoch')}</dd></div>
        <div><dt>Duration</dt><dd>{r.duration_seconds == null ? '—' : `${r.duration_seconds.toFixed(1)} s`} ({r.training_seconds.toFixed(1)} s training)</dd></div>
        <div><dt>Network</dt><dd>{r.architecture}, {r.parameters.toLocaleString()} parameters, {r.vocabulary_size} symbols</dd></div>
      </dl>
      <LossChart train={r.train_loss} holdout={r.holdout_loss} totalSteps={r.steps} />
      <h3>Held-out loss per epoch</h3>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Held-out loss per epoch">
        <table>
          <thead><tr><th scope="col">Epoch</th><th scope="col">Step</th><th scope="col">Held-out loss</th><th scope="col">Perplexity</th></tr></thead>
          <tbody>{r.holdout_loss.map((h) => <tr key={h.step}><td>{h.epoch}</td><td>{h.step}</td><td>{h.loss.toFixed(4)}</td><td>{Math.exp(h.loss).toFixed(2)}</td></tr>)}</tbody>
        </table>
      </div>
      <h3>Sample generations</h3>
      {r.samples.length === 0 ? <p className="muted">No samples yet (they are written when training ends).</p> : (
        <ul className="samples">
          {r.samples.map((s, i) => <li key={i}><span className="muted">Prompt “{s.prompt}”</span><pre className="response">{s.text}</pre></li>)}
        </ul>
      )}
      <div className="row">
        <button type="button" className="secondary" onClick={get('html')}>Download HTML report</button>
        <button type="button" className="secondary" onClick={get('pdf')}>Download PDF report</button>
        {r.status === 'completed' && <Link to={`/playground?model=${encodeURIComponent(r.model)}`}>Try {r.model} in the Playground</Link>}
      </div>
      <ProblemView error={error} />
    </>
  );
}
