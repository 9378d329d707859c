/** TanStack Query hooks for the supervised taper (issue 5): read, sign, change, requests. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import { queryKeys } from '../shared/queryKeys';
import type {
  CreateTaperBody,
  TaperChangeBody,
  TaperRequestBody,
  TaperRequestView,
  TaperResponse,
} from './types';

/** Query keys of the taper feature (kept here so the shared key list stays untouched). */
export const taperKeys = {
  taper: (patientId: string) => ['taper', patientId] as const,
  checkIns: (patientId: string) => ['taper', patientId, 'checkIns'] as const,
};

/** The patient's taper (null when there is none); for the patient or a member of their team. */
export function useTaperQuery(patientId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: taperKeys.taper(patientId),
    queryFn: () => api.get<TaperResponse>(apiPath`/api/patients/${patientId}/taper`),
    select: (data) => data.taper,
    enabled,
    retry: (count, error) =>
      count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
  });
}

/** After a signed version the schedule changes: refresh everything that shows doses. */
function useRefreshAfterTaper(patientId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: taperKeys.taper(patientId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.regimen(patientId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.today(patientId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.history(patientId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.clinicianPatientsAll }),
    ]);
}

/** Sign a new taper (prescriber; password confirms the signature). */
export function useCreateTaper(patientId: string) {
  const api = useApi();
  const refresh = useRefreshAfterTaper(patientId);
  return useMutation({
    mutationFn: (body: CreateTaperBody) =>
      api.post<TaperResponse>(apiPath`/api/patients/${patientId}/taper`, body),
    onSuccess: refresh,
  });
}

/** Sign a change: hold, resume, slow down, step back, end at maintenance (prescriber). */
export function useChangeTaper(patientId: string) {
  const api = useApi();
  const refresh = useRefreshAfterTaper(patientId);
  return useMutation({
    mutationFn: (body: TaperChangeBody) =>
      api.post<TaperResponse>(apiPath`/api/patients/${patientId}/taper/changes`, body),
    onSuccess: refresh,
  });
}

/** The patient asks for a pause or a slower pace. */
export function useSendTaperRequest(patientId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaperRequestBody) =>
      api.post<{ request: TaperRequestView }>(
        apiPath`/api/patients/${patientId}/taper/requests`,
        body,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taperKeys.taper(patientId) }),
  });
}

/** The prescriber closes a patient request with a note (no change to the plan). */
export function useCloseTaperRequest(patientId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, note }: { requestId: string; note: string }) =>
      api.post<{ request: TaperRequestView }>(
        apiPath`/api/patients/${patientId}/taper/requests/${requestId}/close`,
        { note },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taperKeys.taper(patientId) }),
  });
}
