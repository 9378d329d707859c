/**
 * Reading and writing the supply tables: the patient's stock counts, the refill-reminder
 * setting (on `patient_preferences`) and the prescriber's missed-dose instructions.
 */
import { REFILL_REMINDER_DAYS, type FormulationId, type SignalStockCount } from '@steady/core';
import { and, asc, desc, eq, gte, lt, lte, max } from 'drizzle-orm';
import { displayNamesOf } from '../auth/users.js';
import type { Db } from '../db/client.js';
import { missedDoseInstructions, stockCounts } from '../db/schema.js';
import { patientPreferences } from '../db/techniquesSchema.js';
import { signalUnits } from '../pharmacy/repo.js';
import type { StockCountView } from './schemas.js';

/** How many counts the stock view lists. */
export const LISTED_COUNTS = 20;
/** How many earlier instructions the instruction view lists. */
export const LISTED_INSTRUCTIONS = 20;

type CountRow = typeof stockCounts.$inferSelect;

/** The newest count of each formulation (at or before `until`). */
export async function newestCounts(db: Db, patientId: string, until: Date): Promise<CountRow[]> {
  const rows = await db
    .select()
    .from(stockCounts)
    .where(and(eq(stockCounts.patientId, patientId), lte(stockCounts.countedAt, until)))
    .orderBy(desc(stockCounts.countedAt), desc(stockCounts.id));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.formulation) && seen.add(r.formulation));
}

/** The latest counts, newest first, as the stock view lists them (or one of them). */
export async function listCounts(
  db: Db,
  patientId: string,
  countId?: string,
): Promise<StockCountView[]> {
  const rows = await db
    .select()
    .from(stockCounts)
    .where(
      and(
        eq(stockCounts.patientId, patientId),
        countId === undefined ? undefined : eq(stockCounts.id, countId),
      ),
    )
    .orderBy(desc(stockCounts.countedAt), desc(stockCounts.id))
    .limit(LISTED_COUNTS);
  const names = await displayNamesOf(
    db,
    rows.map((r) => r.recordedBy),
  );
  return rows.map((r) => ({
    id: r.id,
    formulation: r.formulation as FormulationId,
    quantity: r.quantity,
    countedAt: r.countedAt.toISOString(),
    note: r.note,
    recordedBy: { id: r.recordedBy, displayName: names.get(r.recordedBy) ?? '' },
  }));
}

/** Counts in [from, to], oldest first, as the signal engine reads them. */
export async function loadSignalStockCounts(
  db: Db,
  patientId: string,
  range: { readonly from: Date; readonly to: Date },
): Promise<SignalStockCount[]> {
  const rows = await db
    .select()
    .from(stockCounts)
    .where(
      and(
        eq(stockCounts.patientId, patientId),
        gte(stockCounts.countedAt, range.from),
        lte(stockCounts.countedAt, range.to),
      ),
    )
    .orderBy(asc(stockCounts.countedAt), asc(stockCounts.id));
  return rows.map((r) => signalUnits(r, r.countedAt));
}

/** The patient's refill-reminder days (the Steady default until they change it). */
export async function loadReminderDays(db: Db, patientId: string): Promise<number> {
  const [row] = await db
    .select({ days: patientPreferences.refillReminderDays })
    .from(patientPreferences)
    .where(eq(patientPreferences.patientId, patientId))
    .limit(1);
  return row?.days ?? REFILL_REMINDER_DAYS.value;
}

/** Set the refill-reminder days, keeping the other preferences. */
export async function saveReminderDays(
  db: Pick<Db, 'insert'>,
  patientId: string,
  days: number,
  now: Date,
): Promise<void> {
  await db
    .insert(patientPreferences)
    .values({ patientId, refillReminderDays: days, updatedAt: now })
    .onConflictDoUpdate({
      target: patientPreferences.patientId,
      set: { refillReminderDays: days, updatedAt: now },
    });
}

export type InstructionRow = typeof missedDoseInstructions.$inferSelect;

/** The prescriber's instructions, newest first (the first is in force). */
export async function listInstructions(db: Db, patientId: string): Promise<InstructionRow[]> {
  return db
    .select()
    .from(missedDoseInstructions)
    .where(eq(missedDoseInstructions.patientId, patientId))
    .orderBy(desc(missedDoseInstructions.setAt), desc(missedDoseInstructions.id))
    .limit(LISTED_INSTRUCTIONS + 1);
}

/** Instructions set closer together than this are ordered by when they were recorded. */
const TIE_MS = 1000;

/**
 * When to record an instruction set at `wanted`: then, or just after the newest one set in
 * [wanted, wanted + 1 s), so that of two set in the same instant the later is in force
 * ("newest wins" needs an order; the table has no sequence column).
 */
export async function instructionInstant(db: Db, patientId: string, wanted: Date): Promise<Date> {
  const [row] = await db
    .select({ at: max(missedDoseInstructions.setAt) })
    .from(missedDoseInstructions)
    .where(
      and(
        eq(missedDoseInstructions.patientId, patientId),
        gte(missedDoseInstructions.setAt, wanted),
        lt(missedDoseInstructions.setAt, new Date(wanted.getTime() + TIE_MS)),
      ),
    );
  return row?.at == null ? wanted : new Date(row.at.getTime() + 1);
}
