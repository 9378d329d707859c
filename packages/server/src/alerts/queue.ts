/**
 * Alert recomputation off the request's critical path. A write schedules its patient and
 * returns; the run starts after a quiet period (`delayMs`, at most `maxWaitMs` after the first
 * write), so a burst of writes costs one recomputation instead of one each — recomputing a
 * year of data takes ~30 ms, while a dose write takes ~3 ms. One run per patient at a time;
 * writes during a run schedule one more. Reads that show alerts first call `settled`, which
 * starts any waiting run at once, so a patient or a test that logs and then looks always sees
 * the result. One queue per app; `settled()` without an id drains it (app close).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import { recomputeAlerts } from './recompute.js';

export interface AlertQueue {
  /** Recompute this patient's alerts soon, as of `now` (the write's instant). */
  schedule(patientId: string, now: Date): void;
  /** Resolves once no run is waiting or running for the patient (or for anyone, without an id). */
  settled(patientId?: string): Promise<void>;
}

export interface AlertQueueTiming {
  readonly delayMs: number;
  readonly maxWaitMs: number;
}

interface Entry {
  /** The newest write's instant: the run computes alerts as of then. */
  at: Date;
  /** Wall-clock ms when the first unprocessed write arrived (bounds the debounce). */
  since: number;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  /** A write arrived during the running recomputation. */
  dirty: boolean;
}

export function createAlertQueue(
  ctx: AppContext,
  log: FastifyBaseLogger,
  timing: AlertQueueTiming = { delayMs: 1500, maxWaitMs: 10_000 },
  recompute: (ctx: AppContext, patientId: string) => Promise<unknown> = recomputeAlerts,
): AlertQueue {
  const entries = new Map<string, Entry>();

  const arm = (patientId: string, entry: Entry): void => {
    if (entry.timer !== null) clearTimeout(entry.timer);
    const waited = Date.now() - entry.since;
    const delay = Math.max(0, Math.min(timing.delayMs, timing.maxWaitMs - waited));
    entry.timer = setTimeout(() => {
      start(patientId, entry);
    }, delay);
  };

  const start = (patientId: string, entry: Entry): void => {
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = null;
    if (entry.running !== null) return;
    const instant = entry.at;
    entry.running = recompute({ ...ctx, now: () => instant }, patientId).then(
      () => {
        finish(patientId, entry);
      },
      (error: unknown) => {
        // Never health data in logs: the patient id and the error's class only.
        log.error({ patientId, err: (error as Error).name }, 'alert recomputation failed');
        finish(patientId, entry);
      },
    );
  };

  const finish = (patientId: string, entry: Entry): void => {
    entry.running = null;
    if (entry.dirty) {
      entry.dirty = false;
      entry.since = Date.now();
      arm(patientId, entry);
    } else {
      entries.delete(patientId);
    }
  };

  const settle = async (patientId: string): Promise<void> => {
    for (let entry = entries.get(patientId); entry !== undefined; entry = entries.get(patientId)) {
      if (entry.running === null) start(patientId, entry);
      await entry.running;
    }
  };

  return {
    schedule(patientId, now) {
      const entry = entries.get(patientId);
      if (entry === undefined) {
        const created: Entry = {
          at: now,
          since: Date.now(),
          timer: null,
          running: null,
          dirty: false,
        };
        entries.set(patientId, created);
        arm(patientId, created);
        return;
      }
      entry.at = now;
      if (entry.running !== null) entry.dirty = true;
      else arm(patientId, entry);
    },
    async settled(patientId) {
      if (patientId !== undefined) {
        await settle(patientId);
        return;
      }
      while (entries.size > 0) await Promise.all([...entries.keys()].map((id) => settle(id)));
    },
  };
}
