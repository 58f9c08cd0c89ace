import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Dataset, DatasetItem } from '../api/datasets';
import type { Comparison, Evaluation, EvaluationItem, EvaluationLatency } from '../api/evaluations';
import type { Paged } from '../api/types';

export const useDatasets = () => useQuery({ queryKey: ['datasets'], queryFn: () => api<Paged<Dataset>>('/api/datasets?page_size=200') });
export const useDataset = (id: string) => useQuery({ queryKey: ['dataset', id], queryFn: () => api<Dataset>(`/api/datasets/${id}`) });
export const useDatasetItems = (id: string, version: number | undefined, page: number, pageSize = 20) => useQuery({
  queryKey: ['dataset-items', id, version, page, pageSize],
  enabled: version !== undefined,
  placeholderData: keepPreviousData,
  queryFn: () => api<Paged<DatasetItem>>(`/api/datasets/${id}/items?version=${version}&page=${page}&page_size=${pageSize}`),
});

export const useEvaluations = () =>
  useQuery({ queryKey: ['evaluations'], queryFn: () => api<Paged<Evaluation>>('/api/evaluations?page_size=100'), refetchInterval: 5000 });

/** Work items are read in pages of 500 up to this many; larger evaluations show the first ones and say so. */
export const MAX_ITEMS = 10_000;
const ITEM_PAGE = 500;

/** Every work item of an evaluation (all methods), in dataset order. */
export async function allItems(id: string): Promise<{ items: EvaluationItem[]; total: number }> {
  const first = await api<Paged<EvaluationItem>>(`/api/evaluations/${id}/items?page=1&page_size=${ITEM_PAGE}`);
  const items = [...first.items];
  for (let page = 2; items.length < Math.min(first.total, MAX_ITEMS); page++) {
    const next = await api<Paged<EvaluationItem>>(`/api/evaluations/${id}/items?page=${page}&page_size=${ITEM_PAGE}`);
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { items, total: first.total };
}

export const evaluationItemsKey = (id: string) => ['evaluation-items', id];
export const evaluationLatencyKey = (id: string) => ['evaluation-latency', id];

/** The latency histogram and the fastest and slowest items, counted by the server over every item. */
export const useEvaluationLatency = (id: string, enabled: boolean, refetchInterval: () => number | false) =>
  useQuery({ queryKey: evaluationLatencyKey(id), enabled, refetchInterval, placeholderData: keepPreviousData,
    queryFn: () => api<EvaluationLatency>(`/api/evaluations/${id}/latency`) });

/** Every work item; `refetchInterval` while answers still arrive (they are the heaviest read of the page). */
export const useEvaluationItems = (id: string, enabled: boolean, refetchInterval: () => number | false) =>
  useQuery({ queryKey: evaluationItemsKey(id), enabled, refetchInterval, queryFn: () => allItems(id) });

/** `version` (status and counters) changes while answers arrive, so the pairwise figures follow them. */
export const useComparison = (id: string, enabled: boolean, version: string) =>
  useQuery({ queryKey: ['evaluation-comparison', id, version], enabled, placeholderData: keepPreviousData, queryFn: () => api<Comparison>(`/api/evaluations/${id}/comparison`) });

export const evaluationKey = (id: string) => ['evaluation', id];
export const fetchEvaluation = (id: string) => api<Evaluation>(`/api/evaluations/${id}`);
