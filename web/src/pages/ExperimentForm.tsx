import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { Experiment } from '../api/types';
import { ProblemView } from '../components/States';

export interface ExperimentDraft {
  name: string; prompt: string; provider: string; model: string;
  temperature_min: number; temperature_max: number; temperature_step: number;
  top_p_min: number; top_p_max: number; top_p_step: number; max_tokens: number; response_count: number; tags: string;
}

export const emptyDraft: ExperimentDraft = {
  name: '', prompt: '', provider: 'local', model: '', temperature_min: 0.2, temperature_max: 1.0, temperature_step: 0.4,
  top_p_min: 0.5, top_p_max: 1.0, top_p_step: 0.25, max_tokens: 60, response_count: 2, tags: '',
};

/** The API's rules (docs API.md), checked before sending so errors show at the field; the server's 422 is shown the same way. */
export function validateDraft(d: ExperimentDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.name.trim()) errors.name = 'is required.';
  if (!d.prompt.trim()) errors.prompt = 'is required.';
  for (const [field, min, max] of [['temperature_min', 0, 2], ['temperature_max', 0, 2], ['top_p_max', 0, 1]] as const) {
    if (!(d[field] >= min && d[field] <= max)) errors[field] = `must be between ${min} and ${max}.`;
  }
  if (!(d.top_p_min > 0 && d.top_p_min <= 1)) errors.top_p_min = 'must be above 0 and at most 1.';
  if (d.temperature_min > d.temperature_max) errors.temperature_min = 'must not exceed temperature_max.';
  if (d.top_p_min > d.top_p_max) errors.top_p_min = 'must not exceed top_p_max.';
  if (!(d.temperature_step > 0)) errors.temperature_step = 'must be greater than 0.';
  if (!(d.top_p_step > 0)) errors.top_p_step = 'must be greater than 0.';
  if (!(Number.isInteger(d.max_tokens) && d.max_tokens >= 1 && d.max_tokens <= 32768)) errors.max_tokens = 'must be a whole number from 1 to 32768.';
  if (!(Number.isInteger(d.response_count) && d.response_count >= 1)) errors.response_count = 'must be at least 1.';
  return errors;
}

export function ExperimentForm({ initial = emptyDraft, id }: { initial?: ExperimentDraft; id?: string }) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const navigate = useNavigate();
  const client = useQueryClient();

  const set = (field: keyof ExperimentDraft, value: string) =>
    setDraft({ ...draft, [field]: typeof emptyDraft[field] === 'number' ? Number(value) : value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = validateDraft(draft);
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      const body = { ...draft, tags: draft.tags.split(',').map((t) => t.trim()).filter(Boolean) };
      const saved = await api<Experiment>(id ? `/api/experiments/${id}` : '/api/experiments', { method: id ? 'PUT' : 'POST', json: body });
      await client.invalidateQueries({ queryKey: ['experiments'] });
      navigate(`/experiments/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors) {
        setErrors(Object.fromEntries(Object.entries(error.problem.errors).map(([k, v]) => [k, v.join(' ')])));
      }
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const field = (name: keyof ExperimentDraft, text: string, type = 'number', step = 'any') => (
    <label>{text}
      <input name={name} type={type} step={step} value={String(draft[name])} onChange={(e) => set(name, e.target.value)}
        aria-invalid={errors[name] ? 'true' : 'false'} aria-describedby={errors[name] ? `${name}-error` : undefined} />
      {errors[name] && <span id={`${name}-error`} className="field-error">{errors[name]}</span>}
    </label>
  );

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Experiment">
      <div className="row">{field('name', 'Name', 'text')}{field('provider', 'Provider', 'text')}{field('model', 'Model (blank: default)', 'text')}{field('tags', 'Tags (comma separated)', 'text')}</div>
      <label>Prompt
        <textarea name="prompt" rows={3} value={draft.prompt} onChange={(e) => set('prompt', e.target.value)} aria-invalid={errors.prompt ? 'true' : 'false'} />
        {errors.prompt && <span className="field-error">{errors.prompt}</span>}
      </label>
      <div className="row">{field('temperature_min', 'Temperature min')}{field('temperature_max', 'Temperature max')}{field('temperature_step', 'Temperature step')}</div>
      <div className="row">{field('top_p_min', 'top_p min')}{field('top_p_max', 'top_p max')}{field('top_p_step', 'top_p step')}</div>
      <div className="row">{field('max_tokens', 'Max tokens', 'number', '1')}{field('response_count', 'Responses per combination', 'number', '1')}</div>
      <ProblemView error={failure} />
      <p><button type="submit" disabled={saving}>{saving ? 'Saving…' : id ? 'Save experiment' : 'Create experiment'}</button></p>
    </form>
  );
}
