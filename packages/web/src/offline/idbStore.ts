import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueuedRequest } from './queue';
import { memoryStore, type QueueStore } from './sync';

interface OfflineDb extends DBSchema {
  queue: { key: string; value: QueuedRequest };
}

const DB_NAME = 'steady-offline';

/** The queue in IndexedDB (database "steady-offline", store "queue", keyed by idempotency key). */
export function idbStore(): QueueStore {
  if (typeof indexedDB === 'undefined') return memoryStore();
  let db: Promise<IDBPDatabase<OfflineDb>> | null = null;
  const open = () =>
    (db ??= openDB<OfflineDb>(DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore('queue', { keyPath: 'key' });
      },
    }));
  return {
    all: async () => (await open()).getAll('queue'),
    put: async (item) => {
      await (await open()).put('queue', item);
    },
    remove: async (key) => {
      await (await open()).delete('queue', key);
    },
  };
}
