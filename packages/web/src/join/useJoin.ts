import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { ConsentMap, InvitationDetails } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';

export const INVITATION_INVALID = 'STEADY_ERR_INVITATION_INVALID';
export const ALREADY_LINKED = 'STEADY_ERR_ALREADY_LINKED';

export function isApiError(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.code === code;
}

/** What an invitation offers; works signed out for caregiver sign-up. */
export function useInvitationQuery(code: string, enabled = true) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: queryKeys.invitation(code),
    queryFn: () => api.get<{ invitation: InvitationDetails }>(apiPath`/api/invitations/${code}`),
    select: (data) => data.invitation,
    // An unknown, expired or used code stays so: don't retry client errors.
    retry: (count, error) =>
      count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
    staleTime: 60_000,
  });
}

/** Accept: a patient sends the consent they chose; a clinician or caregiver sends nothing. */
export function useAcceptInvitation(code: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { consent?: ConsentMap }) =>
      api.post<unknown>(apiPath`/api/invitations/${code}/accept`, body),
    retry: false,
    onSuccess: async () => {
      // A new link shows up on both sides.
      await queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'careTeam' || q.queryKey[0] === 'clinicianPatients',
      });
    },
  });
}
