/**
 * Reading message threads as a caller may see them (docs/care-team/messages.md): the patient
 * sees every thread about them; a member (the guard has checked the active link and the
 * `messages` consent) sees `team` threads and the `selected` threads they take part in.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MemberKind } from '../careteam/consent.js';
import type { Db } from '../db/client.js';
import { careLinks, messageParticipants, messages, messageThreads, users } from '../db/schema.js';
import type { ThreadContext } from '../db/careSchema.js';

export const CONTEXT_KINDS = ['check-in', 'side-effect', 'alert', 'dose', 'questionnaire'] as const;
export const AUDIENCES = ['team', 'selected'] as const;

/** Who reads: the patient themself, or a member of their care team. */
export interface Reader {
  readonly userId: string;
  readonly isPatient: boolean;
}

export interface PersonView {
  readonly id: string;
  readonly displayName: string;
  readonly role: 'patient' | 'clinician' | 'admin' | 'caregiver';
  readonly discipline: string | null;
}

/** Someone who can read a thread now: the patient, or a member and their kind of membership. */
export interface ParticipantView extends PersonView {
  readonly memberKind: 'patient' | MemberKind;
}

export interface ThreadView {
  readonly id: string;
  readonly audience: 'team' | 'selected';
  readonly subject: string;
  readonly context: ThreadContext | null;
  readonly createdAt: string;
  readonly createdBy: PersonView;
  readonly lastMessageAt: string;
  readonly participants: ParticipantView[];
  readonly lastMessage: {
    readonly authorId: string;
    readonly authorName: string;
    readonly preview: string;
    readonly createdAt: string;
  } | null;
  /** Messages by others the caller has not read yet. */
  readonly unread: number;
  /** Up to when the caller has read (null: never opened). */
  readonly lastReadAt: string | null;
}

export interface MessageView {
  readonly id: string;
  readonly body: string;
  readonly createdAt: string;
  readonly author: PersonView;
}

const PREVIEW_LENGTH = 140;

/** The first characters of a message, on one line (whole graphemes: no emoji cut in half). */
export function previewOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  const segments = new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(line);
  const chars = Array.from(segments, (s) => s.segment);
  return chars.length <= PREVIEW_LENGTH ? line : `${chars.slice(0, PREVIEW_LENGTH - 1).join('')}…`;
}

const person = {
  id: users.id,
  displayName: users.displayName,
  role: users.role,
  discipline: users.discipline,
};

/**
 * Who a `team` thread reaches now: the patient, then every member with an active link, an
 * active account and the `messages` consent (by name). Also who may be chosen for a
 * `selected` thread.
 */
export async function teamOf(db: Db, patientId: string): Promise<ParticipantView[]> {
  const [patient] = await db.select(person).from(users).where(eq(users.id, patientId));
  const members = await db
    .select({ ...person, memberKind: careLinks.memberKind })
    .from(careLinks)
    .innerJoin(users, eq(users.id, careLinks.memberId))
    .where(
      and(
        eq(careLinks.patientId, patientId),
        eq(careLinks.status, 'active'),
        eq(users.active, true),
        sql`(${careLinks.consent} ->> 'messages') = 'true'`,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  return [
    ...(patient === undefined ? [] : [{ ...patient, memberKind: 'patient' as const }]),
    ...members,
  ];
}

/** SQL: the threads of a patient the reader may see. */
function visibleTo(reader: Reader): SQL | undefined {
  if (reader.isPatient) return undefined;
  return or(
    eq(messageThreads.audience, 'team'),
    sql`exists (select 1 from ${messageParticipants} p
      where p.thread_id = ${messageThreads.id} and p.user_id = ${reader.userId})`,
  );
}

/**
 * The threads of a patient the reader may see (or the one named), most recent activity first,
 * each with its participants now, its last message and the reader's unread count.
 */
export async function listThreads(
  db: Db,
  patientId: string,
  reader: Reader,
  threadId?: string,
): Promise<ThreadView[]> {
  const creator = alias(users, 'creator');
  const mark = alias(messageParticipants, 'mark');
  const rows = await db
    .select({
      t: messageThreads,
      creator: {
        id: creator.id,
        displayName: creator.displayName,
        role: creator.role,
        discipline: creator.discipline,
      },
      lastReadAt: mark.lastReadAt,
      unread: sql<number>`(select count(*) from ${messages} m
        where m.thread_id = ${messageThreads.id} and m.author_id <> ${reader.userId}
          and m.created_at > coalesce(${mark.lastReadAt}, '-infinity'::timestamptz))`.mapWith(
        Number,
      ),
    })
    .from(messageThreads)
    .innerJoin(creator, eq(creator.id, messageThreads.createdBy))
    .leftJoin(mark, and(eq(mark.threadId, messageThreads.id), eq(mark.userId, reader.userId)))
    .where(
      and(
        eq(messageThreads.patientId, patientId),
        visibleTo(reader),
        threadId === undefined ? undefined : eq(messageThreads.id, threadId),
      ),
    )
    .orderBy(desc(messageThreads.lastMessageAt), desc(messageThreads.id));
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.t.id);
  const selectedIds = rows.filter((r) => r.t.audience === 'selected').map((r) => r.t.id);
  const [team, last, taking] = await Promise.all([
    teamOf(db, patientId),
    db
      .selectDistinctOn([messages.threadId], {
        threadId: messages.threadId,
        authorId: messages.authorId,
        authorName: users.displayName,
        body: messages.body,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .innerJoin(users, eq(users.id, messages.authorId))
      .where(inArray(messages.threadId, ids))
      .orderBy(messages.threadId, desc(messages.createdAt), desc(messages.id)),
    selectedIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ threadId: messageParticipants.threadId, userId: messageParticipants.userId })
          .from(messageParticipants)
          .where(inArray(messageParticipants.threadId, selectedIds)),
  ]);
  const lastOf = new Map(last.map((m) => [m.threadId, m]));
  const takingPart = new Map<string, Set<string>>();
  for (const p of taking) {
    const set = takingPart.get(p.threadId) ?? new Set<string>();
    set.add(p.userId);
    takingPart.set(p.threadId, set);
  }
  return rows.map(({ t, creator: by, lastReadAt, unread }) => {
    const lastMessage = lastOf.get(t.id);
    // Who can read the thread now: for a selected thread, those listed who still may.
    const listed = takingPart.get(t.id);
    const participants =
      t.audience === 'team' ? team : team.filter((p) => listed?.has(p.id) === true);
    return {
      id: t.id,
      audience: t.audience,
      subject: t.subject,
      context: t.context,
      createdAt: t.createdAt.toISOString(),
      createdBy: by,
      lastMessageAt: t.lastMessageAt.toISOString(),
      participants,
      lastMessage:
        lastMessage === undefined
          ? null
          : {
              authorId: lastMessage.authorId,
              authorName: lastMessage.authorName,
              preview: previewOf(lastMessage.body),
              createdAt: lastMessage.createdAt.toISOString(),
            },
      unread,
      lastReadAt: lastReadAt?.toISOString() ?? null,
    };
  });
}

/**
 * The messages of a thread, oldest first (the caller has checked that it may be seen); or the
 * one with this id, or the one posted with this idempotency key.
 */
export async function listMessages(
  db: Db,
  threadId: string,
  only?: { readonly id: string } | { readonly idempotencyKey: string },
): Promise<MessageView[]> {
  const rows = await db
    .select({ m: messages, author: person })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(
      and(
        eq(messages.threadId, threadId),
        only === undefined
          ? undefined
          : 'id' in only
            ? eq(messages.id, only.id)
            : eq(messages.idempotencyKey, only.idempotencyKey),
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map(({ m, author }) => ({
    id: m.id,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    author,
  }));
}

interface UnreadRow extends Record<string, unknown> {
  patient_id: string;
  unread: number | string;
}

/**
 * Unread messages of a signed-in user, per patient: as a patient, in their own threads; as a
 * member, in the threads they may see of each patient whose active link gives them the
 * `messages` consent now (a revoked link or a withdrawn consent counts nothing).
 */
export async function unreadByPatient(
  db: Db,
  user: { readonly id: string; readonly role: string },
): Promise<{ patientId: string; unread: number }[]> {
  let scope: SQL;
  if (user.role === 'patient') scope = sql`t.patient_id = ${user.id}`;
  else if (user.role === 'clinician' || user.role === 'caregiver') {
    scope = sql`(t.audience = 'team' or r.user_id is not null)
      and exists (
        select 1 from ${careLinks} l join ${users} p on p.id = l.patient_id
        where l.patient_id = t.patient_id and l.member_id = ${user.id} and l.status = 'active'
          and (l.consent ->> 'messages') = 'true' and p.active and p.role = 'patient')`;
  } else return [];
  const raw: unknown = await db.execute(sql`
    select t.patient_id, count(*) as unread
    from ${messages} m
    join ${messageThreads} t on t.id = m.thread_id
    left join ${messageParticipants} r on r.thread_id = t.id and r.user_id = ${user.id}
    where m.author_id <> ${user.id}
      and m.created_at > coalesce(r.last_read_at, '-infinity'::timestamptz)
      and ${scope}
    group by t.patient_id
    order by t.patient_id`);
  return (raw as { rows: UnreadRow[] }).rows.map((r) => ({
    patientId: r.patient_id,
    unread: Number(r.unread),
  }));
}
