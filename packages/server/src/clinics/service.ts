/**
 * Clinics and their clinician accounts. Administrators manage the clinicians of their own
 * clinic only (the `clinic-admin` policy); a deactivated clinician cannot sign in, their
 * sessions end at once and their links grant nothing (they stay, for the record).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import { deleteSessionsOf, type SessionUser } from '../auth/sessions.js';
import { createUser } from '../auth/users.js';
import type { Discipline } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { clinics, users } from '../db/schema.js';
import { AppError } from '../http/errors.js';

export interface Clinic {
  readonly id: string;
  readonly name: string;
}

export interface ClinicianView {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly discipline: Discipline | null;
  readonly active: boolean;
}

const clinicianColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  discipline: users.discipline,
  active: users.active,
} as const;

/** A password for an account someone else creates; shown once, to be changed. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Create a clinic (inside the caller's transaction when given one). */
export async function createClinic(
  db: Pick<Db, 'insert'>,
  name: string,
  now: Date,
): Promise<Clinic> {
  const clinic = { id: randomUUID(), name: name.trim() };
  await db.insert(clinics).values({ ...clinic, createdAt: now });
  return clinic;
}

/**
 * A clinic with its first administrator, both or neither: null when the email is taken.
 */
export async function createClinicWithAdmin(
  ctx: AppContext,
  name: string,
  admin: { email: string; password: string; displayName: string; timeZone: string },
): Promise<{ clinic: Clinic; admin: SessionUser } | null> {
  const now = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const clinic = await createClinic(tx, name, now);
      const user = await createUser(
        tx,
        { ...admin, role: 'admin', discipline: null, clinicId: clinic.id },
        now,
      );
      if (user === null) throw new EmailTaken();
      return { clinic, admin: user };
    });
  } catch (error) {
    if (error instanceof EmailTaken) return null;
    throw error;
  }
}

class EmailTaken extends Error {}

export async function listClinics(ctx: AppContext): Promise<Clinic[]> {
  return ctx.db
    .select({ id: clinics.id, name: clinics.name })
    .from(clinics)
    .orderBy(asc(clinics.createdAt));
}

export async function findClinicByName(ctx: AppContext, name: string): Promise<Clinic | null> {
  const rows = await ctx.db
    .select({ id: clinics.id, name: clinics.name })
    .from(clinics)
    .where(eq(clinics.name, name))
    .limit(1);
  return rows[0] ?? null;
}

export async function listClinicians(ctx: AppContext, clinicId: string): Promise<ClinicianView[]> {
  return ctx.db
    .select(clinicianColumns)
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.role, 'clinician')))
    .orderBy(asc(users.displayName), asc(users.email));
}

export interface NewClinician {
  readonly email: string;
  readonly displayName: string;
  readonly discipline: Discipline;
}

/** An administrator adds a clinician to their clinic; the temporary password is shown once. */
export async function addClinician(
  ctx: AppContext,
  admin: SessionUser,
  clinicId: string,
  input: NewClinician,
): Promise<{ clinician: ClinicianView; temporaryPassword: string }> {
  const temporaryPassword = generatePassword();
  const now = ctx.now();
  const user = await createUser(
    ctx.db,
    {
      ...input,
      password: temporaryPassword,
      role: 'clinician',
      timeZone: admin.timeZone,
      clinicId,
    },
    now,
  );
  if (user === null) throw new AppError('STEADY_ERR_EMAIL_TAKEN');
  await audit(
    ctx.db,
    {
      actorId: admin.id,
      patientId: null,
      action: 'clinic.clinician.create',
      entityId: user.id,
      details: { clinicId, discipline: input.discipline },
    },
    now,
  );
  return {
    clinician: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      discipline: input.discipline,
      active: true,
    },
    temporaryPassword,
  };
}

/** Activate or deactivate a clinician of the clinic (another clinic's → 404). */
export async function setClinicianActive(
  ctx: AppContext,
  admin: SessionUser,
  clinicId: string,
  userId: string,
  active: boolean,
): Promise<ClinicianView> {
  const now = ctx.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ active })
      .where(and(eq(users.id, userId), eq(users.clinicId, clinicId), eq(users.role, 'clinician')))
      .returning(clinicianColumns);
    const row = rows[0];
    if (row === undefined) return null;
    if (!active) await deleteSessionsOf(tx, userId);
    await audit(
      tx,
      {
        actorId: admin.id,
        patientId: null,
        action: active ? 'clinic.clinician.activate' : 'clinic.clinician.deactivate',
        entityId: userId,
        details: { clinicId },
      },
      now,
    );
    return row;
  });
  if (updated === null) throw new AppError('STEADY_ERR_NOT_FOUND');
  return updated;
}
