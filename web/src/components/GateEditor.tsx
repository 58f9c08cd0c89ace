import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import { draftOf, gateBody, GATE_METRICS, serverErrors, validateGate, type CheckDraft, type GateDefinition, type GateDraft } from '../api/gates';
import { ProblemView } from './States';

/** An experiment's quality gate: the checks every finished run must pass, saved with PUT /api/experiments/{id}/gates. */
export function GateEditor({ experimentId }: { experimentId: string }) {
  const client = useQueryClient();
  const gate = useQuery({
    queryKey: ['gate-definition', experimentId],
    queryFn: async () => {
      try {
        return await api<GateDefinition>(`/api/experiments/${experimentId}/gates`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  const [draft, setDraft] = useState<GateDraft>(draftOf(null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => { if (gate.data !== undefined) setDraft(draftOf(gate.data)); }, [gate.data]);

  const setCheck = (i: number, change: Partial<CheckDraft>) => setDraft((d) => ({ ...d, checks: d.checks.map((c, j) => (j === i ? { ...c, ...change } : c)) }));
  const save = async () => {
    setSaved(''); setFailure(null);
    const found = validateGate(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await api(`/api/experiments/${experimentId}/gates`, { method: 'PUT', json: gateBody(draft) });
      await client.invalidateQueries({ queryKey: ['gate-definition', experimentId] });
      setSaved('Gate saved: it applies to the runs that finish from now on.');
    } catch (e) {
      const fields = serverErrors(e);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(e);
    }
  };
  const remove = async () => {
    setSaved(''); setFailure(null);
    try {
      await api(`/api/experiments/${experimentId}/gates`, { method: 'DELETE' });
      await client.invalidateQueries({ queryKey: ['gate-definition', experimentId] });
      setSaved('Gate removed.');
    } catch (e) { setFailure(e); }
  };
  const field = (name: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `gates-error-${name.replace(/[^a-z0-9]/gi, '-')}` : undefined,
  });
  const error = (name: string) => errors[name] && <span className="field-error" id={`gates-error-${name.replace(/[^a-z0-9]/gi, '-')}`}>{errors[name]}</span>;

  return (
    <section className="card gates-editor" aria-labelledby="gates-title">
      <h2 id="gates-title">Quality gate</h2>
      <p className="muted">Every run of this experiment that finishes is checked against these thresholds; a failed gate raises an alert.
        {gate.data === null && ' This experiment has no gate yet.'}</p>
      {gate.error ? <ProblemView error={gate.error} /> : null}
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <datalist id="gates-metrics">{GATE_METRICS.map((m) => <option key={m} value={m} />)}</datalist>
        {draft.checks.map((c, i) => (
          <fieldset key={i} className="gates-check">
            <legend>Check {i + 1}</legend>
            <div className="row">
              <label>Metric
                <input list="gates-metrics" value={c.metric} onChange={(e) => setCheck(i, { metric: e.target.value })} {...field(`checks[${i}].metric`)} />
                {error(`checks[${i}].metric`)}
              </label>
              <label>Must be
                <select value={c.op} onChange={(e) => setCheck(i, { op: e.target.value as CheckDraft['op'] })} {...field(`checks[${i}].op`)}>
                  <option value=">=">≥ at least</option>
                  <option value="<=">≤ at most</option>
                </select>
                {error(`checks[${i}].op`)}
              </label>
              <label>Value
                <input inputMode="decimal" value={c.value} onChange={(e) => setCheck(i, { value: e.target.value })} {...field(`checks[${i}].value`)} />
                {error(`checks[${i}].value`)}
              </label>
              <button type="button" className="secondary" onClick={() => setDraft((d) => ({ ...d, checks: d.checks.filter((_, j) => j !== i) }))}>Remove check {i + 1}</button>
            </div>
          </fieldset>
        ))}
        {error('checks')}
        <div className="row">
          <button type="button" className="secondary" onClick={() => setDraft((d) => ({ ...d, checks: [...d.checks, { metric: 'latency_p95_ms', op: '<=', value: '' }] }))}>Add a check</button>
        </div>
        <label className="inline gates-regression">
          <input type="checkbox" checked={draft.noSignificantRegression} onChange={(e) => setDraft((d) => ({ ...d, noSignificantRegression: e.target.checked }))} />
          No significant regression (paired test against the baseline run)
        </label>
        <label>Baseline run id (optional; empty compares with the experiment's previous run)
          <input value={draft.baselineRunId} onChange={(e) => setDraft((d) => ({ ...d, baselineRunId: e.target.value }))} {...field('baseline_run_id')} />
          {error('baseline_run_id')}
        </label>
        <div className="row gates-actions">
          <button type="submit">Save gate</button>
          {gate.data && <button type="button" className="secondary" onClick={() => void remove()}>Remove gate</button>}
        </div>
      </form>
      {saved && <p role="status">{saved}</p>}
      <ProblemView error={failure} />
    </section>
  );
}
