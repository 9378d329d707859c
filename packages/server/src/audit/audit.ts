import type { Db } from '../db/client.js';
import { auditLog, type AuditBasis } from '../db/schema.js';
import { currentOrigin } from './context.js';

export interface AuditEntry {
  readonly actorId: string | null;
  readonly patientId: string | null;
  /** Dotted verb, e.g. "dose.log", "regimen.create", "auth.login". */
  readonly action: string;
  readonly entityId?: string | null;
  /** Ids, counts and codes only — never health data. */
  readonly details?: Record<string, unknown>;
  /** Why the actor could do it; by default from the current request (see audit/context.ts). */
  readonly basis?: AuditBasis;
}

/** The row for an entry: the caller's address and the basis come from the current request. */
export function auditRow(entry: AuditEntry, at: Date): typeof auditLog.$inferInsert {
  const origin = currentOrigin(entry.actorId, entry.patientId);
  return {
    at,
    actorId: entry.actorId,
    patientId: entry.patientId,
    action: entry.action,
    entityId: entry.entityId ?? null,
    details: entry.details ?? null,
    ip: origin.ip,
    basis: entry.basis ?? origin.basis,
  };
}

/**
 * Append an audit entry. Runs inside the caller's transaction when given one; the database
 * chains it (audit/chain.ts) under a lock held until that transaction ends.
 */
export async function audit(db: Pick<Db, 'insert'>, entry: AuditEntry, at: Date): Promise<void> {
  await db.insert(auditLog).values(auditRow(entry, at));
}
