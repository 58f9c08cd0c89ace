import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { FailureSummary, Paged, WorkItem } from '../api/types';
import { QueryView } from './States';

const PAGE_SIZE = 20;

/** Why a run's calls failed: the count per kind with an example message, and the failed (or cancelled) items one by one. */
export function Failures({ runId, failures }: { runId: string; failures: FailureSummary[] }) {
  const [status, setStatus] = useState<'failed' | 'cancelled'>('failed');
  const [page, setPage] = useState(1);
  const items = useQuery({
    queryKey: ['failed-items', runId, status, page],
    enabled: failures.length > 0,
    queryFn: () => api<Paged<WorkItem>>(`/api/experiments/batch/${runId}/items?status=${status}&page=${page}&page_size=${PAGE_SIZE}`),
  });
  if (failures.length === 0) return null;
  const pages = items.data ? Math.max(1, Math.ceil(items.data.total / PAGE_SIZE)) : 1;

  return (
    <div className="card" aria-label="Failures">
      <h3>Why calls failed</h3>
      <table>
        <thead><tr><th>Kind</th><th>Calls</th><th>Example message</th></tr></thead>
        <tbody>{failures.map((f) => (
          <tr key={f.kind}><td>{f.kind.replace(/_/g, ' ')}</td><td>{f.count}</td><td>{f.example_message || '—'}</td></tr>))}</tbody>
      </table>
      <h3>Items</h3>
      <label>Show
        <select value={status} onChange={(e) => { setStatus(e.target.value as 'failed' | 'cancelled'); setPage(1); }}>
          <option value="failed">failed</option>
          <option value="cancelled">cancelled</option>
        </select>
      </label>
      <QueryView query={items} empty={(d) => d.items.length === 0}>{(d) => (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={`${status} items`}><table aria-label={`${status} items`}>
            <thead><tr><th>Combination</th><th>Repetition</th><th>Temperature</th><th>top_p</th><th>Kind</th><th>Message</th><th>Provider status</th><th>Attempts</th></tr></thead>
            <tbody>{d.items.map((w) => (
              <tr key={w.id}><td>{w.combination_index}</td><td>{w.repetition}</td><td>{w.temperature}</td><td>{w.top_p}</td>
                <td>{w.error?.kind.replace(/_/g, ' ') ?? '—'}</td><td>{w.error?.message || '—'}</td>
                <td>{w.error?.provider_status ?? '—'}</td><td>{w.error?.attempts ?? '—'}</td></tr>))}</tbody>
          </table></div>
          <div className="row">
            <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous</button>
            <span className="muted">Page {page} of {pages} · {d.total} items</span>
            <button type="button" className="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>Next</button>
          </div>
        </>)}</QueryView>
    </div>
  );
}
