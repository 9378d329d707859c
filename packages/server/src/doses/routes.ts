import { localDateOf } from '@steady/core';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { patientOf } from '../http/policy.js';
import {
  idempotencyKeySchema,
  localDateSchema,
  patientParams,
  reasonSchema,
  type TypedApp,
} from '../http/types.js';
import { findDoseEvents } from './repo.js';
import { correctDose, logDose } from './service.js';
import { localDaysRange, todayView } from './today.js';

const slotKey = z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'YYYY-MM-DDTHH:mm');
const amountMg = z.number().min(0).max(100);
const doseKind = z.enum(['taken', 'skipped', 'extra']);

const logBody = z.object({
  idempotencyKey: idempotencyKeySchema,
  kind: doseKind,
  slotKey: slotKey.nullable(),
  takenAt: z.iso.datetime({ offset: true }).optional(),
  amountMg: amountMg.optional(),
  reason: reasonSchema.optional(),
  confirmDuplicate: z.boolean().optional(),
});
const correctBody = z.object({
  idempotencyKey: idempotencyKeySchema,
  kind: doseKind.optional(),
  takenAt: z.iso.datetime({ offset: true }).optional(),
  amountMg: amountMg.optional(),
  reason: reasonSchema,
});
const rangeQuery = z.object({ from: localDateSchema, to: localDateSchema });

export function doseRoutes(app: TypedApp, ctx: AppContext): void {
  const read = {
    policy: { kind: 'patient-data', category: 'medications', access: 'read' },
  } as const;
  // Only the patient logs what they took.
  const write = {
    policy: { kind: 'patient-data', category: 'medications', access: 'write' },
  } as const;

  app.get(
    '/api/patients/:patientId/today',
    {
      config: read,
      schema: {
        tags: ['doses'],
        summary: "A day's scheduled doses in local time and what was logged",
        params: patientParams,
        querystring: z.object({ date: localDateSchema.optional() }),
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      const date = request.query.date ?? localDateOf(ctx.now().toISOString(), timeZone);
      return todayView(ctx, patientId, date, timeZone);
    },
  );

  app.post(
    '/api/patients/:patientId/doses',
    {
      config: write,
      schema: {
        tags: ['doses'],
        summary: 'Log a dose (taken, skipped or extra); idempotent by key',
        params: patientParams,
        body: logBody,
      },
    },
    async (request, reply) => {
      const { user, patientId, timeZone } = patientOf(request);
      const actor = { userId: user.id, patientId, timeZone };
      const { event, replayed } = await logDose(ctx, actor, request.body);
      if (!replayed) ctx.alerts?.schedule(patientId, ctx.now());
      return reply.status(replayed ? 200 : 201).send({ event });
    },
  );

  app.post(
    '/api/patients/:patientId/doses/:doseId/correct',
    {
      config: write,
      schema: {
        tags: ['doses'],
        summary: 'Correct a logged dose; the original stays in history',
        params: patientParams.extend({ doseId: z.uuid() }),
        body: correctBody,
      },
    },
    async (request, reply) => {
      const { user, patientId, timeZone } = patientOf(request);
      const actor = { userId: user.id, patientId, timeZone };
      const { event, replayed } = await correctDose(
        ctx,
        actor,
        request.params.doseId,
        request.body,
      );
      if (!replayed) ctx.alerts?.schedule(patientId, ctx.now());
      return reply.status(replayed ? 200 : 201).send({ event });
    },
  );

  app.get(
    '/api/patients/:patientId/doses',
    {
      config: read,
      schema: {
        tags: ['doses'],
        summary: 'Every dose event (corrections included) between two local dates',
        params: patientParams,
        querystring: rangeQuery,
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      const range = localDaysRange(request.query.from, request.query.to, timeZone);
      return { events: await findDoseEvents(ctx.db, patientId, range) };
    },
  );
}
