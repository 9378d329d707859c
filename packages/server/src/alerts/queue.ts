/**
 * Alert recomputation off the request's critical path: a write schedules its patient and
 * returns; one run per patient at a time, and writes arriving during a run coalesce into one
 * more run. Reads that show alerts first wait for their patient's pending run (`settled`), so a
 * patient or a test that logs and then looks always sees the result. One queue per app.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import { recomputeAlerts } from './recompute.js';

export interface AlertQueue {
  /** Recompute this patient's alerts soon, as of `now` (the write's instant). */
  schedule(patientId: string, now: Date): void;
  /** Resolves once no run is pending for the patient (or for anyone, without an id). */
  settled(patientId?: string): Promise<void>;
}

interface Pending {
  running: Promise<void>;
  /** A later write's instant, when another run is due after this one. */
  again: Date | null;
}

export function createAlertQueue(ctx: AppContext, log: FastifyBaseLogger): AlertQueue {
  const pending = new Map<string, Pending>();

  const run = async (patientId: string, now: Date): Promise<void> => {
    let at: Date | null = now;
    while (at !== null) {
      const instant = at;
      try {
        await recomputeAlerts({ ...ctx, now: () => instant }, patientId);
      } catch (error) {
        // Never health data in logs: the patient id and the error's class only.
        log.error({ patientId, err: (error as Error).name }, 'alert recomputation failed');
      }
      const entry = pending.get(patientId);
      at = entry?.again ?? null;
      if (entry !== undefined) entry.again = null;
    }
    pending.delete(patientId);
  };

  return {
    schedule(patientId, now) {
      const entry = pending.get(patientId);
      if (entry !== undefined) {
        entry.again = now;
        return;
      }
      const created: Pending = { running: Promise.resolve(), again: null };
      pending.set(patientId, created);
      created.running = run(patientId, now);
    },
    async settled(patientId) {
      if (patientId !== undefined) {
        await pending.get(patientId)?.running;
        return;
      }
      while (pending.size > 0) await Promise.all([...pending.values()].map((p) => p.running));
    },
  };
}
