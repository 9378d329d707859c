import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type {
  ClinicianPatientRow,
  HistoryResponse,
  RegimenResponse,
  TodayResponse,
} from '../shared/api/types';
import type { InvitationCreated } from '../mail/emailInvitation';
import { queryKeys } from '../shared/queryKeys';

export const NOT_FOUND = 'STEADY_ERR_NOT_FOUND';
export const PATIENT_HISTORY_DAYS = 30;
/** The panel's first page; the server sorts by open alert, then recent activity. */
export const PANEL_PAGE_SIZE = 200;

/** The API answers 404 for data the patient has not shared: never worth retrying. */
const retryServerErrors = (count: number, error: Error) =>
  count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500);

export function isNotShared(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** The signed-in member's linked patients, optionally filtered by name. */
export function usePatientsQuery(q: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.clinicianPatients(q),
    queryFn: () =>
      api.get<{ patients: ClinicianPatientRow[] }>(
        apiPath`/api/clinician/patients?q=${q}&limit=${PANEL_PAGE_SIZE}`,
      ),
    select: (data) => data.patients,
    placeholderData: keepPreviousData,
  });
}

/** One linked patient's panel row (null when not linked). */
export function usePatientRowQuery(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.clinicianPatient(patientId),
    queryFn: () =>
      api.get<{ patients: ClinicianPatientRow[] }>(
        apiPath`/api/clinician/patients?id=${patientId}`,
      ),
    select: (data) => data.patients[0] ?? null,
  });
}

export function useCreatePatientInvitation() {
  const api = useApi();
  return useMutation({
    mutationFn: (input: { note?: string; email?: string }) =>
      api.post<InvitationCreated>('/api/invitations', input),
  });
}

export function usePatientRegimenQuery(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.regimen(patientId),
    queryFn: () => api.get<RegimenResponse>(apiPath`/api/patients/${patientId}/regimen`),
    retry: retryServerErrors,
  });
}

export function usePatientTodayQuery(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.today(patientId),
    queryFn: () => api.get<TodayResponse>(apiPath`/api/patients/${patientId}/today`),
    retry: retryServerErrors,
    refetchInterval: 5 * 60_000,
  });
}

export function usePatientHistoryQuery(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.history(patientId),
    queryFn: () =>
      api.get<HistoryResponse>(
        apiPath`/api/patients/${patientId}/history?days=${PATIENT_HISTORY_DAYS}`,
      ),
    retry: retryServerErrors,
  });
}
