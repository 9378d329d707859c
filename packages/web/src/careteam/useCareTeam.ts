import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type {
  AccessLogEntry,
  CareTeamMember,
  ConsentDefaultsResponse,
  ConsentMap,
  InvitedMemberKind,
} from '../shared/api/types';
import type { InvitationCreated } from '../mail/emailInvitation';
import { queryKeys } from '../shared/queryKeys';
import { useUser } from '../shared/session';

export const ACCESS_LOG_LIMIT = 100;

interface CareTeamData {
  members: CareTeamMember[];
}
const CONSENT_MUTATION = ['careTeam', 'consent'] as const;

export function useCareTeamQuery() {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: queryKeys.careTeam(id),
    queryFn: () => api.get<CareTeamData>(apiPath`/api/patients/${id}/care-team`),
    select: (data) => data.members,
  });
}

export function useConsentDefaultsQuery() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.consentDefaults,
    queryFn: () => api.get<ConsentDefaultsResponse>('/api/consent-defaults'),
    staleTime: Infinity,
  });
}

export function useAccessLogQuery() {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: queryKeys.accessLog(id),
    queryFn: () =>
      api.get<{ entries: AccessLogEntry[] }>(
        apiPath`/api/patients/${id}/access-log?limit=${ACCESS_LOG_LIMIT}`,
      ),
    select: (data) => data.entries,
  });
}

/**
 * Change what one member sees. Optimistic: the switch moves at once; on failure the previous
 * consent is put back (the caller shows why).
 */
export function useUpdateConsent() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  const key = queryKeys.careTeam(id);
  return useMutation({
    mutationKey: CONSENT_MUTATION,
    mutationFn: ({ linkId, consent }: { linkId: string; consent: ConsentMap }) =>
      api.put<unknown>(apiPath`/api/patients/${id}/care-team/${linkId}/consent`, { consent }),
    onMutate: async ({ linkId, consent }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<CareTeamData>(key);
      queryClient.setQueryData<CareTeamData>(key, (old) =>
        old === undefined
          ? old
          : { members: old.members.map((m) => (m.linkId === linkId ? { ...m, consent } : m)) },
      );
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous !== undefined) queryClient.setQueryData(key, context.previous);
    },
    // Refetch once the last of several quick changes has settled, not in between.
    onSettled: () =>
      queryClient.isMutating({ mutationKey: CONSENT_MUTATION }) === 1
        ? queryClient.invalidateQueries({ queryKey: key })
        : undefined,
  });
}

export function useRemoveMember() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => api.delete(apiPath`/api/patients/${id}/care-team/${linkId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.careTeam(id) }),
  });
}

export function useInviteMember() {
  const api = useApi();
  const { id } = useUser();
  return useMutation({
    mutationFn: (input: { memberKind: InvitedMemberKind; consent: ConsentMap; email?: string }) =>
      api.post<InvitationCreated>(apiPath`/api/patients/${id}/invitations`, input),
  });
}

/** Whether an active prescriber is linked: then only they may change the regimen. */
export function hasActivePrescriber(members: readonly CareTeamMember[]): boolean {
  return members.some(
    (m) =>
      m.status === 'active' &&
      m.member.role === 'clinician' &&
      m.member.discipline === 'prescriber',
  );
}
