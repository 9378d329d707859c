import type { CheckIn } from '@steady/core';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { checkIns } from '../db/schema.js';

export type CheckInRow = typeof checkIns.$inferSelect;

export const toCheckIn = (r: CheckInRow): CheckIn => ({
  id: r.id,
  at: r.at.toISOString(),
  pain: r.pain,
  spasm: r.spasm,
  sleepQuality: r.sleepQuality,
  anxiety: r.anxiety,
  mood: r.mood,
  sideEffects: r.sideEffects,
  fall: r.fall,
  breathingProblem: r.breathingProblem,
  otherSideEffect: r.otherSideEffect,
  activities: r.activities,
  note: r.note,
});

/** Check-ins of a patient in [from, to), oldest first. */
export async function findCheckIns(
  db: Db,
  patientId: string,
  range: { readonly from: Date; readonly to: Date },
): Promise<CheckIn[]> {
  const rows = await db
    .select()
    .from(checkIns)
    .where(
      and(
        eq(checkIns.patientId, patientId),
        gte(checkIns.at, range.from),
        lt(checkIns.at, range.to),
      ),
    )
    .orderBy(asc(checkIns.at));
  return rows.map(toCheckIn);
}
