import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import { gateStateOf, type GateResult, type GateState } from '../api/gates';
import { ProblemView } from './States';

const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3));

/** A run's or an evaluation's gate result: passed or failed with each check, "pending" until it is evaluated (polled), or "no gate". */
export function GateResultCard({ runId, noun = 'responses', path = `/api/runs/${runId}/gate` }: { runId: string; noun?: string; path?: string }) {
  const gate = useQuery<GateState>({
    queryKey: ['gate', runId],
    queryFn: async () => {
      try {
        return gateStateOf(await api<GateResult>(path));
      } catch (e) {
        if (e instanceof ApiError) return gateStateOf(e);
        throw e;
      }
    },
    refetchInterval: (q) => (q.state.data?.kind === 'pending' ? 2000 : false),
  });
  return (
    <section className="card gates-result" aria-labelledby="gates-result-title">
      <h2 id="gates-result-title">Quality gate</h2>
      {gate.isPending && <p className="muted" role="status">Reading the gate…</p>}
      {gate.error ? <ProblemView error={gate.error} /> : null}
      {gate.data?.kind === 'pending' && <p role="status" data-testid="gate-pending"><span className="badge paused">pending</span> {gate.data.detail}</p>}
      {gate.data?.kind === 'none' && <p className="muted" data-testid="gate-none">No gate: {gate.data.detail}</p>}
      {gate.data?.kind === 'evaluated' && <GateChecks result={gate.data.result} noun={noun} />}
    </section>
  );
}

function GateChecks({ result, noun }: { result: GateResult; noun: string }) {
  return (
    <>
      <p data-testid="gate-outcome"><span className={`badge ${result.passed ? 'completed' : 'failed'}`}>{result.passed ? 'passed' : 'failed'}</span>{' '}
        {result.checks.filter((c) => c.passed).length} of {result.checks.length} checks passed · evaluated {new Date(result.evaluated_at).toLocaleString()} on {result.responses_scored} of {result.responses_expected} {noun}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Gate checks">
        <table>
          <caption className="visually-hidden">Each check of the gate with the run's actual value</caption>
          <thead><tr><th scope="col">Check</th><th scope="col">Actual</th><th scope="col">Result</th><th scope="col">Reason</th></tr></thead>
          <tbody>
            {result.checks.map((c, i) => (
              <tr key={i}>
                <td>{c.method ? <span className="evalgate-method-name">{c.method}: </span> : null}{c.metric} {c.op === 'no_significant_regression' ? '(no significant regression)' : `${c.op.replace('>=', '≥').replace('<=', '≤')} ${c.value}`}</td>
                <td>{num(c.actual)}</td>
                <td className={c.passed ? 'better' : 'worse'}>{c.passed ? '✓ passed' : '✗ failed'}</td>
                <td>{c.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
