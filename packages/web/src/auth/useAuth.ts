import { useMutation } from '@tanstack/react-query';
import { useApi } from '../shared/api/context';
import type { LoginInput, RegisterInput, SessionResponse } from '../shared/api/types';
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

export const MIN_PASSWORD_LENGTH = 12;
