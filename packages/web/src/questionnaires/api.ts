/**
 * The questionnaire API (docs/care-team/questionnaires.md): types, query keys and hooks. The
 * instrument definitions themselves come from @steady/core, which runs in the browser.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstrumentId, LocalDate, SourceRef } from '@steady/core';
import { ApiError, apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import { queryKeys as sharedKeys } from '../shared/queryKeys';

export interface PersonRef {
  readonly id: string;
  readonly displayName: string;
}

export interface Assignment {
  readonly id: string;
  readonly instrumentId: InstrumentId;
  readonly cadenceDays: number;
  readonly startDate: LocalDate;
  readonly note: string | null;
  readonly status: 'active' | 'ended';
  readonly assignedBy: PersonRef;
  readonly assignedAt: string;
  readonly endedAt: string | null;
  readonly endedBy: PersonRef | null;
  readonly due: boolean;
  readonly dueSince: LocalDate | null;
  readonly nextDue: LocalDate | null;
  readonly lastAnsweredAt: string | null;
}

export interface DueItem {
  readonly assignmentId: string;
  readonly instrumentId: InstrumentId;
  readonly cadenceDays: number;
  /** The clinician's note for the patient. */
  readonly note: string | null;
  readonly dueSince: LocalDate;
  readonly overdue: boolean;
  readonly lastAnsweredAt: string | null;
}

export interface DueResponse {
  readonly date: LocalDate;
  readonly timeZone: string;
  readonly due: readonly DueItem[];
}

export type FlagKind = 'crisis' | 'urgent' | 'screen-positive' | 'review';

export interface ScoreFlag {
  readonly id: string;
  readonly kind: FlagKind;
  readonly title: string;
  readonly patientText: string | null;
  readonly clinicianText: string | null;
  readonly sources: readonly SourceRef[];
}

export interface ScoreView {
  readonly version: string;
  readonly total: number;
  readonly min: number;
  readonly max: number;
  readonly band: {
    readonly id: string;
    readonly label: string;
    readonly min: number;
    readonly max: number;
  } | null;
  readonly flags: readonly ScoreFlag[];
  readonly subscores: readonly {
    readonly id: string;
    readonly label: string;
    readonly value: number;
    readonly min: number;
    readonly max: number;
  }[];
  readonly sources: readonly SourceRef[];
}

export interface QuestionnaireResponse {
  readonly id: string;
  readonly instrumentId: InstrumentId;
  readonly assignmentId: string | null;
  readonly at: string;
  readonly answers: Readonly<Record<string, number | null>>;
  readonly score: ScoreView;
  readonly taperStepIndex: number | null;
}

/** A patient-facing message the answers triggered (crisis guidance first). */
export interface Guidance {
  readonly flagId: string;
  readonly kind: FlagKind;
  readonly title: string;
  readonly text: string;
  readonly sources: readonly SourceRef[];
}

export interface SubmitInput {
  readonly idempotencyKey: string;
  readonly instrumentId: InstrumentId;
  readonly answers: Readonly<Record<string, number>>;
}

export interface SubmitResult {
  readonly response: QuestionnaireResponse;
  readonly guidance: readonly Guidance[];
}

export interface AssignInput {
  readonly instrumentId: InstrumentId;
  readonly cadenceDays: number;
  readonly startDate?: LocalDate;
  readonly note: string | null;
}

/** Query keys of this feature, all under one prefix per patient. */
export const questionnaireKeys = {
  all: (patientId: string) => ['questionnaires', patientId] as const,
  due: (patientId: string) => ['questionnaires', patientId, 'due'] as const,
  assignments: (patientId: string, status: 'active' | 'all') =>
    ['questionnaires', patientId, 'assignments', status] as const,
  responses: (patientId: string, instrumentId: InstrumentId | null) =>
    ['questionnaires', patientId, 'responses', instrumentId ?? 'all'] as const,
};

/** A 404 is "not shared" (or not linked): never worth retrying. */
const retryServerErrors = (count: number, error: Error) =>
  count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500);

export function useDueQuestionnaires(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: questionnaireKeys.due(patientId),
    queryFn: () => api.get<DueResponse>(apiPath`/api/patients/${patientId}/questionnaires/due`),
    retry: retryServerErrors,
  });
}

export function useAssignments(patientId: string, status: 'active' | 'all' = 'active') {
  const api = useApi();
  return useQuery({
    queryKey: questionnaireKeys.assignments(patientId, status),
    queryFn: () =>
      api.get<{ assignments: Assignment[] }>(
        apiPath`/api/patients/${patientId}/questionnaire-assignments?status=${status}`,
      ),
    select: (data) => data.assignments,
    retry: retryServerErrors,
  });
}

/** Answers of the last year, oldest first (one instrument, or all of them). */
export function useResponses(patientId: string, instrumentId: InstrumentId | null = null) {
  const api = useApi();
  return useQuery({
    queryKey: questionnaireKeys.responses(patientId, instrumentId),
    queryFn: () =>
      api.get<{ responses: QuestionnaireResponse[] }>(
        instrumentId === null
          ? apiPath`/api/patients/${patientId}/questionnaire-responses`
          : apiPath`/api/patients/${patientId}/questionnaire-responses?instrumentId=${instrumentId}`,
      ),
    select: (data) => data.responses,
    retry: retryServerErrors,
  });
}

export function useSubmitResponse(patientId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SubmitInput) =>
      api.post<SubmitResult>(apiPath`/api/patients/${patientId}/questionnaire-responses`, input),
    onSuccess: (result) => {
      // Answered now: not due any more, even before Today's list is fetched again.
      queryClient.setQueryData<DueResponse>(questionnaireKeys.due(patientId), (old) =>
        old === undefined
          ? old
          : { ...old, due: old.due.filter((d) => d.instrumentId !== result.response.instrumentId) },
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: questionnaireKeys.all(patientId) }),
        // A crisis answer raises an alert the patient sees on Today.
        queryClient.invalidateQueries({ queryKey: sharedKeys.alerts(patientId) }),
      ]);
    },
  });
}

export function useAssign(patientId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignInput) =>
      api.post<{ assignment: Assignment }>(
        apiPath`/api/patients/${patientId}/questionnaire-assignments`,
        input,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionnaireKeys.all(patientId) }),
  });
}

export function useEndAssignment(patientId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) =>
      api.post<{ assignment: Assignment }>(
        apiPath`/api/patients/${patientId}/questionnaire-assignments/${assignmentId}/end`,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionnaireKeys.all(patientId) }),
  });
}
