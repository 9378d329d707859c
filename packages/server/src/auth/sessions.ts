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

/**
 * What a session may do: `full`, or a step of the second factor (auth/mfa/state.ts):
 * `mfa-pending` (password right, second factor still to give), `mfa-enrol` (a care-team account
 * without a second factor: may only add one).
 */
export type SessionState = 'full' | 'mfa-pending' | 'mfa-enrol';

export interface ActiveSession {
  readonly user: SessionUser;
  readonly state: SessionState;
  /** When this session last passed (or enrolled) a second factor; null if never. */
  readonly mfaVerifiedAt: Date | null;
  readonly csrfToken: string;
  readonly tokenHash: string;
  readonly createdAt: Date;
  /** The idle deadline, never past the absolute one (see `sessionDeadline`). */
  readonly expiresAt: Date;
}

/** How long sessions last (from the configuration). */
export interface SessionLimits {
  /** Absolute lifetime from sign-in (STEADY_SESSION_HOURS). */
  readonly hours: number;
  /** Inactivity that ends a clinician's or administrator's session (STEADY_SESSION_IDLE_MINUTES). */
  readonly staffIdleMinutes: number;
  /** Inactivity that ends a patient's or caregiver's session (STEADY_PATIENT_IDLE_MINUTES). */
  readonly patientIdleMinutes: number;
}

/** Care-team accounts see many patients' data: they get the short idle timeout. */
export function idleMinutesOf(role: Role, limits: SessionLimits): number {
  return role === 'clinician' || role === 'admin'
    ? limits.staffIdleMinutes
    : limits.patientIdleMinutes;
}

/**
 * When a session used at `now` ends if nothing else happens: after the idle time, and never
 * after the absolute lifetime counted from sign-in. Stored as `expires_at`.
 */
export function sessionDeadline(
  role: Role,
  createdAt: Date,
  now: Date,
  limits: SessionLimits,
): Date {
  const absolute = createdAt.getTime() + limits.hours * 3_600_000;
  const idle = now.getTime() + idleMinutesOf(role, limits) * 60_000;
  return new Date(Math.min(absolute, idle));
}

/** A session's deadline moves at most once a minute: not every request writes. */
const TOUCH_GRANULARITY_MS = 60_000;

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

/**
 * Start a session with a new random token (never one the browser brought: no session fixation);
 * returns the cookie token (only its hash is stored) and the CSRF token.
 */
export async function createSession(
  db: Db,
  user: { readonly id: string; readonly role: Role },
  now: Date,
  limits: SessionLimits,
  /** The session's state, and whether it starts just after a second factor was given. */
  mfa: { readonly state: SessionState; readonly verified: boolean } = {
    state: 'full',
    verified: false,
  },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId: user.id,
    csrfToken,
    createdAt: now,
    expiresAt: sessionDeadline(user.role, now, now, limits),
    state: mfa.state,
    mfaVerifiedAt: mfa.verified ? now : null,
  });
  // Housekeeping: expired sessions of this user go when they sign in again.
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
  return { token, csrfToken };
}

/**
 * Activity: push the idle deadline of a live session forward (at most once a minute, never past
 * the absolute lifetime).
 */
export async function touchSession(
  db: Db,
  session: ActiveSession,
  now: Date,
  limits: SessionLimits,
): Promise<void> {
  const deadline = sessionDeadline(session.user.role, session.createdAt, now, limits);
  if (deadline.getTime() - session.expiresAt.getTime() < TOUCH_GRANULARITY_MS) return;
  await db
    .update(sessions)
    .set({ expiresAt: deadline })
    .where(and(eq(sessions.tokenHash, session.tokenHash), gt(sessions.expiresAt, now)));
}

/** The live session for a cookie token, or null (also when the account was deactivated). */
export async function findSession(db: Db, token: string, now: Date): Promise<ActiveSession | null> {
  const tokenHash = sha256(token);
  const rows = await db
    .select({
      user: userColumns,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      state: sessions.state,
      mfaVerifiedAt: sessions.mfaVerifiedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)),
    )
    .limit(1);
  const row = rows[0];
  return row === undefined ? null : { ...row, tokenHash };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** End every session of a user (deactivation, "sign out everywhere"); returns how many. */
export async function deleteSessionsOf(db: Pick<Db, 'delete'>, userId: string): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
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
