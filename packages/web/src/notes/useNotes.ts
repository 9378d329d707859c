import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { Discipline } from '../shared/api/types';

/** A clinician's note on the chart (docs/care-team/checkups.md): never edited, amended by a new note. */
export interface ClinicianNote {
  readonly id: string;
  readonly body: string;
  readonly author: {
    readonly id: string;
    readonly displayName: string;
    readonly discipline: Discipline | null;
  };
  readonly amends: string | null;
  readonly amendedBy: readonly string[];
  readonly createdAt: string;
}

export const noteKeys = {
  list: (patientId: string) => ['clinicianNotes', patientId] as const,
};

export function useNotesQuery(patientId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: noteKeys.list(patientId),
    queryFn: () => api.get<{ notes: ClinicianNote[] }>(apiPath`/api/patients/${patientId}/notes`),
    select: (data) => data.notes,
    enabled,
    retry: (count, error) =>
      count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
  });
}

export function useAddNote(patientId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; amends: string | null }) =>
      api.post<{ note: ClinicianNote }>(apiPath`/api/patients/${patientId}/notes`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noteKeys.list(patientId) }),
  });
}
