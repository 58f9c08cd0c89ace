import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import { SCORES, label, type BatchSummary, type MethodComparison } from '../api/types';
import { DataTable } from '../components/DataTable';
import { ProblemView, QueryView } from '../components/States';
import { useBatches } from '../hooks/queries';
import { SideBySide } from './compare/SideBySide';

/** Name, creation time and a 13-character id: six runs made the same minute stay distinguishable. */
export const runLabel = (r: BatchSummary) =>
  `${r.name} · ${new Date(r.created_at).toLocaleString([], { dateStyle: 'short', timeStyle: 'medium' })} · ${r.total_calls} calls · ${r.id.slice(0, 13)}`;

/** Two runs of the same grid (methods, models, prompt variants), item by item, with McNemar's test and bootstrap intervals. */
const REFERENCE_METRICS = ['exact_match', 'f1', 'bleu', 'rouge_l'];

export function Compare() {
  const batches = useBatches();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [metric, setMetric] = useState('overall_score');
  const [threshold, setThreshold] = useState(50);
  const ready = a !== '' && b !== '' && a !== b;
  const comparison = useQuery({
    queryKey: ['compare', a, b, metric, threshold],
    enabled: ready,
    queryFn: () => api<MethodComparison>(`/api/analytics/methods/comparison?run_a=${a}&run_b=${b}&metric=${metric}&threshold=${threshold}`),
  });
  const signed = (value: number | null | undefined, digits = 3) => (value === null || value === undefined ? '—' : `${value > 0 ? '+' : ''}${value.toFixed(digits)}`);
  const tone = (value: number | null | undefined) => (value === null || value === undefined || value === 0 ? undefined : value > 0 ? 'better' : 'worse');
  return (
    <>
      <h1>Compare runs</h1>
      <QueryView query={batches}>{(d) => (
        <div className="card row">
          {[['Run A (baseline)', a, setA], ['Run B', b, setB]].map(([text, value, set]) => (
            <label key={text as string}>{text as string}
              <select value={value as string} onChange={(e) => (set as (v: string) => void)(e.target.value)}>
                <option value="">choose a run</option>
                {d.items.map((r) => <option key={r.id} value={r.id}>{runLabel(r)}</option>)}
              </select>
            </label>))}
          <label>Metric<select value={metric} onChange={(e) => setMetric(e.target.value)}>{[...SCORES, ...REFERENCE_METRICS].map((m) => <option key={m} value={m}>{label(m)}</option>)}</select></label>
          <label>Correct when ≥<input type="number" step="1" min={0} max={100} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} /></label>
        </div>)}</QueryView>
      {!ready && <p className="muted">Choose two different runs of the same grid for the statistics, or several runs below for their outputs side by side.</p>}
      {ready && comparison.error && REFERENCE_METRICS.includes(metric) && comparison.error instanceof ApiError && comparison.error.status === 422 ? (
        <p className="notice" role="status" data-testid="no-pairs">No paired items for {label(metric)}: it compares an answer with its reference
          answer, and these runs have none (a dataset evaluation has them), so nothing is compared and there is no p-value.</p>) : null}
      {ready && comparison.error ? <ProblemView error={comparison.error} /> : null}
      {ready && comparison.data && comparison.data.pairs === 0 && (
        <p className="notice" role="status" data-testid="no-pairs">No paired items for {label(metric)}: {REFERENCE_METRICS.includes(metric)
          ? 'this metric compares an answer with its reference answer, and these runs have none (a dataset evaluation has them).'
          : 'neither run has a score for it on the same items.'} Nothing is compared, so there is no p-value.</p>)}
      {ready && comparison.data && comparison.data.pairs > 0 && (
        <div className="card" aria-label="Comparison">
          {(comparison.data.unpaired_a || comparison.data.unpaired_b) ? (
            <p className="notice" role="status" data-testid="unpaired">The runs' grids differ: items are paired only where prompt, model, parameters and
              repetition are equal. {comparison.data.unpaired_a ?? 0} items of A and {comparison.data.unpaired_b ?? 0} of B have no partner and are left out.</p>) : null}
          <p>{comparison.data.pairs} paired items (same prompt, model, parameters and repetition). B against A: accuracy <span className={tone(comparison.data.accuracy_difference)}>{signed(comparison.data.accuracy_difference)}</span>
            {comparison.data.accuracy_difference_ci95 && ` (95% CI ${comparison.data.accuracy_difference_ci95.map((x) => x.toFixed(3)).join(' to ')})`},
            mean {label(metric)} <span className={tone(comparison.data.mean_difference)}>{signed(comparison.data.mean_difference, 2)}</span>
            {comparison.data.mean_difference_ci95 && ` (95% CI ${comparison.data.mean_difference_ci95.map((x) => x.toFixed(2)).join(' to ')})`}.</p>
          <p>McNemar's exact test: p = {comparison.data.mcnemar_p.toFixed(4)} — <strong>{comparison.data.significant ? 'a significant difference' : 'no significant difference'}</strong> at 5%.</p>
          <table><caption className="visually-hidden">Items correct in A and B</caption><thead><tr><td></td><th scope="col">B correct</th><th scope="col">B wrong</th></tr></thead><tbody>
            <tr><th scope="row">A correct</th><td>{comparison.data.both_correct}</td><td className="worse">{comparison.data.only_a_correct}</td></tr>
            <tr><th scope="row">A wrong</th><td className="better">{comparison.data.only_b_correct}</td><td>{comparison.data.neither_correct}</td></tr>
          </tbody></table>
          <h3>Per item</h3>
          <DataTable caption="B − A for every paired item; sort by difference to see the largest changes" rows={comparison.data.items} columns={[
            { key: 'item', header: 'Item (combination:repetition)', value: (i) => i.item_key },
            { key: 'a', header: `A ${label(metric)}`, value: (i) => i.a },
            { key: 'b', header: `B ${label(metric)}`, value: (i) => i.b },
            { key: 'd', header: 'B − A', value: (i) => i.difference, render: (i) => <span className={tone(i.difference)}>{signed(i.difference, 2)}</span> },
          ]} />
        </div>)}
      {batches.data && <SideBySide runs={batches.data.items} />}
    </>
  );
}
