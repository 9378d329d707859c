/**
 * The notification centre (issue 7 item 1; docs/reminders.md): the caller's own notifications,
 * newest first, and marking them read. Every query is bounded by `recipient_id = caller`, so
 * nobody ever sees, counts or marks anyone else's row. A patient's own dose reminders carry
 * the slot's current state (pending, taken or skipped), so the centre offers "Taken" only while
 * the dose is still open.
 */
import { effectiveDoseEvents } from '@steady/core';
import { and, asc, count, desc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { careLinks, doseEvents, notifications, users } from '../db/schema.js';
import { callerOf } from '../http/policy.js';
import type { TypedApp } from '../http/types.js';
import { supersededIds, toView } from '../doses/repo.js';

const SIGNED_IN = { policy: { kind: 'signed-in' } } as const;

const DEFAULT_LIMIT = 50;

const doseStatus = z.enum(['pending', 'taken', 'skipped']);
type DoseStatus = z.infer<typeof doseStatus>;

export const notificationView = z.object({
  id: z.string(),
  kind: z.enum(['dose', 'again', 'caregiver', 'test']),
  patientId: z.string(),
  /** The patient's name, on a caregiver's notices only. */
  patientName: z.string().nullable(),
  slotKey: z.string().nullable(),
  localTime: z.string().nullable(),
  amountMg: z.number().nullable(),
  dueAt: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  silent: z.boolean(),
  pushStatus: z.enum(['none', 'pending', 'sent', 'failed']),
  /** The slot's state, on the patient's own dose and again reminders only. */
  dose: z.object({ status: doseStatus }).nullable(),
});
type NotificationView = z.infer<typeof notificationView>;

const listQuery = z.object({
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(DEFAULT_LIMIT),
});

/** Either `ids` (some) or `all: true` (every one), never both. */
const readBody = z
  .object({
    ids: z.array(z.uuid()).min(1).max(100).optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .superRefine((body, issues) => {
    if (body.ids !== undefined && body.all !== undefined) {
      issues.addIssue({ code: 'custom', path: ['all'], message: 'either ids or all, not both' });
    } else if (body.ids === undefined && body.all === undefined) {
      issues.addIssue({ code: 'custom', path: ['ids'], message: 'ids or all is required' });
    }
  });

const unreadResponse = z.object({ unread: z.number().int().min(0) });

type Row = typeof notifications.$inferSelect & { patientDisplayName: string | null };

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * The notifications a person may still see: their own, and of a caregiver's notices only those
 * about a patient who still shares medications with them (a revoked link or a withdrawn
 * consent hides the old notices too: they name the patient and a dose time).
 */
function visibleTo(recipientId: string): SQL | undefined {
  return and(
    eq(notifications.recipientId, recipientId),
    or(
      ne(notifications.kind, 'caregiver'),
      sql`exists (select 1 from ${careLinks} where ${careLinks.patientId} = ${notifications.patientId}
        and ${careLinks.memberId} = ${notifications.recipientId} and ${careLinks.status} = 'active'
        and (${careLinks.consent} ->> 'medications') = 'true')`,
    ),
  );
}

async function unreadCount(db: Db, recipientId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(visibleTo(recipientId), isNull(notifications.readAt)));
  return rows[0]?.n ?? 0;
}

/**
 * The current state of each of the patient's slots in `slotKeys`: the latest live dose event
 * of the slot (after corrections, including one that moved the dose to another slot).
 */
async function slotStates(
  db: Db,
  patientId: string,
  slotKeys: readonly string[],
): Promise<Map<string, DoseStatus>> {
  if (slotKeys.length === 0) return new Map();
  const rows = await db
    .select()
    .from(doseEvents)
    .where(and(eq(doseEvents.patientId, patientId), inArray(doseEvents.slotKey, [...slotKeys])))
    .orderBy(asc(doseEvents.createdAt), asc(doseEvents.id));
  const events = rows.map(toView);
  const gone = await supersededIds(
    db,
    patientId,
    events.map((e) => e.id),
  );
  const states = new Map<string, DoseStatus>();
  for (const e of effectiveDoseEvents(events.filter((e) => !gone.has(e.id)))) {
    if (e.slotKey !== null && (e.kind === 'taken' || e.kind === 'skipped')) {
      states.set(e.slotKey, e.kind);
    }
  }
  return states;
}

const ownDoseReminder = (r: Row) =>
  (r.kind === 'dose' || r.kind === 'again') && r.recipientId === r.patientId && r.slotKey !== null;

async function listNotifications(
  db: Db,
  recipientId: string,
  before: Date | null,
  limit: number,
): Promise<Row[]> {
  const select = (where: SQL | undefined, max: number) =>
    db
      .select({ n: notifications, patientDisplayName: users.displayName })
      .from(notifications)
      .leftJoin(users, eq(users.id, notifications.patientId))
      .where(and(visibleTo(recipientId), where))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(max);
  const page = await select(
    before === null ? undefined : lt(notifications.createdAt, before),
    limit,
  );
  // Never split rows stored at the same instant (one scheduler batch) across two pages: the
  // next page starts strictly before the last `createdAt`, so the rest of that instant comes now.
  const last = page.at(-1);
  const rest =
    page.length === limit && last !== undefined
      ? await select(
          and(eq(notifications.createdAt, last.n.createdAt), lt(notifications.id, last.n.id)),
          1000,
        )
      : [];
  return [...page, ...rest].map((r) => ({ ...r.n, patientDisplayName: r.patientDisplayName }));
}

function toNotificationView(r: Row, states: Map<string, DoseStatus>): NotificationView {
  const data = r.data;
  return {
    id: r.id,
    kind: r.kind as NotificationView['kind'],
    patientId: r.patientId,
    patientName:
      r.kind === 'caregiver' ? (text(data.patientName) ?? r.patientDisplayName ?? null) : null,
    slotKey: r.slotKey,
    localTime: text(data.localTime),
    amountMg: num(data.amountMg),
    dueAt: r.dueAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
    silent: r.silent,
    pushStatus: r.pushStatus as NotificationView['pushStatus'],
    dose:
      ownDoseReminder(r) && r.slotKey !== null
        ? { status: states.get(r.slotKey) ?? 'pending' }
        : null,
  };
}

export function notificationRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/me/notifications',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['reminders'],
        summary:
          "The caller's notifications, newest first (page with `before` = the last createdAt), and the unread count",
        querystring: listQuery,
        response: {
          200: z.object({
            notifications: z.array(notificationView),
            unread: z.number().int().min(0),
          }),
        },
      },
    },
    async (request) => {
      const user = callerOf(request);
      const { before, limit } = request.query;
      const rows = await listNotifications(
        ctx.db,
        user.id,
        before === undefined ? null : new Date(before),
        limit,
      );
      const slots = [...new Set(rows.filter(ownDoseReminder).flatMap((r) => r.slotKey ?? []))];
      const states = await slotStates(ctx.db, user.id, slots);
      return {
        notifications: rows.map((r) => toNotificationView(r, states)),
        unread: await unreadCount(ctx.db, user.id),
      };
    },
  );

  app.post(
    '/api/me/notifications/read',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['reminders'],
        summary: "Mark some (`ids`) or all (`all: true`) of the caller's notifications read",
        body: readBody,
        response: { 200: unreadResponse },
      },
    },
    async (request) => {
      const user = callerOf(request);
      const body = request.body;
      const now = ctx.now();
      const unread = await ctx.db.transaction(async (tx) => {
        const marked = await tx
          .update(notifications)
          .set({ readAt: now })
          .where(
            and(
              eq(notifications.recipientId, user.id),
              isNull(notifications.readAt),
              body.ids === undefined ? undefined : inArray(notifications.id, body.ids),
            ),
          )
          .returning({ id: notifications.id });
        if (marked.length > 0) {
          await audit(
            tx,
            {
              actorId: user.id,
              patientId: null,
              action: 'notifications.read',
              details: { count: marked.length },
            },
            now,
          );
        }
        return unreadCount(tx, user.id);
      });
      return { unread };
    },
  );
}
