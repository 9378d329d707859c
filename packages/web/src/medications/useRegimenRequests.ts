import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { RegimenRequest, RegimenRequestStatus } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';

/** Requests to change the regimen: the patient's own, or (for their prescriber) a patient's. */
export function useRegimenRequestsQuery(patientId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.regimenRequests(patientId),
    queryFn: () =>
      api.get<{ requests: RegimenRequest[] }>(apiPath`/api/patients/${patientId}/regimen-requests`),
    select: (data) => [...data.requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    enabled,
    retry: (count, error) =>
      count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
  });
}

export function useSendRegimenRequest(patientId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: string) =>
      api.post<{ request: RegimenRequest }>(apiPath`/api/patients/${patientId}/regimen-requests`, {
        message,
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.regimenRequests(patientId) }),
  });
}

export function useAnswerRegimenRequest(patientId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      requestId,
      status,
      response,
    }: {
      requestId: string;
      status: Exclude<RegimenRequestStatus, 'open'>;
      response: string;
    }) =>
      api.patch<{ request: RegimenRequest }>(
        apiPath`/api/patients/${patientId}/regimen-requests/${requestId}`,
        { status, response },
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.regimenRequests(patientId) }),
  });
}
