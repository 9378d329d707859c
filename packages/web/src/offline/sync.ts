import { afterAttempt, stopsRun, toSend, type QueuedRequest, type SendOutcome } from './queue';

/** Where the queue is kept (IndexedDB in the app, memory in tests). */
export interface QueueStore {
  all(): Promise<QueuedRequest[]>;
  put(item: QueuedRequest): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface SyncResult {
  /** Entries the server now holds. */
  readonly saved: number;
  /** Entries the server refused in this run. */
  readonly refused: number;
  /** Why the run stopped early, or null when every entry was answered. */
  readonly stoppedBy: SendOutcome['type'] | null;
}

/**
 * Send a user's queued entries one by one, in the order they were logged. Each answer is saved
 * before the next is sent, so a run cut short (tab closed, connection lost) resumes where it
 * stopped; an entry sent twice is stored once thanks to its idempotency key.
 */
export async function syncQueue(
  store: QueueStore,
  userId: string,
  send: (item: QueuedRequest) => Promise<SendOutcome>,
): Promise<SyncResult> {
  let saved = 0;
  let refused = 0;
  for (const item of toSend(await store.all(), userId)) {
    const outcome = await send(item);
    const next = afterAttempt(item, outcome);
    if (next === null) {
      await store.remove(item.key);
      saved += 1;
    } else {
      await store.put(next);
    }
    if (outcome.type === 'refused') refused += 1;
    if (stopsRun(outcome)) return { saved, refused, stoppedBy: outcome.type };
  }
  return { saved, refused, stoppedBy: null };
}

/** A store in memory, for tests and for browsers without IndexedDB. */
export function memoryStore(initial: readonly QueuedRequest[] = []): QueueStore {
  const items = new Map(initial.map((i) => [i.key, i]));
  return {
    all: () => Promise.resolve([...items.values()]),
    put: (item) => {
      items.set(item.key, item);
      return Promise.resolve();
    },
    remove: (key) => {
      items.delete(key);
      return Promise.resolve();
    },
  };
}
