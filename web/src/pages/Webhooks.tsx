import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { WEBHOOK_EVENTS, type Delivery, type Webhook } from '../api/alerts';
import { serverErrors } from '../api/gates';
import type { Paged } from '../api/types';
import { ProblemView, QueryView } from '../components/States';

/** Webhooks: where alerts are posted (signed with the webhook's secret, which is never shown again), and their delivery log. */
export function Webhooks() {
  const client = useQueryClient();
  const hooks = useQuery({ queryKey: ['webhooks'], queryFn: () => api<Paged<Webhook>>('/api/webhooks?page_size=100') });
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['alert.regression', 'alert.gate']);
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [open, setOpen] = useState<string | null>(null);

  const create = async () => {
    setFailure(null); setDone('');
    const found: Record<string, string> = {};
    if (!url.trim()) found.url = 'is required: the http(s) URL deliveries are posted to.';
    if (events.length === 0) found.events = 'choose at least one event.';
    if (secret.length < 16 || secret.length > 512) found.secret = 'is required: 16 to 512 characters, used to sign every delivery (HMAC-SHA256).';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const created = await api<Webhook>('/api/webhooks', { method: 'POST', json: { url: url.trim(), events, secret } });
      setSecret('');
      setUrl('');
      setDone(`Webhook created for ${created.url}. Its secret is stored sealed and is never shown again.`);
      await client.invalidateQueries({ queryKey: ['webhooks'] });
    } catch (e) {
      const fields = serverErrors(e);
      setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.startsWith('events') ? 'events' : k, v])));
      if (Object.keys(fields).length === 0) setFailure(e);
    }
  };
  const remove = async (hook: Webhook) => {
    setFailure(null);
    try {
      await api(`/api/webhooks/${hook.id}`, { method: 'DELETE' });
      setDone(`Webhook for ${hook.url} deleted.`);
      if (open === hook.id) setOpen(null);
      await client.invalidateQueries({ queryKey: ['webhooks'] });
    } catch (e) { setFailure(e); }
  };
  const invalid = (name: string) => ({ 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': errors[name] ? `webhooks-error-${name}` : undefined });
  const error = (name: string) => errors[name] && <span className="field-error" id={`webhooks-error-${name}`}>{errors[name]}</span>;

  return (
    <>
      <h1>Webhooks</h1>
      <form className="card webhooks-form" noValidate onSubmit={(e) => { e.preventDefault(); void create(); }}>
        <h2>New webhook</h2>
        <label>URL<input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.org/hooks/llmlab" {...invalid('url')} />{error('url')}</label>
        <fieldset {...invalid('events')}>
          <legend>Events</legend>
          <div className="row">
            {WEBHOOK_EVENTS.map((ev) => (
              <label key={ev} className="inline">
                <input type="checkbox" checked={events.includes(ev)} onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))} />{ev}
              </label>
            ))}
          </div>
          {error('events')}
        </fieldset>
        <label>Secret (16–512 characters; write-only: it signs deliveries and is never shown back)
          <input type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} {...invalid('secret')} />{error('secret')}
        </label>
        <div className="row"><button type="submit">Create webhook</button></div>
      </form>
      <p role="status">{done}</p>
      <ProblemView error={failure} />
      <h2>Webhooks</h2>
      <QueryView query={hooks} empty={(d) => d.items.length === 0}>{(d) => (
        <ul className="webhooks-list">
          {d.items.map((h) => (
            <li key={h.id} className="card webhooks-item" data-testid="webhook-item">
              <p className="webhooks-url"><strong>{h.url}</strong></p>
              <p className="muted">{h.events.join(', ')} · created {new Date(h.created_at).toLocaleString()}</p>
              <div className="row">
                <button type="button" className="secondary" aria-expanded={open === h.id} onClick={() => setOpen(open === h.id ? null : h.id)}>
                  {open === h.id ? 'Hide deliveries' : 'Show deliveries'}</button>
                <button type="button" className="secondary" onClick={() => void remove(h)}>Delete</button>
              </div>
              {open === h.id && <Deliveries webhookId={h.id} />}
            </li>
          ))}
        </ul>
      )}</QueryView>
    </>
  );
}

function Deliveries({ webhookId }: { webhookId: string }) {
  const log = useQuery({
    queryKey: ['webhook-deliveries', webhookId],
    queryFn: () => api<Paged<Delivery>>(`/api/webhooks/${webhookId}/deliveries?page_size=50`),
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? 3000 : 15000),
  });
  return (
    <QueryView query={log} empty={(d) => d.items.length === 0}>{(d) => (
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Delivery log">
        <table className="webhooks-deliveries">
          <caption className="visually-hidden">Deliveries of this webhook, newest first, with every attempt</caption>
          <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Log</th></tr></thead>
          <tbody>
            {d.items.map((x) => (
              <tr key={x.id} data-testid="delivery-row">
                <td>{x.event}<div className="muted">{new Date(x.created_at).toLocaleString()}</div></td>
                <td><span className={`badge ${x.status === 'delivered' ? 'completed' : x.status === 'failed' ? 'failed' : 'paused'}`}>{x.status}</span>
                  {x.next_attempt_at && <div className="muted">next try {new Date(x.next_attempt_at).toLocaleTimeString()}</div>}</td>
                <td>{x.attempts}</td>
                <td>{x.log.map((a) => `#${a.attempt} ${a.status_code ?? a.error ?? '—'} (${Math.round(a.duration_ms)} ms)`).join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}</QueryView>
  );
}
