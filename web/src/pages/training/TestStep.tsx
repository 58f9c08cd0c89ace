import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { getAgreement, parseGradedTexts, submitTests, type AgreementReport, type CorrelationEstimate } from '../../api/training';
import { ProblemView } from '../../components/States';

const EXAMPLE = `85 | Rain forms when water vapour in clouds condenses into droplets that grow heavy and fall.
10 | rain rain rain rain
90 | Warm air rises and cools; its vapour condenses on dust, droplets collide, grow and fall as rain.
5 | Water.`;

/** Step 3: graded texts (people's scores) sent to /api/test-submissions; how well each metric agrees with them. */
export function TestStep({ collection, onNext }: { collection: string; onNext: () => void }) {
  const client = useQueryClient();
  const [input, setInput] = useState('');
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const agreement = useQuery({ queryKey: ['agreement', collection], queryFn: () => getAgreement(collection), retry: false });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const parsed = parseGradedTexts(input);
    if ('field' in parsed) { setFieldError(parsed); return; }
    setFieldError(null);
    setSending(true);
    try {
      const result = await submitTests(parsed.texts, collection);
      setSent(`${result.count} graded texts scored and stored in “${result.collection}”.`);
      setInput('');
      await client.invalidateQueries({ queryKey: ['agreement', collection] });
    } catch (err) {
      const first = err instanceof ApiError && err.problem.errors ? Object.entries(err.problem.errors)[0] : undefined;
      if (first) setFieldError({ field: first[0], message: first[1].join(' ') });
      else setProblem(err);
    } finally {
      setSending(false);
    }
  }

  // 409 "needs at least 3" is the empty state of this step, not an error.
  const tooFew = agreement.error instanceof ApiError && agreement.error.status === 409;
  return (
    <section className="card" aria-labelledby="step-heading">
      <h2 id="step-heading" tabIndex={-1}>3. Test against people's scores</h2>
      <p className="muted">Texts people graded (0–100), one per line as <code>score | text</code>, or a JSON array of <code>{'{text, expected_score}'}</code>.
        The platform scores each text with every quality metric and reports how well each metric agrees with the people. Collection: <code>{collection}</code>.</p>
      <form onSubmit={submit} aria-label="Test submissions">
        <label>Graded texts
          <textarea rows={6} value={input} onChange={(e) => setInput(e.target.value)} placeholder={EXAMPLE}
            aria-invalid={!!fieldError} aria-describedby={fieldError ? 'graded-error' : undefined} />
          {fieldError && <span className="field-error" id="graded-error">{fieldError.field} {fieldError.message}</span>}
        </label>
        <div className="row">
          <button type="submit" disabled={sending}>{sending ? 'Scoring…' : 'Submit graded texts'}</button>
          <button type="button" className="secondary" onClick={() => setInput(EXAMPLE)}>Fill in an example</button>
        </div>
      </form>
      <p role="status" className="muted">{sent ?? ''}</p>
      <ProblemView error={problem} />
      <h3>Agreement per metric</h3>
      {agreement.isPending ? <p className="muted" role="status">Loading…</p>
        : tooFew ? <p className="muted">{(agreement.error as ApiError).problem.errors ? Object.values((agreement.error as ApiError).problem.errors!)[0].join(' ') : 'At least 3 graded texts are needed.'}</p>
        : agreement.error ? <ProblemView error={agreement.error} />
        : <AgreementTable report={agreement.data!} />}
      <div className="row"><button type="button" onClick={onNext}>Next: report</button></div>
    </section>
  );
}

export function AgreementTable({ report }: { report: AgreementReport }) {
  return (
    <>
      <p data-testid="best-metric">{report.best_metric
        ? <>Best predictor of the people's scores: <strong>{report.best_metric}</strong> (highest {report.best_by} ρ), over {report.n} graded texts.</>
        : `No metric varies enough to correlate, over ${report.n} graded texts.`}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Agreement table">
        <table>
          <caption className="visually-hidden">Agreement of each metric with the people's scores</caption>
          <thead><tr><th scope="col">Metric</th><th scope="col">Pearson r (95% CI)</th><th scope="col">Spearman ρ (95% CI)</th><th scope="col">MAE</th><th scope="col">n</th></tr></thead>
          <tbody>
            {report.metrics.map((m) => (
              <tr key={m.metric} className={m.metric === report.best_metric ? 'best-row' : undefined}>
                <th scope="row">{m.metric}{m.metric === report.best_metric && <span className="badge completed"> best</span>}</th>
                <td>{estimate(m.pearson) ?? m.note}</td>
                <td>{estimate(m.spearman) ?? '—'}</td>
                <td>{m.mae.toFixed(1)}</td>
                <td>{m.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{report.method}.</p>
    </>
  );
}

function estimate(e: CorrelationEstimate | null): string | null {
  if (!e) return null;
  const ci = e.ci_low != null && e.ci_high != null ? ` (${e.ci_low.toFixed(2)} to ${e.ci_high.toFixed(2)})` : '';
  return `${e.value.toFixed(2)}${ci}`;
}
