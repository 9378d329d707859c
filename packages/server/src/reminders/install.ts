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
  let scheduler: ReminderScheduler | null = null;
  app.addHook('onReady', async () => {
    scheduler = await startReminderScheduler(ctx, jobs, app.log, {
      planSeconds: ctx.config.reminderPlanSeconds,
    });
    app.log.info({ planSeconds: ctx.config.reminderPlanSeconds }, 'reminder scheduler started');
  });
  app.addHook('onClose', async () => {
    await scheduler?.stop();
  });
}
