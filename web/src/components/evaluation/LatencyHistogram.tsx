import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LatencyBin } from '../../api/evaluations';

const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000']; // Okabe–Ito

/** Latency of every answered item (bins counted by the server), bars per method on shared bins; the counts are also in a table. */
export function LatencyHistogram({ bins: rows, methods }: { bins: LatencyBin[]; methods: string[] }) {
  if (rows.length === 0) return <p className="muted">No answered items yet.</p>;
  const data = rows.map((r) => ({ bin: `${r.from}–${r.to}`, ...r.counts }));
  return (
    <>
      <div style={{ height: 240 }} role="img" aria-label={`Histogram of latency in milliseconds per item, by method (${methods.join(', ')})`}>
        <ResponsiveContainer><BarChart data={data}>
          <CartesianGrid stroke="#eee" /><XAxis dataKey="bin" unit=" ms" /><YAxis allowDecimals={false} /><Tooltip /><Legend />
          {methods.map((m, i) => <Bar key={m} dataKey={m} fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />)}
        </BarChart></ResponsiveContainer>
      </div>
      <details>
        <summary>Histogram figures</summary>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Latency histogram figures"><table>
          <thead><tr><th scope="col">Latency (ms)</th>{methods.map((m) => <th key={m} scope="col">{m}</th>)}</tr></thead>
          <tbody>{rows.map((r) => <tr key={r.from}><th scope="row">{r.from}–{r.to}</th>{methods.map((m) => <td key={m}>{r.counts[m] ?? 0}</td>)}</tr>)}</tbody>
        </table></div>
      </details>
    </>
  );
}
