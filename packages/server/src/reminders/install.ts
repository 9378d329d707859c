/**
 * Runs the reminder scheduler with the app: started once the app is ready, stopped (running
 * jobs finish) when it closes, before the database is closed.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { JobsBackend } from '../db/client.js';
import { startReminderScheduler, type ReminderScheduler } from './scheduler.js';

export function installReminderScheduler(
  app: FastifyInstance,
  ctx: AppContext,
  jobs: JobsBackend,
): void {
  let starting: Promise<ReminderScheduler | null> = Promise.resolve(null);
  // Started in the background: the app serves requests while pg-boss installs or migrates its
  // tables (seconds on the embedded database). A failure is logged and leaves the app up
  // (the notification centre still works; reminders resume at the next start).
  app.addHook('onReady', async () => {
    starting = startReminderScheduler(ctx, jobs, app.log, {
      planSeconds: ctx.config.reminderPlanSeconds,
    }).then(
      (scheduler) => {
        app.log.info({ planSeconds: ctx.config.reminderPlanSeconds }, 'reminder scheduler started');
        return scheduler;
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'reminder scheduler did not start; no reminders are sent');
        return null;
      },
    );
    await Promise.resolve();
  });
  app.addHook('onClose', async () => {
    await (await starting)?.stop();
  });
}
