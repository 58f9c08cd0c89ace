import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import type { BatchCreated } from '../api/types';
import { ProblemView, QueryView } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { useBatches } from '../hooks/queries';
import { formatCost, formatDuration } from './batches/estimate';
import { GridEstimate } from './batches/GridEstimate';

/** Inclusive decimal range without drift: 0.1..1.0 step 0.1 is exactly ten values (the API's rule). */
export function rangeValues(min: number, max: number, step: number): number[] {
  if (!(step > 0) || min > max) return [];
  const scale = 1e6;
  const values: number[] = [];
  for (let v = Math.round(min * scale); v <= Math.round(max * scale) && values.length <= 10000; v += Math.round(step * scale)) values.push(v / scale);
  return values;
}

export function gridSize(lists: readonly (readonly unknown[])[], responseCount: number) {
  const combinations = lists.reduce((n, l) => n * Math.max(1, l.length), 1);
  return { combinations, calls: combinations * Math.max(1, responseCount) };
}

const parseList = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export interface Range { min: number; max: number; step: number }
/** prompts: one per line; models, penalties: comma-separated lists (absent: the API's defaults). */
export interface GridDraft {
  name: string; temperature: Range; top_p: Range; maxTokens: string; responseCount: number;
  prompts?: string; models?: string; frequencyPenalty?: string; presencePenalty?: string;
}

export const promptLines = (text: string) => [...new Set(text.split('\n').map((l) => l.trim()).filter(Boolean))];
export const modelList = (text: string) => [...new Set(parseList(text))];

/** The API's rules for a batch (API.md), with its field names and wording, checked before anything is sent. */
export function validateGrid(d: GridDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.name.trim()) errors.name = 'is required.';
  const range = (field: string, r: Range, low: number, high: number) => {
    if (![r.min, r.max, r.step].every(Number.isFinite)) errors[field] = 'must be numbers.';
    else if (r.min < low || r.max > high) errors[field] = `must be between ${low} and ${high}.`;
    else if (r.min > r.max) errors[field] = 'min must not exceed max.';
    if (!(r.step > 0)) errors[`${field}.step`] = 'must be greater than 0.';
  };
  range('parameter_ranges.temperature', d.temperature, 0, 2);
  range('parameter_ranges.top_p', d.top_p, 0, 1);
  const tokens = parseList(d.maxTokens);
  if (tokens.length === 0) errors['parameter_ranges.max_tokens'] = 'needs at least one value.';
  else if (!tokens.every((t) => /^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 32768)) errors['parameter_ranges.max_tokens'] = 'must be whole numbers from 1 to 32768, separated by commas.';
  if (!(Number.isInteger(d.responseCount) && d.responseCount >= 1 && d.responseCount <= 100)) errors.response_count = 'must be a whole number from 1 to 100.';
  if (d.prompts !== undefined && promptLines(d.prompts).length === 0) errors.prompt = 'is required: one prompt per line.';
  for (const [field, text] of [['frequency_penalty', d.frequencyPenalty], ['presence_penalty', d.presencePenalty]] as const) {
    if (text === undefined) continue;
    const values = parseList(text);
    if (values.length === 0 || !values.every((v) => /^-?\d+(\.\d+)?$/.test(v) && Math.abs(Number(v)) <= 2)) {
      errors[`parameter_ranges.${field}`] = 'must be numbers from -2 to 2, separated by commas.';
    }
  }
  return errors;
}

/** At most `limit` values for display: a huge grid lists its ends, not thousands of numbers. */
export function preview(values: number[], limit = 8): string {
  if (values.length <= limit) return values.join(', ');
  return `${values.slice(0, limit / 2).join(', ')}, … ${values.slice(-2).join(', ')} (${values.length} values)`;
}

export function Batches() {
  const batches = useBatches();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [prompts, setPrompts] = useState('Explain how rain forms.');
  const [provider, setProvider] = useState('local');
  const [models, setModels] = useState('');
  const [frequency, setFrequency] = useState('0');
  const [presence, setPresence] = useState('0');
  const [t, setT] = useState({ min: 0.2, max: 1.0, step: 0.4 });
  const [p, setP] = useState({ min: 0.5, max: 1.0, step: 0.25 });
  const [maxTokens, setMaxTokens] = useState('60');
  const [responseCount, setResponseCount] = useState(2);
  const [created, setCreated] = useState<BatchCreated | null>(null);
  const [error, setError] = useState<unknown>(null);

  const temperatures = useMemo(() => rangeValues(t.min, t.max, t.step), [t]);
  const topPs = useMemo(() => rangeValues(p.min, p.max, p.step), [p]);
  const tokens = parseList(maxTokens).map(Number);
  const promptList = promptLines(prompts);
  const modelNames = modelList(models);
  const frequencies = [...new Set(parseList(frequency).map(Number))];
  const presences = [...new Set(parseList(presence).map(Number))];
  const size = gridSize([temperatures, topPs, tokens, frequencies, presences, modelNames, promptList], responseCount);
  const draft = { temperature: t, top_p: p, maxTokens, responseCount, prompts, models, frequencyPenalty: frequency, presencePenalty: presence };
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const fieldError = (field: string) => localErrors[field] ?? (error instanceof ApiError ? error.fieldError(field) : undefined);
  const draftErrors = validateGrid({ ...draft, name: name || 'x' });

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const local = validateGrid({ ...draft, name });
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      const answer = await api<BatchCreated>('/api/experiments/batch', {
        method: 'POST',
        json: {
          name, prompt: promptList[0], provider, model: modelNames[0] ?? '', response_count: responseCount,
          parameter_ranges: {
            temperature: t, top_p: p, max_tokens: tokens, frequency_penalty: frequencies, presence_penalty: presences,
            ...(promptList.length > 1 ? { prompt: promptList } : {}), ...(modelNames.length > 1 ? { model: modelNames } : {}),
          },
        },
      });
      setCreated(answer);
      await client.invalidateQueries({ queryKey: ['batches'] });
    } catch (failure) { setError(failure); }
  }

  async function start() {
    if (!created) return;
    try {
      await api(`/api/experiments/batch/${created.id}/start`, { method: 'POST' });
      navigate(`/batches/${created.id}`);
    } catch (failure) { setError(failure); }
  }

  // step: Arrow Up/Down move by the parameter's own step (0.05), not by 1.
  const number = (text: string, value: number, set: (v: number) => void, field: string, step = '0.05', min?: number, max?: number) => {
    const id = `f-${field.replace(/\W/g, '-')}`;
    return (
      <label>{text}<input type="number" step={step} min={min} max={max} value={Number.isFinite(value) ? value : ''} onChange={(e) => set(e.target.value === '' ? NaN : Number(e.target.value))}
        aria-invalid={fieldError(field) ? 'true' : 'false'} aria-describedby={fieldError(field) ? `${id}-error` : undefined} />
        {fieldError(field) && <span id={`${id}-error`} className="field-error">{field.replace('parameter_ranges.', '')} {fieldError(field)}</span>}</label>
    );
  };

  const list = (text: string, value: string, set: (v: string) => void, field: string) => {
    const id = `f-${field.replace(/\W/g, '-')}`;
    return (
      <label>{text}<input value={value} inputMode="decimal" onChange={(e) => set(e.target.value)}
        aria-invalid={fieldError(field) ? 'true' : 'false'} aria-describedby={fieldError(field) ? `${id}-error` : undefined} />
        {fieldError(field) && <span id={`${id}-error`} className="field-error">{field.replace('parameter_ranges.', '')} {fieldError(field)}</span>}</label>
    );
  };

  return (
    <>
      <h1>Batch experiments</h1>
      <form className="card" onSubmit={create} aria-label="Grid builder" noValidate>
        <h2>Grid builder</h2>
        <div className="row">
          <label>Name<input value={name} onChange={(e) => setName(e.target.value)} required aria-invalid={fieldError('name') ? 'true' : 'false'} />{fieldError('name') && <span className="field-error">{fieldError('name')}</span>}</label>
          <label>Provider<input value={provider} onChange={(e) => setProvider(e.target.value)} /></label>
          <label>Models (comma-separated)<input value={models} onChange={(e) => setModels(e.target.value)} placeholder="the provider's default" /></label>
        </div>
        <label>Prompts (one per line)<textarea rows={2} value={prompts} onChange={(e) => setPrompts(e.target.value)}
          aria-invalid={fieldError('prompt') ? 'true' : 'false'} aria-describedby={fieldError('prompt') ? 'f-prompt-error' : undefined} />
          {fieldError('prompt') && <span id="f-prompt-error" className="field-error">prompt {fieldError('prompt')}</span>}</label>
        <div className="row">
          {number('Temperature from', t.min, (v) => setT({ ...t, min: v }), 'parameter_ranges.temperature', '0.05', 0, 2)}
          {number('Temperature to', t.max, (v) => setT({ ...t, max: v }), 'parameter_ranges.temperature.max', '0.05', 0, 2)}
          {number('Temperature step', t.step, (v) => setT({ ...t, step: v }), 'parameter_ranges.temperature.step', '0.05', 0)}
        </div>
        <div className="row">
          {number('top_p from', p.min, (v) => setP({ ...p, min: v }), 'parameter_ranges.top_p', '0.05', 0, 1)}
          {number('top_p to', p.max, (v) => setP({ ...p, max: v }), 'parameter_ranges.top_p.max', '0.05', 0, 1)}
          {number('top_p step', p.step, (v) => setP({ ...p, step: v }), 'parameter_ranges.top_p.step', '0.05', 0)}
        </div>
        <div className="row">
          <label>max_tokens (list)<input value={maxTokens} inputMode="numeric" onChange={(e) => setMaxTokens(e.target.value)}
            aria-invalid={fieldError('parameter_ranges.max_tokens') ? 'true' : 'false'} aria-describedby={fieldError('parameter_ranges.max_tokens') ? 'f-max-tokens-error' : undefined} />
            {fieldError('parameter_ranges.max_tokens') && <span id="f-max-tokens-error" className="field-error">max_tokens {fieldError('parameter_ranges.max_tokens')}</span>}</label>
          {number('Responses per combination', responseCount, setResponseCount, 'response_count', '1', 1, 100)}
        </div>
        <div className="row">
          {list('frequency_penalty (list)', frequency, setFrequency, 'parameter_ranges.frequency_penalty')}
          {list('presence_penalty (list)', presence, setPresence, 'parameter_ranges.presence_penalty')}
        </div>
        <p aria-live="polite" data-testid="grid-preview">{Object.keys(draftErrors).length > 0
          ? <span className="muted">Fix the fields marked above to see the grid's size.</span>
          : <><strong>{size.combinations}</strong> combinations × {responseCount} = <strong>{size.calls}</strong> calls
            <span className="muted"> ({promptList.length} {promptList.length === 1 ? 'prompt' : 'prompts'} × {Math.max(1, modelNames.length)} {modelNames.length > 1 ? 'models' : 'model'};
              temperature {preview(temperatures)}; top_p {preview(topPs)}; max_tokens {preview(tokens)}; frequency_penalty {preview(frequencies)}; presence_penalty {preview(presences)})</span></>}</p>
        <GridEstimate provider={provider} model={modelNames[0] ?? ''} calls={Object.keys(draftErrors).length > 0 ? null : size.calls} />
        <ProblemView error={error} />
        <button type="submit">Create batch</button>
      </form>
      {created && (
        <div className="card" aria-label="Batch created">
          <p>Created <strong>{created.total_combinations}</strong> combinations, <strong>{created.total_calls}</strong> calls; estimated duration
            <strong> {formatDuration(created.estimated_duration)}</strong>, estimated cost <strong>{formatCost(created.estimated_cost_usd)}</strong>
            {created.estimate_basis && <span className="muted"> ({created.estimate_basis})</span>}.</p>
          <button type="button" onClick={start}>Start batch</button>
        </div>
      )}
      <h2>Runs</h2>
      <QueryView query={batches} empty={(d) => d.items.length === 0}>{(d) => (
        <div className="card table-wrap" tabIndex={0} role="region" aria-label="Batch runs"><table>
          <thead><tr><th>Name</th><th>Status</th><th>Calls</th><th>Created</th></tr></thead>
          <tbody>{d.items.map((b) => (
            <tr key={b.id}><td><Link to={`/batches/${b.id}`}>{b.name}</Link></td><td><StatusBadge status={b.status} /></td>
              <td>{b.completed_calls} done, {b.failed_calls} failed of {b.total_calls}</td><td>{new Date(b.created_at).toLocaleString()}</td></tr>))}</tbody>
        </table></div>)}</QueryView>
    </>
  );
}
