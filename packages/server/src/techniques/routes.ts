/**
 * Technique sessions (issue 8): the patient logs a guided or self-led library technique, an
 * assigned one, or a therapy done elsewhere, with pain and muscle tension before and after.
 * Care-team members with `techniques` consent read them; only the patient writes. A session
 * can be deleted by the patient within 24 hours of logging it (a mistake), never later.
 */
import { randomUUID } from 'node:crypto';
import {
  ELSEWHERE_THERAPY_IDS,
  SESSION_TECHNIQUE_IDS,
  getTechnique,
  isElsewhereTherapyId,
} from '@steady/core';
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { techniqueAssignments, techniqueSessions } from '../db/techniquesSchema.js';
import { localDaysRange } from '../doses/today.js';
import { AppError } from '../http/errors.js';
import { patientOf } from '../http/policy.js';
import {
  idempotencyKeySchema,
  localDateSchema,
  patientParams,
  type TypedApp,
} from '../http/types.js';

/** Technique ids of sessions of free-form assignments (see exercises/routes.ts). */
const ASSIGNMENT_TECHNIQUE_IDS = ['exercise', 'cbt'] as const;

/** How long after logging a session the patient may still delete it. */
export const DELETE_WINDOW_MS = 24 * 60 * 60_000;
/** Clock skew accepted between a phone and the server for "started now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const scale = z.number().int().min(0).max(10).nullable().default(null);
const sessionParams = patientParams.extend({ sessionId: z.uuid() });

const sessionBody = z.object({
  idempotencyKey: idempotencyKeySchema,
  techniqueId: z.enum(SESSION_TECHNIQUE_IDS as [string, ...string[]]),
  kind: z.enum(['guided', 'self', 'elsewhere', 'assignment']),
  assignmentId: z.uuid().nullable().default(null),
  startedAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(1).max(600).nullable().default(null),
  painBefore: scale,
  painAfter: scale,
  tensionBefore: scale,
  tensionAfter: scale,
  provider: z.string().trim().min(1).max(200).nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});
type SessionBody = z.infer<typeof sessionBody>;

const sessionView = z.object({
  id: z.uuid(),
  /** A library or elsewhere id; sessions of assignments may carry `exercise` or `cbt`. */
  techniqueId: z.string(),
  kind: z.enum(['guided', 'self', 'elsewhere', 'assignment']),
  assignmentId: z.uuid().nullable(),
  startedAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  painBefore: z.number().int().nullable(),
  painAfter: z.number().int().nullable(),
  tensionBefore: z.number().int().nullable(),
  tensionAfter: z.number().int().nullable(),
  provider: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  /** Until when the patient may delete it. */
  deletableUntil: z.string(),
});
export type TechniqueSessionView = z.infer<typeof sessionView>;

type Row = typeof techniqueSessions.$inferSelect;

function toView(r: Row): TechniqueSessionView {
  return {
    id: r.id,
    techniqueId: r.techniqueId,
    kind: r.kind,
    assignmentId: r.assignmentId,
    startedAt: r.startedAt.toISOString(),
    durationMinutes: r.durationMinutes,
    painBefore: r.painBefore,
    painAfter: r.painAfter,
    tensionBefore: r.tensionBefore,
    tensionAfter: r.tensionAfter,
    provider: r.provider,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    deletableUntil: new Date(r.createdAt.getTime() + DELETE_WINDOW_MS).toISOString(),
  };
}

const invalid = (path: string, message: string) =>
  new AppError('STEADY_ERR_VALIDATION', [{ path: `/body/${path}`, message }]);

/** The rules zod cannot say alone: which ids go with which kind, and no future start. */
async function checkSession(
  ctx: AppContext,
  patientId: string,
  body: SessionBody,
  now: Date,
): Promise<void> {
  const elsewhere = isElsewhereTherapyId(body.techniqueId);
  if ((body.kind === 'elsewhere') !== elsewhere) {
    throw invalid(
      'techniqueId',
      body.kind === 'elsewhere'
        ? `one of ${ELSEWHERE_THERAPY_IDS.join(', ')}`
        : 'a library technique',
    );
  }
  if (body.kind === 'guided' && getTechnique(body.techniqueId)?.script == null) {
    throw invalid('kind', 'this technique has no guided session');
  }
  if (body.provider !== null && body.kind !== 'elsewhere') {
    throw invalid('provider', 'only for therapies done elsewhere');
  }
  if ((body.assignmentId !== null) !== (body.kind === 'assignment')) {
    throw invalid('assignmentId', body.kind === 'assignment' ? 'required' : 'only for assignments');
  }
  if (new Date(body.startedAt).getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw invalid('startedAt', 'in the future');
  }
  if (body.assignmentId !== null) {
    const [found] = await ctx.db
      .select({ id: techniqueAssignments.id })
      .from(techniqueAssignments)
      .where(
        and(
          eq(techniqueAssignments.id, body.assignmentId),
          eq(techniqueAssignments.patientId, patientId),
        ),
      );
    // Another patient's assignment gets the same answer as one that does not exist.
    if (found === undefined) throw invalid('assignmentId', 'unknown assignment');
  }
}

async function findByKey(ctx: AppContext, patientId: string, key: string): Promise<Row | null> {
  const [row] = await ctx.db
    .select()
    .from(techniqueSessions)
    .where(
      and(eq(techniqueSessions.patientId, patientId), eq(techniqueSessions.idempotencyKey, key)),
    );
  return row ?? null;
}

/** A retried request gets the first answer; a different request with the same key, 409. */
function sameRequest(row: Row, body: SessionBody): boolean {
  return (
    row.techniqueId === body.techniqueId &&
    row.kind === body.kind &&
    row.startedAt.getTime() === new Date(body.startedAt).getTime()
  );
}

export function techniqueRoutes(app: TypedApp, ctx: AppContext): void {
  app.post(
    '/api/patients/:patientId/technique-sessions',
    {
      config: { policy: { kind: 'patient-data', category: 'techniques', access: 'write' } },
      schema: {
        tags: ['techniques'],
        summary: 'Log a technique session or a therapy done elsewhere (the patient; idempotent)',
        params: patientParams,
        body: sessionBody,
        response: {
          200: z.object({ session: sessionView }),
          201: z.object({ session: sessionView }),
        },
      },
    },
    async (request, reply) => {
      const { user, patientId } = patientOf(request);
      const body = request.body;
      const earlier = await findByKey(ctx, patientId, body.idempotencyKey);
      if (earlier !== null) {
        if (!sameRequest(earlier, body)) throw new AppError('STEADY_ERR_IDEMPOTENCY_CONFLICT');
        return reply.status(200).send({ session: toView(earlier) });
      }
      const now = ctx.now();
      await checkSession(ctx, patientId, body, now);
      const id = randomUUID();
      const inserted = await ctx.db.transaction(async (tx) => {
        const rows = await tx
          .insert(techniqueSessions)
          .values({
            id,
            patientId,
            techniqueId: body.techniqueId,
            kind: body.kind,
            assignmentId: body.assignmentId,
            startedAt: new Date(body.startedAt),
            durationMinutes: body.durationMinutes,
            painBefore: body.painBefore,
            painAfter: body.painAfter,
            tensionBefore: body.tensionBefore,
            tensionAfter: body.tensionAfter,
            provider: body.provider,
            note: body.note,
            idempotencyKey: body.idempotencyKey,
            createdAt: now,
          })
          .onConflictDoNothing()
          .returning();
        if (rows[0] !== undefined) {
          await audit(
            tx,
            {
              actorId: user.id,
              patientId,
              action: 'technique-session.create',
              entityId: id,
              details: { techniqueId: body.techniqueId, kind: body.kind },
            },
            now,
          );
        }
        return rows[0] ?? null;
      });
      if (inserted !== null) return reply.status(201).send({ session: toView(inserted) });
      // A concurrent request with the same key won the race.
      const winner = await findByKey(ctx, patientId, body.idempotencyKey);
      if (winner === null) throw new AppError('STEADY_ERR_INTERNAL');
      if (!sameRequest(winner, body)) throw new AppError('STEADY_ERR_IDEMPOTENCY_CONFLICT');
      return reply.status(200).send({ session: toView(winner) });
    },
  );

  app.get(
    '/api/patients/:patientId/technique-sessions',
    {
      config: { policy: { kind: 'patient-data', category: 'techniques', access: 'read' } },
      schema: {
        tags: ['techniques'],
        summary: 'Sessions started between two local dates of the patient, newest first',
        params: patientParams,
        querystring: z.object({
          from: localDateSchema,
          to: localDateSchema,
          techniqueId: z.enum([...SESSION_TECHNIQUE_IDS, ...ASSIGNMENT_TECHNIQUE_IDS]).optional(),
        }),
        response: { 200: z.object({ sessions: z.array(sessionView) }) },
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      const { from, to, techniqueId } = request.query;
      const range = localDaysRange(from, to, timeZone);
      const rows = await ctx.db
        .select()
        .from(techniqueSessions)
        .where(
          and(
            eq(techniqueSessions.patientId, patientId),
            gte(techniqueSessions.startedAt, range.from),
            lt(techniqueSessions.startedAt, range.to),
            techniqueId === undefined ? undefined : eq(techniqueSessions.techniqueId, techniqueId),
          ),
        )
        .orderBy(desc(techniqueSessions.startedAt), desc(techniqueSessions.id));
      return { sessions: rows.map(toView) };
    },
  );

  app.delete(
    '/api/patients/:patientId/technique-sessions/:sessionId',
    {
      config: { policy: { kind: 'patient-data', category: 'techniques', access: 'write' } },
      schema: {
        tags: ['techniques'],
        summary: 'Delete a session logged in the last 24 hours (the patient)',
        params: sessionParams,
      },
    },
    async (request, reply) => {
      const { user, patientId } = patientOf(request);
      const { sessionId } = request.params;
      const now = ctx.now();
      const where = and(
        eq(techniqueSessions.id, sessionId),
        eq(techniqueSessions.patientId, patientId),
      );
      const [row] = await ctx.db.select().from(techniqueSessions).where(where);
      if (row === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
      if (now.getTime() - row.createdAt.getTime() > DELETE_WINDOW_MS) {
        throw new AppError('STEADY_ERR_DELETE_TOO_LATE');
      }
      await ctx.db.transaction(async (tx) => {
        await tx.delete(techniqueSessions).where(where);
        await audit(
          tx,
          { actorId: user.id, patientId, action: 'technique-session.delete', entityId: sessionId },
          now,
        );
      });
      return reply.status(204).send();
    },
  );
}
