/**
 * Planning: which reminders fall due in the next moments, as jobs for the fire step. A pass
 * looks at every active patient in pages, asks core `remindersDue` about the window, and leaves
 * out reminders that already have a notification. Planning twice is harmless: the fire step
 * re-checks everything and the notification's unique key makes each reminder exactly once.
 */
import { remindersDue, type ReminderKind } from '@steady/core';
import { and, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { notifications } from '../db/schema.js';
import { loadReminderPatients, patientPage } from './load.js';

/** A reminder to fire at `dueAt` (the payload of a pg-boss job). */
export interface FireJob {
  readonly patientId: string;
  readonly kind: ReminderKind;
  readonly slotKey: string;
  /** ISO instant. */
  readonly dueAt: string;
}

/** The cluster-wide unique name of a reminder (pg-boss singleton key). */
export const fireJobKey = (job: FireJob): string => `${job.kind}:${job.patientId}:${job.slotKey}`;

/** How late a reminder may still be sent (scheduler down, backlog). Later ones are dropped. */
export const CATCH_UP_MS = 15 * 60_000;

const PAGE_SIZE = 500;

/**
 * The reminders due in (`from`, `to`] for every active patient, without those already notified.
 * `onPage` receives each page's jobs as soon as it is planned (so a large clinic streams).
 */
export async function planReminders(
  db: Db,
  from: Date,
  to: Date,
  onPage: (jobs: FireJob[]) => Promise<void>,
): Promise<number> {
  let cursor: string | null = null;
  let planned = 0;
  for (;;) {
    const people = await patientPage(db, cursor, PAGE_SIZE);
    if (people.length === 0) break;
    cursor = people.at(-1)?.id ?? null;
    const patients = await loadReminderPatients(db, people, from);
    const jobs: FireJob[] = [];
    for (const p of patients) {
      for (const r of remindersDue({
        versions: p.versions,
        timeZone: p.timeZone,
        settings: p.settings,
        events: p.events,
        from: from.toISOString(),
        to: to.toISOString(),
      })) {
        if (r.kind === 'caregiver' && p.caregivers.length === 0) continue;
        jobs.push({ patientId: p.id, kind: r.kind, slotKey: r.slot.key, dueAt: r.dueAt });
      }
    }
    const fresh = await withoutNotified(db, jobs, from, to);
    if (fresh.length > 0) await onPage(fresh);
    planned += fresh.length;
    if (people.length < PAGE_SIZE) break;
  }
  return planned;
}

/** Leave out jobs whose reminder already has a notification (fired in an earlier pass). */
async function withoutNotified(
  db: Db,
  jobs: readonly FireJob[],
  from: Date,
  to: Date,
): Promise<FireJob[]> {
  if (jobs.length === 0) return [];
  const patientIds = [...new Set(jobs.map((j) => j.patientId))];
  const rows = await db
    .select({
      patientId: notifications.patientId,
      kind: notifications.kind,
      slotKey: notifications.slotKey,
    })
    .from(notifications)
    .where(
      and(
        inArray(notifications.patientId, patientIds),
        gte(notifications.dueAt, from),
        lte(notifications.dueAt, to),
      ),
    );
  const done = new Set(rows.map((r) => `${r.kind}:${r.patientId}:${r.slotKey ?? ''}`));
  return jobs.filter((j) => !done.has(fireJobKey(j)));
}
