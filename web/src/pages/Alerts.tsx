import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { actionsOf, ALERT_STATUSES, filterAlerts, severityOf, type Alert, type AlertStatus } from '../api/alerts';
import type { Paged } from '../api/types';
import { ProblemView, QueryView } from '../components/States';
import { useLiveState } from '../live/LiveEvents';

/** The alerts inbox: every alert of the organisation, filtered by state, acknowledged and resolved here; live. */
export function Alerts() {
  const [status, setStatus] = useState<AlertStatus | ''>('open');
  const live = useLiveState();
  const client = useQueryClient();
  const alerts = useQuery({
    queryKey: ['alerts', 'list', status],
    queryFn: () => api<Paged<Alert>>(`/api/alerts?page_size=200${status ? `&status=${status}` : ''}`),
    // The live stream refreshes the inbox; without it, ask every 10 s.
    refetchInterval: live === 'live' ? false : 10000,
  });
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const act = async (alert: Alert, action: 'ack' | 'resolve') => {
    setFailure(null);
    try {
      const moved = await api<Alert>(`/api/alerts/${alert.id}/${action}`, { method: 'POST' });
      setDone(`Alert ${moved.kind.replace(/_/g, ' ')} is now ${moved.status}.`);
      await client.invalidateQueries({ queryKey: ['alerts'] });
    } catch (e) { setFailure(e); }
  };
  return (
    <>
      <h1>Alerts</h1>
      <p className="muted">Quality regressions, failed gates, failure-rate spikes, budgets and latency objectives. {live === 'live' ? 'Updates live.' : 'Refreshed every 10 s.'}</p>
      <div className="row alerts-filter" role="group" aria-label="Show alerts">
        {([...ALERT_STATUSES, ''] as (AlertStatus | '')[]).map((s) => (
          <button key={s || 'all'} type="button" className={status === s ? '' : 'secondary'} aria-pressed={status === s} onClick={() => setStatus(s)}>
            {s ? s[0].toUpperCase() + s.slice(1) : 'All'}
          </button>
        ))}
      </div>
      <p role="status" className="alerts-done">{done}</p>
      <ProblemView error={failure} />
      <QueryView query={alerts} empty={(d) => d.items.length === 0}>{(d) => (
        <ul className="alerts-list" aria-label={`${d.total} alerts`}>
          {filterAlerts(d.items, status).map((a) => {
            const can = actionsOf(a.status);
            const severity = severityOf(a.kind);
            return (
              <li key={a.id} className={`alerts-item alerts-${severity}`} data-testid="alert-item">
                <div className="alerts-head">
                  <span className={`badge ${severity === 'critical' ? 'failed' : 'paused'}`}>{severity}</span>{' '}
                  <strong>{a.kind.replace(/_/g, ' ')}</strong>{' '}
                  <span className="badge">{a.status}</span>{' '}
                  <time className="muted" dateTime={a.created_at}>{new Date(a.created_at).toLocaleString()}</time>
                </div>
                <p className="alerts-message">{a.message}</p>
                <div className="row alerts-actions">
                  {a.run_id && <Link to={`/batches/${a.run_id}`}>Run {a.run_id.slice(0, 13)}</Link>}
                  {a.experiment_id && <Link to={`/experiments/${a.experiment_id}`}>Experiment</Link>}
                  {can.ack && <button type="button" onClick={() => void act(a, 'ack')}>Acknowledge</button>}
                  {can.resolve && <button type="button" className="secondary" onClick={() => void act(a, 'resolve')}>Resolve</button>}
                  {a.acknowledged_at && <span className="muted">acknowledged {new Date(a.acknowledged_at).toLocaleString()}{a.acknowledged_by ? ` by ${a.acknowledged_by}` : ''}</span>}
                  {a.resolved_at && <span className="muted">resolved {new Date(a.resolved_at).toLocaleString()}</span>}
                </div>
              </li>
            );
          })}
        </ul>
      )}</QueryView>
    </>
  );
}
