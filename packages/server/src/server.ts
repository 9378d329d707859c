import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { scheduleBackups } from './backup/schedule.js';
import type { Config } from './config.js';
import { openDatabase, type Database, type DatabaseTarget } from './db/client.js';
import { lockDataDir, type DataDirLock } from './db/lock.js';

/** Where the data lives for a configuration: PostgreSQL when a URL is set, else PGlite in the data dir. */
export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl === null
    ? { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') }
    : { kind: 'postgres', url: config.databaseUrl };
}

export interface Opened {
  readonly database: Database;
  close(): Promise<void>;
}

/**
 * Lock the data directory (embedded database only: one writer), open the database and apply
 * migrations. Shared by `serve`, `migrate`, `demo` and `create-clinician`.
 */
export async function openForConfig(config: Config): Promise<Opened> {
  const target = databaseTarget(config);
  const lock: DataDirLock | null =
    target.kind === 'pglite' ? await lockDataDir(config.dataDir) : null;
  try {
    const database = await openDatabase(target);
    await database.migrate();
    return {
      database,
      close: async () => {
        await database.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  /** Stop accepting connections, let in-flight requests finish, close the database. */
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const opened = await openForConfig(config);
  let app: FastifyInstance;
  try {
    app = await buildApp({ config, database: opened.database, scheduler: config.scheduler });
    // Daily backups of the embedded database, in this process (docs/backup.md).
    const jobs = opened.database.jobs;
    if (jobs.kind === 'pglite' && config.backupKeep > 0) {
      const backups = { dir: config.backupDir, keep: config.backupKeep };
      scheduleBackups(app, { client: jobs.client, ...backups, now: () => new Date() });
    }
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await opened.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://${config.host}:${String(port)}`;
  let stopping: Promise<void> | null = null;
  return {
    app,
    url,
    stop: () => {
      stopping ??= (async () => {
        await app.close();
        await opened.close();
      })();
      return stopping;
    },
  };
}
