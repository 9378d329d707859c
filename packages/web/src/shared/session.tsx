import { createContext, use } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';
import { useApi } from './api/context';
import type { SessionResponse, SessionUser } from './api/types';
import { queryKeys } from './queryKeys';

/** The current session, or null when signed out. */
export function useSessionQuery() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: async (): Promise<SessionResponse | null> => {
      try {
        const session = await api.get<SessionResponse>('/api/session');
        api.setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          api.setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: Infinity,
    retry: (count, error) => count < 2 && error instanceof ApiError && error.status === 0,
  });
}

/** Store a fresh session (after login or register) without another round trip. */
export function useAcceptSession(): (session: SessionResponse) => void {
  const api = useApi();
  const queryClient = useQueryClient();
  return (session) => {
    api.setCsrfToken(session.csrfToken);
    queryClient.setQueryData(queryKeys.session, session);
  };
}

export function useSignOut() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<undefined>('/api/auth/logout'),
    onSettled: () => {
      // Signed out locally even if the call failed: the cookie may already be gone.
      api.setCsrfToken(null);
      queryClient.setQueryData(queryKeys.session, null);
      // Drop everyone's health data from memory; keep the (now empty) session entry observed by <App>.
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== queryKeys.session[0],
      });
    },
  });
}

export const UserContext = createContext<SessionUser | null>(null);

/** The signed-in user. Only for components rendered inside the signed-in app. */
export function useUser(): SessionUser {
  const user = use(UserContext);
  if (user === null) throw new Error('useUser must be used inside the signed-in app');
  return user;
}
