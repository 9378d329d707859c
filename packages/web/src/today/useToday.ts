import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Instant } from '@steady/core';
import { savedCopy } from '../offline/savedCopy';
import { usePostOrQueue } from '../offline/usePostOrQueue';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { DoseEventResponse, LogDoseInput, TodayResponse } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';
import { useUser } from '../shared/session';

/** Today, and when it is the copy saved for offline use, when that copy was saved. */
export type TodayData = TodayResponse & { readonly savedAt?: Instant };

export function useTodayQuery() {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: queryKeys.today(id),
    queryFn: async (): Promise<TodayData> => {
      const { data, headers } = await api.getWithHeaders(apiPath`/api/patients/${id}/today`);
      return savedCopy(data as TodayResponse, headers);
    },
    // The day rolls over and other devices log doses too: refresh now and then.
    refetchInterval: 5 * 60_000,
  });
}

/**
 * Log a dose. Callers create the idempotency key once per user action and reuse it on retry.
 * Offline, the dose is queued on this device (`queued: true`) and sent when the connection returns.
 */
export function useLogDose() {
  const postOrQueue = usePostOrQueue();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LogDoseInput) =>
      postOrQueue<DoseEventResponse>('dose', apiPath`/api/patients/${id}/doses`, input),
    onSuccess: async (result) => {
      if (result.queued) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.today(id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.history(id) }),
      ]);
    },
  });
}
