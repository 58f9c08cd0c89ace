import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, ApiError } from '../api/client';
import { SCORES, label, type BatchDetails, type ModelSummary } from '../api/types';
import { ExportButtons } from '../components/ExportButtons';
import { Failures } from '../components/Failures';
import { GateResultCard } from '../components/GateResultCard';
import { Heatmap } from '../components/Heatmap';
import { OptimiseSearch } from '../components/OptimiseSearch';
import { ProgressBar } from '../components/ProgressBar';
import { RunControls } from '../components/RunControls';
import { QueryView } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { useBreakdown, useCorrelation, useInsights, useOptimization } from '../hooks/queries';
import { isFinal, isPermanent, useRunProgress } from '../hooks/useRunProgress';
import { useSettling } from '../hooks/useSettling';
import { firstPage, useRunHeatmap, type CellFilter, type ResponseQuery } from './analysis/analysisQueries';
import { ConfigurationCharts } from './analysis/ConfigurationCharts';
import { RunResponsesTable } from './analysis/RunResponsesTable';
import { byValue } from './parameterValues';

const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000']; // Okabe–Ito

interface RunAnalysis { sample_size: number; parameters: Record<string, { value: string; count: number; metrics: Record<string, { mean: number | null }> }[]> }

export function BatchDetail() {
  const { id = '' } = useParams();
  const live = useRunProgress(id);
  const client = useQueryClient();
  const settling = useSettling(live.status?.status, () => void client.invalidateQueries({ queryKey: ['batch', id] }));
  const batch = useQuery({
    queryKey: ['batch', id],
    queryFn: () => api<BatchDetails>(`/api/experiments/batch/${id}`),
    refetchInterval: settling.refetchInterval,
  });
  // Once the run has stopped, the server's details are the truth (the stream's last event can precede the last calls).
  const status = settling.stopped && batch.data ? batch.data.status : live.status ?? batch.data?.status ?? null;
  const final = isFinal(status?.status);
  const running = status?.status === 'running';
  const acted = async () => {
    settling.touch();
    await client.invalidateQueries({ queryKey: ['batch', id] });
  };

  if (batch.error instanceof ApiError && batch.error.status === 404) {
    return (<><h1>Run not found</h1><p className="problem" role="alert">There is no run {id} for this key (it was deleted, or belongs to another organisation). <Link to="/batches">All runs</Link></p></>);
  }

  return (
    <QueryView query={batch}>{(b) => (
      <>
        <h1>{b.name} {status && <StatusBadge status={status.status} />}</h1>
        <RunSetup details={b} />
        <div className="card" aria-label="Progress">
          {status && (
            <>
              <ProgressBar value={status.progress} label="Run progress" />
              <p data-testid="run-counters">{status.completed_combinations} completed, {status.failed_combinations} failed of {status.total_combinations} calls
                {running && live.rate !== null ? ` · ${live.rate.toFixed(1)} calls/s` : ''}
                {running && status.estimated_completion ? ` · ETA ${new Date(status.estimated_completion).toLocaleTimeString()}` : ''}</p>
              {status.status === 'paused' && <p className="muted">Paused: calls already sent finish, nothing new starts. Resume continues where it stopped.</p>}
              {status.current_parameters && running && <p className="muted">Latest parameters: temperature {status.current_parameters.temperature}, top_p {status.current_parameters.top_p}, max_tokens {status.current_parameters.max_tokens}</p>}
              <p>Best configuration so far: {status.results_preview.optimal_parameters
                ? <strong>{describe(status.results_preview.optimal_parameters)}</strong> : '—'}
                <span className="muted"> (highest mean overall score of one combination; best single response {status.results_preview.best_quality_score?.toFixed(1) ?? '—'}, average {status.results_preview.average_quality_score?.toFixed(1) ?? '—'})</span></p>
            </>
          )}
          <RunControls status={status?.status} noun="run" kept={`Calls not yet made are dropped; the ${status?.completed_combinations ?? 0} finished responses are kept.`}
            actions={{ pause: `/api/experiments/batch/${id}/pause`, resume: `/api/experiments/batch/${id}/start`, cancel: { path: `/api/experiments/batch/${id}`, method: 'DELETE' } }}
            onDone={acted} streamError={isPermanent(live.error) ? null : live.error}
            extra={(act) => <>
              {status?.status === 'pending' && <button type="button" onClick={() => act(`/api/experiments/batch/${id}/start`)}>Start</button>}
              {status?.failed_combinations ? final && <button type="button" className="secondary" onClick={() => act(`/api/experiments/batch/${id}/retry-errors`)}>Retry failed calls</button> : null}
            </>} />
        </div>
        <GateResultCard runId={id} />
        {final && status && status.completed_combinations === 0 && (
          <div className="problem" role="alert">
            <strong>This run produced no responses</strong>: all {status.failed_combinations} calls {status.status === 'cancelled' ? 'were cancelled or failed' : 'failed'}.
            {b.failures?.[0] ? ` Most were ${b.failures[0].kind.replace(/_/g, ' ')}: ${b.failures[0].example_message || 'no message'}` : ''}
          </div>)}
        <Failures runId={id} failures={b.failures ?? []} />
        {status && <OptimiseSearch batchId={id} gridCalls={status.total_combinations} />}
        {final && status ? (status.completed_combinations > 0 && <Analysis id={id} completed={status.completed_combinations} />)
          : <p className="muted">The analysis appears when the run has finished.</p>}
      </>)}</QueryView>
  );
}

const describe = (p: object) =>
  Object.entries(p).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k} ${v}`).join(', ');

/** What the run asked: prompt, provider and model, and every grid value (from its responses). */
function RunSetup({ details }: { details: BatchDetails }) {
  return (
    <div className="card" aria-label="Run setup">
      <p><strong>Prompt:</strong> {details.prompt}</p>
      <p className="muted">Provider / model: {details.provider} / {details.model || 'default'} · estimated {details.estimated_duration.toFixed(1)} s, ${details.estimated_cost_usd.toFixed(4)}</p>
      {details.parameter_ranges && <p className="muted">Grid: {Object.entries(details.parameter_ranges).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v ? `${(v as { min: number }).min}–${(v as { max: number }).max} step ${(v as { step: number }).step}` : String(v)}`).join(' · ')}</p>}
    </div>
  );
}

function Analysis({ id, completed }: { id: string; completed: number }) {
  const analysis = useQuery({ queryKey: ['analysis', id], queryFn: () => api<RunAnalysis>(`/api/experiments/batch/${id}/analysis`) });
  const optimization = useOptimization(id, completed);
  const correlation = useCorrelation(id, completed);
  const insights = useInsights(id, completed);
  const breakdown = useBreakdown(id, completed);
  const latency = useQuery({ queryKey: ['latency', id], queryFn: async () => (await api<{ items: ModelSummary[] }>(`/api/analytics/models/comparison?batch_id=${id}&timeframe=3650d`)).items });
  const [metric, setMetric] = useState('overall_score');
  // The heatmap and the best configuration are aggregated on the server; the table asks for one page at a time.
  const heatmap = useRunHeatmap(id, metric);
  const best = heatmap.overall.data?.best ?? null;
  const grid = heatmap.overall.data?.grid ?? {};
  const [table, setTable] = useState<ResponseQuery>(() => firstPage());
  const tableHeading = useRef<HTMLHeadingElement>(null);
  const openFilter = (filter: CellFilter) => {
    setTable({ ...table, filter, page: 0 });
    // The table is further down: move there (focus too, so a keyboard user continues from the responses).
    requestAnimationFrame(() => { tableHeading.current?.scrollIntoView({ block: 'start' }); tableHeading.current?.focus(); });
  };
  const openCell = (x: number, y: number) => openFilter({ temperature: x, top_p: y, ...(heatmap.tokens !== undefined ? { max_tokens: heatmap.tokens } : {}) });

  return (
    <>
      <h2>Results analysis</h2>
      <p><Link to={`/batches/${id}/matrix`}>Open the matrix</Link> <span className="muted">— outputs side by side: prompts and parameter sets × models or a parameter, with the gate per cell.</span></p>
      <p className="muted" aria-live="polite">Analytics over {breakdown.data?.sample_size ?? 0} of {completed} responses
        {(breakdown.data?.sample_size ?? 0) < completed ? ' (the read model is still filling; this updates by itself)' : ''}.</p>
      <div className="card">
        <label>Metric
          <select value={metric} onChange={(e) => setMetric(e.target.value)}>{SCORES.map((m) => <option key={m} value={m}>{label(m)}</option>)}</select>
        </label>
        <p aria-live="polite" data-testid="best-configuration">Best configuration ({label(metric)}): {best
          ? <><strong>{describe(best.parameters)}</strong> — mean {best.mean.toFixed(1)} over {best.responses} responses</> : '—'}
          <span className="muted"> (the combination with the highest mean; see DESIGN.md)</span></p>
        <p className="muted">Grid: {Object.entries(grid).filter(([, v]) => v.length > 0).map(([k, v]) => `${k} ${v.join(', ')}`).join(' · ')}</p>
        <h3>{label(metric)} by temperature × top_p{heatmap.tokens !== undefined ? ` at max_tokens ${heatmap.tokens}` : ''}</h3>
        <QueryView query={heatmap.cells} empty={(d) => d.cells.length === 0}>{(h) => <Heatmap xLabel="temperature" yLabel="top_p" onCell={openCell}
          cells={h.cells.map((c) => ({ x: c.x, y: c.y, value: c.mean, count: c.count }))}
          best={best ? { x: best.parameters.temperature, y: best.parameters.top_p } : null} />}</QueryView>
      </div>
      <div className="card">
        <h3>{label(metric)} by configuration</h3>
        <ConfigurationCharts runId={id} metric={metric} onOpen={openFilter} />
      </div>
      <div className="card">
        <h3>{label(metric)} by parameter value</h3>
        <QueryView query={analysis}>{(a) => (
          <div className="grid">
            {Object.entries(a.parameters).filter(([, values]) => values.length > 1).map(([parameter, values]) => (
              <div key={parameter} style={{ height: 220 }} role="img" aria-label={`${label(metric)} by ${parameter}`}>
                <div className="muted">{parameter}</div>
                <ResponsiveContainer><LineChart data={byValue(values).map((v) => ({ value: v.value, mean: v.metrics[metric]?.mean }))}>
                  <CartesianGrid stroke="#eee" /><XAxis dataKey="value" /><YAxis domain={['auto', 'auto']} /><Tooltip /><Line dataKey="mean" stroke={PALETTE[0]} isAnimationActive={false} />
                </LineChart></ResponsiveContainer>
              </div>))}
          </div>)}</QueryView>
      </div>
      <div className="grid">
        <div className="card"><h3>Best value of each parameter alone</h3>
          <p className="muted">Each value averaged over every other parameter — a different question from the best configuration above.</p>
          <QueryView query={optimization} empty={(o) => o.parameters.length === 0}>{(o) => (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Best value of each parameter"><table><thead><tr><th>Parameter</th><th>Best value</th><th>Mean</th><th>Confidence</th><th>Impact</th></tr></thead>
              <tbody>{o.parameters.map((p) => (
                <tr key={p.parameter}><td>{p.parameter}</td><td>{p.optimal_value}</td><td>{p.optimal_mean.toFixed(1)}</td>
                  <td>{(p.confidence * 100).toFixed(1)}% <span className="muted">(p = {p.p_value.toFixed(3)}, {p.confidence_level})</span></td>
                  <td className={p.quality_impact_percent > 0 ? 'better' : undefined}>+{p.quality_impact_percent.toFixed(1)}%</td></tr>))}</tbody></table></div>)}</QueryView>
        </div>
        <div className="card"><h3>Insights</h3>
          <QueryView query={insights} empty={(r) => r.insights.length === 0}>{(r) => (
            <ul>{r.insights.map((i, n) => <li key={n}>{i.text} <span className="muted">({i.statistic}, n = {i.sample_size})</span></li>)}</ul>)}</QueryView>
        </div>
      </div>
      <div className="card"><h3>Correlations</h3>
        <QueryView query={correlation}>{(c) => (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Correlations"><table>
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
            <div style={{ height: 220 }} role="img" aria-label={`Histogram of ${label(metric)}`}>
              <ResponsiveContainer><BarChart data={bd.metrics[metric]?.histogram.map((h) => ({ bin: `${h.from}-${h.to}`, count: h.count })) ?? []}>
                <CartesianGrid stroke="#eee" /><XAxis dataKey="bin" /><YAxis allowDecimals={false} /><Tooltip /><Bar dataKey="count" fill={PALETTE[0]} isAnimationActive={false} />
              </BarChart></ResponsiveContainer>
            </div>)}</QueryView>
        </div>
        <div className="card"><h3>Latency percentiles</h3>
          <QueryView query={latency} empty={(l) => l.length === 0}>{(l) => (
            <div style={{ height: 220 }} role="img" aria-label="Latency percentiles by model">
              <ResponsiveContainer><BarChart data={l.map((m) => ({ model: m.model, p50: m.latency_p50_ms, p95: m.latency_p95_ms, p99: m.latency_p99_ms }))}>
                <CartesianGrid stroke="#eee" /><XAxis dataKey="model" /><YAxis unit=" ms" /><Tooltip /><Legend />
                <Bar dataKey="p50" fill={PALETTE[0]} isAnimationActive={false} /><Bar dataKey="p95" fill={PALETTE[1]} isAnimationActive={false} /><Bar dataKey="p99" fill={PALETTE[2]} isAnimationActive={false} />
              </BarChart></ResponsiveContainer>
            </div>)}</QueryView>
        </div>
      </div>
      <div className="card"><h3 ref={tableHeading} tabIndex={-1}>Every response</h3>
        <ExportButtons formats={['csv', 'json', 'xlsx', 'parquet']} request={(format) => ({ path: '/api/export/batch', init: { method: 'POST', json: { batch_id: id, format } } })} />
        <RunResponsesTable runId={id} metric={metric} state={table} onState={setTable} />
      </div>
    </>
  );
}
