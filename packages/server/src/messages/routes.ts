/**
 * Messages between a patient and their care team (consent category `messages`): threads to the
 * whole team or to chosen members, "tell my care team" with a check-in, alert, dose or side
 * effect attached, read marks and unread counts. Every member kind may write, but only into
 * threads they can see.
 */
import { z } from 'zod';
import { MEMBER_KINDS } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import { callerOf, patientOf } from '../http/policy.js';
import { idempotencyKeySchema, patientParams, type TypedApp } from '../http/types.js';
import {
  AUDIENCES,
  CONTEXT_KINDS,
  listMessages,
  listThreads,
  teamOf,
  unreadByPatient,
} from './repo.js';
import { createThread, markRead, postMessage, readerOf, visibleThread } from './service.js';

const threadParams = patientParams.extend({ threadId: z.uuid() });
const messageBody = z.string().trim().min(1).max(4000);

const contextSchema = z.object({
  kind: z.enum(CONTEXT_KINDS),
  refId: z.uuid().nullable(),
  summary: z.string().trim().min(1).max(300),
});

const person = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(['patient', 'clinician', 'admin', 'caregiver']),
  discipline: z.string().nullable(),
});
const participant = person.extend({ memberKind: z.enum(['patient', ...MEMBER_KINDS]) });
const thread = z.object({
  id: z.string(),
  audience: z.enum(AUDIENCES),
  subject: z.string(),
  context: contextSchema.nullable(),
  createdAt: z.string(),
  createdBy: person,
  lastMessageAt: z.string(),
  participants: z.array(participant),
  lastMessage: z
    .object({
      authorId: z.string(),
      authorName: z.string(),
      preview: z.string(),
      createdAt: z.string(),
    })
    .nullable(),
  unread: z.number().int().min(0),
  lastReadAt: z.string().nullable(),
});
const message = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.string(),
  author: person,
});

export function messageRoutes(app: TypedApp, ctx: AppContext): void {
  const read = { policy: { kind: 'patient-data', category: 'messages', access: 'read' } } as const;
  // Every kind of member may write (caregivers too); the handlers allow only visible threads.
  const write = {
    policy: { kind: 'patient-data', category: 'messages', access: 'write', members: MEMBER_KINDS },
  } as const;

  app.get(
    '/api/patients/:patientId/threads',
    {
      config: read,
      schema: {
        tags: ['messages'],
        summary:
          'Threads the caller can see, most recent activity first, with unread counts; and who a team thread reaches',
        params: patientParams,
        response: { 200: z.object({ threads: z.array(thread), team: z.array(participant) }) },
      },
    },
    async (request) => {
      const access = patientOf(request);
      const [threads, team] = await Promise.all([
        listThreads(ctx.db, access.patientId, readerOf(access)),
        teamOf(ctx.db, access.patientId),
      ]);
      return { threads, team };
    },
  );

  app.post(
    '/api/patients/:patientId/threads',
    {
      config: write,
      schema: {
        tags: ['messages'],
        summary:
          'Start a thread with its first message, to the whole team or to chosen members; idempotent by key',
        params: patientParams,
        body: z.object({
          idempotencyKey: idempotencyKeySchema.optional(),
          subject: z.string().trim().min(1).max(200),
          body: messageBody,
          audience: z.enum(AUDIENCES),
          participantIds: z.array(z.uuid()).max(20).optional(),
          context: contextSchema.optional(),
        }),
        response: { 200: z.object({ thread }), 201: z.object({ thread }) },
      },
    },
    async (request, reply) => {
      const { thread: created, replayed } = await createThread(
        ctx,
        patientOf(request),
        request.body,
      );
      return reply.status(replayed ? 200 : 201).send({ thread: created });
    },
  );

  app.get(
    '/api/patients/:patientId/threads/:threadId',
    {
      config: read,
      schema: {
        tags: ['messages'],
        summary: 'A thread and its messages, oldest first (reading marks nothing: see …/read)',
        params: threadParams,
        response: { 200: z.object({ thread, messages: z.array(message) }) },
      },
    },
    async (request) => {
      const found = await visibleThread(ctx, patientOf(request), request.params.threadId);
      return { thread: found, messages: await listMessages(ctx.db, found.id) };
    },
  );

  app.post(
    '/api/patients/:patientId/threads/:threadId/messages',
    {
      config: write,
      schema: {
        tags: ['messages'],
        summary: 'Post a message into a thread the caller can see; idempotent by key',
        params: threadParams,
        body: z.object({ idempotencyKey: idempotencyKeySchema, body: messageBody }),
        response: { 200: z.object({ message }), 201: z.object({ message }) },
      },
    },
    async (request, reply) => {
      const { message: posted, replayed } = await postMessage(
        ctx,
        patientOf(request),
        request.params.threadId,
        request.body,
      );
      return reply.status(replayed ? 200 : 201).send({ message: posted });
    },
  );

  app.post(
    '/api/patients/:patientId/threads/:threadId/read',
    {
      config: write,
      schema: {
        tags: ['messages'],
        summary: 'Mark the thread read up to the newest message the caller was shown',
        params: threadParams,
        body: z.object({ upTo: z.iso.datetime({ offset: true }) }),
        response: { 200: z.object({ thread }) },
      },
    },
    async (request) => {
      const access = patientOf(request);
      const { threadId } = request.params;
      return { thread: await markRead(ctx, access, threadId, new Date(request.body.upTo)) };
    },
  );

  app.get(
    '/api/messages/unread',
    {
      config: { policy: { kind: 'signed-in' } },
      schema: {
        tags: ['messages'],
        summary:
          "The caller's unread messages: in total and per patient (own threads, or linked patients' with consent)",
        response: {
          200: z.object({
            unread: z.number().int().min(0),
            patients: z.array(z.object({ patientId: z.string(), unread: z.number().int().min(1) })),
          }),
        },
      },
    },
    async (request) => {
      const patients = await unreadByPatient(ctx.db, callerOf(request));
      return { unread: patients.reduce((sum, p) => sum + p.unread, 0), patients };
    },
  );
}
