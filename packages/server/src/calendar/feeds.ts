/**
 * The secret behind a calendar feed URL: 32 random bytes (base64url, 43 characters). Only its
 * SHA-256 is stored, so a copy of the database opens no feed; a presented token is found by
 * its hash (an index lookup on a value the caller cannot steer), never compared as text.
 * A patient has at most one live feed: creating one revokes the others (rotation).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import { sha256 } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { calendarFeeds, users } from '../db/schema.js';

/** What a token looks like: anything else is refused before the database is asked. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface FeedView {
  readonly id: string;
  readonly createdAt: string;
  /** When a calendar app last fetched the feed, or null. */
  readonly lastFetchedAt: string | null;
}

type FeedRow = typeof calendarFeeds.$inferSelect;

const toView = (row: FeedRow): FeedView => ({
  id: row.id,
  createdAt: row.createdAt.toISOString(),
  lastFetchedAt: row.lastFetchedAt?.toISOString() ?? null,
});

const live = (patientId: string) =>
  and(eq(calendarFeeds.patientId, patientId), isNull(calendarFeeds.revokedAt));

/** The patient's live feed, or null. */
export async function currentFeed(ctx: AppContext, patientId: string): Promise<FeedView | null> {
  const [row] = await ctx.db
    .select()
    .from(calendarFeeds)
    .where(live(patientId))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return row === undefined ? null : toView(row);
}

/** Revoke the live feeds of a patient in a transaction; returns how many. */
async function revokeLive(tx: Pick<AppContext['db'], 'update'>, patientId: string, now: Date) {
  const rows = await tx
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(live(patientId))
    .returning({ id: calendarFeeds.id });
  return rows.length;
}

/** A new feed (revoking any other): the token is returned this once and never stored. */
export async function createFeed(
  ctx: AppContext,
  patientId: string,
): Promise<{ feed: FeedView; token: string }> {
  const now = ctx.now();
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const row = await ctx.db.transaction(async (tx) => {
    const revoked = await revokeLive(tx, patientId, now);
    const [inserted] = await tx
      .insert(calendarFeeds)
      .values({ id, patientId, tokenHash: sha256(token), createdAt: now })
      .returning();
    await audit(
      tx,
      {
        actorId: patientId,
        patientId,
        action: revoked > 0 ? 'calendar.rotate' : 'calendar.create',
        entityId: id,
      },
      now,
    );
    return inserted;
  });
  if (row === undefined) throw new Error('calendar feed not stored');
  return { feed: toView(row), token };
}

/** Revoke the patient's feed: its URL answers 404 from now on. */
export async function revokeFeeds(ctx: AppContext, patientId: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const revoked = await revokeLive(tx, patientId, now);
    if (revoked > 0) {
      await audit(tx, { actorId: patientId, patientId, action: 'calendar.revoke' }, now);
    }
  });
}

/**
 * The live feed a token opens, with its patient's zone, or null (unknown, revoked, or the
 * account deactivated). Records the fetch: the time on the feed and an audit entry.
 */
export async function openFeed(
  ctx: AppContext,
  token: string,
): Promise<{ feedId: string; patientId: string; timeZone: string } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [found] = await ctx.db
    .select({ id: calendarFeeds.id, patientId: calendarFeeds.patientId, timeZone: users.timeZone })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.patientId))
    .where(
      and(
        eq(calendarFeeds.tokenHash, sha256(token)),
        isNull(calendarFeeds.revokedAt),
        eq(users.active, true),
      ),
    );
  if (found === undefined) return null;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(calendarFeeds)
      .set({ lastFetchedAt: now })
      .where(eq(calendarFeeds.id, found.id));
    await audit(
      tx,
      { actorId: null, patientId: found.patientId, action: 'calendar.fetch', entityId: found.id },
      now,
    );
  });
  return { feedId: found.id, patientId: found.patientId, timeZone: found.timeZone };
}
