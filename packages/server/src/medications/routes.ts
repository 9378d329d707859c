import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { medications } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';

const medicationBody = z.object({
  name: z.string().trim().min(1).max(200),
  dose: z.string().trim().max(100).nullable().default(null),
  frequency: z.string().trim().max(100).nullable().default(null),
  active: z.boolean().default(true),
});
const medicationParams = patientParams.extend({ medicationId: z.uuid() });

const view = (m: typeof medications.$inferSelect) => ({
  id: m.id,
  name: m.name,
  dose: m.dose,
  frequency: m.frequency,
  active: m.active,
  createdAt: m.createdAt.toISOString(),
});

const ownMedication = (patientId: string, id: string) =>
  and(eq(medications.id, id), eq(medications.patientId, patientId), isNull(medications.deletedAt));

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
      const id = randomUUID();
      const [row] = await ctx.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(medications)
          .values({ id, patientId, ...request.body, createdAt: now, updatedAt: now })
          .returning();
        await audit(
          tx,
          { actorId: user.id, patientId, action: 'medication.create', entityId: id },
          now,
        );
        return inserted;
      });
      if (row === undefined) throw new AppError('STEADY_ERR_INTERNAL');
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
      const [row] = await ctx.db.transaction(async (tx) => {
        const updated = await tx
          .update(medications)
          .set({ ...request.body, updatedAt: now })
          .where(ownMedication(patientId, request.params.medicationId))
          .returning();
        if (updated.length > 0) {
          await audit(
            tx,
            {
              actorId: user.id,
              patientId,
              action: 'medication.update',
              entityId: request.params.medicationId,
            },
            now,
          );
        }
        return updated;
      });
      if (row === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
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
      const removed = await ctx.db.transaction(async (tx) => {
        const rows = await tx
          .update(medications)
          .set({ deletedAt: now, updatedAt: now })
          .where(ownMedication(patientId, request.params.medicationId))
          .returning({ id: medications.id });
        if (rows.length > 0) {
          await audit(
            tx,
            {
              actorId: user.id,
              patientId,
              action: 'medication.delete',
              entityId: request.params.medicationId,
            },
            now,
          );
        }
        return rows.length;
      });
      if (removed === 0) throw new AppError('STEADY_ERR_NOT_FOUND');
      ctx.alerts?.schedule(patientId, now);
      return reply.status(204).send();
    },
  );
}
