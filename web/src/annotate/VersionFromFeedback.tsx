import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';
import { versionFromFeedback } from '../api/annotation';
import { ProblemView } from '../components/States';

/** The evaluation page's button: people's corrected answers on this evaluation become a new version of its dataset. */
export function VersionFromFeedback({ datasetId, runId }: { datasetId: string; runId: string }) {
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: () => versionFromFeedback(datasetId, runId),
    onSuccess: () => client.invalidateQueries({ queryKey: ['dataset', datasetId] }),
  });
  const fieldError = create.error instanceof ApiError ? create.error.fieldError('run_id') : undefined;
  return (
    <div className="annotate-version">
      <button type="button" className="secondary" disabled={create.isPending} onClick={() => create.mutate()}>New dataset version from corrected answers</button>
      {create.data && (
        <p role="status">Version {create.data.version} of the dataset: {create.data.count} item(s) take people's corrected answer.{' '}
          <Link to={`/datasets/${datasetId}`}>Open the dataset</Link></p>
      )}
      {fieldError ? <p className="problem" role="alert">{fieldError}</p> : <ProblemView error={create.error} />}
    </div>
  );
}
