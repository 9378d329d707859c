import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { CheckInInput, CheckInResponse } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';
import { useUser } from '../shared/session';

export function useSubmitCheckIn() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckInInput) =>
      api.post<CheckInResponse>(apiPath`/api/patients/${id}/checkins`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.history(id) }),
  });
}
