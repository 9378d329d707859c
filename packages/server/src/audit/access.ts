/**
 * The access log: every read and write of a patient's data by someone other than the patient
 * is an audit entry (`access.read` / `access.write`) with the actor, the consent category and
 * the route — written by the guard, before the handler runs, so no access goes unrecorded. The
 * patient's own reads are entries too (`access.own-read`, basis `own`); their own writes are
 * recorded by each route's handler.
 * Each entry also has the caller's address and the basis `consent` (see audit/context.ts).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DataCategory } from '../careteam/consent.js';
import type { Db } from '../db/client.js';
import { auditLog, users } from '../db/schema.js';
import { audit, auditRow } from './audit.js';

export const ACCESS_ACTIONS = ['access.read', 'access.write'] as const;

/**
 * A patient reading their own data (basis `own`). Kept apart from ACCESS_ACTIONS: the
 * patient's access log shows who else looked; this completes the audit trail.
 */
export const OWN_READ_ACTION = 'access.own-read';

/** Record a patient's read of their own data (one entry per request, before the handler). */
export async function recordOwnRead(
  db: Pick<Db, 'insert'>,
  patientId: string,
  route: string,
  now: Date,
): Promise<void> {
  await audit(
    db,
    {
      actorId: patientId,
      patientId,
      action: OWN_READ_ACTION,
      entityId: null,
      details: { subject: subjectOf(route.slice(route.indexOf(' ') + 1)), route },
      basis: 'own',
    },
    now,
  );
}

export interface MemberAccess {
  readonly actorId: string;
  readonly patientId: string;
  readonly access: 'read' | 'write';
  /** What was touched, e.g. "regimen", "history", "patient-list". */
  readonly subject: string;
  /** One entry per category; none → one entry without a category (the link itself). */
  readonly categories: readonly DataCategory[];
  /** The route template, e.g. "GET /api/patients/:patientId/regimen". */
  readonly route: string;
  readonly linkId: string | null;
}

export async function recordMemberAccess(
  db: Pick<Db, 'insert'>,
  entry: MemberAccess,
  now: Date,
): Promise<void> {
  const categories = entry.categories.length === 0 ? [null] : entry.categories;
  for (const category of categories) {
    await audit(
      db,
      {
        actorId: entry.actorId,
        patientId: entry.patientId,
        action: `access.${entry.access}`,
        entityId: entry.linkId,
        details: { subject: entry.subject, category, route: entry.route },
        basis: 'consent',
      },
      now,
    );
  }
}

/** Several accesses in one insert (a listing of many patients). */
export async function recordMemberAccesses(
  db: Pick<Db, 'insert'>,
  entries: readonly MemberAccess[],
  now: Date,
): Promise<void> {
  const values = entries.flatMap((entry) =>
    (entry.categories.length === 0 ? [null] : entry.categories).map((category) =>
      auditRow(
        {
          actorId: entry.actorId,
          patientId: entry.patientId,
          action: `access.${entry.access}`,
          entityId: entry.linkId,
          details: { subject: entry.subject, category, route: entry.route },
          basis: 'consent',
        },
        now,
      ),
    ),
  );
  if (values.length > 0) await db.insert(auditLog).values(values);
}

/** The subject of a patient route: the path segment after the patient id ("regimen"). */
export function subjectOf(routeUrl: string): string {
  const match = /\/:patientId\/([^/]+)/.exec(routeUrl);
  return match?.[1] ?? 'patient';
}

export interface AccessLogEntry {
  readonly at: string;
  readonly actor: {
    readonly id: string;
    readonly displayName: string;
    readonly role: string;
    readonly discipline: string | null;
  };
  /** e.g. "regimen.read", "medications.write". */
  readonly action: string;
  readonly category: DataCategory | null;
  readonly route: string | null;
}

/** A patient's access log, newest first. */
export async function accessLog(
  db: Db,
  patientId: string,
  limit: number,
): Promise<AccessLogEntry[]> {
  const rows = await db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      details: auditLog.details,
      actor: {
        id: users.id,
        displayName: users.displayName,
        role: users.role,
        discipline: users.discipline,
      },
    })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.patientId, patientId), inArray(auditLog.action, [...ACCESS_ACTIONS])))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => {
    const details = r.details ?? {};
    const verb = r.action === 'access.write' ? 'write' : 'read';
    const subject = typeof details.subject === 'string' ? details.subject : 'patient';
    return {
      at: r.at.toISOString(),
      actor: r.actor,
      action: `${subject}.${verb}`,
      category: typeof details.category === 'string' ? (details.category as DataCategory) : null,
      route: typeof details.route === 'string' ? details.route : null,
    };
  });
}
