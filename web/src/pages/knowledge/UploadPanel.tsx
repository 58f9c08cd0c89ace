import { useEffect, useReducer, useRef, useState, type DragEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { CHUNK_SIZE, uploadDocument, validateUploadOptions, type UploadOptions } from '../../api/knowledge';
import { ProgressBar } from '../../components/ProgressBar';
import { ProblemView } from '../../components/States';
import { nextWaiting, percentSent, queueReducer, queueSummary, type QueuedFile } from './uploadQueue';

const ACCEPT = '.pdf,.docx,.txt,.md,.markdown,.html,.htm,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown,text/html';

/** Drag-and-drop (or the file button) upload, one file at a time with its progress, the chunking options beside. */
export function UploadPanel() {
  const client = useQueryClient();
  const [options, setOptions] = useState<UploadOptions>({ collection: '', chunk_size: String(CHUNK_SIZE.default), chunk_overlap: '150' });
  const [queue, dispatch] = useReducer(queueReducer, []);
  const [dragging, setDragging] = useState(false);
  const nextId = useRef(1);
  const optionsAtAdd = useRef(new Map<number, UploadOptions>());
  const pending = useRef(new Map<number, File>());
  const errors = validateUploadOptions(options);

  function add(files: FileList | File[]) {
    const list = Array.from(files);
    if (list.length === 0 || Object.keys(errors).length > 0) return;
    const firstId = nextId.current;
    nextId.current += list.length;
    list.forEach((file, i) => { optionsAtAdd.current.set(firstId + i, options); pending.current.set(firstId + i, file); });
    dispatch({ type: 'add', files: list.map((f) => ({ name: f.name, size: f.size })), firstId });
  }

  // One upload at a time: when nothing is being sent, send the next waiting file.
  const next = nextWaiting(queue);
  useEffect(() => {
    if (!next) return;
    const file = pending.current.get(next.id);
    if (!file) return;
    pending.current.delete(next.id);
    dispatch({ type: 'start', id: next.id });
    uploadDocument(file, optionsAtAdd.current.get(next.id)!, (sent, total) => dispatch({ type: 'progress', id: next.id, sent, total }))
      .then((result) => { dispatch({ type: 'done', id: next.id, result }); void client.invalidateQueries({ queryKey: ['documents'] }); })
      .catch((error) => dispatch({ type: 'failed', id: next.id, error }));
  }, [next, client]);

  const onDrop = (e: DragEvent) => { e.preventDefault(); setDragging(false); add(e.dataTransfer.files); };
  const field = (name: keyof UploadOptions, text: string, extra: Record<string, unknown>, hint?: string) => (
    <label>{text}
      <input value={options[name]} onChange={(e) => setOptions({ ...options, [name]: e.target.value })} aria-invalid={!!errors[name]}
        aria-describedby={errors[name] ? `${name}-error` : hint ? `${name}-hint` : undefined} {...extra} />
      {errors[name] ? <span className="field-error" id={`${name}-error`}>{name} {errors[name]}</span> : hint && <span className="muted" id={`${name}-hint`}>{hint}</span>}
    </label>
  );

  return (
    <section className="card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload documents</h2>
      <p className="muted">PDF, DOCX, TXT, Markdown or HTML, up to 20 MB each by default (a larger file is refused naming <code>file</code>); the type is read from the content, not the file name.</p>
      <div className="row">
        {field('collection', 'Collection', { placeholder: 'default', maxLength: 200 })}
        {field('chunk_size', 'Chunk size (characters)', { type: 'number', min: CHUNK_SIZE.min, max: CHUNK_SIZE.max, step: 50 })}
        {field('chunk_overlap', 'Chunk overlap (characters)', { type: 'number', min: 0, step: 10 }, 'at most half the chunk size')}
      </div>
      <div className={`dropzone${dragging ? ' dragging' : ''}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)} onDrop={onDrop} data-testid="dropzone">
        <p>Drop files here, or</p>
        <label className="file-button">Choose files
          <input type="file" multiple accept={ACCEPT} disabled={Object.keys(errors).length > 0}
            onChange={(e) => { if (e.target.files) add(e.target.files); e.target.value = ''; }} />
        </label>
      </div>
      <p role="status" aria-live="polite" className="muted">{queueSummary(queue)}</p>
      {queue.length > 0 && (
        <ul className="upload-list" aria-label="Uploads">
          {queue.map((f) => <UploadRow key={f.id} file={f} />)}
        </ul>
      )}
      {queue.some((f) => f.state === 'done' || f.state === 'failed') && (
        <button type="button" className="secondary" onClick={() => dispatch({ type: 'clear' })}>Clear finished uploads</button>
      )}
    </section>
  );
}

function UploadRow({ file }: { file: QueuedFile }) {
  const state = { waiting: 'waiting', uploading: 'uploading', processing: 'reading and indexing', done: 'uploaded', failed: 'refused' }[file.state];
  return (
    <li className="upload-item" data-state={file.state}>
      <div className="row"><strong className="file-name">{file.name}</strong><span className="muted">{formatBytes(file.size)} · {state}</span></div>
      {file.state !== 'failed' && file.state !== 'done' && <ProgressBar value={percentSent(file)} label={`Upload of ${file.name}`} />}
      {file.result && (
        <p className="muted">{file.result.type}{file.result.pages ? `, ${file.result.pages} pages` : ''}, {file.result.chunks} {file.result.chunks === 1 ? 'chunk' : 'chunks'} in “{file.result.collection}” (version {file.result.version})</p>
      )}
      {file.error !== undefined && <UploadProblem error={file.error} />}
    </li>
  );
}

/** The server's problem with the field it names (file, chunk_size, …) first, as the API words it. */
function UploadProblem({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || !error.problem.errors) return <ProblemView error={error} />;
  return (
    <div className="problem" role="alert">
      <strong>{error.problem.title ?? 'Refused'}</strong> ({error.status})
      <ul>{Object.entries(error.problem.errors).map(([name, messages]) => <li key={name}><code>{name}</code> {messages.join(' ')}</li>)}</ul>
    </div>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
