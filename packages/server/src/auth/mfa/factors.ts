/** Which second factors an account has (confirmed authenticator app, passkeys). */
import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { totpSecrets, webauthnCredentials } from '../../db/schema.js';

export async function factorsOf(
  db: Pick<Db, 'select'>,
  userId: string,
): Promise<{ passkeys: number; totp: boolean }> {
  const [passkeys] = await db
    .select({ n: count() })
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, userId));
  const [totp] = await db
    .select({ n: count() })
    .from(totpSecrets)
    .where(and(eq(totpSecrets.userId, userId), isNotNull(totpSecrets.confirmedAt)));
  return { passkeys: passkeys?.n ?? 0, totp: (totp?.n ?? 0) > 0 };
}

export async function userHasFactor(db: Pick<Db, 'select'>, userId: string): Promise<boolean> {
  const f = await factorsOf(db, userId);
  return f.passkeys > 0 || f.totp;
}
