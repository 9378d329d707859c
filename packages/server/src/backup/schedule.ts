/**
 * Automatic daily backups of the embedded database, in-process in `serve`: at start-up, then
 * every hour, a backup is taken when the newest automatic one is a day old (or there is none),
 * and the oldest beyond `keep` are deleted. Restarts neither skip a day nor pile up backups.
 * The timer is unref'd and stopped when the app closes, after any backup in progress, so the
 * database is never closed under it (same pattern as portability/purgeJob.ts).
 */
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import {
  backupFileName,
  lastAutoBackupAt,
  rotateBackups,
  snapshot,
  writeBackupFile,
} from './backup.js';

export const BACKUP_CHECK_INTERVAL_MS = 60 * 60_000;
export const BACKUP_EVERY_MS = 24 * 60 * 60_000;

export interface AutoBackupOptions {
  readonly client: PGlite;
  readonly dir: string;
  /** How many automatic backups to keep (at least 1). */
  readonly keep: number;
  readonly now: () => Date;
}

/** One pass: the new backup's path, or null when the last one is less than a day old. */
export async function autoBackupIfDue(options: AutoBackupOptions): Promise<string | null> {
  const now = options.now();
  const last = await lastAutoBackupAt(options.dir);
  if (last !== null && now.getTime() - last.getTime() < BACKUP_EVERY_MS) return null;
  const file = path.join(options.dir, backupFileName('auto', now));
  await writeBackupFile(file, await snapshot(options.client));
  await rotateBackups(options.dir, options.keep);
  return file;
}

export function scheduleBackups(app: FastifyInstance, options: AutoBackupOptions): void {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const run = () => {
    if (running !== null) return;
    running = autoBackupIfDue(options)
      .then((file) => {
        if (file !== null) app.log.info({ file }, 'automatic backup written');
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'automatic backup failed; it is tried again within the hour');
      })
      .finally(() => {
        running = null;
      });
  };
  app.addHook('onReady', async () => {
    run();
    timer = setInterval(run, BACKUP_CHECK_INTERVAL_MS);
    timer.unref();
    await Promise.resolve();
  });
  app.addHook('onClose', async () => {
    if (timer !== null) clearInterval(timer);
    await running;
  });
}
