import { METHOD_NAMES, type MethodSummary } from '../../api/evaluations';
import { ms, percent, usd } from './format';

/** One card per method: accuracy, latency, tokens, cost, and retrieval or agent figures where the method has them. */
export function MetricCards({ summary }: { summary: MethodSummary[] }) {
  return (
    <div className="grid">
      {summary.map((s) => (
        <section key={s.label} className="card metric-card" aria-labelledby={`metrics-${s.label}`}>
          <h3 id={`metrics-${s.label}`}>{s.label} <span className="muted">{METHOD_NAMES[s.method] ?? s.method}</span></h3>
          <p className="stat" aria-label={`Exact match ${percent(s.accuracy.exact_match)}`}>{percent(s.accuracy.exact_match)} <span className="muted">exact match</span></p>
          <dl className="figures">
            <dt>F1</dt><dd>{percent(s.accuracy.f1)}</dd>
            {s.accuracy.substring !== null && <><dt>Substring match</dt><dd>{percent(s.accuracy.substring)}</dd></>}
            {s.accuracy.numeric !== null && <><dt>Numeric match</dt><dd>{percent(s.accuracy.numeric)}</dd></>}
            <dt>Latency p50 / p95</dt><dd>{ms(s.latency_ms.p50)} / {ms(s.latency_ms.p95)}</dd>
            <dt>Tokens</dt><dd>{s.tokens.total.toLocaleString()}{s.tokens.mean_per_item !== null ? ` (${s.tokens.mean_per_item.toFixed(0)} per item)` : ''}</dd>
            <dt>Cost</dt><dd>{usd(s.cost_usd)}</dd>
            {s.retrieval && <><dt>Retrieval hit rate</dt><dd>{percent(s.retrieval.hit_rate)}</dd><dt>Retrieval MRR</dt><dd>{s.retrieval.mrr.toFixed(3)}</dd></>}
            {s.agent && <>
              <dt>Agent success</dt><dd>{percent(s.agent.success_rate)}</dd>
              <dt>Mean steps</dt><dd>{s.agent.mean_steps.toFixed(1)}</dd>
              <dt>Stuck</dt><dd>{percent(s.agent.stuck_rate)}</dd>
              <dt>Tool errors</dt><dd>{percent(s.agent.tool_error_rate)} of calls</dd>
            </>}
            <dt>Items</dt><dd>{s.completed} answered{s.stuck ? `, ${s.stuck} stuck` : ''}{s.failed ? `, ${s.failed} failed` : ''}{s.pending ? `, ${s.pending} pending` : ''} of {s.n}</dd>
          </dl>
        </section>))}
    </div>
  );
}
