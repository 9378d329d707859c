/** The goals API (docs/beyond-the-pill/assignments-and-goals.md): types, query keys and hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import { newIdempotencyKey } from '../shared/api/ids';
import type { WeekCount } from './weeks';

export interface GoalEntry {
  readonly id: string;
  readonly on: string;
  readonly note: string | null;
  readonly createdAt: string;
}

export interface Goal {
  readonly id: string;
  readonly what: string;
  readonly timesPerWeek: number;
  readonly byDate: string | null;
  readonly createdAt: string;
  readonly achievedAt: string | null;
  readonly archivedAt: string | null;
  readonly status: 'active' | 'achieved' | 'archived';
  readonly progress: { readonly thisWeek: number; readonly weeks: readonly WeekCount[] };
  /** Today's entries, newest first. */
  readonly today: readonly GoalEntry[];
}

export interface GoalsResponse {
  readonly timeZone: string;
  readonly today: string;
  readonly weeks: readonly string[];
  readonly goals: readonly Goal[];
}

export interface PegPoint {
  readonly at: string;
  readonly total: number;
  readonly pain: number | null;
  readonly enjoyment: number | null;
  readonly activity: number | null;
}

export interface FunctionResponse {
  readonly instrumentId: 'peg';
  readonly sources: readonly string[];
  readonly peg: readonly PegPoint[];
}

export interface GoalInput {
  readonly what: string;
  readonly timesPerWeek: number;
  readonly byDate: string | null;
}

export type GoalPatch = Partial<GoalInput> & {
  readonly achieved?: boolean;
  readonly archived?: boolean;
};

export const goalKeys = {
  all: (patientId: string) => ['goals', patientId] as const,
  list: (patientId: string) => ['goals', patientId, 'list'] as const,
  function: (patientId: string) => ['goals', patientId, 'function'] as const,
};

export function useGoals(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: goalKeys.list(patientId),
    queryFn: () => api.get<GoalsResponse>(apiPath`/api/patients/${patientId}/goals`),
  });
}

export function useFunction(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: goalKeys.function(patientId),
    queryFn: () => api.get<FunctionResponse>(apiPath`/api/patients/${patientId}/function`),
  });
}

function useInvalidate(patientId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: goalKeys.all(patientId) });
}

export function useCreateGoal(patientId: string) {
  const api = useApi();
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: (input: GoalInput) =>
      api.post<{ goal: Goal }>(apiPath`/api/patients/${patientId}/goals`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateGoal(patientId: string) {
  const api = useApi();
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: ({ goalId, patch }: { goalId: string; patch: GoalPatch }) =>
      api.patch<{ goal: Goal }>(apiPath`/api/patients/${patientId}/goals/${goalId}`, patch),
    onSuccess: invalidate,
  });
}

/** "I did it": one idempotency key per tap, so a retried request counts once. */
export function useAddEntry(patientId: string) {
  const api = useApi();
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: ({ goalId, key }: { goalId: string; key: string }) =>
      api.post<{ entry: GoalEntry; goal: Goal }>(
        apiPath`/api/patients/${patientId}/goals/${goalId}/entries`,
        { idempotencyKey: key },
      ),
    onSuccess: invalidate,
  });
}

export function useUndoEntry(patientId: string) {
  const api = useApi();
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: ({ goalId, entryId }: { goalId: string; entryId: string }) =>
      api.delete(apiPath`/api/patients/${patientId}/goals/${goalId}/entries/${entryId}`),
    onSuccess: invalidate,
  });
}

export { newIdempotencyKey };
