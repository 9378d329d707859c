/**
 * Recovery codes: ten one-time codes shown once when the first second factor is added, for the
 * day the phone or key is lost. Stored as SHA-256 (they are random: 10 characters of a
 * 32-letter alphabet, 50 bits, so a fast hash is enough behind the attempt throttle).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recoveryCodes } from '../../db/schema.js';
import { sha256 } from '../sessions.js';

/** No 0/O, 1/I/L: codes are read off paper. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECOVERY_CODE_COUNT = 10;

function newCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Upper case, without spaces or dashes: "abcde fghjk" matches "ABCDE-FGHJK". */
function normalize(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Replace the account's recovery codes with new ones; returns them (the only time they are seen). */
export async function replaceRecoveryCodes(
  db: Pick<Db, 'delete' | 'insert'>,
  userId: string,
  now: Date,
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(
    codes.map((code) => ({
      id: randomUUID(),
      userId,
      codeHash: sha256(normalize(code)),
      createdAt: now,
    })),
  );
  return codes;
}

/** Use up one unused recovery code; false when there is no such code. */
export async function useRecoveryCode(
  db: Db,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, sha256(normalize(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}
