import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { ChartResponse } from './types';
import type { ChartWindow } from './window';

/** Query keys of this feature (kept here, not in the shared list). */
export const chartKeys = {
  all: (patientId: string) => ['chart', patientId] as const,
  window: (patientId: string, w: ChartWindow) => ['chart', patientId, w.from, w.to] as const,
};

/** 404 means "not shared" and 400 a window the server refused: neither is worth retrying. */
const retryServerErrors = (count: number, error: Error) =>
  count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500);

/** The chart of one window; the previous window stays on screen while the next one loads. */
export function useChartQuery(patientId: string, window: ChartWindow | null) {
  const api = useApi();
  return useQuery({
    queryKey: window === null ? chartKeys.all(patientId) : chartKeys.window(patientId, window),
    queryFn: () =>
      api.get<ChartResponse>(
        apiPath`/api/patients/${patientId}/chart?from=${window?.from ?? ''}&to=${window?.to ?? ''}`,
      ),
    enabled: window !== null,
    retry: retryServerErrors,
    placeholderData: keepPreviousData,
  });
}
