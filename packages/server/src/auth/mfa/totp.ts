/**
 * Authenticator apps: RFC 6238 TOTP, HMAC-SHA-1, 30-second steps, 6 digits (what every app
 * reads from an otpauth:// QR code). A code is accepted one step either side of the server's
 * clock, and only once: the step of the last accepted code is stored and a code must be newer.
 */
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../../db/client.js';
import { totpSecrets } from '../../db/schema.js';

const PERIOD = 30;
const DIGITS = 6;
/** Steps either side of now that are accepted (clock drift, typing time). */
const WINDOW = 1;

function totpOf(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Steady',
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random secret (160 bits, base32) and its otpauth:// URI for the app. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpOf(secret, label).toString() };
}

/** The 30-second step a valid code belongs to, or null when the code is wrong. */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpOf(secret, 'steady');
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}

/**
 * Check a code against the account's confirmed secret (or, with `confirm`, its unconfirmed
 * one, which it then confirms) and use it up. False when wrong or already used.
 */
export async function useTotpCode(
  db: Db,
  userId: string,
  code: string,
  now: Date,
  confirm = false,
): Promise<boolean> {
  const confirmed = confirm ? isNull(totpSecrets.confirmedAt) : isNotNull(totpSecrets.confirmedAt);
  const [row] = await db
    .select()
    .from(totpSecrets)
    .where(and(eq(totpSecrets.userId, userId), confirmed));
  if (row === undefined) return false;
  const step = matchingStep(row.secret, code, now);
  if (step === null) return false;
  // One conditional update: two requests with the same code cannot both succeed.
  const used = await db
    .update(totpSecrets)
    .set({ lastUsedStep: step, ...(confirm ? { confirmedAt: now } : {}) })
    .where(
      and(
        eq(totpSecrets.userId, userId),
        confirmed,
        or(isNull(totpSecrets.lastUsedStep), lt(totpSecrets.lastUsedStep, step)),
      ),
    )
    .returning({ userId: totpSecrets.userId });
  return used.length === 1;
}
