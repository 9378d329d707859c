import type { Db } from '../db/client.js';
import { auditLog } from '../db/schema.js';

export interface AuditEntry {
  readonly actorId: string | null;
  readonly patientId: string | null;
  /** Dotted verb, e.g. "dose.log", "regimen.create", "auth.login". */
  readonly action: string;
  readonly entityId?: string | null;
  /** Ids, counts and codes only — never health data. */
  readonly details?: Record<string, unknown>;
}

/** Append an audit entry. Runs inside the caller's transaction when given one. */
export async function audit(db: Pick<Db, 'insert'>, entry: AuditEntry, at: Date): Promise<void> {
  await db.insert(auditLog).values({
    at,
    actorId: entry.actorId,
    patientId: entry.patientId,
    action: entry.action,
    entityId: entry.entityId ?? null,
    details: entry.details ?? null,
  });
}
