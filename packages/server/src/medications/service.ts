/**
 * The other-medication list: adding, changing and removing entries, each audited. Used by the
 * medication routes and by the pharmacy's reconciliation, inside the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import type { Db } from '../db/client.js';
import { medications } from '../db/schema.js';
import { AppError } from '../http/errors.js';

/** A database handle or an open transaction. */
export type Writer = Pick<Db, 'insert' | 'update'>;

export interface MedicationInput {
  readonly name: string;
  readonly dose: string | null;
  readonly frequency: string | null;
  readonly active: boolean;
}

/** Who writes, for whom. */
export interface MedicationActor {
  readonly userId: string;
  readonly patientId: string;
}

export type MedicationRow = typeof medications.$inferSelect;

export const medicationView = (m: MedicationRow) => ({
  id: m.id,
  name: m.name,
  dose: m.dose,
  frequency: m.frequency,
  active: m.active,
  createdAt: m.createdAt.toISOString(),
});

export const ownMedication = (patientId: string, id: string) =>
  and(eq(medications.id, id), eq(medications.patientId, patientId), isNull(medications.deletedAt));

export async function addMedication(
  tx: Writer,
  actor: MedicationActor,
  input: MedicationInput,
  now: Date,
): Promise<MedicationRow> {
  const id = randomUUID();
  const [row] = await tx
    .insert(medications)
    .values({ id, patientId: actor.patientId, ...input, createdAt: now, updatedAt: now })
    .returning();
  await audit(
    tx,
    {
      actorId: actor.userId,
      patientId: actor.patientId,
      action: 'medication.create',
      entityId: id,
    },
    now,
  );
  if (row === undefined) throw new AppError('STEADY_ERR_INTERNAL');
  return row;
}

/** Change an entry of the patient's list; null when there is no such (undeleted) entry. */
export async function updateMedication(
  tx: Writer,
  actor: MedicationActor,
  medicationId: string,
  input: Partial<MedicationInput>,
  now: Date,
): Promise<MedicationRow | null> {
  const [row] = await tx
    .update(medications)
    .set({ ...input, updatedAt: now })
    .where(ownMedication(actor.patientId, medicationId))
    .returning();
  if (row === undefined) return null;
  await audit(
    tx,
    {
      actorId: actor.userId,
      patientId: actor.patientId,
      action: 'medication.update',
      entityId: medicationId,
    },
    now,
  );
  return row;
}

/** Remove an entry (kept in history); false when there is no such entry. */
export async function removeMedication(
  tx: Writer,
  actor: MedicationActor,
  medicationId: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(medications)
    .set({ deletedAt: now, updatedAt: now })
    .where(ownMedication(actor.patientId, medicationId))
    .returning({ id: medications.id });
  if (rows.length === 0) return false;
  await audit(
    tx,
    {
      actorId: actor.userId,
      patientId: actor.patientId,
      action: 'medication.delete',
      entityId: medicationId,
    },
    now,
  );
  return true;
}
