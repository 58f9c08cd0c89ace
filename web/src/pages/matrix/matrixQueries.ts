import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import type { GateDefinition } from '../../api/gates';
import type { StoredResponseView } from '../../api/types';
import { matrixPath, type RunMatrixView } from './matrix';

const NO_EXPERIMENT = '00000000-0000-0000-0000-000000000000';

export const useRunMatrix = (runId: string, columns: string | null, page: number, pageSize = 20) =>
  useQuery({ queryKey: ['run-matrix', runId, columns, page, pageSize], queryFn: () => api<RunMatrixView>(matrixPath(runId, columns, page, pageSize)), placeholderData: keepPreviousData });

/** The experiment's gate thresholds (a batch made without an experiment has none); null when there is no gate. */
export const useGateThresholds = (experimentId: string | null | undefined) =>
  useQuery({
    queryKey: ['gate-thresholds', experimentId],
    enabled: !!experimentId && experimentId !== NO_EXPERIMENT,
    queryFn: async () => {
      try {
        return await api<GateDefinition>(`/api/experiments/${experimentId}/gates`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });

export const fetchResponse = (id: string) => api<StoredResponseView>(`/api/responses/single/${id}`);
