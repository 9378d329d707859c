import { createContext, use, useCallback, useEffect, useMemo, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type ApiClient } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import { queryKeys } from '../shared/queryKeys';
import { useUser } from '../shared/session';
import { idbStore } from './idbStore';
import {
  entriesOf,
  enqueue,
  outcomeOf,
  retryDelayMs,
  toSend,
  withAnsweredAt,
  withTakenAt,
  type NewEntry,
  type QueuedKind,
  type QueuedRequest,
  type SendOutcome,
} from './queue';
import { syncQueue, type QueueStore } from './sync';

/** A POST that reached the server, or was queued on this device to be sent later. */
export type Submitted<T> = { readonly queued: false; readonly data: T } | { readonly queued: true };

export interface OfflineQueue {
  /** The signed-in patient's queued entries, in logging order (waiting and refused). */
  readonly items: readonly QueuedRequest[];
  /** POST now; when the server cannot be reached, keep it in the queue instead. */
  submit<T>(kind: QueuedKind, path: string, body: NewEntry['body']): Promise<Submitted<T>>;
  /** The patient has read a refused entry's error: drop it. */
  dismiss(key: string): Promise<void>;
}

const OfflineQueueContext = createContext<OfflineQueue | null>(null);

/** The queue, or null outside the patient's app (then posts go straight to the server). */
export function useOfflineQueue(): OfflineQueue | null {
  return use(OfflineQueueContext);
}

async function sendQueued(api: ApiClient, item: QueuedRequest): Promise<SendOutcome> {
  try {
    await api.post(item.path, item.body);
    return { type: 'saved' };
  } catch (error) {
    if (error instanceof ApiError) return outcomeOf(error.status, error.code, error.message);
    return { type: 'later' };
  }
}

/** One run at a time across tabs where the browser can lock; the idempotency keys cover the rest. */
function exclusively(run: () => Promise<void>): Promise<void> {
  if (typeof navigator.locks === 'undefined') return run();
  return navigator.locks.request('steady-offline-sync', run);
}

let sharedStore: QueueStore | null = null;

/**
 * Keeps the patient's offline queue: loads it on start, sends it on start, when the browser
 * comes back online and on a retry timer while entries wait; refreshes Today and History once
 * the server has them, so its answers replace the "waiting to sync" state.
 */
export function OfflineQueueProvider({ children }: { children: React.ReactNode }) {
  const api = useApi();
  const { id: userId } = useUser();
  const queryClient = useQueryClient();
  const store = (sharedStore ??= idbStore());
  const queueKey = useMemo(() => ['offlineQueue', userId] as const, [userId]);
  const queued = useQuery({
    queryKey: queueKey,
    queryFn: async () => entriesOf(await store.all(), userId),
    staleTime: Infinity,
    refetchOnMount: false,
  });
  const items = useMemo(() => queued.data ?? [], [queued.data]);
  const running = useRef(false);
  const rerun = useRef(false);
  const failedRuns = useRef(0);

  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: queueKey }),
    [queryClient, queueKey],
  );

  const sync = useCallback(async (): Promise<void> => {
    // Asked while a run is under way (e.g. back online mid-run): run once more right after it,
    // rather than waiting for the retry timer.
    if (running.current) {
      rerun.current = true;
      return;
    }
    running.current = true;
    // Read through a function: a run that starts while this one works sets it meanwhile.
    const askedAgain = () => rerun.current;
    try {
      do {
        rerun.current = false;
        await exclusively(async () => {
          const result = await syncQueue(store, userId, (item) => sendQueued(api, item));
          failedRuns.current = result.stoppedBy === null ? 0 : failedRuns.current + 1;
          if (result.saved > 0) {
            await Promise.all([
              queryClient.invalidateQueries({ queryKey: queryKeys.today(userId) }),
              queryClient.invalidateQueries({ queryKey: queryKeys.history(userId) }),
            ]);
          }
        });
      } while (askedAgain());
    } finally {
      running.current = false;
      await refresh();
    }
  }, [api, queryClient, refresh, store, userId]);

  useEffect(() => {
    void sync();
    const onOnline = () => {
      failedRuns.current = 0;
      void sync();
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
    };
  }, [sync]);

  const waiting = items.some((i) => i.error === null);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(() => void sync(), retryDelayMs(failedRuns.current));
    return () => {
      window.clearTimeout(timer);
    };
  }, [items, waiting, sync]);

  const value = useMemo<OfflineQueue>(
    () => ({
      items,
      async submit<T>(kind: QueuedKind, path: string, body: NewEntry['body']) {
        // Behind entries still waiting, a new one waits too: they reach the server in order.
        const behind = toSend(await store.all(), userId).length > 0;
        if (navigator.onLine && !behind) {
          try {
            return { queued: false, data: await api.post<T>(path, body) } as const;
          } catch (error) {
            if (!(error instanceof ApiError && error.status === 0)) throw error;
          }
        }
        const now = new Date().toISOString();
        const queuedBody = kind === 'dose' ? withTakenAt(body, now) : withAnsweredAt(body, now);
        const { item } = enqueue(await store.all(), { userId, kind, path, body: queuedBody, now });
        await store.put(item);
        await refresh();
        if (navigator.onLine) void sync();
        return { queued: true } as const;
      },
      async dismiss(key: string) {
        await store.remove(key);
        await refresh();
      },
    }),
    [api, items, refresh, store, sync, userId],
  );

  return <OfflineQueueContext value={value}>{children}</OfflineQueueContext>;
}
