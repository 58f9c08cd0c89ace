import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Paged, RunHeatmap, StoredResponseView } from '../../api/types';

/** Exact grid values narrowing a run's responses (one heatmap cell); absent parameters match every value. */
export type CellFilter = Partial<Record<'temperature' | 'top_p' | 'max_tokens' | 'frequency_penalty' | 'presence_penalty', number>>;

export interface ResponseQuery { filter: CellFilter; q: string; sort: string | null; descending: boolean; page: number; pageSize: number }

export const firstPage = (pageSize = 25): ResponseQuery => ({ filter: {}, q: '', sort: null, descending: false, page: 0, pageSize });

const withFilter = (params: URLSearchParams, filter: CellFilter) => {
  for (const [name, value] of Object.entries(filter)) if (value !== undefined) params.set(name, String(value));
  return params;
};

/** The server's page of responses for the table's state (its page counts from 0, the API's from 1). */
export function responsesPath(runId: string, s: ResponseQuery): string {
  const params = withFilter(new URLSearchParams({ page: String(s.page + 1), page_size: String(s.pageSize) }), s.filter);
  if (s.q.trim()) params.set('q', s.q.trim());
  if (s.sort) {
    params.set('sort', s.sort);
    params.set('order', s.descending ? 'desc' : 'asc');
  }
  return `/api/experiments/batch/${runId}/responses?${params}`;
}

export function heatmapPath(runId: string, metric: string, fixed: CellFilter = {}): string {
  return `/api/experiments/batch/${runId}/heatmap?${withFilter(new URLSearchParams({ x: 'temperature', y: 'top_p', metric }), fixed)}`;
}

/** Words for a filter: "temperature 0.7 · top_p 0.9". */
export const describeFilter = (filter: CellFilter) =>
  Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${v}`).join(' · ');

export const useResponsePage = (runId: string, s: ResponseQuery) =>
  useQuery({ queryKey: ['run-response-page', runId, s], queryFn: () => api<Paged<StoredResponseView>>(responsesPath(runId, s)), placeholderData: keepPreviousData });

/**
 * The heatmap over every scored response, then — when the grid has several max_tokens values — again at the best
 * configuration's max_tokens, so the outlined cell is that configuration.
 */
export function useRunHeatmap(runId: string, metric: string) {
  const overall = useQuery({ queryKey: ['run-heatmap', runId, metric, null], queryFn: () => api<RunHeatmap>(heatmapPath(runId, metric)) });
  const tokens = (overall.data?.grid.max_tokens?.length ?? 0) > 1 ? overall.data?.best?.parameters.max_tokens : undefined;
  const atTokens = useQuery({
    queryKey: ['run-heatmap', runId, metric, tokens],
    enabled: tokens !== undefined,
    queryFn: () => api<RunHeatmap>(heatmapPath(runId, metric, { max_tokens: tokens })),
  });
  return { overall, cells: tokens === undefined ? overall : atTokens, tokens };
}
