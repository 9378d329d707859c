import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { loginFailures, users } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { isIanaTimeZone } from '../http/types.js';
import { burnVerification, hashPassword, verifyPassword } from './passwords.js';
import { sha256, type Discipline, type Role, type SessionUser } from './sessions.js';

export interface NewUser {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
  readonly discipline: Discipline | null;
  readonly timeZone: string;
  /** Clinicians and clinic administrators only. */
  readonly clinicId?: string | null;
}

/** Display names of some users, by id (one query; null ids are skipped). */
export async function displayNamesOf(
  db: Pick<Db, 'select'>,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Create an account. Returns null when the email is taken (callers choose how much to say).
 * Runs inside the caller's transaction when given one.
 */
export async function createUser(
  db: Pick<Db, 'insert'>,
  input: NewUser,
  now: Date,
): Promise<SessionUser | null> {
  if (!isIanaTimeZone(input.timeZone)) throw new AppError('STEADY_ERR_INVALID_TIME_ZONE');
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const user: SessionUser = {
    id: randomUUID(),
    email,
    displayName: input.displayName.trim(),
    role: input.role,
    discipline: input.discipline,
    timeZone: input.timeZone,
    clinicId: input.clinicId ?? null,
  };
  const inserted = await db
    .insert(users)
    .values({ ...user, passwordHash, createdAt: now })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return inserted.length === 1 ? user : null;
}

export interface LoginLimits {
  readonly maxFailures: number;
  readonly windowMinutes: number;
}

/**
 * Check a password. Throttled per email: after `maxFailures` failures within the window the
 * account answers 429 whatever the password, so guessing is slow. The count lives in the
 * database, so every app instance on it shares it; each attempt is written before it is
 * counted, so parallel guesses (on one instance or several) cannot slip past the limit
 * together. Unknown emails behave like wrong passwords, in message and in time.
 */
export async function verifyLogin(
  db: Db,
  emailInput: string,
  password: string,
  now: Date,
  limits: LoginLimits,
): Promise<SessionUser> {
  const email = normalizeEmail(emailInput);
  const emailKey = sha256(email);
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const [attempt] = await db
    .insert(loginFailures)
    .values({ emailKey, at: now })
    .returning({ id: loginFailures.id });
  if (attempt === undefined) throw new Error('login attempt not recorded');
  const [failures] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.emailKey, emailKey), gt(loginFailures.at, since)));
  // Our own attempt is in the count: past the limit, it is refused and not counted.
  if ((failures?.n ?? 0) > limits.maxFailures) {
    await db.delete(loginFailures).where(eq(loginFailures.id, attempt.id));
    throw new AppError('STEADY_ERR_RATE_LIMITED');
  }

  const rows = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const row = rows[0];
  const ok =
    row === undefined
      ? (await burnVerification(password), false)
      : await verifyPassword(row.passwordHash, password);
  // A failure keeps its row; a success clears the count.
  if (row === undefined || !ok) throw new AppError('STEADY_ERR_INVALID_CREDENTIALS');
  await db.delete(loginFailures).where(eq(loginFailures.emailKey, emailKey));
  // Only after the right password, so this answer tells a stranger nothing.
  if (!row.active) throw new AppError('STEADY_ERR_ACCOUNT_INACTIVE');
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    discipline: row.discipline,
    timeZone: row.timeZone,
    clinicId: row.clinicId,
  };
}
