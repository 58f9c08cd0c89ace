import type { ReactNode } from 'react';
import { ApiError, getApiKey } from '../api/client';

/** Loading, error (with the API's problem+json detail) and empty states, the same on every page. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return <p className="muted" role="status">{what}…</p>;
}

export function ProblemView({ error }: { error: unknown }) {
  if (!error) return null;
  // Without a key every request is 401: the one notice above the page (App's MissingKey) says so and links to Settings.
  if (isMissingKey(error)) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <div className="problem" role="alert">
      <strong>{problem?.title ?? 'Something went wrong'}</strong>
      {problem?.status ? ` (${problem.status})` : ''}
      <div>{problem?.detail ?? (error instanceof Error ? error.message : String(error))}</div>
    </div>
  );
}

export const isMissingKey = (error: unknown) => error instanceof ApiError && error.status === 401 && !getApiKey();

export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}

/** Renders a TanStack query's three states around its data. */
export function QueryView<T>({ query, empty, children }: {
  query: { isPending: boolean; error: unknown; data: T | undefined };
  empty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ProblemView error={query.error} />;
  if (query.data === undefined) return <Empty>Nothing here.</Empty>;
  if (empty?.(query.data)) return <Empty>Nothing here yet.</Empty>;
  return <>{children(query.data)}</>;
}
