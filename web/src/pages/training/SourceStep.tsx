import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { listDocuments } from '../../api/knowledge';
import type { TrainingDraft } from '../../api/training';
import type { Paged } from '../../api/types';
import { QueryView } from '../../components/States';

interface DatasetOption { id: string; name: string; item_count: number; builtin: boolean }

/** Step 1: the text to train on — documents of the knowledge base (uploaded there) or a dataset. */
export function SourceStep({ draft, setDraft, errors, onNext }: {
  draft: TrainingDraft; setDraft: (d: TrainingDraft) => void; errors: Record<string, string>; onNext: () => void;
}) {
  const documents = useQuery({ queryKey: ['documents', 'all'], queryFn: () => listDocuments(1, 100) });
  const datasets = useQuery({ queryKey: ['datasets-for-training'], queryFn: () => api<Paged<DatasetOption>>('/api/datasets?page_size=100'), enabled: draft.source === 'dataset' });
  const toggle = (id: string, on: boolean) =>
    setDraft({ ...draft, document_ids: on ? [...draft.document_ids, id] : draft.document_ids.filter((d) => d !== id) });
  const error = errors[draft.source === 'documents' ? 'document_ids' : 'dataset_id'];

  return (
    <section className="card" aria-labelledby="step-heading">
      <h2 id="step-heading" tabIndex={-1}>1. What to train on</h2>
      <p className="muted">Upload files in the <Link to="/knowledge">Knowledge base</Link>, then pick them here; or train on a dataset's questions, answers and contexts.</p>
      <fieldset className="row">
        <legend>Source</legend>
        <label className="inline"><input type="radio" name="source" checked={draft.source === 'documents'} onChange={() => setDraft({ ...draft, source: 'documents' })} /> Documents</label>
        <label className="inline"><input type="radio" name="source" checked={draft.source === 'dataset'} onChange={() => setDraft({ ...draft, source: 'dataset' })} /> Dataset</label>
      </fieldset>
      {draft.source === 'documents' ? (
        <fieldset aria-describedby={error ? 'source-error' : undefined}>
          <legend>Documents ({draft.document_ids.length} picked)</legend>
          <QueryView query={documents} empty={(d) => d.items.length === 0}>{(d) => (
            <ul className="checklist">
              {d.items.map((doc) => (
                <li key={doc.id}>
                  <label className="inline">
                    <input type="checkbox" checked={draft.document_ids.includes(doc.id)} onChange={(e) => toggle(doc.id, e.target.checked)} />
                    {doc.title} <span className="muted">({doc.type}, {doc.chunk_count} chunks, {doc.collection})</span>
                  </label>
                </li>
              ))}
            </ul>
          )}</QueryView>
        </fieldset>
      ) : (
        <QueryView query={datasets} empty={(d) => d.items.length === 0}>{(d) => (
          <label>Dataset
            <select value={draft.dataset_id} onChange={(e) => setDraft({ ...draft, dataset_id: e.target.value })} aria-invalid={!!error} aria-describedby={error ? 'source-error' : undefined}>
              <option value="">Pick a dataset</option>
              {d.items.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.item_count} items{s.builtin ? ', shipped' : ''})</option>)}
            </select>
          </label>
        )}</QueryView>
      )}
      {error && <p className="field-error" id="source-error">{draft.source === 'documents' ? 'document_ids' : 'dataset_id'} {error}</p>}
      <div className="row"><button type="button" onClick={onNext}>Next: train</button></div>
    </section>
  );
}
