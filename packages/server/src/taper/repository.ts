/**
 * Reading a patient's taper (issue 5). Versions are never updated; the newest version of the
 * newest taper is in force. Other features (alerts, Today, reports, FHIR, calendar) read the
 * taper through here.
 */
import { asc, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { taperVersions } from '../db/schema.js';

export type TaperVersionRow = typeof taperVersions.$inferSelect;

/** Every version of the patient's newest taper, oldest first; [] when there is none. */
export async function loadTaperVersions(
  ctx: Pick<AppContext, 'db'>,
  patientId: string,
): Promise<TaperVersionRow[]> {
  const [newest] = await ctx.db
    .select({ taperId: taperVersions.taperId })
    .from(taperVersions)
    .where(eq(taperVersions.patientId, patientId))
    .orderBy(desc(taperVersions.signedAt), desc(taperVersions.version))
    .limit(1);
  if (newest === undefined) return [];
  return ctx.db
    .select()
    .from(taperVersions)
    .where(eq(taperVersions.taperId, newest.taperId))
    .orderBy(asc(taperVersions.version));
}

/** The version in force (the newest of the newest taper), or null. */
export async function loadCurrentTaper(
  ctx: Pick<AppContext, 'db'>,
  patientId: string,
): Promise<TaperVersionRow | null> {
  return (await loadTaperVersions(ctx, patientId)).at(-1) ?? null;
}
