import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, getApiKey, setApiKey } from '../api/client';
import { ProblemView, QueryView } from '../components/States';
import { useCurrentProvider, useModelCatalog, useProviders } from '../hooks/queries';

export function Settings() {
  const client = useQueryClient();
  const providers = useProviders();
  const current = useCurrentProvider();
  const catalog = useModelCatalog();
  const [key, setKey] = useState(getApiKey());
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState({ name: '', base_url: '', api_key: '', default_model: '' });
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

  async function addProvider(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api('/api/llm/providers', { method: 'POST', json: { ...form, kind: 'openai', models: [{ name: form.default_model }] } });
      setAdded(form.name);
      setForm({ name: '', base_url: '', api_key: '', default_model: '' }); // the key is never shown again
      await client.invalidateQueries();
    } catch (failure) { setError(failure); }
  }

  const input = (name: keyof typeof form, text: string, type = 'text') => (
    <label>{text}<input name={name} type={type} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} autoComplete="off"
      aria-invalid={fieldError(name) ? 'true' : 'false'} />{fieldError(name) && <span className="field-error">{fieldError(name)}</span>}</label>
  );

  return (
    <>
      <h1>Settings</h1>
      <form className="card" onSubmit={(e) => { e.preventDefault(); setApiKey(key); setSaved(true); client.invalidateQueries(); }} aria-label="API key">
        <h2>API key</h2>
        <div className="row"><label>Key for this browser<input type="password" value={key} onChange={(e) => { setKey(e.target.value); setSaved(false); }} /></label>
          <button type="submit">Save key</button>{saved && <span className="muted" role="status">Saved.</span>}</div>
      </form>
      <div className="card">
        <h2>Default provider</h2>
        <QueryView query={current}>{(c) => <p>Now: <strong>{c.provider} / {c.model}</strong> <span className="muted">({c.capabilities.join(', ')})</span></p>}</QueryView>
        <QueryView query={catalog}>{(models) => (
          <div className="row">{models.slice(0, 12).map((m) => (
            <button key={`${m.provider}/${m.model}`} type="button" className="secondary" onClick={async () => {
              setError(null);
              try { await api('/api/llm/provider/switch', { method: 'POST', json: { provider: m.provider, model: m.model } }); await client.invalidateQueries({ queryKey: ['current-provider'] }); }
              catch (failure) { setError(failure); }
            }}>Use {m.provider}/{m.model}</button>))}</div>)}</QueryView>
      </div>
      <div className="card">
        <h2>Providers</h2>
        <QueryView query={providers}>{(list) => (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Providers"><table>
            <thead><tr><th>Name</th><th>Kind</th><th>Endpoint</th><th>Key</th><th>Models</th><th></th></tr></thead>
            <tbody>{list.map((p) => (
              <tr key={p.name}><td>{p.name}</td><td>{p.kind}</td><td>{p.base_url || '—'}</td><td>{p.has_api_key ? 'set (hidden)' : '—'}</td><td>{p.models.join(', ')}</td>
                <td>{p.added_at_run_time && <button type="button" className="secondary" onClick={async () => {
                  try { await api(`/api/llm/providers/${encodeURIComponent(p.name)}`, { method: 'DELETE' }); await client.invalidateQueries(); } catch (failure) { setError(failure); }
                }}>Remove</button>}</td></tr>))}</tbody>
          </table></div>)}</QueryView>
        <form onSubmit={addProvider} aria-label="Add provider">
          <h3>Add an OpenAI-compatible endpoint</h3>
          <div className="row">{input('name', 'Name')}{input('base_url', 'Base URL (…/v1)')}{input('api_key', 'API key', 'password')}{input('default_model', 'Model')}</div>
          <p><button type="submit">Add provider</button>{added && <span className="muted" role="status"> Added {added}; its key is stored encrypted and never shown again.</span>}</p>
        </form>
        <ProblemView error={error} />
      </div>
    </>
  );
}
