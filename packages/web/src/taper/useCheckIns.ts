/** The taper's withdrawal check-ins (issue 5): the schedule, totals per step, answering one. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LocalDate } from '@steady/core';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { SubmitResult } from '../questionnaires/api';
import { taperKeys } from './useTaper';

export type CheckInStatus = 'due' | 'answered' | 'upcoming' | 'missed';

export interface TaperCheckIn {
  readonly date: LocalDate;
  readonly kind: 'step' | 'followUp';
  /** The step it follows; null for follow-up check-ins after the last step. */
  readonly stepIndex: number | null;
  readonly daysAfterStep: number;
  readonly status: CheckInStatus;
  /** Last local day it can be answered. */
  readonly openUntil: LocalDate;
  readonly responseId: string | null;
}

export interface StepScores {
  readonly stepIndex: number;
  readonly startDate: LocalDate;
  readonly dailyTotalMg: number;
  readonly scores: readonly {
    readonly at: string;
    readonly total: number;
    readonly daysAfterStep: number;
  }[];
}

export interface TaperCheckIns {
  readonly schedule: readonly TaperCheckIn[];
  readonly byStep: readonly StepScores[];
}

export interface CheckInAnswerInput {
  readonly idempotencyKey: string;
  readonly date: LocalDate;
  readonly answers: Readonly<Record<string, number>>;
}

/** The check-ins of the taper in force (empty lists without a taper). */
export function useTaperCheckIns(patientId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: taperKeys.checkIns(patientId),
    queryFn: () => api.get<TaperCheckIns>(apiPath`/api/patients/${patientId}/taper/check-ins`),
    enabled,
  });
}

/** The patient answers the check-in that is due. */
export function useAnswerCheckIn(patientId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckInAnswerInput) =>
      api.post<SubmitResult>(apiPath`/api/patients/${patientId}/taper/check-ins`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taperKeys.taper(patientId) }),
  });
}
