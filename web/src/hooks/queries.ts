import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type {
  BatchDetails, BatchSummary, Breakdown, CorrelationMatrix, CurrentProvider, Experiment, ExportRow, Health, InsightReport, ModelInfo,
  ModelSummary, Optimization, Paged, ProviderInfo, Trend,
} from '../api/types';

export const useHealth = () => useQuery({ queryKey: ['health'], queryFn: () => api<Health>('/api/health'), refetchInterval: 15000 });

export interface ExperimentFilters { q?: string; status?: string; tag?: string; favorited?: boolean; archived?: boolean; page: number }

export function experimentsPath(f: ExperimentFilters): string {
  const params = new URLSearchParams({ page: String(f.page), page_size: '20' });
  if (f.q) params.set('q', f.q);
  if (f.status) params.set('status', f.status);
  if (f.tag) params.set('tag', f.tag);
  if (f.favorited) params.set('favorited', 'true');
  if (f.archived !== undefined) params.set('archived', String(f.archived));
  return `/api/experiments?${params}`;
}

export const useExperiments = (f: ExperimentFilters) =>
  useQuery({ queryKey: ['experiments', f], queryFn: () => api<Paged<Experiment>>(experimentsPath(f)) });

export const useExperiment = (id: string) => useQuery({ queryKey: ['experiment', id], queryFn: () => api<Experiment>(`/api/experiments/${id}`) });

export const useBatches = () =>
  useQuery({ queryKey: ['batches'], queryFn: () => api<Paged<BatchSummary>>('/api/experiments/batch?page_size=100'), refetchInterval: 5000 });

export const useBatch = (id: string) => useQuery({ queryKey: ['batch', id], queryFn: () => api<BatchDetails>(`/api/experiments/batch/${id}`) });

/** Every response of a run, flat, from the custom export (JSON). */
export const useRunResponses = (runId: string, enabled = true) =>
  useQuery({
    queryKey: ['run-responses', runId],
    enabled,
    queryFn: () => api<ExportRow[]>('/api/export/custom', { method: 'POST', json: { format: 'json', filters: { batch_id: runId } } }),
  });

const scoped = (path: string, batchId?: string, extra = '') => `${path}?${batchId ? `batch_id=${batchId}&` : ''}${extra}`;

/**
 * The analytics read model fills from events a moment after a run's results are stored: while a view covers fewer
 * responses than the run has, ask again every second.
 */
export const untilCovered = (expected?: number) => (query: { state: { data?: { sample_size: number } } }) =>
  expected !== undefined && (query.state.data?.sample_size ?? 0) < expected ? 1000 : false;

export const useBreakdown = (batchId?: string, expected?: number) => useQuery({ queryKey: ['breakdown', batchId], refetchInterval: untilCovered(expected), queryFn: () => api<Breakdown>(scoped('/api/analytics/quality/breakdown', batchId)) });
export const useTrend = (timeframe = '30d') => useQuery({ queryKey: ['trend', timeframe], queryFn: () => api<Trend>(`/api/analytics/quality/trends?timeframe=${timeframe}`) });
export const useModels = (timeframe = '30d') => useQuery({ queryKey: ['models', timeframe], queryFn: async () => (await api<{ items: ModelSummary[] }>(`/api/analytics/models/comparison?timeframe=${timeframe}`)).items });
export const useOptimization = (batchId?: string, expected?: number) => useQuery({ queryKey: ['optimization', batchId], refetchInterval: untilCovered(expected), queryFn: () => api<Optimization>(scoped('/api/analytics/parameters/optimization', batchId)) });
export const useCorrelation = (batchId?: string, expected?: number) => useQuery({ queryKey: ['correlation', batchId], refetchInterval: untilCovered(expected), queryFn: () => api<CorrelationMatrix>(scoped('/api/analytics/parameters/correlation', batchId)) });
export const useInsights = (batchId?: string, expected?: number) => useQuery({ queryKey: ['insights', batchId], refetchInterval: untilCovered(expected), queryFn: () => api<InsightReport>(batchId ? `/api/experiments/batch/${batchId}/insights` : '/api/analytics/parameters/insights') });
/** Every provider the tenant may use: the list is paginated like every other; a tenant has far fewer than one page of 500. */
export const useProviders = () => useQuery({ queryKey: ['providers'], queryFn: async () => (await api<Paged<ProviderInfo>>('/api/llm/providers?page_size=500')).items });
export const useModelCatalog = () => useQuery({ queryKey: ['model-catalog'], queryFn: async () => (await api<{ items: ModelInfo[] }>('/api/llm/models')).items });
export const useCurrentProvider = () => useQuery({ queryKey: ['current-provider'], queryFn: () => api<CurrentProvider>('/api/llm/provider') });
