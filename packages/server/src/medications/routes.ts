import { asc, and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { medications } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import {
  addMedication,
  medicationView as view,
  removeMedication,
  updateMedication,
} from './service.js';

const medicationBody = z.object({
  name: z.string().trim().min(1).max(200),
  dose: z.string().trim().max(100).nullable().default(null),
  frequency: z.string().trim().max(100).nullable().default(null),
  active: z.boolean().default(true),
});
const medicationParams = patientParams.extend({ medicationId: z.uuid() });

export function medicationRoutes(app: TypedApp, ctx: AppContext): void {
  const read = {
    policy: { kind: 'patient-data', category: 'medications', access: 'read' },
  } as const;
  // Pharmacists reconcile the medication list; prescribers keep it with the regimen.
  const write = {
    policy: {
      kind: 'patient-data',
      category: 'medications',
      access: 'write',
      members: ['prescriber', 'pharmacist'],
    },
  } as const;

  app.get(
    '/api/patients/:patientId/medications',
    {
      config: read,
      schema: { tags: ['medications'], summary: 'Other medications', params: patientParams },
    },
    async (request) => {
      const { patientId } = patientOf(request);
      const rows = await ctx.db
        .select()
        .from(medications)
        .where(and(eq(medications.patientId, patientId), isNull(medications.deletedAt)))
        .orderBy(asc(medications.createdAt));
      return { medications: rows.map(view) };
    },
  );

  app.post(
    '/api/patients/:patientId/medications',
    {
      config: write,
      schema: {
        tags: ['medications'],
        summary: 'Add another medication',
        params: patientParams,
        body: medicationBody,
      },
    },
    async (request, reply) => {
      const { user, patientId } = patientOf(request);
      const now = ctx.now();
      const row = await ctx.db.transaction((tx) =>
        addMedication(tx, { userId: user.id, patientId }, request.body, now),
      );
      ctx.alerts?.schedule(patientId, now);
      return reply.status(201).send({ medication: view(row) });
    },
  );

  app.put(
    '/api/patients/:patientId/medications/:medicationId',
    {
      config: write,
      schema: {
        tags: ['medications'],
        summary: 'Change a medication',
        params: medicationParams,
        body: medicationBody,
      },
    },
    async (request) => {
      const { user, patientId } = patientOf(request);
      const now = ctx.now();
      const row = await ctx.db.transaction((tx) =>
        updateMedication(
          tx,
          { userId: user.id, patientId },
          request.params.medicationId,
          request.body,
          now,
        ),
      );
      if (row === null) throw new AppError('STEADY_ERR_NOT_FOUND');
      ctx.alerts?.schedule(patientId, now);
      return { medication: view(row) };
    },
  );

  app.delete(
    '/api/patients/:patientId/medications/:medicationId',
    {
      config: write,
      schema: {
        tags: ['medications'],
        summary: 'Remove a medication (kept in history)',
        params: medicationParams,
      },
    },
    async (request, reply) => {
      const { user, patientId } = patientOf(request);
      const now = ctx.now();
      const removed = await ctx.db.transaction((tx) =>
        removeMedication(tx, { userId: user.id, patientId }, request.params.medicationId, now),
      );
      if (!removed) throw new AppError('STEADY_ERR_NOT_FOUND');
      ctx.alerts?.schedule(patientId, now);
      return reply.status(204).send();
    },
  );
}
