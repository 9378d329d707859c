import { useApi } from '../shared/api/context';
import type { QueuedKind } from './queue';
import { useOfflineQueue, type Submitted } from './OfflineQueue';

/**
 * POST a dose or a check-in: straight to the server, or, in the patient's app, through the
 * offline queue (kept on this device and sent when the connection returns).
 */
export function usePostOrQueue() {
  const api = useApi();
  const queue = useOfflineQueue();
  return async <T>(
    kind: QueuedKind,
    path: string,
    body: { readonly idempotencyKey: string },
  ): Promise<Submitted<T>> => {
    if (queue === null) return { queued: false, data: await api.post<T>(path, body) };
    return queue.submit<T>(kind, path, body);
  };
}
