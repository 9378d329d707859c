/** The second-factor API (docs/authentication.md, "Second factor"): hooks for the web app. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { useApi } from '../shared/api/context';
import type { SessionResponse } from '../shared/api/types';
import { useAcceptSession } from '../shared/session';

export const mfaKey = ['mfa'] as const;

export interface MfaStatus {
  readonly state: 'full' | 'mfa-pending' | 'mfa-enrol';
  /** Clinicians and administrators must keep a second factor. */
  readonly required: boolean;
  readonly verifiedRecently: boolean;
  readonly passkeys: readonly {
    readonly id: string;
    readonly name: string;
    readonly createdAt: string;
    readonly lastUsedAt: string | null;
  }[];
  readonly totp: boolean;
  readonly recoveryCodesLeft: number;
}

/** What adding a factor answers: recovery codes the first time, and the session to use. */
export interface Enrolled {
  readonly recoveryCodes: string[] | null;
  readonly session: SessionResponse;
}

export function useMfaStatus() {
  const api = useApi();
  return useQuery({ queryKey: mfaKey, queryFn: () => api.get<MfaStatus>('/api/auth/mfa') });
}

/**
 * Give a second factor (after the password, or again before a change): the server answers
 * with a new session, which replaces this one.
 */
export function useVerifyFactor() {
  const api = useApi();
  const accept = useAcceptSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (
      input: { method: 'passkey' } | { method: 'totp' | 'recovery'; code: string },
    ): Promise<SessionResponse> => {
      if (input.method !== 'passkey') {
        return api.post<SessionResponse>(`/api/auth/mfa/${input.method}`, { code: input.code });
      }
      const { options } = await api.post<{ options: PublicKeyCredentialRequestOptionsJSON }>(
        '/api/auth/mfa/passkey/options',
      );
      const response = await startAuthentication({ optionsJSON: options });
      return api.post<SessionResponse>('/api/auth/mfa/passkey', { response });
    },
    retry: false,
    onSuccess: (session) => {
      accept(session);
      void queryClient.invalidateQueries({ queryKey: mfaKey });
    },
  });
}

export function useAddPasskey() {
  const api = useApi();
  return useMutation({
    mutationFn: async (name: string): Promise<Enrolled> => {
      const { options } = await api.post<{ options: PublicKeyCredentialCreationOptionsJSON }>(
        '/api/auth/mfa/passkeys/options',
      );
      const response = await startRegistration({ optionsJSON: options });
      return api.post<Enrolled>('/api/auth/mfa/passkeys', { response, name });
    },
    retry: false,
  });
}

export function useTotpSetup() {
  const api = useApi();
  return useMutation({
    mutationFn: () => api.post<{ secret: string; uri: string }>('/api/auth/mfa/totp/setup'),
    retry: false,
  });
}

export function useTotpConfirm() {
  const api = useApi();
  return useMutation({
    mutationFn: (code: string) => api.post<Enrolled>('/api/auth/mfa/totp/confirm', { code }),
    retry: false,
  });
}

export function useRemoveFactor() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (what: { passkeyId: string } | { totp: true }) =>
      api.delete(
        'passkeyId' in what ? `/api/auth/mfa/passkeys/${what.passkeyId}` : '/api/auth/mfa/totp',
      ),
    retry: false,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mfaKey }),
  });
}

export function useNewRecoveryCodes() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>('/api/auth/mfa/recovery-codes'),
    retry: false,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mfaKey }),
  });
}
