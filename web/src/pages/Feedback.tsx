import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { agreementGain, appliedWeights, fmt, rhoWithCi, validateCalibration, type AgreementReport, type WeightProfile } from '../api/feedback';
import { serverErrors } from '../api/gates';
import { ProblemView, QueryView } from '../components/States';

/** How well the automatic metrics agree with people's scores, and calibrating the overall score's weights to them. */
export function Feedback() {
  const [scope, setScope] = useState('');
  const [applied, setApplied] = useState('');
  const query = scope.trim() ? `?experiment_id=${encodeURIComponent(scope.trim())}` : '';
  const agreement = useQuery({ queryKey: ['feedback-agreement', scope.trim()], queryFn: () => api<AgreementReport>(`/api/feedback/agreement${query}`) });
  const profiles = useQuery({ queryKey: ['feedback-profiles'], queryFn: () => api<{ items: WeightProfile[] }>('/api/feedback/profiles') });
  return (
    <>
      <h1>Feedback agreement</h1>
      <div className="card">
        <label>Experiment id (optional; empty: all of the organisation's feedback)
          <input value={scope} onChange={(e) => setScope(e.target.value)} /></label>
      </div>
      <h2>Agreement with people</h2>
      <QueryView query={agreement}>{(a) => (
        <>
          <p className="muted">Spearman's ρ of each automatic metric with people's mean score over {a.responses_with_feedback} responses people scored, with its 95 % confidence interval.</p>
          {a.metrics.length === 0 ? <p className="muted">No response with people's feedback yet in this scope.</p> : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Agreement per metric">
              <table className="feedback-agreement">
                <caption className="visually-hidden">Agreement of each automatic metric with people's scores</caption>
                <thead><tr><th scope="col">Metric</th><th scope="col">Spearman ρ [95 % CI]</th><th scope="col">p</th><th scope="col">n</th></tr></thead>
                <tbody>{a.metrics.map((m) => (
                  <tr key={m.metric}><td>{m.metric}</td><td>{rhoWithCi(m)}</td><td>{m.p_value === null ? '—' : m.p_value < 0.0001 ? '< 0.0001' : fmt(m.p_value, 4)}</td><td>{m.n}</td></tr>
                ))}</tbody>
              </table>
            </div>
          )}
        </>
      )}</QueryView>
      <Calibrate experimentId={scope.trim()} />
      <h2>Weight profiles</h2>
      <QueryView query={profiles} empty={(d) => d.items.length === 0}>{(d) => (
        <ul className="feedback-profiles">
          {d.items.map((p) => (
            <li key={p.name} className="card">
              <ProfileView profile={p} />
              <button type="button" className="secondary" aria-expanded={applied === p.name} onClick={() => setApplied(applied === p.name ? '' : p.name)}>
                {applied === p.name ? 'Close' : `Apply ${p.name} to a text`}</button>
              {applied === p.name && <ApplyProfile profile={p} />}
            </li>
          ))}
        </ul>
      )}</QueryView>
    </>
  );
}

function Calibrate({ experimentId }: { experimentId: string }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [folds, setFolds] = useState('5');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<WeightProfile | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setFailure(null); setResult(null);
    const found = validateCalibration(name, folds);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const profile = await api<WeightProfile>('/api/feedback/calibrate', { method: 'POST', json: { name: name.trim(), folds: Number(folds), experiment_id: experimentId || undefined } });
      setResult(profile);
      await client.invalidateQueries({ queryKey: ['feedback-profiles'] });
    } catch (e) {
      const fields = serverErrors(e);
      setErrors(fields);
      // "feedback" (too few scored responses) is about the data, not a field of this form: shown as the problem.
      if (Object.keys(fields).filter((k) => k === 'name' || k === 'folds').length === 0) setFailure(e);
    } finally { setBusy(false); }
  };
  const invalid = (f: string) => ({ 'aria-invalid': errors[f] ? true : undefined, 'aria-describedby': errors[f] ? `feedback-error-${f}` : undefined });
  return (
    <form className="card feedback-calibrate" noValidate onSubmit={(e) => { e.preventDefault(); void run(); }}>
      <h2>Calibrate</h2>
      <p className="muted">Fits the overall score's weights to people's scores{experimentId ? ' on this experiment' : ''}, cross-validated, and keeps them as a named profile.</p>
      <div className="row">
        <label>Profile name<input value={name} onChange={(e) => setName(e.target.value)} {...invalid('name')} />
          {errors.name && <span className="field-error" id="feedback-error-name">{errors.name}</span>}</label>
        <label>Folds<input inputMode="numeric" value={folds} onChange={(e) => setFolds(e.target.value)} {...invalid('folds')} />
          {errors.folds && <span className="field-error" id="feedback-error-folds">{errors.folds}</span>}</label>
        <button type="submit" disabled={busy}>{busy ? 'Calibrating…' : 'Calibrate'}</button>
      </div>
      <ProblemView error={failure} />
      {result && <div role="status"><ProfileView profile={result} /></div>}
    </form>
  );
}

function ProfileView({ profile: p }: { profile: WeightProfile }) {
  const gain = agreementGain(p);
  return (
    <div className="feedback-profile">
      <h3>{p.name}</h3>
      <p>Agreement with people (Spearman ρ [95 % CI]): before <strong>{rhoWithCi(p.before)}</strong> → after, cross-validated ({p.folds} folds)
        {' '}<strong>{rhoWithCi(p.after_cross_validated)}</strong>
        {gain !== null && <span className={gain >= 0 ? 'better' : 'worse'}> ({gain >= 0 ? '+' : '−'}{Math.abs(gain).toFixed(3)})</span>}
        <span className="muted"> · in sample {rhoWithCi(p.after_in_sample)} · n = {p.n}</span></p>
      <p className="muted feedback-weights">Weights: {Object.entries(p.weights).map(([m, w]) => `${m} ${w.toFixed(3)}`).join(', ')}</p>
    </div>
  );
}

function ApplyProfile({ profile }: { profile: WeightProfile }) {
  const [text, setText] = useState('');
  const [scores, setScores] = useState<{ standard: number; profile: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const apply = async () => {
    setFailure(null); setScores(null);
    try {
      const [standard, weighted] = await Promise.all([
        api<{ metrics: Record<string, number> }>('/api/quality/analyze', { method: 'POST', json: { text } }),
        api<{ metrics: Record<string, number> }>('/api/quality/analyze', { method: 'POST', json: { text, weights: appliedWeights(profile) } }),
      ]);
      setScores({ standard: standard.metrics.overall_score, profile: weighted.metrics.overall_score });
    } catch (e) { setFailure(e); }
  };
  return (
    <form className="feedback-apply" onSubmit={(e) => { e.preventDefault(); void apply(); }}>
      <label>Text to score<textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} /></label>
      <button type="submit">Score with {profile.name}</button>
      <ProblemView error={failure} />
      {scores && <p role="status">Overall score: standard weights {fmt(scores.standard, 1)}, {profile.name} {fmt(scores.profile, 1)}</p>}
    </form>
  );
}
