/**
 * Writing messages: starting a thread (with a "tell my care team" context), posting into a
 * thread, and marking a thread read. Every post is idempotent by key; writes are audited with
 * ids and counts only (never the text).
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import {
  alerts,
  checkIns,
  doseEvents,
  messageParticipants,
  messages,
  messageThreads,
  questionnaireResponses,
} from '../db/schema.js';
import type { ThreadContext } from '../db/careSchema.js';
import { AppError } from '../http/errors.js';
import type { PatientAccess } from '../http/policy.js';
import {
  listMessages,
  listThreads,
  teamOf,
  type MessageView,
  type Reader,
  type ThreadView,
} from './repo.js';

export const readerOf = (access: PatientAccess): Reader => ({
  userId: access.user.id,
  isPatient: access.as === 'patient',
});

/** The thread if the caller may see it, else 404 (unknown, another patient's, or not theirs). */
export async function visibleThread(
  ctx: AppContext,
  access: PatientAccess,
  threadId: string,
): Promise<ThreadView> {
  const [thread] = await listThreads(ctx.db, access.patientId, readerOf(access), threadId);
  if (thread === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
  return thread;
}

const invalid = (path: string, message: string) =>
  new AppError('STEADY_ERR_VALIDATION', [{ path, message }]);

/**
 * A thread started with an idempotency key gets an id derived from the patient, the author and
 * the key (a version-8 UUID), so a retry — even a concurrent one — finds the same row.
 */
export function threadIdFor(patientId: string, userId: string, key: string): string {
  const hex = createHash('sha256')
    .update(`message-thread\u0000${patientId}\u0000${userId}\u0000${key}`)
    .digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** The record a context names must be this patient's, of that kind (and, for alerts, one they see). */
async function checkContext(
  ctx: AppContext,
  patientId: string,
  context: ThreadContext,
): Promise<void> {
  const { kind, refId } = context;
  if (refId === null) {
    if (kind !== 'side-effect') throw invalid('/body/context/refId', 'required for this kind');
    return;
  }
  let found: readonly unknown[];
  switch (kind) {
    case 'check-in':
    case 'side-effect':
      found = await ctx.db
        .select({ id: checkIns.id })
        .from(checkIns)
        .where(and(eq(checkIns.id, refId), eq(checkIns.patientId, patientId)));
      break;
    case 'alert':
      found = await ctx.db
        .select({ id: alerts.id })
        .from(alerts)
        .where(
          and(
            eq(alerts.id, refId),
            eq(alerts.patientId, patientId),
            inArray(alerts.audience, ['patient', 'both']),
          ),
        );
      break;
    case 'dose':
      found = await ctx.db
        .select({ id: doseEvents.id })
        .from(doseEvents)
        .where(and(eq(doseEvents.id, refId), eq(doseEvents.patientId, patientId)));
      break;
    case 'questionnaire':
      found = await ctx.db
        .select({ id: questionnaireResponses.id })
        .from(questionnaireResponses)
        .where(
          and(
            eq(questionnaireResponses.id, refId),
            eq(questionnaireResponses.patientId, patientId),
          ),
        );
      break;
  }
  if (found.length === 0) throw invalid('/body/context/refId', `no such ${kind} of this patient`);
}

export interface NewThread {
  readonly idempotencyKey?: string | undefined;
  readonly subject: string;
  readonly body: string;
  readonly audience: 'team' | 'selected';
  readonly participantIds?: readonly string[] | undefined;
  readonly context?: ThreadContext | undefined;
}

/** The members (besides the patient and the author) a new thread is addressed to. */
async function addressees(
  ctx: AppContext,
  access: PatientAccess,
  input: NewThread,
): Promise<string[]> {
  const listed = input.participantIds ?? [];
  if (input.audience === 'team') {
    if (listed.length > 0) throw invalid('/body/participantIds', 'only for a selected thread');
    return [];
  }
  const team = new Set((await teamOf(ctx.db, access.patientId)).map((p) => p.id));
  listed.forEach((id, i) => {
    if (!team.has(id)) {
      throw invalid(`/body/participantIds/${String(i)}`, 'not a care-team member for messages');
    }
  });
  const others = [...new Set(listed)].filter(
    (id) => id !== access.patientId && id !== access.user.id,
  );
  if (access.as === 'patient' && others.length === 0) {
    throw invalid('/body/participantIds', 'choose at least one member');
  }
  return others;
}

/** Start a thread with its first message. A retry with the same key answers the same thread. */
export async function createThread(
  ctx: AppContext,
  access: PatientAccess,
  input: NewThread,
): Promise<{ thread: ThreadView; replayed: boolean }> {
  const { user, patientId } = access;
  // "Tell my care team" is the patient's: members write without a context.
  if (input.context !== undefined && access.as !== 'patient') {
    throw new AppError('STEADY_ERR_FORBIDDEN');
  }
  const id =
    input.idempotencyKey === undefined
      ? randomUUID()
      : threadIdFor(patientId, user.id, input.idempotencyKey);
  const replay = async () => {
    // The first message was posted with the thread's key.
    const [first] = await listMessages(ctx.db, id, { idempotencyKey: input.idempotencyKey ?? '' });
    const [thread] = await listThreads(ctx.db, patientId, readerOf(access), id);
    if (thread === undefined || first === undefined) throw new AppError('STEADY_ERR_INTERNAL');
    if (
      thread.subject !== input.subject ||
      thread.audience !== input.audience ||
      first.body !== input.body
    ) {
      throw new AppError('STEADY_ERR_IDEMPOTENCY_CONFLICT');
    }
    return { thread, replayed: true };
  };
  if (input.idempotencyKey !== undefined) {
    const [existing] = await ctx.db
      .select({ id: messageThreads.id })
      .from(messageThreads)
      .where(eq(messageThreads.id, id));
    if (existing !== undefined) return replay();
  }
  if (input.context !== undefined) await checkContext(ctx, patientId, input.context);
  const others = await addressees(ctx, access, input);

  const now = ctx.now();
  const created = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(messageThreads)
      .values({
        id,
        patientId,
        audience: input.audience,
        subject: input.subject,
        context: input.context ?? null,
        createdBy: user.id,
        createdAt: now,
        lastMessageAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: messageThreads.id });
    if (rows.length === 0) return false;
    const readers = [
      { userId: user.id, lastReadAt: now },
      ...(input.audience === 'selected'
        ? [patientId, ...others]
            .filter((p) => p !== user.id)
            .map((p) => ({ userId: p, lastReadAt: null }))
        : []),
    ];
    await tx.insert(messageParticipants).values(readers.map((r) => ({ threadId: id, ...r })));
    const messageId = randomUUID();
    await tx.insert(messages).values({
      id: messageId,
      threadId: id,
      authorId: user.id,
      body: input.body,
      idempotencyKey: input.idempotencyKey ?? randomUUID(),
      createdAt: now,
    });
    await audit(
      tx,
      {
        actorId: user.id,
        patientId,
        action: 'message-thread.create',
        entityId: id,
        details: {
          audience: input.audience,
          participants: others.length,
          context: input.context?.kind ?? null,
          messageId,
        },
      },
      now,
    );
    return true;
  });
  if (!created) return replay();
  const [thread] = await listThreads(ctx.db, patientId, readerOf(access), id);
  if (thread === undefined) throw new AppError('STEADY_ERR_INTERNAL');
  return { thread, replayed: false };
}

/** Post into a thread the caller can see. A retry with the same key answers the same message. */
export async function postMessage(
  ctx: AppContext,
  access: PatientAccess,
  threadId: string,
  input: { readonly idempotencyKey: string; readonly body: string },
): Promise<{ message: MessageView; replayed: boolean }> {
  await visibleThread(ctx, access, threadId);
  const { user, patientId } = access;
  const now = ctx.now();
  const id = randomUUID();
  const inserted = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(messages)
      .values({
        id,
        threadId,
        authorId: user.id,
        body: input.body,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: messages.id });
    if (rows.length === 0) return false;
    await tx
      .update(messageThreads)
      .set({
        lastMessageAt: sql`greatest(${messageThreads.lastMessageAt}, ${now.toISOString()}::timestamptz)`,
      })
      .where(eq(messageThreads.id, threadId));
    await markReadIn(tx, threadId, user.id, now);
    await audit(
      tx,
      { actorId: user.id, patientId, action: 'message.post', entityId: id, details: { threadId } },
      now,
    );
    return true;
  });
  if (inserted) {
    const [message] = await listMessages(ctx.db, threadId, { id });
    if (message === undefined) throw new AppError('STEADY_ERR_INTERNAL');
    return { message, replayed: false };
  }
  // Lost to an earlier post with this key: the same message again, or a conflict.
  const [existing] = await listMessages(ctx.db, threadId, {
    idempotencyKey: input.idempotencyKey,
  });
  if (existing?.author.id !== user.id || existing.body !== input.body) {
    throw new AppError('STEADY_ERR_IDEMPOTENCY_CONFLICT');
  }
  return { message: existing, replayed: true };
}

/** Move a reader's mark forward to `at` (never back). */
async function markReadIn(
  db: Pick<AppContext['db'], 'insert'>,
  threadId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await db
    .insert(messageParticipants)
    .values({ threadId, userId, lastReadAt: at })
    .onConflictDoUpdate({
      target: [messageParticipants.threadId, messageParticipants.userId],
      set: {
        lastReadAt: sql`greatest(${messageParticipants.lastReadAt}, excluded.last_read_at)`,
      },
    });
}

/** The caller has read the thread up to `upTo` (the newest message they were shown). */
export async function markRead(
  ctx: AppContext,
  access: PatientAccess,
  threadId: string,
  upTo: Date,
): Promise<ThreadView> {
  await visibleThread(ctx, access, threadId);
  const now = ctx.now();
  await markReadIn(ctx.db, threadId, access.user.id, upTo > now ? now : upTo);
  return visibleThread(ctx, access, threadId);
}
