import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../api/client';
import { SCORES, label, type ExportRow, type ModelSummary } from '../api/types';
import { DataTable } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';
import { Failures } from '../components/Failures';
import { Heatmap } from '../components/Heatmap';
import { OptimiseSearch } from '../components/OptimiseSearch';
import { ProgressBar } from '../components/ProgressBar';
import { ResponseDrawer } from '../components/ResponseDrawer';
import { ProblemView, QueryView } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { useBatch, useBreakdown, useCorrelation, useInsights, useOptimization, useRunResponses } from '../hooks/queries';
import { isFinal, useRunProgress } from '../hooks/useRunProgress';

const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000']; // Okabe–Ito

interface RunAnalysis { sample_size: number; parameters: Record<string, { value: string; count: number; metrics: Record<string, { mean: number | null }> }[]> }

/** Mean of a metric per (temperature, top_p) cell. */
export function heatCells(rows: ExportRow[], metric: string) {
  const groups = new Map<string, { x: number; y: number; sum: number; n: number }>();
  for (const r of rows) {
    const value = r[metric];
    if (typeof value !== 'number') continue;
    const x = Number(r.temperature);
    const y = Number(r.top_p);
    const g = groups.get(`${x}|${y}`) ?? { x, y, sum: 0, n: 0 };
    g.sum += value;
    g.n += 1;
    groups.set(`${x}|${y}`, g);
  }
  return [...groups.values()].map((g) => ({ x: g.x, y: g.y, value: g.sum / g.n }));
}

export function BatchDetail() {
  const { id = '' } = useParams();
  const batch = useBatch(id);
  const live = useRunProgress(id);
  const client = useQueryClient();
  const status = live.status ?? batch.data?.status ?? null;
  const final = isFinal(status?.status);
  const [actionError, setActionError] = useState<unknown>(null);
  // The failure summary is part of the run's details: read them again when the run ends.
  useEffect(() => { if (final) void client.invalidateQueries({ queryKey: ['batch', id] }); }, [final, client, id]);

  const act = async (path: string, method = 'POST') => {
    setActionError(null);
    try {
      await api(path, { method });
      await client.invalidateQueries({ queryKey: ['batch', id] });
    } catch (e) { setActionError(e); }
  };

  return (
    <QueryView query={batch}>{(b) => (
      <>
        <h1>{b.name} {status && <StatusBadge status={status.status} />}</h1>
        <div className="card" aria-label="Progress">
          {status && (
            <>
              <ProgressBar value={status.progress} label="Run progress" />
              <p>{status.completed_combinations} completed, {status.failed_combinations} failed of {status.total_combinations} calls
                {live.rate !== null && !final ? ` · ${live.rate.toFixed(1)} calls/s` : ''}
                {status.estimated_completion && !final ? ` · ETA ${new Date(status.estimated_completion).toLocaleTimeString()}` : ''}</p>
              {status.current_parameters && <p className="muted">Latest parameters: temperature {status.current_parameters.temperature}, top_p {status.current_parameters.top_p}, max_tokens {status.current_parameters.max_tokens}</p>}
              <p>Best so far: <strong>{status.results_preview.best_quality_score?.toFixed(1) ?? '—'}</strong> · average {status.results_preview.average_quality_score?.toFixed(1) ?? '—'}
                {status.results_preview.optimal_parameters && ` · best cell: temperature ${status.results_preview.optimal_parameters.temperature}, top_p ${status.results_preview.optimal_parameters.top_p}`}</p>
            </>
          )}
          <div className="row">
            {status?.status === 'pending' && <button type="button" onClick={() => act(`/api/experiments/batch/${id}/start`)}>Start</button>}
            {status?.status === 'running' && <button type="button" className="secondary" onClick={() => act(`/api/experiments/batch/${id}/pause`)}>Pause</button>}
            {status?.status === 'paused' && <button type="button" onClick={() => act(`/api/experiments/batch/${id}/start`)}>Resume</button>}
            {status && !final && <button type="button" className="secondary" onClick={() => act(`/api/experiments/batch/${id}`, 'DELETE')}>Cancel</button>}
            {status?.failed_combinations ? final && <button type="button" className="secondary" onClick={() => act(`/api/experiments/batch/${id}/retry-errors`)}>Retry failed calls</button> : null}
          </div>
          <ProblemView error={actionError ?? live.error} />
        </div>
        <Failures runId={id} failures={b.failures ?? []} />
        {status && <OptimiseSearch batchId={id} gridCalls={status.total_combinations} />}
        {final && status ? <Analysis id={id} completed={status.completed_combinations} /> : <p className="muted">The analysis appears when the run has finished.</p>}
      </>)}</QueryView>
  );
}

function Analysis({ id, completed }: { id: string; completed: number }) {
  const responses = useRunResponses(id);
  const analysis = useQuery({ queryKey: ['analysis', id], queryFn: () => api<RunAnalysis>(`/api/experiments/batch/${id}/analysis`) });
  const optimization = useOptimization(id, completed);
  const correlation = useCorrelation(id, completed);
  const insights = useInsights(id, completed);
  const breakdown = useBreakdown(id, completed);
  const latency = useQuery({ queryKey: ['latency', id], queryFn: async () => (await api<{ items: ModelSummary[] }>(`/api/analytics/models/comparison?batch_id=${id}&timeframe=3650d`)).items });
  const [metric, setMetric] = useState('overall_score');
  const [selected, setSelected] = useState<ExportRow | null>(null);
  const cells = useMemo(() => heatCells(responses.data ?? [], metric), [responses.data, metric]);

  return (
    <>
      <h2>Results analysis</h2>
      <p className="muted" aria-live="polite">Analytics over {breakdown.data?.sample_size ?? 0} of {completed} responses
        {(breakdown.data?.sample_size ?? 0) < completed ? ' (the read model is still filling; this updates by itself)' : ''}.</p>
      <div className="card">
        <label>Metric
          <select value={metric} onChange={(e) => setMetric(e.target.value)}>{SCORES.map((m) => <option key={m} value={m}>{label(m)}</option>)}</select>
        </label>
        <h3>{label(metric)} by temperature × top_p</h3>
        <QueryView query={responses} empty={(d) => d.length === 0}>{() => <Heatmap cells={cells} xLabel="temperature" yLabel="top_p" />}</QueryView>
      </div>
      <div className="card">
        <h3>{label(metric)} by parameter value</h3>
        <QueryView query={analysis}>{(a) => (
          <div className="grid">
            {Object.entries(a.parameters).filter(([, values]) => values.length > 1).map(([parameter, values]) => (
              <div key={parameter} style={{ height: 220 }} aria-label={`${label(metric)} by ${parameter}`}>
                <div className="muted">{parameter}</div>
                <ResponsiveContainer><LineChart data={values.map((v) => ({ value: v.value, mean: v.metrics[metric]?.mean }))}>
                  <CartesianGrid stroke="#eee" /><XAxis dataKey="value" /><YAxis domain={['auto', 'auto']} /><Tooltip /><Line dataKey="mean" stroke={PALETTE[0]} isAnimationActive={false} />
                </LineChart></ResponsiveContainer>
              </div>))}
          </div>)}</QueryView>
      </div>
      <div className="grid">
        <div className="card"><h3>Optimal parameters</h3>
          <QueryView query={optimization} empty={(o) => o.parameters.length === 0}>{(o) => (
            <table><thead><tr><th>Parameter</th><th>Best value</th><th>Mean</th><th>Confidence</th><th>Impact</th></tr></thead>
              <tbody>{o.parameters.map((p) => (
                <tr key={p.parameter}><td>{p.parameter}</td><td>{p.optimal_value}</td><td>{p.optimal_mean.toFixed(1)}</td>
                  <td>{(p.confidence * 100).toFixed(1)}% <span className="muted">(p = {p.p_value.toFixed(3)}, {p.confidence_level})</span></td>
                  <td className={p.quality_impact_percent > 0 ? 'better' : undefined}>+{p.quality_impact_percent.toFixed(1)}%</td></tr>))}</tbody></table>)}</QueryView>
        </div>
        <div className="card"><h3>Insights</h3>
          <QueryView query={insights} empty={(r) => r.insights.length === 0}>{(r) => (
            <ul>{r.insights.map((i, n) => <li key={n}>{i.text} <span className="muted">({i.statistic}, n = {i.sample_size})</span></li>)}</ul>)}</QueryView>
        </div>
      </div>
      <div className="card"><h3>Correlations</h3>
        <QueryView query={correlation}>{(c) => (
          <div className="table-wrap"><table>
            <thead><tr><th>Parameter</th><th>Metric</th><th>n</th><th>Pearson r</th><th>p</th><th>Spearman ρ</th><th>p</th></tr></thead>
            <tbody>{c.correlations.filter((x) => x.pearson !== null).map((x) => (
              <tr key={`${x.parameter}-${x.metric}`}><td>{x.parameter}</td><td>{label(x.metric)}</td><td>{x.n}</td><td>{x.pearson?.toFixed(3)}</td>
                <td className={x.pearson_p < 0.05 ? 'better' : undefined}>{x.pearson_p.toFixed(4)}</td><td>{x.spearman?.toFixed(3) ?? '—'}</td>
                <td className={x.spearman_p < 0.05 ? 'better' : undefined}>{x.spearman_p.toFixed(4)}</td></tr>))}</tbody>
          </table></div>)}</QueryView>
        <ExportButtons request={(format) => ({ path: `/api/export/analytics/correlation?batch_id=${id}&format=${format}` })} />
      </div>
      <div className="grid">
        <div className="card"><h3>Distribution of {label(metric)}</h3>
          <QueryView query={breakdown}>{(bd) => (
            <div style={{ height: 220 }} aria-label={`Histogram of ${label(metric)}`}>
              <ResponsiveContainer><BarChart data={bd.metrics[metric]?.histogram.map((h) => ({ bin: `${h.from}-${h.to}`, count: h.count })) ?? []}>
                <CartesianGrid stroke="#eee" /><XAxis dataKey="bin" /><YAxis allowDecimals={false} /><Tooltip /><Bar dataKey="count" fill={PALETTE[0]} isAnimationActive={false} />
              </BarChart></ResponsiveContainer>
            </div>)}</QueryView>
        </div>
        <div className="card"><h3>Latency percentiles</h3>
          <QueryView query={latency} empty={(l) => l.length === 0}>{(l) => (
            <div style={{ height: 220 }}>
              <ResponsiveContainer><BarChart data={l.map((m) => ({ model: m.model, p50: m.latency_p50_ms, p95: m.latency_p95_ms, p99: m.latency_p99_ms }))}>
                <CartesianGrid stroke="#eee" /><XAxis dataKey="model" /><YAxis unit=" ms" /><Tooltip /><Legend />
                <Bar dataKey="p50" fill={PALETTE[0]} isAnimationActive={false} /><Bar dataKey="p95" fill={PALETTE[1]} isAnimationActive={false} /><Bar dataKey="p99" fill={PALETTE[2]} isAnimationActive={false} />
              </BarChart></ResponsiveContainer>
            </div>)}</QueryView>
        </div>
      </div>
      <div className="card"><h3>Every response</h3>
        <ExportButtons formats={['csv', 'json', 'xlsx', 'parquet']} request={(format) => ({ path: '/api/export/batch', init: { method: 'POST', json: { batch_id: id, format } } })} />
        <QueryView query={responses} empty={(d) => d.length === 0}>{(rows) => (
          <DataTable caption="Select a row for its full text and metrics" rows={rows} onRowClick={setSelected} columns={[
            { key: 'temperature', header: 'Temperature', value: (r) => r.temperature as number },
            { key: 'top_p', header: 'top_p', value: (r) => r.top_p as number },
            { key: 'max_tokens', header: 'max_tokens', value: (r) => r.max_tokens as number },
            { key: 'overall', header: 'Overall', value: (r) => r.overall_score as number | null },
            ...(metric === 'overall_score' ? [] : [{ key: 'metric', header: label(metric), value: (r: ExportRow) => r[metric] as number | null }]),
            { key: 'latency', header: 'Latency ms', value: (r) => r.response_time_ms as number },
            { key: 'content', header: 'Response', value: (r) => String(r.content ?? '').slice(0, 60) },
          ]} />)}</QueryView>
      </div>
      {selected && <ResponseDrawer response={selected} onClose={() => setSelected(null)} />}
    </>
  );
}
