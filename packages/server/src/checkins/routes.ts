import { randomUUID } from 'node:crypto';
import { checkInGuidance, SIDE_EFFECT_KEYS } from '@steady/core';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { checkIns } from '../db/schema.js';
import { localDaysRange } from '../doses/today.js';
import { AppError } from '../http/errors.js';
import { patientOf } from '../http/policy.js';
import {
  idempotencyKeySchema,
  localDateSchema,
  patientParams,
  type TypedApp,
} from '../http/types.js';
import { findCheckIns, toCheckIn } from './repo.js';

const scale = z.number().int().min(0).max(10);
const severity = z.enum(['none', 'mild', 'moderate', 'severe']);
const sideEffects = z.object(
  Object.fromEntries(SIDE_EFFECT_KEYS.map((k) => [k, severity])) as Record<
    (typeof SIDE_EFFECT_KEYS)[number],
    typeof severity
  >,
);

/** How far back a check-in may be dated: one kept on an offline phone for up to two weeks. */
const BACKDATE_LIMIT_MS = 14 * 24 * 3_600_000;
/** Clock skew accepted between a phone and the server. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const checkInBody = z.object({
  idempotencyKey: idempotencyKeySchema,
  /** When the patient answered, if earlier than now (sent later from an offline phone). */
  at: z.iso.datetime({ offset: true }).optional(),
  pain: scale,
  spasm: scale,
  sleepQuality: scale.nullable().default(null),
  anxiety: scale.nullable().default(null),
  mood: scale.nullable().default(null),
  sideEffects,
  fall: z.enum(['none', 'near_fall', 'fall']),
  breathingProblem: z.boolean(),
  otherSideEffect: z
    .object({ text: z.string().trim().min(1).max(300), severity })
    .nullable()
    .default(null),
  activities: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  note: z.string().trim().max(2000).nullable().default(null),
});

export function checkInRoutes(app: TypedApp, ctx: AppContext): void {
  app.post(
    '/api/patients/:patientId/checkins',
    {
      config: { policy: { kind: 'patient-data', category: 'checkins', access: 'write' } },
      schema: {
        tags: ['check-ins'],
        summary: 'Record a check-in; returns guidance when the answers call for it',
        params: patientParams,
        body: checkInBody,
      },
    },
    async (request, reply) => {
      const { user, patientId } = patientOf(request);
      const { idempotencyKey, at: answeredAt, ...answers } = request.body;
      const now = ctx.now();
      const at = answeredAt === undefined ? now : new Date(answeredAt);
      if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
        throw new AppError('STEADY_ERR_VALIDATION', [
          { path: '/body/at', message: 'in the future' },
        ]);
      }
      if (at.getTime() < now.getTime() - BACKDATE_LIMIT_MS) {
        throw new AppError('STEADY_ERR_VALIDATION', [
          { path: '/body/at', message: 'more than 14 days ago' },
        ]);
      }
      const id = randomUUID();
      const rows = await ctx.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(checkIns)
          .values({ id, patientId, at, ...answers, idempotencyKey, createdAt: now })
          .onConflictDoNothing()
          .returning();
        if (inserted.length === 1) {
          await audit(
            tx,
            { actorId: user.id, patientId, action: 'checkin.create', entityId: id },
            now,
          );
        }
        return inserted;
      });
      let row = rows[0];
      const replayed = row === undefined;
      if (row === undefined) {
        const existing = await ctx.db
          .select()
          .from(checkIns)
          .where(
            and(eq(checkIns.patientId, patientId), eq(checkIns.idempotencyKey, idempotencyKey)),
          )
          .limit(1);
        row = existing[0];
        if (row === undefined) throw new AppError('STEADY_ERR_INTERNAL');
      }
      const checkIn = toCheckIn(row);
      if (!replayed) ctx.alerts?.schedule(patientId, now);
      // Guidance cites its sources in @steady/core; the API sends level and code, the app the words.
      const guidance = checkInGuidance(checkIn).map((g) => ({
        level: g.level,
        code: g.code,
        sources: g.sources,
      }));
      return reply.status(replayed ? 200 : 201).send({ checkIn, guidance });
    },
  );

  app.get(
    '/api/patients/:patientId/checkins',
    {
      config: { policy: { kind: 'patient-data', category: 'checkins', access: 'read' } },
      schema: {
        tags: ['check-ins'],
        summary: 'Check-ins between two local dates',
        params: patientParams,
        querystring: z.object({ from: localDateSchema, to: localDateSchema }),
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      const range = localDaysRange(request.query.from, request.query.to, timeZone);
      return { checkIns: await findCheckIns(ctx.db, patientId, range) };
    },
  );
}
