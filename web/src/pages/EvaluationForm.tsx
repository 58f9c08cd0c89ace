import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import { METHOD_NAMES, METHODS, isRag, type Evaluation, type MethodName } from '../api/evaluations';
import { ProblemView } from '../components/States';
import { useDatasets } from '../hooks/evaluationQueries';
import { useModelCatalog } from '../hooks/queries';
import { emptyEvaluation, formField, toRequest, validateEvaluation, type EvaluationDraft } from '../evaluation/evaluationDraft';

/** A new evaluation: dataset and version, sample, methods, model and parameters; checked before sending with the API's wording. */
export function EvaluationForm({ initialDataset }: { initialDataset?: string }) {
  const datasets = useDatasets();
  const catalog = useModelCatalog();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState<EvaluationDraft>({ ...emptyEvaluation, datasetId: initialDataset ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const dataset = datasets.data?.items.find((d) => d.id === draft.datasetId);
  const version = dataset?.versions.find((v) => v.version === (draft.datasetVersion ?? dataset.version));
  const set = (change: Partial<EvaluationDraft>) => setDraft({ ...draft, ...change });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = validateEvaluation(draft, version?.item_count);
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      const created = await api<Evaluation>('/api/evaluations', { method: 'POST', json: toRequest(draft) });
      await client.invalidateQueries({ queryKey: ['evaluations'] });
      navigate(`/evaluations/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors) {
        const mapped: Record<string, string> = {};
        for (const [field, messages] of Object.entries(error.problem.errors)) {
          const key = formField(field);
          mapped[key] = [mapped[key], field === key ? messages.join(' ') : `${field}: ${messages.join(' ')}`].filter(Boolean).join(' ');
        }
        setErrors(mapped);
      }
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const invalid = (field: string) => ({
    'aria-invalid': errors[field] ? 'true' as const : 'false' as const,
    'aria-describedby': errors[field] ? `evaluation-${field.replace(/\W/g, '-')}-error` : undefined,
  });
  const error = (field: string) => errors[field] && <span id={`evaluation-${field.replace(/\W/g, '-')}-error`} className="field-error">{errors[field]}</span>;
  const number = (field: string, text: string, value: number, change: (v: number) => void, attrs: { step: string; min: number; max: number }) => (
    <label>{text}
      <input type="number" value={Number.isNaN(value) ? '' : value} onChange={(e) => change(e.target.value === '' ? Number.NaN : Number(e.target.value))} {...attrs} {...invalid(field)} />
      {error(field)}
    </label>
  );
  const toggle = (method: MethodName, on: boolean) =>
    set({ methods: on ? METHODS.filter((m) => m === method || draft.methods.includes(m)) : draft.methods.filter((m) => m !== method) });

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="New evaluation">
      <h2>New evaluation</h2>
      <div className="row">
        <label>Evaluation name
          <input value={draft.name} onChange={(e) => set({ name: e.target.value })} {...invalid('name')} />
          {error('name')}
        </label>
        <label>Dataset to evaluate
          <select value={draft.datasetId} onChange={(e) => set({ datasetId: e.target.value, datasetVersion: null })} {...invalid('dataset_id')}>
            <option value="">Choose a dataset</option>
            {datasets.data?.items.map((d) => <option key={d.id} value={d.id}>{d.name}{d.builtin ? ' (built-in)' : ''} · {d.item_count} items</option>)}
          </select>
          {error('dataset_id')}
        </label>
        <label>Dataset version
          <select value={draft.datasetVersion ?? dataset?.version ?? ''} disabled={!dataset} onChange={(e) => set({ datasetVersion: Number(e.target.value) })} {...invalid('dataset_version')}>
            {dataset ? dataset.versions.map((v) => <option key={v.version} value={v.version}>Version {v.version} ({v.item_count} items)</option>) : <option value="">Choose a dataset first</option>}
          </select>
          {error('dataset_version')}
        </label>
      </div>
      <div className="row">
        <label>Sample size (blank: every item)
          <input type="number" min={1} max={version?.item_count} step={1} value={draft.sampleSize} onChange={(e) => set({ sampleSize: e.target.value })} {...invalid('sample_size')} />
          {error('sample_size')}
        </label>
        <label>Sample seed
          <input type="number" step={1} value={draft.seed} onChange={(e) => set({ seed: e.target.value })} {...invalid('seed')} />
          {error('seed')}
        </label>
      </div>
      <fieldset className="methods" aria-describedby={errors.methods ? 'evaluation-methods-error' : undefined}>
        <legend>Methods</legend>
        {METHODS.map((m) => (
          <label key={m} className="check"><input type="checkbox" checked={draft.methods.includes(m)} onChange={(e) => toggle(m, e.target.checked)} />{METHOD_NAMES[m]} <code>{m}</code></label>))}
        {error('methods')}
      </fieldset>
      <div className="row">
        {draft.methods.some(isRag) || draft.methods.includes('agent')
          ? number('options.top_k', 'Retrieved chunks (top_k)', draft.topK, (v) => set({ topK: v }), { step: '1', min: 1, max: 100 }) : null}
        {draft.methods.some(isRag) || draft.methods.includes('agent') ? (
          <label>Knowledge collection (blank: every document)
            <input value={draft.collection} onChange={(e) => set({ collection: e.target.value })} {...invalid('options.collection')} />
            {error('options.collection')}
          </label>) : null}
        {draft.methods.includes('agent') ? number('options.max_steps', 'Agent max steps', draft.maxSteps, (v) => set({ maxSteps: v }), { step: '1', min: 1, max: 20 }) : null}
      </div>
      <div className="row">
        <label>Provider and model
          <select value={draft.model} onChange={(e) => set({ model: e.target.value })} {...invalid('model')}>
            {!catalog.data?.some((m) => `${m.provider}/${m.model}` === draft.model) && <option value={draft.model}>{draft.model || 'Choose a model'}</option>}
            {catalog.data?.map((m) => <option key={`${m.provider}/${m.model}`} value={`${m.provider}/${m.model}`}>{m.provider}/{m.model}</option>)}
          </select>
          {error('model')}
        </label>
        {number('parameters.temperature', 'Temperature', draft.temperature, (v) => set({ temperature: v }), { step: '0.05', min: 0, max: 2 })}
        {number('parameters.top_p', 'top_p', draft.topP, (v) => set({ topP: v }), { step: '0.05', min: 0.05, max: 1 })}
        {number('parameters.max_tokens', 'Max tokens', draft.maxTokens, (v) => set({ maxTokens: v }), { step: '1', min: 1, max: 32768 })}
      </div>
      {version && <p className="muted" aria-live="polite">{draft.methods.length} method{draft.methods.length === 1 ? '' : 's'} × {draft.sampleSize.trim() && Number(draft.sampleSize) > 0 ? Math.min(Number(draft.sampleSize), version.item_count) : version.item_count} items = {draft.methods.length * (draft.sampleSize.trim() && Number(draft.sampleSize) > 0 ? Math.min(Number(draft.sampleSize), version.item_count) : version.item_count)} model runs</p>}
      <ProblemView error={failure} />
      <p><button type="submit" disabled={saving}>{saving ? 'Starting…' : 'Start evaluation'}</button></p>
    </form>
  );
}
