import type { DoseEvent, Instant } from '@steady/core';
import { and, asc, eq, gte, inArray, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { doseEvents } from '../db/schema.js';

export interface DoseEventView extends DoseEvent {
  readonly createdAt: Instant;
  readonly supersedes: string | null;
}

export type DoseRow = typeof doseEvents.$inferSelect;

export const toView = (r: DoseRow): DoseEventView => ({
  id: r.id,
  kind: r.kind,
  slotKey: r.slotKey,
  takenAt: r.takenAt.toISOString(),
  amountMg: r.amountMg,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
  supersedes: r.supersedes,
});

/**
 * Dose events of a patient that answer one of `slotKeys`, or were taken in [from, to).
 * Ordered by recording time, as `effectiveDoseEvents` expects.
 */
export async function findDoseEvents(
  db: Db,
  patientId: string,
  range: { readonly from: Date; readonly to: Date },
  slotKeys: readonly string[] = [],
): Promise<DoseEventView[]> {
  const inRange = and(gte(doseEvents.takenAt, range.from), lt(doseEvents.takenAt, range.to));
  const bySlot = slotKeys.length > 0 ? inArray(doseEvents.slotKey, [...slotKeys]) : undefined;
  const rows = await db
    .select()
    .from(doseEvents)
    .where(
      and(
        eq(doseEvents.patientId, patientId),
        bySlot === undefined ? inRange : or(inRange, bySlot),
      ),
    )
    .orderBy(asc(doseEvents.createdAt), asc(doseEvents.id));
  return rows.map(toView);
}

/**
 * The ids among `ids` that another event supersedes, wherever that event lies: a correction
 * can move a dose to another day, outside the range `findDoseEvents` fetched.
 */
export async function supersededIds(
  db: Db,
  patientId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: doseEvents.supersedes })
    .from(doseEvents)
    .where(and(eq(doseEvents.patientId, patientId), inArray(doseEvents.supersedes, [...ids])));
  return new Set(rows.map((r) => r.id).filter((id) => id !== null));
}

export async function findByIdempotencyKey(
  db: Db,
  patientId: string,
  key: string,
): Promise<DoseRow | null> {
  const rows = await db
    .select()
    .from(doseEvents)
    .where(and(eq(doseEvents.patientId, patientId), eq(doseEvents.idempotencyKey, key)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findDoseEvent(
  db: Db,
  patientId: string,
  id: string,
): Promise<DoseRow | null> {
  const rows = await db
    .select()
    .from(doseEvents)
    .where(and(eq(doseEvents.patientId, patientId), eq(doseEvents.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Events already answering a slot that no later event supersedes. */
export async function liveSlotEvents(
  db: Db,
  patientId: string,
  slotKey: string,
): Promise<DoseEventView[]> {
  const rows = await db
    .select()
    .from(doseEvents)
    .where(and(eq(doseEvents.patientId, patientId), eq(doseEvents.slotKey, slotKey)))
    .orderBy(asc(doseEvents.createdAt));
  const superseded = new Set(rows.map((r) => r.supersedes).filter((s) => s !== null));
  return rows.filter((r) => !superseded.has(r.id)).map(toView);
}
