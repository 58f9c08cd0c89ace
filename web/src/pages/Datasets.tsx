import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { rowErrors, uploadDataset, validateUpload, type UploadDraft } from '../api/datasets';
import { ProblemView, QueryView } from '../components/States';
import { useDatasets } from '../hooks/evaluationQueries';

/** Datasets: the shipped ones (built-in) and this organisation's uploads; upload a JSON, JSONL or CSV file. */
export function Datasets() {
  const datasets = useDatasets();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <>
      <h1>Datasets</h1>
      {notice && <p className="notice" role="status">{notice}</p>}
      <p className="muted">Questions with reference answers (and aliases) that evaluations score against. Built-in datasets ship with the platform and are read-only.</p>
      <UploadForm />
      <QueryView query={datasets} empty={(d) => d.items.length === 0}>{(d) => (
        <div className="card">
          <h2>All datasets</h2>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Datasets"><table>
            <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Latest version</th><th scope="col">Items</th><th scope="col">Created</th></tr></thead>
            <tbody>{d.items.map((x) => (
              <tr key={x.id}>
                <td><Link to={`/datasets/${x.id}`}>{x.name}</Link>{x.description && <div className="muted">{x.description}</div>}</td>
                <td>{x.builtin ? <span className="badge">built-in</span> : 'uploaded'}</td>
                <td>{x.version}</td><td>{x.item_count}</td><td>{new Date(x.created_at).toLocaleString()}</td>
              </tr>))}</tbody>
          </table></div>
        </div>)}</QueryView>
    </>
  );
}

function UploadForm() {
  const [draft, setDraft] = useState<UploadDraft>({ name: '', description: '', file: null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const client = useQueryClient();
  const navigate = useNavigate();
  const rows = failure instanceof ApiError ? rowErrors(failure.problem.errors).filter((r) => r.field !== 'file') : [];
  const fileError = errors.file ?? (rows.length > 0 ? `${rows.length} problem${rows.length === 1 ? '' : 's'} in the file, listed below.` : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = validateUpload(draft);
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      const created = await uploadDataset(draft);
      await client.invalidateQueries({ queryKey: ['datasets'] });
      navigate(`/datasets/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors) {
        const fields = error.problem.errors;
        setErrors(Object.fromEntries(['name', 'description', 'file'].filter((f) => fields[f]).map((f) => [f, fields[f].join(' ')])));
      }
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const described = (field: string, extra?: string) => [errors[field] || (field === 'file' && fileError) ? `upload-${field}-error` : '', extra ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Upload dataset">
      <h2>Upload a dataset</h2>
      <p className="muted">JSON (a list, or <code>{'{items: [...]}'}</code>), JSONL (one item a line) or CSV (a header naming <code>question</code> and <code>answers</code>; aliases separated by <code>|</code>). Each item: <code>question</code>, <code>answers</code>, optional <code>id</code>, <code>context</code>, <code>supporting_facts</code>, <code>metadata</code>.</p>
      <div className="row">
        <label>Dataset name
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} aria-invalid={errors.name ? 'true' : 'false'} aria-describedby={described('name')} />
          {errors.name && <span id="upload-name-error" className="field-error">{errors.name}</span>}
        </label>
        <label>Description (optional)
          <input value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} aria-invalid={errors.description ? 'true' : 'false'} aria-describedby={described('description')} />
          {errors.description && <span id="upload-description-error" className="field-error">{errors.description}</span>}
        </label>
        <label>File (JSON, JSONL or CSV)
          <input ref={fileInput} type="file" accept=".json,.jsonl,.csv,application/json,text/csv" aria-invalid={fileError ? 'true' : 'false'} aria-describedby={described('file', rows.length ? 'upload-rows' : undefined)}
            onChange={(e) => {
              const file = e.target.files?.[0] ?? null;
              setDraft({ ...draft, file, name: draft.name || (file ? file.name.replace(/\.[^.]+$/, '') : '') });
            }} />
          {fileError && <span id="upload-file-error" className="field-error">{fileError}</span>}
        </label>
      </div>
      {rows.length > 0 && (
        <div id="upload-rows" role="alert" className="problem">
          <strong>The file was refused: {rows.length} problem{rows.length === 1 ? '' : 's'}</strong>
          <ul data-testid="upload-row-errors">{rows.slice(0, 50).map((r) => <li key={r.field}><code>{r.field}</code>: {r.message}</li>)}</ul>
          {rows.length > 50 && <p>… and {rows.length - 50} more.</p>}
        </div>)}
      {rows.length === 0 && <ProblemView error={failure} />}
      <p><button type="submit" disabled={saving}>{saving ? 'Uploading…' : 'Upload dataset'}</button></p>
    </form>
  );
}
