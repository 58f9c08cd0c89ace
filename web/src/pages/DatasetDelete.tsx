import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { ProblemView } from '../components/States';

/**
 * Deletes a tenant's own dataset after an inline confirmation (DESIGN.md "Run states": the safe choice is focused).
 * The server refuses (409) while an evaluation uses the dataset; its problem is shown as it is.
 */
export function DatasetDelete({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const queries = useQueryClient();
  const navigate = useNavigate();
  const remove = async () => {
    setError(null);
    setConfirming(false);
    try {
      await api(`/api/datasets/${id}`, { method: 'DELETE' });
      await queries.invalidateQueries({ queryKey: ['datasets'] });
      queries.removeQueries({ queryKey: ['dataset', id] });
      navigate('/datasets', { state: { notice: `Dataset ${name} deleted.` } });
    } catch (e) { setError(e); }
  };
  return (
    <div className="card">
      <h2>Delete</h2>
      {!confirming && <button type="button" className="secondary" onClick={() => setConfirming(true)}>Delete dataset</button>}
      {confirming && (
        <div className="notice" role="alertdialog" aria-label="Delete this dataset?">
          <p>Delete {name} and all its versions? Evaluations that used it keep their results; a dataset an evaluation still uses cannot be deleted.</p>
          <div className="row">
            <button type="button" onClick={() => void remove()}>Yes, delete {name}</button>
            <button type="button" className="secondary" autoFocus onClick={() => setConfirming(false)}>Keep it</button>
          </div>
        </div>)}
      <ProblemView error={error} />
    </div>
  );
}
