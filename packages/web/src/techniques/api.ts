/** The technique-sessions API as the web app uses it (types, query keys, hooks). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import { useUser } from '../shared/session';

export type SessionKind = 'guided' | 'self' | 'elsewhere' | 'assignment';

export interface SessionBody {
  idempotencyKey: string;
  techniqueId: string;
  kind: SessionKind;
  assignmentId: string | null;
  startedAt: string;
  durationMinutes: number | null;
  painBefore: number | null;
  painAfter: number | null;
  tensionBefore: number | null;
  tensionAfter: number | null;
  provider: string | null;
  note: string | null;
}

export interface TechniqueSession extends Omit<SessionBody, 'idempotencyKey'> {
  id: string;
  createdAt: string;
  deletableUntil: string;
}

export const techniqueKeys = {
  all: (patientId: string) => ['techniques', patientId] as const,
  sessions: (patientId: string, from: string, to: string) =>
    ['techniques', patientId, 'sessions', from, to] as const,
};

export function useTechniqueSessions(from: string, to: string) {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: techniqueKeys.sessions(id, from, to),
    queryFn: () =>
      api.get<{ sessions: TechniqueSession[] }>(
        apiPath`/api/patients/${id}/technique-sessions?from=${from}&to=${to}`,
      ),
    select: (data) => data.sessions,
  });
}

export function useLogSession() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionBody) =>
      api.post<{ session: TechniqueSession }>(
        apiPath`/api/patients/${id}/technique-sessions`,
        body,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: techniqueKeys.all(id) }),
  });
}

export function useDeleteSession() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      api.delete(apiPath`/api/patients/${id}/technique-sessions/${sessionId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: techniqueKeys.all(id) }),
  });
}
