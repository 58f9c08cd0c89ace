import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { QueryView } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { useDatasets, useEvaluations } from '../hooks/evaluationQueries';
import { EvaluationForm } from './EvaluationForm';

/** Evaluations: start one (a dataset × methods on one model), and every evaluation with its state. */
export function Evaluations() {
  const [params] = useSearchParams();
  const initialDataset = params.get('dataset') ?? undefined;
  const [creating, setCreating] = useState(initialDataset !== undefined);
  const evaluations = useEvaluations();
  const datasets = useDatasets();
  const datasetName = (id: string) => datasets.data?.items.find((d) => d.id === id)?.name ?? id.slice(0, 13);
  return (
    <>
      <h1>Evaluations</h1>
      <p className="muted">The same questions answered by different methods, scored against the references, compared item by item.</p>
      <p><button type="button" aria-expanded={creating} onClick={() => setCreating(!creating)}>{creating ? 'Close the form' : 'New evaluation'}</button></p>
      {creating && <EvaluationForm initialDataset={initialDataset} />}
      <QueryView query={evaluations} empty={(d) => d.items.length === 0}>{(d) => (
        <div className="card">
          <h2>All evaluations</h2>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Evaluations"><table>
            <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Dataset</th><th scope="col">Methods</th><th scope="col">Model</th><th scope="col">Progress</th><th scope="col">Created</th></tr></thead>
            <tbody>{d.items.map((e) => (
              <tr key={e.id}>
                <td><Link to={`/evaluations/${e.id}`}>{e.name}</Link></td><td><StatusBadge status={e.status} /></td>
                <td>{datasetName(e.dataset_id)} v{e.dataset_version}</td><td>{e.methods.map((m) => m.label).join(', ')}</td>
                <td>{e.provider}/{e.model || 'default'}</td><td>{e.completed_items + e.failed_items} of {e.total_items}</td>
                <td>{new Date(e.created_at).toLocaleString()}</td>
              </tr>))}</tbody>
          </table></div>
        </div>)}</QueryView>
    </>
  );
}
