/** The assignments API (docs/beyond-the-pill/assignments-and-goals.md): types, keys and hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { WeekCount } from '../goals/weeks';

export type ExerciseKind = 'exercise' | 'cbt' | 'technique';

export interface Exercise {
  readonly id: string;
  readonly kind: ExerciseKind;
  readonly techniqueId: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly sets: number | null;
  readonly reps: number | null;
  readonly minutes: number | null;
  readonly timesPerWeek: number;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly status: 'active' | 'scheduled' | 'ended';
  readonly assignedBy: { readonly id: string; readonly displayName: string };
  readonly assignedAt: string;
  readonly endedAt: string | null;
  readonly completion: {
    readonly thisWeek: number;
    readonly doneToday: boolean;
    readonly lastDoneAt: string | null;
    readonly weeks: readonly WeekCount[];
  };
}

export interface ExercisesResponse {
  readonly timeZone: string;
  readonly today: string;
  readonly weeks: readonly string[];
  readonly exercises: readonly Exercise[];
}

export interface ExerciseInput {
  readonly kind: ExerciseKind;
  readonly techniqueId: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly sets: number | null;
  readonly reps: number | null;
  readonly minutes: number | null;
  readonly timesPerWeek: number;
}

/** Who may assign what (the server enforces the same rule). */
export const KINDS_BY_DISCIPLINE: Readonly<Record<string, readonly ExerciseKind[]>> = {
  physical_therapist: ['exercise', 'technique'],
  psychologist: ['cbt', 'technique'],
  prescriber: ['exercise', 'cbt', 'technique'],
};

export const exerciseKeys = {
  list: (patientId: string) => ['exercises', patientId] as const,
};

export function useExercises(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: exerciseKeys.list(patientId),
    queryFn: () => api.get<ExercisesResponse>(apiPath`/api/patients/${patientId}/exercises`),
  });
}

function useInvalidate(patientId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: exerciseKeys.list(patientId) });
}

export function useAssignExercise(patientId: string) {
  const api = useApi();
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: (input: ExerciseInput) =>
      api.post<{ exercise: Exercise }>(apiPath`/api/patients/${patientId}/exercises`, input),
    onSuccess: invalidate,
  });
}

export function useEndExercise(patientId: string) {
  const api = useApi();
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: (exerciseId: string) =>
      api.post<{ exercise: Exercise }>(
        apiPath`/api/patients/${patientId}/exercises/${exerciseId}/end`,
      ),
    onSuccess: invalidate,
  });
}

/** Marks an assignment done; the key is made once per tap so a retry counts once. */
export function useMarkDone(patientId: string) {
  const api = useApi();
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: ({ exerciseId, key }: { exerciseId: string; key: string }) =>
      api.post<{ exercise: Exercise }>(
        apiPath`/api/patients/${patientId}/exercises/${exerciseId}/done`,
        { idempotencyKey: key },
      ),
    onSuccess: invalidate,
  });
}
