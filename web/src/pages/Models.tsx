import { ExportButtons } from '../components/ExportButtons';
import { QueryView } from '../components/States';
import { useModels } from '../hooks/queries';

export function Models() {
  const models = useModels('90d');
  return (
    <>
      <h1>Models</h1>
      <ExportButtons request={(format) => ({ path: `/api/export/analytics/models?timeframe=90d&format=${format}` })} />
      <QueryView query={models} empty={(m) => m.length === 0}>{(m) => (
        <div className="card table-wrap" tabIndex={0} role="region" aria-label="Models"><table>
          <caption className="muted" style={{ textAlign: 'left' }}>Last 90 days, best mean overall score first</caption>
          <thead><tr><th>Provider</th><th>Model</th><th>Responses</th><th>Mean overall</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>Tokens out</th><th>Cost $</th></tr></thead>
          <tbody>{m.map((x) => (
            <tr key={`${x.provider}/${x.model}`}><td>{x.provider}</td><td>{x.model}</td><td>{x.responses}</td><td>{x.mean_overall_score?.toFixed(1) ?? '—'}</td>
              <td>{x.latency_p50_ms}</td><td>{x.latency_p95_ms}</td><td>{x.latency_p99_ms}</td><td>{x.mean_completion_tokens}</td><td>{x.total_cost_usd.toFixed(4)}</td></tr>))}</tbody>
        </table></div>)}</QueryView>
    </>
  );
}
