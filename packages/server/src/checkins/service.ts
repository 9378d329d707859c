import { eq, max } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { checkIns } from '../db/schema.js';

/** When the patient last checked in, or null. */
export async function lastCheckInAt(ctx: AppContext, patientId: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ at: max(checkIns.at) })
    .from(checkIns)
    .where(eq(checkIns.patientId, patientId));
  return row?.at?.toISOString() ?? null;
}
