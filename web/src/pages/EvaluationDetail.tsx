import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { GateEditor } from '../components/GateEditor';
import { GateResultCard } from '../components/GateResultCard';
import type { Evaluation, EvaluationItem, EvaluationLatency, EvaluationStatus } from '../api/evaluations';
import { ProgressBar } from '../components/ProgressBar';
import { RunControls } from '../components/RunControls';
import { VersionFromFeedback } from '../annotate/VersionFromFeedback';
import { QueryView } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { CorrectnessGrid, ItemList } from '../components/evaluation/CorrectnessGrid';
import { ItemDrawer } from '../components/evaluation/ItemDrawer';
import { LatencyHistogram } from '../components/evaluation/LatencyHistogram';
import { MetricCards } from '../components/evaluation/MetricCards';
import { evaluationItemsKey, evaluationKey, evaluationLatencyKey, fetchEvaluation, MAX_ITEMS, useDatasets, useEvaluationItems, useEvaluationLatency } from '../hooks/evaluationQueries';
import { isFinal, isPermanent, useProgressStream } from '../hooks/useRunProgress';
import { useSettling } from '../hooks/useSettling';

/** One evaluation: live progress with pause/resume/cancel, metric cards per method, latency histogram, correctness grid. */
export function EvaluationDetail() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const live = useProgressStream<EvaluationStatus>(`/api/evaluations/${id}/progress`, (s) => s.completed_items + s.failed_items);
  const refresh = () => Promise.all([evaluationKey(id), evaluationItemsKey(id), evaluationLatencyKey(id)].map((queryKey) => client.invalidateQueries({ queryKey })));
  const settling = useSettling(live.status?.status, () => void refresh());
  const evaluation = useQuery({
    queryKey: evaluationKey(id),
    queryFn: () => fetchEvaluation(id),
    // While running, the metric cards follow the answers every few seconds; after a stop, the settle window applies.
    refetchInterval: () => settling.refetchInterval() || (live.status?.status === 'running' ? 4000 : false),
  });
  const e = evaluation.data;
  // Once the run has stopped, the server's counters are the truth (the stream's last event can precede the last items).
  const status = settling.stopped && e ? e : live.status ?? e ?? null;
  const final = isFinal(status?.status);
  const running = status?.status === 'running';
  // Items are read every 10 s while running, every 3 s in the settle window after a final state, then not again.
  const itemsInterval = () => (running ? 10000 : final && settling.refetchInterval() ? 3000 : false);
  const items = useEvaluationItems(id, e !== undefined, itemsInterval);
  const latency = useEvaluationLatency(id, e !== undefined, itemsInterval);
  const [open, setOpen] = useState<EvaluationItem | null>(null);

  if (evaluation.error instanceof ApiError && evaluation.error.status === 404) {
    return (<><h1>Evaluation not found</h1><p className="problem" role="alert">There is no evaluation {id} for this key. <Link to="/evaluations">All evaluations</Link></p></>);
  }
  return (
    <QueryView query={evaluation}>{(ev) => (
      <>
        <h1>{ev.name} {status && <StatusBadge status={status.status} />}</h1>
        <Setup evaluation={ev} />
        <section className="card" aria-label="Progress">
          {status && (
            <>
              <ProgressBar value={status.progress} label="Evaluation progress" />
              <p data-testid="run-counters">{status.completed_items} answered, {status.failed_items} failed of {status.total_items} model runs
                {running && live.rate !== null ? ` · ${live.rate.toFixed(1)} items/s` : ''}</p>
              {status.status === 'paused' && <p className="muted">Paused: items already running finish, nothing new starts. Resume continues where it stopped.</p>}
            </>)}
          <RunControls status={status?.status} noun="evaluation" kept={`Items not yet answered are dropped; the ${status?.completed_items ?? 0} answered are kept.`}
            actions={{ pause: `/api/evaluations/${id}/pause`, resume: `/api/evaluations/${id}/resume`, cancel: { path: `/api/evaluations/${id}/cancel`, method: 'POST' } }}
            onDone={async () => { settling.touch(); await refresh(); }} streamError={isPermanent(live.error) ? null : live.error} />
        </section>
        {ev.methods.length > 1 && <p><Link to={`/evaluations/${id}/compare`}>Compare the methods item by item</Link> <span className="muted">(McNemar, bootstrap CIs, answers side by side)</span></p>}
        <div className="evalgate-panel">
          <GateEditor evaluation={{ id, methods: ev.methods.map((m) => m.label) }} />
          <GateResultCard runId={id} noun="answered items" path={`/api/evaluations/${id}/gate`} />
        </div>
        <h2>Metrics by method</h2>
        {!final && <p className="muted">Figures so far; they settle when the evaluation finishes.</p>}
        {ev.summary ? <MetricCards summary={ev.summary} /> : <p className="muted">No figures yet.</p>}
        <QueryView query={latency}>{(l) => <Latency latency={l} methods={ev.methods.map((m) => m.label)} onOpen={setOpen} />}</QueryView>
        <QueryView query={items}>{({ items: list, total }) => <Results items={list} total={total} methods={ev.methods.map((m) => m.label)} onOpen={setOpen} />}</QueryView>
        {open && <ItemDrawer item={open} onClose={() => setOpen(null)} />}
      </>)}</QueryView>
  );
}

/** The histogram and the extremes come from the server over every answered item, whatever the evaluation's size. */
function Latency({ latency, methods, onOpen }: { latency: EvaluationLatency; methods: string[]; onOpen: (item: EvaluationItem) => void }) {
  return (
    <>
      <section className="card" aria-labelledby="latency-heading">
        <h2 id="latency-heading">Latency per item</h2>
        <p className="muted">Over all {latency.answered} answered items.</p>
        <LatencyHistogram bins={latency.bins} methods={methods} />
      </section>
      <h2>Fastest and slowest items</h2>
      <div className="grid">
        <ItemList title="Top 5 fastest" items={latency.fastest} onOpen={onOpen} />
        <ItemList title="Top 5 slowest" items={latency.slowest} onOpen={onOpen} />
      </div>
    </>
  );
}

function Results({ items, total, methods, onOpen }: { items: EvaluationItem[]; total: number; methods: string[]; onOpen: (item: EvaluationItem) => void }) {
  return (
    <>
      {total > items.length && <p className="notice" role="status">The grid shows the first {items.length} of {total} work items (it reads at most {MAX_ITEMS}); the figures above cover all of them.</p>}
      <section className="card" aria-labelledby="grid-heading">
        <h2 id="grid-heading">Correctness grid</h2>
        <CorrectnessGrid items={items} methods={methods} onOpen={onOpen} />
      </section>
    </>
  );
}

function Setup({ evaluation: e }: { evaluation: Evaluation }) {
  const datasets = useDatasets();
  const dataset = datasets.data?.items.find((d) => d.id === e.dataset_id);
  return (
    <div className="card" aria-label="Evaluation setup">
      <p><strong>Dataset:</strong> <Link to={`/datasets/${e.dataset_id}`}>{dataset?.name ?? e.dataset_id}</Link> version {e.dataset_version}
        {' · '}{e.sample_size ? `sample of ${e.sample_size} (seed ${e.seed})` : 'every item'}</p>
      <p><strong>Methods:</strong> {e.methods.map((m) => m.label).join(', ')}</p>
      {!dataset?.builtin && <VersionFromFeedback datasetId={e.dataset_id} runId={e.id} />}
      <p className="muted">Provider / model: {e.provider} / {e.model || 'default'} · temperature {e.parameters.temperature}, top_p {e.parameters.top_p}, max_tokens {e.parameters.max_tokens}
        {e.methods.some((m) => m.method.startsWith('rag') || m.method === 'agent') ? ` · top_k ${e.methods.find((m) => m.method.startsWith('rag') || m.method === 'agent')!.options.top_k}` : ''}</p>
    </div>
  );
}
