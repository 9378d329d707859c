/**
 * The push-device API as the web app sees it: the user's devices (GET /api/me/push) and the
 * actions on them, as TanStack Query hooks. The browser work is in client.ts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../shared/api/context';
import { useUser } from '../shared/session';
import { disablePush, enablePush, testPush, type PushOverview } from './client';

/** Query keys of this feature. */
export const pushKeys = {
  me: (userId: string) => ['push', userId] as const,
};

export function usePushQuery() {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: pushKeys.me(id),
    queryFn: () => api.get<PushOverview>('/api/me/push'),
    retry: false,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  const { id } = useUser();
  return () => queryClient.invalidateQueries({ queryKey: pushKeys.me(id) });
}

export function useEnablePush() {
  const api = useApi();
  const { id } = useUser();
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => enablePush(api, id), onSettled: refresh });
}

export function useRemoveDevice() {
  const api = useApi();
  const { id } = useUser();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (deviceId: string) => disablePush(api, id, deviceId),
    onSettled: refresh,
  });
}

export function useTestPush() {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (deviceId: string) => testPush(api, deviceId),
    onSettled: async () => {
      // The test is also stored in the notification centre.
      await Promise.all([
        refresh(),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
}
