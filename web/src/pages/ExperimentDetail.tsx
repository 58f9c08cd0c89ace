import { useEffect, useState } from 'react';
import { isFinal, useRunProgress } from '../hooks/useRunProgress';
import { useParams, Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Paged, ResponseRow } from '../api/types';
import { DataTable } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';
import { ProblemView, QueryView } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { ResponseDrawer } from '../components/ResponseDrawer';
import { ExperimentForm } from './ExperimentForm';
import { GateEditor } from '../components/GateEditor';
import { useQueryClient } from '@tanstack/react-query';
import { useExperiment } from '../hooks/queries';

export function ExperimentDetail() {
  const { id = '' } = useParams();
  const experiment = useExperiment(id);
  const responses = useQuery({ queryKey: ['responses', id], queryFn: () => api<Paged<ResponseRow>>(`/api/responses/${id}?page_size=500`) });
  const [selected, setSelected] = useState<ResponseRow | null>(null);
  const [runError, setRunError] = useState<unknown>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const client = useQueryClient();
  // Follow the run the button started: the experiment's status and its responses are read again at every state change.
  const live = useRunProgress(runId ?? undefined, runId !== null);
  const liveState = live.status?.status;
  useEffect(() => {
    if (!liveState) return;
    void client.invalidateQueries({ queryKey: ['experiment', id] });
    if (isFinal(liveState)) void client.invalidateQueries({ queryKey: ['responses', id] });
  }, [liveState, client, id]);
  const toggle = async (change: Record<string, boolean>) => {
    setRunError(null);
    try {
      await api(`/api/experiments/${id}`, { method: 'PUT', json: change });
      await client.invalidateQueries({ queryKey: ['experiment', id] });
      await client.invalidateQueries({ queryKey: ['experiments'] });
    } catch (error) { setRunError(error); }
  };
  return (
    <QueryView query={experiment}>{(e) => (
      <>
        <h1>{e.name} <StatusBadge status={e.status} /></h1>
        <div className="card">
          <p><strong>Prompt:</strong> {e.prompt}</p>
          <p className="muted">{e.provider} / {e.model || 'default'} · temperature {e.temperature_min}–{e.temperature_max} step {e.temperature_step} · top_p {e.top_p_min}–{e.top_p_max} step {e.top_p_step} · {e.total_combinations} combinations × {e.response_count}</p>
          <div className="row">
            <button type="button" onClick={async () => {
              setRunError(null);
              try {
                const run = await api<{ run_id?: string }>('/api/responses/generate', { method: 'POST', json: { experiment_id: id } });
                setRunId(run?.run_id ?? null);
                await client.invalidateQueries({ queryKey: ['experiment', id] });
                await client.invalidateQueries({ queryKey: ['responses', id] });
              } catch (error) { setRunError(error); }
            }}>Run the grid</button>
            {runId && <Link to={`/batches/${runId}`}>Follow run {runId.slice(0, 13)} live</Link>}
            {runId && live.status && <span className="muted" role="status">{live.status.status.replace(/_/g, ' ')}: {live.status.completed_combinations} of {live.status.total_combinations} calls</span>}
            <button type="button" className="secondary" onClick={() => setEditing(!editing)}>{editing ? 'Close editing' : 'Edit'}</button>
            <button type="button" className="secondary" aria-pressed={e.is_favorited} onClick={() => toggle({ is_favorited: !e.is_favorited })}>{e.is_favorited ? '★ Favourite' : '☆ Favourite'}</button>
            <button type="button" className="secondary" onClick={() => toggle({ is_archived: !e.is_archived })}>{e.is_archived ? 'Unarchive' : 'Archive'}</button>
          </div>
          {editing && <ExperimentForm id={id} initial={{ ...e, tags: e.tags.join(', ') }} />}
          <ProblemView error={runError} />
        </div>
        <GateEditor experimentId={id} />
        <h2>Responses</h2>
        <ExportButtons request={(format) => format === 'csv' ? { path: `/api/export/${id}/csv` } : format === 'json' ? { path: `/api/export/${id}` }
          : { path: '/api/export/custom', init: { method: 'POST', json: { format, filters: { experiment_id: id } } } }} />
        <QueryView query={responses} empty={(d) => d.items.length === 0}>{(d) => (
          <DataTable caption={`${d.total} responses; select a row for the full text and metrics`} rows={d.items} onRowClick={setSelected} columns={[
            { key: 't', header: 'Temperature', value: (r) => r.temperature },
            { key: 'p', header: 'top_p', value: (r) => r.top_p },
            { key: 'o', header: 'Overall', value: (r) => r.metrics?.overall_score ?? null },
            { key: 'rel', header: 'Relevance', value: (r) => r.metrics?.relevance_score ?? null },
            { key: 'ms', header: 'Latency ms', value: (r) => r.response_time_ms },
            { key: 'c', header: 'Response', value: (r) => r.content.slice(0, 80) },
          ]} />)}</QueryView>
        {selected && <ResponseDrawer response={selected} onClose={() => setSelected(null)} />}
      </>)}</QueryView>
  );
}
