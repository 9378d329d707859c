import { useMutation, useQueryClient } from '@tanstack/react-query';
import { localCheckInResponse } from '../offline/localCheckIn';
import { usePostOrQueue } from '../offline/usePostOrQueue';
import { apiPath } from '../shared/api/client';
import type { CheckInInput, CheckInResponse } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';
import { useUser } from '../shared/session';

/** A check-in's answer; `queued` when it was kept on this device to be sent later. */
export type CheckInResult = CheckInResponse & { readonly queued: boolean };

export function useSubmitCheckIn() {
  const postOrQueue = usePostOrQueue();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CheckInInput): Promise<CheckInResult> => {
      const result = await postOrQueue<CheckInResponse>(
        'checkin',
        apiPath`/api/patients/${id}/checkins`,
        input,
      );
      return result.queued
        ? { ...localCheckInResponse(input, new Date().toISOString()), queued: true }
        : { ...result.data, queued: false };
    },
    onSuccess: (result) =>
      result.queued
        ? undefined
        : queryClient.invalidateQueries({ queryKey: queryKeys.history(id) }),
  });
}
