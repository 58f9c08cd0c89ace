import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import type { AdminKey, AdminUser, AuditEntry, Me, Paged } from '../api/types';
import { ProblemView, QueryView } from '../components/States';

const ROLES = ['admin', 'manager', 'analyst', 'user'] as const;

/**
 * The organisation's people and keys: users and their roles, API keys (issued once, revocable) and the audit log.
 * Each part asks the API itself, so a caller without users:read or keys:read sees the API's 403 in that card.
 */
export function Admin() {
  const me = useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/api/me') });
  return (
    <>
      <h1>Administration</h1>
      <QueryView query={me}>{(m) => (
        <p className="muted">Organisation <strong>{m.organisation_name}</strong> · you are <strong>{m.role}</strong> ({m.subject_id})</p>
      )}</QueryView>
      <Users />
      <Keys />
      <Audit />
    </>
  );
}

function useFormError() {
  const [error, setError] = useState<unknown>(null);
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  return { error, setError, fieldError };
}

function Users() {
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['admin-users'], queryFn: () => api<Paged<AdminUser>>('/api/admin/users?page_size=100') });
  const [form, setForm] = useState({ email: '', name: '', role: 'analyst' });
  const { error, setError, fieldError } = useFormError();
  const [done, setDone] = useState('');

  async function add(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone('');
    try {
      await api('/api/admin/users', { method: 'POST', json: form });
      setDone(`Added ${form.email}.`);
      setForm({ email: '', name: '', role: 'analyst' });
      await client.invalidateQueries({ queryKey: ['admin-users'] });
    } catch (failure) { setError(failure); }
  }

  async function changeRole(user: AdminUser, role: string) {
    setError(null);
    try {
      await api(`/api/admin/users/${user.id}`, { method: 'PUT', json: { role } });
      setDone(`${user.email} is now ${role}.`);
      await client.invalidateQueries({ queryKey: ['admin-users'] });
    } catch (failure) { setError(failure); }
  }

  return (
    <section className="card" aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      <QueryView query={users} empty={(p) => p.items.length === 0}>{(page) => (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Users"><table>
          <caption className="muted" style={{ textAlign: 'left' }}>{page.total} {page.total === 1 ? 'user' : 'users'}</caption>
          <thead><tr><th>Email</th><th>Name</th><th>Role</th><th>Added</th></tr></thead>
          <tbody>{page.items.map((u) => (
            <tr key={u.id}><td>{u.email}</td><td>{u.name}</td>
              <td><select aria-label={`Role of ${u.email}`} value={u.role} onChange={(e) => changeRole(u, e.target.value)}>
                {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}</select></td>
              <td>{new Date(u.created_at).toLocaleDateString()}</td></tr>))}</tbody>
        </table></div>)}</QueryView>
      <form onSubmit={add} aria-label="Add user">
        <h3>Add a user</h3>
        <div className="row">
          <Field label="Email" name="email" type="email" value={form.email} error={fieldError('email')} onChange={(v) => setForm({ ...form, email: v })} />
          <Field label="Name" name="name" value={form.name} error={fieldError('name')} onChange={(v) => setForm({ ...form, name: v })} />
          <label>Role<select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}</select></label>
          <button type="submit">Add user</button>
        </div>
      </form>
      {done && <p className="muted" role="status">{done}</p>}
      <ProblemView error={error} />
    </section>
  );
}

function Keys() {
  const client = useQueryClient();
  const keys = useQuery({ queryKey: ['admin-keys'], queryFn: () => api<Paged<AdminKey>>('/api/admin/keys?page_size=100') });
  const [form, setForm] = useState({ name: '', role: 'analyst', expires_at: '' });
  const { error, setError, fieldError } = useFormError();
  const [issued, setIssued] = useState<AdminKey | null>(null);

  async function issue(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const expires = form.expires_at ? new Date(`${form.expires_at}T23:59:59Z`).toISOString() : undefined;
      setIssued(await api<AdminKey>('/api/admin/keys', { method: 'POST', json: { name: form.name, role: form.role, expires_at: expires } }));
      setForm({ name: '', role: 'analyst', expires_at: '' });
      await client.invalidateQueries({ queryKey: ['admin-keys'] });
      await client.invalidateQueries({ queryKey: ['audit'] });
    } catch (failure) { setError(failure); }
  }

  async function revoke(key: AdminKey) {
    if (!window.confirm(`Revoke the key "${key.name}" (${key.prefix}…)? Every request with it is refused from then on.`)) return;
    setError(null);
    try {
      await api(`/api/admin/keys/${key.id}`, { method: 'DELETE' });
      await client.invalidateQueries({ queryKey: ['admin-keys'] });
    } catch (failure) { setError(failure); }
  }

  return (
    <section className="card" aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys</h2>
      <QueryView query={keys} empty={(p) => p.items.length === 0}>{(page) => (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="API keys"><table>
          <caption className="muted" style={{ textAlign: 'left' }}>{page.total} active or expired keys (revoked ones are hidden)</caption>
          <thead><tr><th>Name</th><th>Starts with</th><th>Role</th><th>Status</th><th>Expires</th><th><span className="visually-hidden">Action</span></th></tr></thead>
          <tbody>{page.items.map((k) => (
            <tr key={k.id}><td>{k.name}</td><td><code>{k.prefix}…</code></td><td>{k.role}</td><td>{k.status}</td>
              <td>{k.expires_at ? new Date(k.expires_at).toLocaleDateString() : 'never'}</td>
              <td>{k.status !== 'revoked' && <button type="button" className="secondary" onClick={() => revoke(k)} aria-label={`Revoke ${k.name}`}>Revoke</button>}</td></tr>))}</tbody>
        </table></div>)}</QueryView>
      <form onSubmit={issue} aria-label="Issue key">
        <h3>Issue a key</h3>
        <div className="row">
          <Field label="Key name" name="name" value={form.name} error={fieldError('name')} onChange={(v) => setForm({ ...form, name: v })} />
          <label>Key role<select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}</select></label>
          <Field label="Expires on (optional)" name="expires_at" type="date" value={form.expires_at} error={fieldError('expires_at')}
            onChange={(v) => setForm({ ...form, expires_at: v })} />
          <button type="submit">Issue key</button>
        </div>
      </form>
      {issued && (
        <div className="card" role="status" aria-label="Issued key">
          <p>The key <strong>{issued.name}</strong> — copy it now, it is shown only this once:</p>
          <p><code data-testid="issued-key">{issued.key}</code></p>
          <button type="button" className="secondary" onClick={() => setIssued(null)}>I have copied it</button>
        </div>
      )}
      <ProblemView error={error} />
    </section>
  );
}

function Audit() {
  const [page, setPage] = useState(1);
  const audit = useQuery({ queryKey: ['audit', page], queryFn: () => api<Paged<AuditEntry>>(`/api/audit?page=${page}&page_size=25`) });
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <QueryView query={audit} empty={(p) => p.items.length === 0}>{(p) => (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Audit log"><table>
            <caption className="muted" style={{ textAlign: 'left' }}>{p.total} entries, newest first</caption>
            <thead><tr><th>When</th><th>Who</th><th>Role</th><th>Action</th><th>Target</th><th>Status</th></tr></thead>
            <tbody>{p.items.map((a) => (
              <tr key={a.id}><td>{new Date(a.at).toLocaleString()}</td><td>{a.subject_id}</td><td>{a.role}</td><td>{a.action}</td>
                <td>{a.target ?? a.path ?? '—'}</td><td>{a.status ?? '—'}</td></tr>))}</tbody>
          </table></div>
          <div className="row">
            <button type="button" className="secondary" disabled={page === 1} onClick={() => setPage(page - 1)}>Newer</button>
            <span className="muted">Page {p.page} of {Math.max(1, Math.ceil(p.total / p.page_size))}</span>
            <button type="button" className="secondary" disabled={p.page * p.page_size >= p.total} onClick={() => setPage(page + 1)}>Older</button>
          </div>
        </>)}</QueryView>
    </section>
  );
}

function Field({ label, name, value, onChange, error, type = 'text' }: {
  label: string; name: string; value: string; onChange: (value: string) => void; error?: string; type?: string;
}) {
  const id = `admin-${name}`;
  return (
    <label>{label}<input name={name} type={type} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off"
      aria-invalid={error ? 'true' : 'false'} aria-describedby={error ? `${id}-error` : undefined} />
      {error && <span id={`${id}-error`} className="field-error">{error}</span>}</label>
  );
}
