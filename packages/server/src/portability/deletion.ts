/**
 * Account deletion with a grace period. The patient asks (confirming their password); the
 * account is deleted `deletionGraceDays` later unless they cancel first. Deleting the user row
 * deletes every row that belongs to the patient (`patient_id … on delete cascade`), sessions
 * included. The audit log keeps the request, the cancellation and the purge (ids and dates
 * only, never health data); the patient's earlier audit entries stay as the security record.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import type { SessionUser } from '../auth/sessions.js';
import { verifyLogin } from '../auth/users.js';
import type { AppContext } from '../context.js';
import { accountDeletions, messages, messageThreads, sessions, users } from '../db/schema.js';
import { AppError } from '../http/errors.js';

const DAY_MS = 86_400_000;

export interface DeletionView {
  readonly id: string;
  readonly requestedAt: string;
  /** The account is deleted at the first purge run after this instant. */
  readonly purgeAfter: string;
}

type DeletionRow = typeof accountDeletions.$inferSelect;

const toView = (row: DeletionRow): DeletionView => ({
  id: row.id,
  requestedAt: row.requestedAt.toISOString(),
  purgeAfter: row.purgeAfter.toISOString(),
});

const open = (patientId: string) =>
  and(eq(accountDeletions.patientId, patientId), isNull(accountDeletions.cancelledAt));

/** The patient's open deletion request, or null. */
export async function pendingDeletion(
  ctx: Pick<AppContext, 'db'>,
  patientId: string,
): Promise<DeletionView | null> {
  const [row] = await ctx.db.select().from(accountDeletions).where(open(patientId));
  return row === undefined ? null : toView(row);
}

/** The password must be the account's (throttled like sign-in); a wrong one changes nothing. */
async function confirmPassword(ctx: AppContext, user: SessionUser, password: string, now: Date) {
  try {
    await verifyLogin(ctx.db, user.email, password, now, {
      maxFailures: ctx.config.loginMaxFailures,
      windowMinutes: ctx.config.loginWindowMinutes,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'STEADY_ERR_INVALID_CREDENTIALS') {
      throw new AppError('STEADY_ERR_PASSWORD_MISMATCH');
    }
    throw error;
  }
}

/** Schedule the deletion of the caller's own account. */
export async function requestDeletion(
  ctx: AppContext,
  user: SessionUser,
  password: string,
): Promise<DeletionView> {
  const now = ctx.now();
  await confirmPassword(ctx, user, password, now);
  const id = randomUUID();
  const graceDays = ctx.config.deletionGraceDays;
  const purgeAfter = new Date(now.getTime() + graceDays * DAY_MS);
  const row = await ctx.db.transaction(async (tx) => {
    // One open request per patient (a partial unique index): a second one inserts nothing.
    const [inserted] = await tx
      .insert(accountDeletions)
      .values({ id, patientId: user.id, requestedAt: now, purgeAfter })
      .onConflictDoNothing()
      .returning();
    if (inserted === undefined) return null;
    await audit(
      tx,
      {
        actorId: user.id,
        patientId: user.id,
        action: 'account.deletion-request',
        entityId: id,
        details: { graceDays, purgeAfter: purgeAfter.toISOString() },
      },
      now,
    );
    return inserted;
  });
  if (row === null) throw new AppError('STEADY_ERR_DELETION_PENDING');
  return toView(row);
}

/** Cancel the caller's open request; 404 when there is none. */
export async function cancelDeletion(ctx: AppContext, user: SessionUser): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(accountDeletions)
      .set({ cancelledAt: now })
      .where(open(user.id))
      .returning({ id: accountDeletions.id });
    if (row === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
    await audit(
      tx,
      { actorId: user.id, patientId: user.id, action: 'account.deletion-cancel', entityId: row.id },
      now,
    );
  });
}

/**
 * Delete every account whose grace period is over. Each account goes in its own transaction
 * (re-checked there, so a cancellation that just landed wins). Returns how many were deleted;
 * throws after trying them all when any failed (they stay due and are tried again next run).
 */
export async function purgeDueAccounts(ctx: Pick<AppContext, 'db' | 'now'>): Promise<number> {
  const now = ctx.now();
  const due = await ctx.db
    .select()
    .from(accountDeletions)
    .where(and(isNull(accountDeletions.cancelledAt), lte(accountDeletions.purgeAfter, now)))
    .orderBy(asc(accountDeletions.purgeAfter));
  let purged = 0;
  const failures: unknown[] = [];
  for (const request of due) {
    const done = await ctx.db
      .transaction(async (tx) => {
        const [still] = await tx
          .select({ id: accountDeletions.id })
          .from(accountDeletions)
          .where(and(eq(accountDeletions.id, request.id), isNull(accountDeletions.cancelledAt)))
          .for('update');
        if (still === undefined) return false;
        // Sessions first (explicitly: signed-in devices stop at once). Messages are two cascades
        // away (account → thread → message) and name their author without cascade, so they go
        // before the account; deleting the account then cascades to every other patient table.
        await tx.delete(sessions).where(eq(sessions.userId, request.patientId));
        const threads = tx
          .select({ id: messageThreads.id })
          .from(messageThreads)
          .where(eq(messageThreads.patientId, request.patientId));
        await tx.delete(messages).where(inArray(messages.threadId, threads));
        await tx.delete(users).where(eq(users.id, request.patientId));
        await audit(
          tx,
          {
            actorId: null,
            patientId: request.patientId,
            action: 'account.purge',
            entityId: request.id,
            details: {
              requestedAt: request.requestedAt.toISOString(),
              purgeAfter: request.purgeAfter.toISOString(),
            },
          },
          now,
        );
        return true;
      })
      .catch((error: unknown) => {
        // One account that cannot be deleted must not hold up the others; it is retried later.
        failures.push(error);
        return false;
      });
    if (done) purged += 1;
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${String(failures.length)} account purge(s) failed`);
  }
  return purged;
}
