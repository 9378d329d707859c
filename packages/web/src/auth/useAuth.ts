import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../shared/api/context';
import type { LoginInput, RegisterInput, SessionResponse } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';
import { useAcceptSession } from '../shared/session';

export function useLogin() {
  const api = useApi();
  const accept = useAcceptSession();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<SessionResponse>('/api/auth/login', input),
    retry: false,
    onSuccess: accept,
  });
}

export function useRegister() {
  const api = useApi();
  const accept = useAcceptSession();
  return useMutation({
    mutationFn: (input: RegisterInput) => api.post<SessionResponse>('/api/auth/register', input),
    retry: false,
    onSuccess: accept,
  });
}

/** The browser's IANA time zone, e.g. "Europe/Lisbon". */
export function detectTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone === '' ? 'UTC' : zone;
}

/**
 * Sign out everywhere: the server ends every session of the account, this one included; then,
 * as after signing out, nothing of the account stays in memory.
 */
export function useSignOutEverywhere() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<undefined>('/api/me/sessions/revoke-all'),
    retry: false,
    onSuccess: () => {
      api.setCsrfToken(null);
      queryClient.setQueryData(queryKeys.session, null);
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== queryKeys.session[0],
      });
    },
  });
}
