import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { label } from '../api/types';
import { ExportButtons } from '../components/ExportButtons';
import { QueryView } from '../components/States';
import { useBreakdown } from '../hooks/queries';
import { TrendCard } from './quality/TrendCard';

export function QualityMetrics() {
  const breakdown = useBreakdown();
  const [metric, setMetric] = useState('overall_score');
  return (
    <>
      <h1>Quality metrics</h1>
      <ExportButtons request={(format) => ({ path: `/api/export/analytics/breakdown?format=${format}` })} />
      <QueryView query={breakdown} empty={(b) => b.sample_size === 0}>{(b) => (
        <>
          <div className="card table-wrap" tabIndex={0} role="region" aria-label="Metrics summary"><table>
            <caption className="muted" style={{ textAlign: 'left' }}>{b.sample_size} scored responses; choose a metric for its distribution</caption>
            <thead><tr><th>Metric</th><th>n</th><th>Mean</th><th>Std</th><th>Min</th><th>Q1</th><th>Median</th><th>Q3</th><th>Max</th></tr></thead>
            <tbody>{Object.entries(b.metrics).map(([m, d]) => (
              <tr key={m}><td><button type="button" className="link" aria-pressed={metric === m} onClick={() => setMetric(m)}>{label(m)}</button></td><td>{d.count}</td>
                {[d.mean, d.std_dev, d.min, d.q1, d.median, d.q3, d.max].map((v, i) => <td key={i}>{v?.toFixed(1) ?? '—'}</td>)}</tr>))}</tbody>
          </table></div>
          <div className="card"><h2>{label(metric)} distribution</h2>
            <div style={{ height: 240 }} role="img" aria-label={`Histogram of ${label(metric)}`}><ResponsiveContainer><BarChart data={b.metrics[metric]?.histogram.map((h) => ({ bin: `${h.from}-${h.to}`, count: h.count })) ?? []}>
              <CartesianGrid stroke="#eee" /><XAxis dataKey="bin" /><YAxis allowDecimals={false} /><Tooltip /><Bar dataKey="count" fill="#0072b2" isAnimationActive={false} />
            </BarChart></ResponsiveContainer></div>
          </div>
        </>)}</QueryView>
      <TrendCard metric={metric} />
    </>
  );
}
