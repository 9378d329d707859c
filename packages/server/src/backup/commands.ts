/**
 * `steady backup [--out <file>]` and `steady restore <file> [--force]` for the embedded
 * database. Both need the data directory to themselves: while Steady runs it holds the
 * directory (and takes the daily backups itself), so they say so and stop.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.js';
import { DataDirLockedError, lockDataDir, type DataDirLock } from '../db/lock.js';
import { databaseTarget } from '../server.js';
import {
  BackupError,
  backupFileName,
  inspectBackup,
  restoreBackup,
  snapshot,
  writeBackupFile,
  type BackupSummary,
} from './backup.js';

const POSTGRES_BACKUP =
  'Steady uses PostgreSQL here (DATABASE_URL): back it up with pg_dump and restore it with ' +
  'pg_restore (see docs/backup.md).';

async function lockFor(config: Config, what: 'backup' | 'restore'): Promise<DataDirLock> {
  try {
    return await lockDataDir(config.dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const advice =
      what === 'backup'
        ? `While it runs, Steady takes a backup every day into ${config.backupDir}. ` +
          'To take one now: stop Steady, run `steady backup`, then start Steady again.'
        : 'Stop Steady before restoring a backup, then start it again.';
    throw new BackupError(`${error.message}\n${advice}`);
  }
}

/** The embedded database's directory, refusing PostgreSQL configurations. */
function pgliteDirOf(config: Config): string {
  const target = databaseTarget(config);
  if (target.kind !== 'pglite' || target.dataDir === null) throw new BackupError(POSTGRES_BACKUP);
  return target.dataDir;
}

const describe = (summary: BackupSummary) => {
  const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  return `${String(Object.keys(summary.tables).length)} tables, ${String(rows)} rows, ${String(summary.migrations)} migrations`;
};

/** Take a backup of the (stopped) embedded database; returns the file written. */
export async function backupCommand(
  config: Config,
  out: string | undefined,
  now: Date,
): Promise<string> {
  const dir = pgliteDirOf(config);
  const lock = await lockFor(config, 'backup');
  try {
    if (!existsSync(path.join(dir, 'PG_VERSION'))) {
      throw new BackupError(`There is no database in ${dir} to back up.`);
    }
    const file = path.resolve(out ?? path.join(config.backupDir, backupFileName('manual', now)));
    if (existsSync(file)) throw new BackupError(`${file} already exists; choose another --out.`);
    const client = new PGlite(dir);
    try {
      await client.waitReady;
      await writeBackupFile(file, await snapshot(client));
    } finally {
      await client.close();
    }
    const summary = await inspectBackup(file);
    console.log(`Backup written to ${file} (${describe(summary)}).`);
    return file;
  } finally {
    await lock.release();
  }
}

/** Restore a backup into the (stopped) embedded database's directory. */
export async function restoreCommand(
  config: Config,
  file: string,
  force: boolean,
  now: Date,
): Promise<void> {
  const dir = pgliteDirOf(config);
  const lock = await lockFor(config, 'restore');
  try {
    const result = await restoreBackup(path.resolve(file), dir, { force, now });
    if (result.movedAside !== null)
      console.log(`The database that was there is kept in ${result.movedAside}.`);
    console.log(`Restored ${file} into ${dir} (${describe(result.summary)}).`);
    console.log('Start Steady as usual; it applies any newer migrations on start.');
  } finally {
    await lock.release();
  }
}
