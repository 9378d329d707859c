/**
 * Runs the account purge in-process: once when the app is ready, then every hour. The timer
 * is unref'd (it never keeps the process alive) and stopped when the app closes, after any run
 * in progress has finished, so the database is never closed under it. A later issue moves
 * jobs to pg-boss.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { purgeDueAccounts } from './deletion.js';

export const PURGE_INTERVAL_MS = 60 * 60_000;

export function schedulePurge(app: FastifyInstance, ctx: AppContext): void {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const run = () => {
    if (running !== null) return;
    running = purgeDueAccounts(ctx)
      .then((purged) => {
        if (purged > 0) app.log.info({ purged }, 'accounts deleted after their grace period');
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'account purge failed; it runs again later');
      })
      .finally(() => {
        running = null;
      });
  };
  app.addHook('onReady', async () => {
    run();
    timer = setInterval(run, PURGE_INTERVAL_MS);
    timer.unref();
    await Promise.resolve();
  });
  app.addHook('onClose', async () => {
    if (timer !== null) clearInterval(timer);
    await running;
  });
}
