import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { describeEstimate, estimatePath, type RunEstimate } from './estimate';

/** The builder's estimate from the platform's measured history, asked again a moment after the grid stops changing. */
export function GridEstimate({ provider, model, calls }: { provider: string; model: string; calls: number | null }) {
  const [settled, setSettled] = useState({ provider, model, calls });
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled({ provider, model, calls }), 400);
    return () => window.clearTimeout(timer);
  }, [provider, model, calls]);
  const estimate = useQuery({
    queryKey: ['estimate', settled],
    enabled: settled.calls !== null && settled.calls > 0,
    queryFn: () => api<RunEstimate>(estimatePath(settled.provider, settled.model, settled.calls ?? 1)),
    placeholderData: keepPreviousData,
  });
  if (calls === null) return null;
  return (
    <p className="muted" aria-live="polite" data-testid="grid-estimate" data-basis={estimate.data?.basis.kind}>
      {estimate.data ? describeEstimate(estimate.data) : estimate.error ? 'No estimate: the history could not be read.' : 'Estimating from recent runs…'}
    </p>
  );
}
