/**
 * The reminder scheduler, on pg-boss: on the embedded database through pg-boss's PGlite adapter
 * (the app's own PGlite instance), on PostgreSQL with its own small pool. Every instance runs
 * the same three workers; pg-boss hands each job to one of them.
 *
 * 1. plan — every `reminderPlanSeconds`, each instance asks for a plan job with
 *    `sendThrottled`, which stores at most one per period across all instances. The plan
 *    worker looks `CATCH_UP_MS` back and two periods ahead and inserts one fire job per
 *    reminder with `startAfter` = its due time and a singleton key (one waiting job per
 *    reminder, however many passes plan it).
 * 2. fire — at the due time, checks the reminder against the data as it is then and stores the
 *    notifications (unique key: exactly once), then queues a push job per stored notification.
 * 3. push — sends one notification to its recipient's devices (reminders/push.ts), retried with
 *    backoff when the whole send throws.
 *
 * Lag behind the due time is the fire worker's polling interval plus the work (bench/reminders.ts).
 */
import { PgBoss, fromPglite, type Job } from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import type { JobsBackend } from '../db/client.js';
import { fireReminders } from './fire.js';
import { CATCH_UP_MS, fireJobKey, planReminders, type FireJob } from './planner.js';
import { pushNotification } from './push.js';

export const QUEUES = {
  plan: 'steady-reminders-plan',
  fire: 'steady-reminders-fire',
  push: 'steady-push',
} as const;

/** pg-boss keeps its tables in their own schema, apart from Steady's. */
export const JOBS_SCHEMA = 'steady_jobs';

export interface SchedulerOptions {
  /** Seconds between planning passes (cluster-wide). */
  readonly planSeconds: number;
  /** Fire worker polling interval in seconds (≥ 0.5): the main part of the lag. */
  readonly pollSeconds?: number;
  /** Jobs per fire batch (default 1000): a worker takes one batch per polling interval when busy. */
  readonly fireBatch?: number;
  /** Called after each batch is fired (benchmarks, tests). */
  readonly onFired?: (jobs: readonly FireJob[], firedAt: Date, created: number) => void;
}

export interface ReminderScheduler {
  readonly boss: PgBoss;
  /** Plan now (as the periodic pass does); resolves with the number of reminders planned. */
  planNow(): Promise<number>;
  /** Stop the workers (waiting for running jobs), then pg-boss. Idempotent. */
  stop(): Promise<void>;
}

function bossFor(jobs: JobsBackend): PgBoss {
  return jobs.kind === 'pglite'
    ? new PgBoss({ db: fromPglite(jobs.client), backend: 'pglite', schema: JOBS_SCHEMA })
    : new PgBoss({ connectionString: jobs.url, schema: JOBS_SCHEMA, max: 4 });
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    // Two instances starting together may both try: the loser finds the queue there.
    try {
      await boss.createQueue(name, {
        policy: name === QUEUES.push ? 'standard' : 'short',
        retryLimit: name === QUEUES.plan ? 0 : 5,
        retryDelay: 5,
        retryBackoff: true,
      });
    } catch (error) {
      if ((await boss.getQueue(name)) === null) throw error;
    }
  }
}

export async function startReminderScheduler(
  ctx: AppContext,
  jobs: JobsBackend,
  log: FastifyBaseLogger,
  options: SchedulerOptions,
): Promise<ReminderScheduler> {
  const boss = bossFor(jobs);
  boss.on('error', (error: unknown) => {
    log.error({ err: error }, 'job queue error');
  });
  await boss.start();
  await ensureQueues(boss);

  const plan = async (): Promise<number> => {
    const now = ctx.now();
    const from = new Date(now.getTime() - CATCH_UP_MS);
    const to = new Date(now.getTime() + 2 * options.planSeconds * 1000 + 5000);
    return planReminders(ctx.db, from, to, async (page) => {
      await boss.insert(
        QUEUES.fire,
        page.map((job) => ({
          data: job,
          singletonKey: fireJobKey(job),
          startAfter: new Date(job.dueAt),
          // A fire job older than the catch-up window has nothing left to do.
          expireInSeconds: 60,
        })),
      );
    });
  };

  await boss.work<null>(
    QUEUES.plan,
    { pollingIntervalSeconds: Math.max(0.5, Math.min(options.planSeconds, 2)) },
    async () => {
      const planned = await plan();
      if (planned > 0) log.debug({ planned }, 'reminders planned');
    },
  );
  await boss.work<FireJob>(
    QUEUES.fire,
    { batchSize: options.fireBatch ?? 1000, pollingIntervalSeconds: options.pollSeconds ?? 1 },
    async (batch: Job<FireJob>[]) => {
      const due = batch.map((j) => j.data);
      const firedAt = ctx.now();
      const fired = await fireReminders(ctx.db, due, firedAt);
      options.onFired?.(due, firedAt, fired.created);
      if (fired.toPush.length > 0) {
        await boss.insert(
          QUEUES.push,
          fired.toPush.map((notificationId) => ({ data: { notificationId } })),
        );
      }
    },
  );
  await boss.work<{ notificationId: string }>(
    QUEUES.push,
    { batchSize: 50, pollingIntervalSeconds: options.pollSeconds ?? 1 },
    async (batch) => {
      for (const job of batch) await pushNotification(ctx, job.data.notificationId);
    },
  );

  const tick = () => {
    void boss
      .sendThrottled(QUEUES.plan, null, null, options.planSeconds)
      .catch((error: unknown) => {
        log.error({ err: error }, 'could not queue the reminder planning pass');
      });
  };
  tick();
  const timer = setInterval(tick, Math.max(500, (options.planSeconds * 1000) / 2));
  timer.unref();

  let stopping: Promise<void> | null = null;
  return {
    boss,
    planNow: plan,
    stop: () => {
      stopping ??= (async () => {
        clearInterval(timer);
        await boss.stop({ graceful: true, close: true, timeout: 10_000 });
      })();
      return stopping;
    },
  };
}
