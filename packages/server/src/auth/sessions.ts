import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Discipline } from '../careteam/consent.js';
import type { Db } from '../db/client.js';
import { sessions, users } from '../db/schema.js';

export type { Discipline } from '../careteam/consent.js';

export const SESSION_COOKIE = 'steady_session';

export type Role = 'patient' | 'clinician' | 'admin' | 'caregiver';

/** The signed-in user as the API shows it (no password hash). */
export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly discipline: Discipline | null;
  readonly timeZone: string;
  /** The clinic of a clinician or clinic administrator; null for patients and caregivers. */
  readonly clinicId: string | null;
}

export interface ActiveSession {
  readonly user: SessionUser;
  readonly csrfToken: string;
  readonly tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: ActiveSession | null;
  }
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  discipline: users.discipline,
  timeZone: users.timeZone,
  clinicId: users.clinicId,
} as const;

/** Start a session; returns the cookie token (only its hash is stored) and the CSRF token. */
export async function createSession(
  db: Db,
  userId: string,
  now: Date,
  hours: number,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken,
    createdAt: now,
    expiresAt: new Date(now.getTime() + hours * 3_600_000),
  });
  // Housekeeping: expired sessions of this user go when they sign in again.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  return { token, csrfToken };
}

/** The live session for a cookie token, or null (also when the account was deactivated). */
export async function findSession(db: Db, token: string, now: Date): Promise<ActiveSession | null> {
  const tokenHash = sha256(token);
  const rows = await db
    .select({ user: userColumns, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)),
    )
    .limit(1);
  const row = rows[0];
  return row === undefined ? null : { user: row.user, csrfToken: row.csrfToken, tokenHash };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** End every session of a user (deactivation). */
export async function deleteSessionsOf(db: Pick<Db, 'delete'>, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function findUserById(db: Db, id: string): Promise<SessionUser | null> {
  const rows = await db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfMatches(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
