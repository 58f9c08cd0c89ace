import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { SCORES, label, type MethodComparison } from '../api/types';
import { DataTable } from '../components/DataTable';
import { ProblemView, QueryView } from '../components/States';
import { useBatches } from '../hooks/queries';

/** Two runs of the same grid (methods, models, prompt variants), item by item, with McNemar's test and bootstrap intervals. */
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
                {d.items.map((r) => <option key={r.id} value={r.id}>{r.name} ({r.total_calls} calls, {r.id.slice(0, 8)})</option>)}
              </select>
            </label>))}
          <label>Metric<select value={metric} onChange={(e) => setMetric(e.target.value)}>{[...SCORES, 'exact_match', 'f1', 'bleu', 'rouge_l'].map((m) => <option key={m} value={m}>{label(m)}</option>)}</select></label>
          <label>Correct when ≥<input type="number" value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} /></label>
        </div>)}</QueryView>
      {!ready && <p className="muted">Choose two different runs of the same grid.</p>}
      {ready && comparison.error ? <ProblemView error={comparison.error} /> : null}
      {ready && comparison.data && (
        <div className="card" aria-label="Comparison">
          <p>{comparison.data.pairs} paired items. B against A: accuracy <span className={tone(comparison.data.accuracy_difference)}>{signed(comparison.data.accuracy_difference)}</span>
            {comparison.data.accuracy_difference_ci95 && ` (95% CI ${comparison.data.accuracy_difference_ci95.map((x) => x.toFixed(3)).join(' to ')})`},
            mean {label(metric)} <span className={tone(comparison.data.mean_difference)}>{signed(comparison.data.mean_difference, 2)}</span>
            {comparison.data.mean_difference_ci95 && ` (95% CI ${comparison.data.mean_difference_ci95.map((x) => x.toFixed(2)).join(' to ')})`}.</p>
          <p>McNemar's exact test: p = {comparison.data.mcnemar_p.toFixed(4)} — <strong>{comparison.data.significant ? 'a significant difference' : 'no significant difference'}</strong> at 5%.</p>
          <table><thead><tr><th></th><th>B correct</th><th>B wrong</th></tr></thead><tbody>
            <tr><th>A correct</th><td>{comparison.data.both_correct}</td><td className="worse">{comparison.data.only_a_correct}</td></tr>
            <tr><th>A wrong</th><td className="better">{comparison.data.only_b_correct}</td><td>{comparison.data.neither_correct}</td></tr>
          </tbody></table>
          <h3>Per item</h3>
          <DataTable caption="B − A for every paired item; sort by difference to see the largest changes" rows={comparison.data.items} columns={[
            { key: 'item', header: 'Item (combination:repetition)', value: (i) => i.item_key },
            { key: 'a', header: `A ${label(metric)}`, value: (i) => i.a },
            { key: 'b', header: `B ${label(metric)}`, value: (i) => i.b },
            { key: 'd', header: 'B − A', value: (i) => i.difference, render: (i) => <span className={tone(i.difference)}>{signed(i.difference, 2)}</span> },
          ]} />
        </div>)}
    </>
  );
}
