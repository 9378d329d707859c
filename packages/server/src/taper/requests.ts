/**
 * The patient's requests to pause or slow their taper. A request stays open until the
 * prescriber answers it: with a signed version (`requestId` on POST /taper/changes) or with a
 * note (POST /taper/requests/:taperRequestId/close).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { taperRequests, users } from '../db/schema.js';
import { AppError } from '../http/errors.js';

export type TaperRequestKind = 'pause' | 'slower';

export interface TaperRequestView {
  readonly id: string;
  readonly kind: TaperRequestKind;
  readonly reason: string;
  readonly createdAt: string;
  readonly createdBy: { readonly id: string; readonly displayName: string };
  readonly closedAt: string | null;
  readonly closingVersion: number | null;
  readonly closingNote: string | null;
}

/** The requests of a taper (or the one named), open first, then newest first. */
export async function loadTaperRequests(
  ctx: Pick<AppContext, 'db'>,
  patientId: string,
  taperId: string | null,
  requestId?: string,
): Promise<TaperRequestView[]> {
  const rows = await ctx.db
    .select({ r: taperRequests, authorName: users.displayName })
    .from(taperRequests)
    .innerJoin(users, eq(users.id, taperRequests.createdBy))
    .where(
      and(
        eq(taperRequests.patientId, patientId),
        taperId === null ? undefined : eq(taperRequests.taperId, taperId),
        requestId === undefined ? undefined : eq(taperRequests.id, requestId),
      ),
    )
    .orderBy(
      asc(sql`${taperRequests.closedAt} is not null`),
      desc(taperRequests.createdAt),
      desc(taperRequests.id),
    );
  return rows.map(({ r, authorName }) => ({
    id: r.id,
    kind: r.kind,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    createdBy: { id: r.createdBy, displayName: authorName },
    closedAt: r.closedAt?.toISOString() ?? null,
    closingVersion: r.closingVersion,
    closingNote: r.closingNote,
  }));
}

/** One request of the patient, whichever taper it belongs to; 404 when there is none. */
export async function findTaperRequest(
  ctx: Pick<AppContext, 'db'>,
  patientId: string,
  requestId: string,
): Promise<TaperRequestView> {
  const [found] = await loadTaperRequests(ctx, patientId, null, requestId);
  if (found === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
  return found;
}

/** Record the patient's request against their current taper. */
export async function insertTaperRequest(
  ctx: AppContext,
  input: {
    readonly patientId: string;
    readonly taperId: string;
    readonly kind: TaperRequestKind;
    readonly reason: string;
    readonly createdBy: string;
  },
): Promise<TaperRequestView> {
  const now = ctx.now();
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(taperRequests).values({ id, ...input, createdAt: now });
    await audit(
      tx,
      {
        actorId: input.createdBy,
        patientId: input.patientId,
        action: 'taper-request.create',
        entityId: id,
        details: { taperId: input.taperId, kind: input.kind },
      },
      now,
    );
  });
  return findTaperRequest(ctx, input.patientId, id);
}

/**
 * Close an open request, inside the caller's transaction: by a signed version (`version`) or
 * with a note. Returns false when it was already closed (of two concurrent answers, one wins).
 */
export async function closeTaperRequestRow(
  db: Db,
  input: {
    readonly patientId: string;
    readonly requestId: string;
    readonly closedBy: string;
    readonly at: Date;
    readonly version: number | null;
    readonly note: string | null;
  },
): Promise<boolean> {
  const rows = await db
    .update(taperRequests)
    .set({
      closedAt: input.at,
      closedBy: input.closedBy,
      closingVersion: input.version,
      closingNote: input.note,
    })
    .where(
      and(
        eq(taperRequests.id, input.requestId),
        eq(taperRequests.patientId, input.patientId),
        isNull(taperRequests.closedAt),
      ),
    )
    .returning({ id: taperRequests.id });
  if (rows.length === 0) return false;
  await audit(
    db,
    {
      actorId: input.closedBy,
      patientId: input.patientId,
      action: 'taper-request.close',
      entityId: input.requestId,
      details: { version: input.version },
    },
    input.at,
  );
  return true;
}

/** The prescriber answers a request with a note and no change to the plan. */
export async function closeTaperRequestWithNote(
  ctx: AppContext,
  input: { patientId: string; requestId: string; closedBy: string; note: string },
): Promise<TaperRequestView> {
  const found = await findTaperRequest(ctx, input.patientId, input.requestId);
  if (found.closedAt !== null) throw new AppError('STEADY_ERR_TAPER_REQUEST_CLOSED');
  const closed = await ctx.db.transaction((tx) =>
    closeTaperRequestRow(tx, { ...input, at: ctx.now(), version: null }),
  );
  if (!closed) throw new AppError('STEADY_ERR_TAPER_REQUEST_CLOSED');
  return findTaperRequest(ctx, input.patientId, input.requestId);
}
