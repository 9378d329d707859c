/**
 * Backups of the embedded database (PGlite). A backup is PGlite's own snapshot of its data
 * directory — a gzipped tarball that `new PGlite(dir, { loadDataDir })` opens again — taken
 * with no transaction open, right after a checkpoint, so it is consistent. PostgreSQL
 * installs use pg_dump instead (docs/backup.md).
 */
import { existsSync, openAsBlob } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** Automatic backups are named `steady-auto-…`; only those are rotated. */
export const AUTO_PREFIX = 'steady-auto-';
export const MANUAL_PREFIX = 'steady-';
export const BACKUP_EXTENSION = '.tar.gz';

/** `2026-03-10T12-00-00Z`: sorts by time, and is a valid file name everywhere. */
const stamp = (at: Date) => `${at.toISOString().slice(0, 19).replaceAll(':', '-')}Z`;

export function backupFileName(kind: 'auto' | 'manual', at: Date): string {
  return `${kind === 'auto' ? AUTO_PREFIX : MANUAL_PREFIX}${stamp(at)}${BACKUP_EXTENSION}`;
}

/**
 * A consistent snapshot of a running embedded database: a checkpoint first (so the data files
 * are current), then the dump while no transaction is open (PGlite runs one at a time; the
 * dump waits for the current one and holds the next ones back until it is done).
 */
export async function snapshot(client: PGlite): Promise<Buffer> {
  await client.exec('CHECKPOINT');
  const dump = await client._runExclusiveTransaction(() => client.dumpDataDir('gzip'));
  return Buffer.from(await dump.arrayBuffer());
}

/** Write a backup file readable by its owner only (it holds health data); never half-written. */
export async function writeBackupFile(file: string, data: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  await writeFile(partial, data, { mode: 0o600 });
  await rename(partial, file);
}

/** Rows per table (public schema), by table name. */
export type TableCounts = Record<string, number>;

type Query = (text: string) => Promise<readonly Record<string, unknown>[]>;

/** Count the rows of every table; `query` runs SQL on the database to count. */
export async function tableCounts(query: Query): Promise<TableCounts> {
  const tables = await query(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: TableCounts = {};
  for (const { name } of tables) {
    const table = String(name);
    const [row] = await query(`select count(*)::int as n from "${table.replaceAll('"', '""')}"`);
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

export interface BackupSummary {
  /** Migrations applied in the backed-up database. */
  readonly migrations: number;
  readonly tables: TableCounts;
}

const pgliteQuery =
  (client: PGlite): Query =>
  async (text) =>
    (await client.query<Record<string, unknown>>(text)).rows;

/** What a database holds: its migrations and the rows of each table. */
async function summarize(client: PGlite, file: string): Promise<BackupSummary> {
  let migrations: number;
  try {
    const [row] = await pgliteQuery(client)(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    migrations = Number(row?.n ?? 0);
  } catch {
    throw new BackupError(`${file} is a database, but not a Steady database.`);
  }
  return { migrations, tables: await tableCounts(pgliteQuery(client)) };
}

async function readBackup(file: string): Promise<Blob> {
  try {
    return await openAsBlob(file);
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Open a backup in memory, or say clearly that it is not one. */
async function openBackup(file: string): Promise<PGlite> {
  const data = await readBackup(file);
  try {
    // Options only (not `new PGlite(undefined, options)`, which would ignore them).
    const client = new PGlite({ loadDataDir: data });
    await client.waitReady;
    return client;
  } catch (error) {
    throw new BackupError(
      `${file} is not a Steady backup (it does not open as a database: ${(error as Error).message}).`,
    );
  }
}

/** Check a backup file by opening it in memory: what it holds, or a BackupError. */
export async function inspectBackup(file: string): Promise<BackupSummary> {
  const client = await openBackup(file);
  try {
    return await summarize(client, file);
  } finally {
    await client.close();
  }
}

/** True when the directory exists and has anything in it. */
async function holdsData(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return false;
  return (await readdir(dir)).length > 0;
}

export interface RestoreResult {
  readonly summary: BackupSummary;
  /** Where the database that was there before went (with `force`), or null. */
  readonly movedAside: string | null;
}

/**
 * Restore a backup into the embedded database directory `pgliteDir` (the caller holds the data
 * directory lock: Steady is not running). The file is checked first. A directory that already
 * holds a database is refused unless `force`; then it is moved aside, never deleted.
 */
export async function restoreBackup(
  file: string,
  pgliteDir: string,
  options: { readonly force: boolean; readonly now: Date },
): Promise<RestoreResult> {
  const summary = await inspectBackup(file);
  let movedAside: string | null = null;
  if (await holdsData(pgliteDir)) {
    if (!options.force) {
      throw new BackupError(
        `${pgliteDir} already holds a database. Restoring replaces it: run again with --force ` +
          '(the current database is moved aside, not deleted).',
      );
    }
    movedAside = `${pgliteDir}.before-restore-${stamp(options.now)}`;
    await rename(pgliteDir, movedAside);
  }
  await mkdir(path.dirname(pgliteDir), { recursive: true });
  const client = new PGlite({ dataDir: pgliteDir, loadDataDir: await readBackup(file) });
  try {
    await client.waitReady;
    const restored = await summarize(client, file);
    if (JSON.stringify(restored) !== JSON.stringify(summary)) {
      throw new BackupError(`The restored database in ${pgliteDir} differs from ${file}.`);
    }
  } finally {
    await client.close();
  }
  return { summary, movedAside };
}

/** Delete the oldest automatic backups in `dir` beyond the newest `keep`; returns the deleted. */
export async function rotateBackups(dir: string, keep: number): Promise<string[]> {
  const autos = (await listAutoBackups(dir)).reverse(); // newest first
  const doomed = autos.slice(keep);
  for (const name of doomed) await rm(path.join(dir, name), { force: true });
  return doomed;
}

/** The automatic backups in `dir`, oldest first (their names sort by time). */
export async function listAutoBackups(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir))
    .filter((n) => n.startsWith(AUTO_PREFIX) && n.endsWith(BACKUP_EXTENSION))
    .sort();
}

/** When the newest automatic backup in `dir` was taken (from its name), or null. */
export async function lastAutoBackupAt(dir: string): Promise<Date | null> {
  const newest = (await listAutoBackups(dir)).at(-1);
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z$/.exec(
    newest?.slice(AUTO_PREFIX.length, -BACKUP_EXTENSION.length) ?? '',
  );
  if (match === null) return null;
  const [, day, h, m, s] = match;
  return new Date(`${String(day)}T${String(h)}:${String(m)}:${String(s)}Z`);
}
