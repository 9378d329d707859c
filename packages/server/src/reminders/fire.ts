/**
 * Firing: when a planned reminder comes due, check it against the data as it is now (the dose
 * may have been logged, the regimen or a taper step may have changed, the patient may have
 * changed their settings), then store one notification per recipient. The notification's unique
 * `dedupe_key` is what makes a reminder exactly once: two instances, a retried job or a second
 * planning pass may all try, and only one insert lands. Only the inserter pushes.
 */
import { randomUUID } from 'node:crypto';
import { remindersDue, type DueReminder } from '@steady/core';
import type { Db } from '../db/client.js';
import { notifications } from '../db/schema.js';
import { loadReminderPatients, patientsById, type ReminderPatient } from './load.js';
import { CATCH_UP_MS, type FireJob } from './planner.js';

export interface Fired {
  /** Notifications stored by this call (not those another instance stored first). */
  readonly created: number;
  /** The stored notifications to push (not silent). */
  readonly toPush: string[];
  /** Jobs that were no longer due (confirmed, changed, too late, nobody to tell). */
  readonly dropped: number;
}

/** The due reminder a job stands for, if it is still due exactly then. */
function stillDue(p: ReminderPatient, job: FireJob): DueReminder | undefined {
  const at = Date.parse(job.dueAt);
  return remindersDue({
    versions: p.versions,
    timeZone: p.timeZone,
    settings: p.settings,
    events: p.events,
    from: new Date(at - 1).toISOString(),
    to: new Date(at).toISOString(),
  }).find((r) => r.kind === job.kind && r.slot.key === job.slotKey);
}

function rowsFor(p: ReminderPatient, job: FireJob, due: DueReminder, now: Date) {
  const data = {
    localTime: due.slot.localTime,
    amountMg: due.slot.amountMg,
    patientName: p.displayName,
  };
  const recipients =
    job.kind === 'caregiver'
      ? p.caregivers.map((id) => ({ id, key: `caregiver:${id}:${p.id}:${job.slotKey}` }))
      : [{ id: p.id, key: `${job.kind}:${p.id}:${job.slotKey}` }];
  return recipients.map((r) => ({
    id: randomUUID(),
    recipientId: r.id,
    patientId: p.id,
    kind: job.kind,
    dedupeKey: r.key,
    slotKey: job.slotKey,
    data,
    dueAt: new Date(due.dueAt),
    createdAt: now,
    silent: due.silent,
    pushStatus: due.silent ? 'none' : 'pending',
  }));
}

/** Fire a batch of due reminders. Idempotent: firing the same jobs again stores nothing. */
export async function fireReminders(db: Db, jobs: readonly FireJob[], now: Date): Promise<Fired> {
  const fresh = jobs.filter((j) => now.getTime() - Date.parse(j.dueAt) <= CATCH_UP_MS);
  const ids = [...new Set(fresh.map((j) => j.patientId))];
  const windowStart = new Date(Math.min(now.getTime(), ...fresh.map((j) => Date.parse(j.dueAt))));
  const patients = new Map(
    (await loadReminderPatients(db, await patientsById(db, ids), windowStart)).map((p) => [
      p.id,
      p,
    ]),
  );
  const rows = fresh.flatMap((job) => {
    const p = patients.get(job.patientId);
    const due = p === undefined ? undefined : stillDue(p, job);
    return p === undefined || due === undefined ? [] : rowsFor(p, job, due, now);
  });
  const inserted =
    rows.length === 0
      ? []
      : await db
          .insert(notifications)
          .values(rows)
          .onConflictDoNothing({ target: notifications.dedupeKey })
          .returning({ id: notifications.id, silent: notifications.silent });
  return {
    created: inserted.length,
    toPush: inserted.filter((r) => !r.silent).map((r) => r.id),
    dropped: jobs.length - new Set(rows.map((r) => `${r.kind}:${r.patientId}:${r.slotKey}`)).size,
  };
}
