import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { DoseEventResponse, LogDoseInput, TodayResponse } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';
import { useUser } from '../shared/session';

export function useTodayQuery() {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: queryKeys.today(id),
    queryFn: () => api.get<TodayResponse>(apiPath`/api/patients/${id}/today`),
    // The day rolls over and other devices log doses too: refresh now and then.
    refetchInterval: 5 * 60_000,
  });
}

/** Log a dose. Callers create the idempotency key once per user action and reuse it on retry. */
export function useLogDose() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LogDoseInput) =>
      api.post<DoseEventResponse>(apiPath`/api/patients/${id}/doses`, input),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.today(id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.history(id) }),
      ]);
    },
  });
}
