import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { download } from '../api/client';
import { isFinalJob, jobPath, listJobs, type TrainingJob } from '../api/training';
import { ProblemView, QueryView } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';

const PAGE_SIZE = 20;

/** Every training job of the tenant with its state, latest losses and its report in three forms. */
export function TrainingReports() {
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const jobs = useQuery({
    queryKey: ['training-jobs', page],
    queryFn: () => listJobs(page, PAGE_SIZE),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((j) => !isFinalJob(j.status)) ? 3000 : false),
  });
  const get = (job: TrainingJob, format: 'html' | 'pdf') => async () => {
    setError(null);
    try { await download(`${jobPath(job.id)}/report?format=${format}`, undefined, `training-${job.name}.${format}`); } catch (e) { setError(e); }
  };
  return (
    <>
      <h1>Training reports</h1>
      <p><Link to="/training">Train a new model</Link></p>
      <ProblemView error={error} />
      <QueryView query={jobs} empty={(d) => d.total === 0}>{(d) => {
        const pages = Math.max(1, Math.ceil(d.total / PAGE_SIZE));
        return (
          <section className="card" aria-labelledby="jobs-heading">
            <h2 id="jobs-heading">Training jobs</h2>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Training jobs table">
              <table>
                <thead><tr><th scope="col">Model</th><th scope="col">Status</th><th scope="col">Steps</th><th scope="col">Held-out loss</th><th scope="col">Created</th><th scope="col">Report</th></tr></thead>
                <tbody>
                  {d.items.map((j) => (
                    <tr key={j.id}>
                      <td><Link to={`/training?job=${j.id}&step=train`}>{j.name}</Link><div className="muted">{j.model}</div></td>
                      <td><StatusBadge status={j.status} /></td>
                      <td>{j.completed_steps} / {j.total_steps}</td>
                      <td>{j.holdout_loss == null ? '—' : j.holdout_loss.toFixed(3)}</td>
                      <td>{new Date(j.created_at).toLocaleString()}</td>
                      <td>
                        <div className="row nowrap">
                          <Link to={`/training?job=${j.id}&step=report`} aria-label={`Open report of ${j.name}`}>Open report</Link>
                          <button type="button" className="link" onClick={get(j, 'html')} aria-label={`Download the HTML report of ${j.name}`}>HTML</button>
                          <button type="button" className="link" onClick={get(j, 'pdf')} aria-label={`Download the PDF report of ${j.name}`}>PDF</button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav className="row" aria-label="Training jobs pages">
              <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous page</button>
              <span className="muted">Page {page} of {pages} · {d.total} jobs</span>
              <button type="button" className="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>Next page</button>
            </nav>
          </section>
        );
      }}</QueryView>
    </>
  );
}
