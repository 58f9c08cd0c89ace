import { useEffect, useRef, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteDocument, getDocument, listDocuments, type KnowledgeDocument } from '../../api/knowledge';
import { ProblemView, QueryView } from '../../components/States';
import { formatBytes } from './UploadPanel';

const PAGE_SIZE = 20;

/** The tenant's current documents, a page at a time, with a chunk preview and delete (asked first). */
export function DocumentsPanel() {
  const [page, setPage] = useState(1);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const client = useQueryClient();
  const documents = useQuery({ queryKey: ['documents', page], queryFn: () => listDocuments(page, PAGE_SIZE), placeholderData: keepPreviousData });
  const remove = useMutation({
    mutationFn: deleteDocument,
    onSuccess: (_, id) => {
      setConfirmId(null);
      if (previewId === id) setPreviewId(null);
      void client.invalidateQueries({ queryKey: ['documents'] });
    },
  });

  return (
    <section className="card" aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents</h2>
      <QueryView query={documents} empty={(d) => d.total === 0}>{(d) => {
        const pages = Math.max(1, Math.ceil(d.total / PAGE_SIZE));
        return (
          <>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Documents table">
              <table>
                <caption className="visually-hidden">Documents, page {page} of {pages}</caption>
                <thead><tr><th scope="col">Title</th><th scope="col">Type</th><th scope="col">Pages</th><th scope="col">Chunks</th><th scope="col">Collection</th><th scope="col">Size</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
                <tbody>
                  {d.items.map((doc) => (
                    <DocumentRow key={doc.id} doc={doc} onPreview={() => setPreviewId(doc.id)} confirming={confirmId === doc.id}
                      onDelete={() => setConfirmId(doc.id)} onKeep={() => setConfirmId(null)} onConfirm={() => remove.mutate(doc.id)} busy={remove.isPending} />
                  ))}
                </tbody>
              </table>
            </div>
            <nav className="row" aria-label="Documents pages">
              <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous page</button>
              <span className="muted">Page {page} of {pages} · {d.total} documents</span>
              <button type="button" className="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>Next page</button>
            </nav>
          </>
        );
      }}</QueryView>
      <ProblemView error={remove.error} />
      {previewId && <ChunkPreview id={previewId} onClose={() => setPreviewId(null)} />}
    </section>
  );
}

function DocumentRow({ doc, onPreview, onDelete, confirming, onKeep, onConfirm, busy }: {
  doc: KnowledgeDocument; onPreview: () => void; onDelete: () => void; confirming: boolean; onKeep: () => void; onConfirm: () => void; busy: boolean;
}) {
  return (
    <tr>
      <td>{doc.title}{doc.version > 1 && <span className="muted"> (v{doc.version})</span>}</td>
      <td>{doc.type}</td>
      <td>{doc.pages ?? '—'}</td>
      <td>{doc.chunk_count}</td>
      <td>{doc.collection}</td>
      <td>{formatBytes(doc.size_bytes)}</td>
      <td>
        {confirming ? (
          <div role="alertdialog" aria-label={`Delete ${doc.title}?`} className="notice">
            <p>Delete “{doc.title}”? Its {doc.chunk_count} chunks leave the search indexes too.</p>
            <div className="row">
              <button type="button" onClick={onConfirm} disabled={busy}>Yes, delete it</button>
              <button type="button" className="secondary" autoFocus onClick={onKeep}>Keep it</button>
            </div>
          </div>
        ) : (
          <div className="row nowrap">
            <button type="button" className="secondary" onClick={onPreview} aria-label={`Preview chunks of ${doc.title}`}>Chunks</button>
            <button type="button" className="secondary" onClick={onDelete} aria-label={`Delete ${doc.title}`}>Delete</button>
          </div>
        )}
      </td>
    </tr>
  );
}

/** A document's chunks in order with the page each came from; focus moves to its heading when it opens. */
function ChunkPreview({ id, onClose }: { id: string; onClose: () => void }) {
  const detail = useQuery({ queryKey: ['document', id], queryFn: () => getDocument(id) });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [id, detail.data]);
  return (
    <section aria-labelledby="chunks-heading" className="chunk-preview">
      <div className="row">
        <h3 id="chunks-heading" tabIndex={-1} ref={heading}>Chunks{detail.data ? ` of ${detail.data.title}` : ''}</h3>
        <button type="button" className="secondary" onClick={onClose}>Close preview</button>
      </div>
      <QueryView query={detail} empty={(d) => d.chunks.length === 0}>{(d) => (
        <>
          <p className="muted">{d.type}{d.pages ? `, ${d.pages} pages` : ''}; {d.chunks.length} chunks of up to {d.chunk_size} characters, {d.chunk_overlap} overlapping.</p>
          <ol className="chunks" aria-label={`Chunks of ${d.title}`} tabIndex={0}>
            {d.chunks.map((c) => (
              <li key={c.id}>
                <div className="muted">Chunk {c.ordinal + 1}{c.page > 0 ? ` · page ${c.page}` : ''}</div>
                <pre className="response">{c.text}</pre>
              </li>
            ))}
          </ol>
        </>
      )}</QueryView>
    </section>
  );
}
