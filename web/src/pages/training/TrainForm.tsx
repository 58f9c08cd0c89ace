import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { createJob, LIMITS, validateTrainingDraft, type TrainingDraft, type TrainingJob } from '../../api/training';
import { ProblemView } from '../../components/States';
import { useModelCatalog } from '../../hooks/queries';

/** Step 2 before a job exists: the job's name and parameters, checked before sending; the server's 4xx shown per field. */
export function TrainForm({ draft, setDraft, onCreated }: { draft: TrainingDraft; setDraft: (d: TrainingDraft) => void; onCreated: (job: TrainingJob) => void }) {
  const catalog = useModelCatalog();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const trained = (catalog.data ?? []).filter((m) => m.provider === 'local' && m.model !== 'local-ngram');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateTrainingDraft(draft);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      onCreated(await createJob(draft));
    } catch (err) {
      const fields = err instanceof ApiError ? err.problem.errors : undefined;
      if (fields) setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.join(' ')])));
      setProblem(err);
    } finally {
      setSending(false);
    }
  }

  const field = (name: keyof TrainingDraft & string, text: string, input: Record<string, unknown>): ReactNode => (
    <label key={name}>{text}
      <input value={draft[name] as string} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} aria-invalid={!!errors[name]}
        aria-describedby={errors[name] ? `${name}-error` : undefined} {...input} />
      {errors[name] && <span className="field-error" id={`${name}-error`}>{name} {errors[name]}</span>}
    </label>
  );
  const number = (name: keyof typeof LIMITS, step: number | 'any' = 1) => ({ type: 'number', min: LIMITS[name].min, max: LIMITS[name].max, step });
  const sourceError = errors.document_ids ?? errors.dataset_id ?? errors.texts;

  return (
    <form className="card" onSubmit={submit} aria-label="Training job" noValidate>
      <h2 id="step-heading" tabIndex={-1}>2. Train</h2>
      <p className="muted">Source: {draft.source === 'documents' ? `${draft.document_ids.length} documents` : `dataset ${draft.dataset_id || '(none)'}`}.</p>
      {sourceError && <p className="field-error" role="alert">{errors.document_ids ? 'document_ids' : errors.dataset_id ? 'dataset_id' : 'texts'} {sourceError}</p>}
      <div className="row">
        {field('name', 'Model name', { placeholder: 'e.g. handbook-v1', maxLength: 64, autoComplete: 'off' })}
        <label>Base model
          <select value={draft.base_model} onChange={(e) => setDraft({ ...draft, base_model: e.target.value })} aria-invalid={!!errors.base_model}
            aria-describedby={errors.base_model ? 'base_model-error' : undefined}>
            <option value="">None (a new model)</option>
            {trained.map((m) => <option key={m.model} value={`local/${m.model}`}>local/{m.model}</option>)}
          </select>
          {errors.base_model && <span className="field-error" id="base_model-error">base_model {errors.base_model}</span>}
        </label>
      </div>
      <div className="row">
        {field('epochs', 'Epochs', number('epochs'))}
        {field('batch_size', 'Batch size', number('batch_size'))}
        {field('learning_rate', 'Learning rate', number('learning_rate', 'any'))}
      </div>
      <details>
        <summary>Model size</summary>
        <div className="row">
          {field('context_length', 'Context length (characters)', number('context_length'))}
          {field('hidden_size', 'Hidden size', number('hidden_size'))}
          {field('embedding_size', 'Embedding size', number('embedding_size'))}
        </div>
      </details>
      {problem !== null && !(problem instanceof ApiError && problem.problem.errors) && <ProblemView error={problem} />}
      {problem instanceof ApiError && problem.problem.errors && (
        <p className="problem" role="alert">The server refused the job ({problem.status}): {Object.entries(problem.problem.errors).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ')}</p>
      )}
      <div className="row"><button type="submit" disabled={sending}>{sending ? 'Starting…' : 'Start training'}</button></div>
    </form>
  );
}
