import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type {
  Appointment,
  AppointmentChange,
  AppointmentInput,
  AppointmentScope,
  AppointmentsResponse,
  QuestionChange,
  VisitQuestion,
  VisitSummary,
} from './types';

/** Query keys of this feature; everything of one patient's check-ups shares a prefix. */
export const checkupKeys = {
  all: (patientId: string) => ['checkups', patientId] as const,
  appointments: (patientId: string, scope: AppointmentScope) =>
    ['checkups', patientId, 'appointments', scope] as const,
  questions: (patientId: string) => ['checkups', patientId, 'questions'] as const,
  summary: (patientId: string, appointmentId: string | null) =>
    ['checkups', patientId, 'summary', appointmentId ?? 'last'] as const,
};

/** Data not shared (404) or a refusal is never worth retrying. */
const retryServerErrors = (count: number, error: Error) =>
  count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500);

export function useAppointmentsQuery(patientId: string, scope: AppointmentScope = 'upcoming') {
  const api = useApi();
  return useQuery({
    queryKey: checkupKeys.appointments(patientId, scope),
    queryFn: () =>
      api.get<AppointmentsResponse>(
        apiPath`/api/patients/${patientId}/appointments?scope=${scope}`,
      ),
    retry: retryServerErrors,
    // A check-up moves from "coming up" to "past" as time passes.
    refetchInterval: 10 * 60_000,
  });
}

/** After any change, every check-up view of the patient is refreshed (cancelling moves questions). */
function useInvalidateCheckups(patientId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: checkupKeys.all(patientId) });
}

export function useBookAppointment(patientId: string) {
  const api = useApi();
  const invalidate = useInvalidateCheckups(patientId);
  return useMutation({
    mutationFn: (input: AppointmentInput) =>
      api.post<{ appointment: Appointment }>(
        apiPath`/api/patients/${patientId}/appointments`,
        input,
      ),
    onSuccess: invalidate,
  });
}

export function useChangeAppointment(patientId: string) {
  const api = useApi();
  const invalidate = useInvalidateCheckups(patientId);
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: AppointmentChange }) =>
      api.patch<{ appointment: Appointment }>(
        apiPath`/api/patients/${patientId}/appointments/${id}`,
        change,
      ),
    onSuccess: invalidate,
  });
}

export function useQuestionsQuery(patientId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: checkupKeys.questions(patientId),
    queryFn: () =>
      api.get<{ questions: VisitQuestion[] }>(apiPath`/api/patients/${patientId}/visit-questions`),
    select: (data) => data.questions,
    retry: retryServerErrors,
    enabled,
  });
}

export function useAskQuestion(patientId: string) {
  const api = useApi();
  const invalidate = useInvalidateCheckups(patientId);
  return useMutation({
    mutationFn: (input: { text: string; appointmentId: string | null }) =>
      api.post<{ question: VisitQuestion }>(
        apiPath`/api/patients/${patientId}/visit-questions`,
        input,
      ),
    onSuccess: invalidate,
  });
}

export function useChangeQuestion(patientId: string) {
  const api = useApi();
  const invalidate = useInvalidateCheckups(patientId);
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: QuestionChange }) =>
      api.patch<{ question: VisitQuestion }>(
        apiPath`/api/patients/${patientId}/visit-questions/${id}`,
        change,
      ),
    onSuccess: invalidate,
  });
}

/** "Since the last visit": from the named check-up, or the caller's most recent one. */
export function useVisitSummaryQuery(patientId: string, appointmentId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: checkupKeys.summary(patientId, appointmentId),
    queryFn: () =>
      api.get<VisitSummary>(
        appointmentId === null
          ? apiPath`/api/patients/${patientId}/visit-summary`
          : apiPath`/api/patients/${patientId}/visit-summary?appointmentId=${appointmentId}`,
      ),
    retry: retryServerErrors,
  });
}
