/**
 * Guessing second factors: the same per-account limit as passwords (STEADY_LOGIN_MAX_FAILURES
 * in STEADY_LOGIN_WINDOW_MINUTES), kept in the database so every instance shares it. Each
 * attempt is written first and counted with the others, so parallel guesses cannot all slip
 * under the limit; a success clears the count.
 */
import { and, count, eq, gt } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { mfaFailures } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';

export async function throttled(
  db: Db,
  config: Pick<Config, 'loginMaxFailures' | 'loginWindowMinutes'>,
  userId: string,
  now: Date,
  attempt: () => Promise<boolean>,
): Promise<boolean> {
  const [row] = await db
    .insert(mfaFailures)
    .values({ userId, at: now })
    .returning({ id: mfaFailures.id });
  if (row === undefined) throw new Error('no attempt row');
  const since = new Date(now.getTime() - config.loginWindowMinutes * 60_000);
  const [failures] = await db
    .select({ n: count() })
    .from(mfaFailures)
    .where(and(eq(mfaFailures.userId, userId), gt(mfaFailures.at, since)));
  if ((failures?.n ?? 0) > config.loginMaxFailures) {
    await db.delete(mfaFailures).where(eq(mfaFailures.id, row.id));
    throw new AppError('STEADY_ERR_RATE_LIMITED');
  }
  const ok = await attempt();
  // A failure keeps its row; a success clears the count.
  if (ok) await db.delete(mfaFailures).where(eq(mfaFailures.userId, userId));
  return ok;
}
