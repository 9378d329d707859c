import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PatientProfile } from '@steady/core';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type {
  ProfileInput,
  SessionResponse,
  SessionUser,
  UpdateMeInput,
} from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';
import { useUser } from '../shared/session';

export function useProfileQuery() {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: queryKeys.profile(id),
    queryFn: () => api.get<{ profile: PatientProfile }>(apiPath`/api/patients/${id}/profile`),
    select: (data) => data.profile,
  });
}

export function useSaveProfile() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profile: ProfileInput) =>
      api.put<{ profile: PatientProfile }>(apiPath`/api/patients/${id}/profile`, profile),
    onSuccess: (data) => {
      queryClient.setQueryData(queryKeys.profile(id), data);
    },
  });
}

export function useUpdateMe() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMeInput) => api.patch<{ user: SessionUser }>('/api/me', input),
    onSuccess: async ({ user }) => {
      queryClient.setQueryData<SessionResponse | null>(queryKeys.session, (old) =>
        old ? { ...old, user } : old,
      );
      // Dates and dose times depend on the time zone.
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

/** Every IANA time zone this browser knows, with the user's current one kept even if unknown. */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}
