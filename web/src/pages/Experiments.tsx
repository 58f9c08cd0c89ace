import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QueryView } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { useExperiments, type ExperimentFilters } from '../hooks/queries';
import { ExperimentForm } from './ExperimentForm';

export function Experiments() {
  const [filters, setFilters] = useState<ExperimentFilters>({ page: 1, archived: false });
  const [creating, setCreating] = useState(false);
  const experiments = useExperiments(filters);
  const update = (change: Partial<ExperimentFilters>) => setFilters({ ...filters, ...change, page: change.page ?? 1 });
  return (
    <>
      <h1>Experiments</h1>
      <p><button type="button" onClick={() => setCreating(!creating)}>{creating ? 'Close the form' : 'New experiment'}</button></p>
      {creating && <ExperimentForm />}
      <div className="card row" role="search">
        <label>Search<input value={filters.q ?? ''} onChange={(e) => update({ q: e.target.value })} placeholder="name or prompt" /></label>
        <label>Status
          <select value={filters.status ?? ''} onChange={(e) => update({ status: e.target.value || undefined })}>
            <option value="">any</option><option value="draft">draft</option><option value="running">running</option><option value="completed">completed</option><option value="failed">failed</option>
          </select>
        </label>
        <label>Tag<input value={filters.tag ?? ''} onChange={(e) => update({ tag: e.target.value || undefined })} /></label>
        <label><span>Favourites only</span><input type="checkbox" checked={filters.favorited ?? false} onChange={(e) => update({ favorited: e.target.checked })} /></label>
        <label><span>Archived</span><input type="checkbox" checked={filters.archived ?? false} onChange={(e) => update({ archived: e.target.checked })} /></label>
      </div>
      <QueryView query={experiments} empty={(d) => d.items.length === 0}>{(d) => (
        <div className="card">
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Experiments"><table>
            <thead><tr><th>Name</th><th>Status</th><th>Provider / model</th><th>Combinations</th><th>Tags</th><th>Created</th></tr></thead>
            <tbody>{d.items.map((e) => (
              <tr key={e.id}><td><Link to={`/experiments/${e.id}`}>{e.is_favorited ? '★ ' : ''}{e.name}</Link></td><td><StatusBadge status={e.status} /></td>
                <td>{e.provider} / {e.model || 'default'}</td><td>{e.total_combinations} × {e.response_count}</td><td>{e.tags.join(', ')}</td>
                <td>{new Date(e.created_at).toLocaleString()}</td></tr>))}</tbody>
          </table></div>
          <div className="row">
            <button type="button" className="secondary" disabled={filters.page <= 1} onClick={() => update({ page: filters.page - 1 })}>Previous</button>
            <span className="muted">Page {d.page} of {Math.max(1, Math.ceil(d.total / d.page_size))} ({d.total} experiments)</span>
            <button type="button" className="secondary" disabled={d.page * d.page_size >= d.total} onClick={() => update({ page: filters.page + 1 })}>Next</button>
          </div>
        </div>)}</QueryView>
    </>
  );
}
