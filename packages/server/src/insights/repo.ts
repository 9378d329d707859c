/** The technique sessions the insights read: one query on `technique_sessions`, nothing else. */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { techniqueSessions } from '../db/techniquesSchema.js';

export interface SessionFacts {
  readonly techniqueId: string;
  /** ISO instant. */
  readonly startedAt: string;
  readonly painBefore: number | null;
  readonly painAfter: number | null;
  readonly tensionBefore: number | null;
  readonly tensionAfter: number | null;
}

/** Sessions of a patient started in [from, to), oldest first (ids, notes and providers are not read). */
export async function findSessionFacts(
  db: Db,
  patientId: string,
  range: { readonly from: Date; readonly to: Date },
): Promise<SessionFacts[]> {
  const rows = await db
    .select({
      techniqueId: techniqueSessions.techniqueId,
      startedAt: techniqueSessions.startedAt,
      painBefore: techniqueSessions.painBefore,
      painAfter: techniqueSessions.painAfter,
      tensionBefore: techniqueSessions.tensionBefore,
      tensionAfter: techniqueSessions.tensionAfter,
    })
    .from(techniqueSessions)
    .where(
      and(
        eq(techniqueSessions.patientId, patientId),
        gte(techniqueSessions.startedAt, range.from),
        lt(techniqueSessions.startedAt, range.to),
      ),
    )
    .orderBy(asc(techniqueSessions.startedAt));
  return rows.map((r) => ({ ...r, startedAt: r.startedAt.toISOString() }));
}
