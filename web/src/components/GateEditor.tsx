import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import {
  draftOf, EVALUATION_GATE_METRICS, evaluationDraftOf, evaluationGateBody, gateBody, GATE_METRICS, serverErrors, validateEvaluationGate, validateGate,
  type CheckDraft, type EvaluationGateDefinition, type GateDefinition, type GateDraft,
} from '../api/gates';
import { ProblemView } from './States';

/** Whose gate: an experiment's (every finished run) or an evaluation's (per-method checks, evaluated when it finishes). */
export type GateOwner = { experimentId: string; evaluation?: undefined } | { experimentId?: undefined; evaluation: { id: string; methods: string[] } };

/** A quality gate editor, saved with PUT /api/experiments/{id}/gates or PUT /api/evaluations/{id}/gates. */
export function GateEditor(owner: GateOwner) {
  const client = useQueryClient();
  const evaluation = owner.evaluation;
  const id = evaluation?.id ?? owner.experimentId ?? '';
  const isEvaluation = evaluation !== undefined;
  const path = evaluation ? `/api/evaluations/${id}/gates` : `/api/experiments/${id}/gates`;
  const baselineField = evaluation ? 'baseline_evaluation_id' : 'baseline_run_id';
  const gate = useQuery({
    queryKey: ['gate-definition', id],
    queryFn: async () => {
      try {
        const stored = await api<GateDefinition | EvaluationGateDefinition>(path);
        return evaluation ? evaluationDraftOf(stored as EvaluationGateDefinition) : draftOf(stored as GateDefinition);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  const [draft, setDraft] = useState<GateDraft>(evaluation ? evaluationDraftOf(null) : draftOf(null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => { if (gate.data !== undefined) setDraft(gate.data ?? (isEvaluation ? evaluationDraftOf(null) : draftOf(null))); }, [gate.data, isEvaluation]);

  const setCheck = (i: number, change: Partial<CheckDraft>) => setDraft((d) => ({ ...d, checks: d.checks.map((c, j) => (j === i ? { ...c, ...change } : c)) }));
  const save = async () => {
    setSaved(''); setFailure(null);
    const found = evaluation ? validateEvaluationGate(draft, id) : validateGate(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await api(path, { method: 'PUT', json: evaluation ? evaluationGateBody(draft) : gateBody(draft) });
      await client.invalidateQueries({ queryKey: ['gate-definition', id] });
      // A finished evaluation's gate is evaluated again at once: its result card reads it anew.
      if (evaluation) await client.invalidateQueries({ queryKey: ['gate', id] });
      setSaved(evaluation ? 'Gate saved: it is evaluated when the evaluation finishes (at once if it has finished).'
        : 'Gate saved: it applies to the runs that finish from now on.');
    } catch (e) {
      const fields = serverErrors(e);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(e);
    }
  };
  const remove = async () => {
    setSaved(''); setFailure(null);
    try {
      await api(path, { method: 'DELETE' });
      await client.invalidateQueries({ queryKey: ['gate-definition', id] });
      if (evaluation) await client.invalidateQueries({ queryKey: ['gate', id] });
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
      <p className="muted">{evaluation
        ? 'When this evaluation finishes, each method is checked against these thresholds; a failed gate raises an alert.'
        : 'Every run of this experiment that finishes is checked against these thresholds; a failed gate raises an alert.'}
        {gate.data === null && ` This ${evaluation ? 'evaluation' : 'experiment'} has no gate yet.`}</p>
      {gate.error ? <ProblemView error={gate.error} /> : null}
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <datalist id="gates-metrics">{(evaluation ? EVALUATION_GATE_METRICS : GATE_METRICS).map((m) => <option key={m} value={m} />)}</datalist>
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
              {evaluation && (
                <label className="evalgate-method">Method
                  <select value={c.method ?? ''} onChange={(e) => setCheck(i, { method: e.target.value })} {...field(`checks[${i}].method`)}>
                    <option value="">every method</option>
                    {evaluation.methods.map((m) => <option key={m} value={m}>{m}</option>)}
                  </select>
                  {error(`checks[${i}].method`)}
                </label>)}
              <button type="button" className="secondary" onClick={() => setDraft((d) => ({ ...d, checks: d.checks.filter((_, j) => j !== i) }))}>Remove check {i + 1}</button>
            </div>
          </fieldset>
        ))}
        {error('checks')}
        <div className="row">
          <button type="button" className="secondary" onClick={() => setDraft((d) => ({ ...d, checks: [...d.checks, { metric: 'latency_p95_ms', op: '<=', value: '', ...(evaluation ? { method: '' } : {}) }] }))}>Add a check</button>
        </div>
        <label className="inline gates-regression">
          <input type="checkbox" checked={draft.noSignificantRegression} onChange={(e) => setDraft((d) => ({ ...d, noSignificantRegression: e.target.checked }))} />
          {evaluation ? 'No significant regression (McNemar on exact match, per method, against the baseline evaluation)'
            : 'No significant regression (paired test against the baseline run)'}
        </label>
        <label>{evaluation ? "Baseline evaluation id (optional; empty compares with the dataset's previous evaluation)"
          : "Baseline run id (optional; empty compares with the experiment's previous run)"}
          <input value={draft.baselineRunId} onChange={(e) => setDraft((d) => ({ ...d, baselineRunId: e.target.value }))} {...field(baselineField)} />
          {error(baselineField)}
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
