/**
 * Regimen requests: once a prescriber owns the regimen, the patient asks for a change here and
 * the prescriber answers (done or declined). Only a prescriber resolves a request.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { regimenRequests, users } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';

const requestParams = patientParams.extend({ requestId: z.uuid() });

async function loadRequests(ctx: AppContext, patientId: string, requestId?: string) {
  const rows = await ctx.db
    .select({ r: regimenRequests, resolverName: users.displayName })
    .from(regimenRequests)
    .leftJoin(users, eq(users.id, regimenRequests.resolvedBy))
    .where(
      and(
        eq(regimenRequests.patientId, patientId),
        requestId === undefined ? undefined : eq(regimenRequests.id, requestId),
      ),
    )
    .orderBy(desc(regimenRequests.createdAt), desc(regimenRequests.id));
  return rows.map(({ r, resolverName }) => ({
    id: r.id,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
    status: r.status,
    response: r.response,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolvedBy:
      r.resolvedBy === null ? null : { id: r.resolvedBy, displayName: resolverName ?? '' },
  }));
}

export function regimenRequestRoutes(app: TypedApp, ctx: AppContext): void {
  app.post(
    '/api/patients/:patientId/regimen-requests',
    {
      config: { policy: { kind: 'patient-data', category: 'medications', access: 'write' } },
      schema: {
        tags: ['regimen'],
        summary: 'Ask the prescriber to change the regimen',
        params: patientParams,
        body: z.object({ message: z.string().trim().min(1).max(2000) }),
      },
    },
    async (request, reply) => {
      const { user, patientId } = patientOf(request);
      const now = ctx.now();
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await tx.insert(regimenRequests).values({
          id,
          patientId,
          message: request.body.message,
          status: 'open',
          createdAt: now,
        });
        await audit(
          tx,
          { actorId: user.id, patientId, action: 'regimen-request.create', entityId: id },
          now,
        );
      });
      const [created] = await loadRequests(ctx, patientId, id);
      return reply.status(201).send({ request: created });
    },
  );

  app.get(
    '/api/patients/:patientId/regimen-requests',
    {
      config: {
        policy: {
          kind: 'patient-data',
          category: 'medications',
          access: 'read',
          members: ['prescriber'],
        },
      },
      schema: {
        tags: ['regimen'],
        summary: 'Regimen requests, newest first',
        params: patientParams,
      },
    },
    async (request) => ({ requests: await loadRequests(ctx, patientOf(request).patientId) }),
  );

  app.patch(
    '/api/patients/:patientId/regimen-requests/:requestId',
    {
      config: {
        policy: {
          kind: 'patient-data',
          category: 'medications',
          access: 'write',
          members: ['prescriber'],
        },
      },
      schema: {
        tags: ['regimen'],
        summary: 'Answer a regimen request (the prescriber)',
        params: requestParams,
        body: z.object({
          status: z.enum(['done', 'declined']),
          response: z.string().trim().max(2000).nullable().default(null),
        }),
      },
    },
    async (request) => {
      const { user, patientId, as } = patientOf(request);
      const { requestId } = request.params;
      // Unknown ids first, so the answer is the same 404 as anywhere else.
      if ((await loadRequests(ctx, patientId, requestId)).length === 0) {
        throw new AppError('STEADY_ERR_NOT_FOUND');
      }
      if (as !== 'prescriber') throw new AppError('STEADY_ERR_FORBIDDEN');
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(regimenRequests)
          .set({ ...request.body, resolvedAt: now, resolvedBy: user.id })
          .where(and(eq(regimenRequests.id, requestId), eq(regimenRequests.patientId, patientId)));
        await audit(
          tx,
          {
            actorId: user.id,
            patientId,
            action: 'regimen-request.resolve',
            entityId: requestId,
            details: { status: request.body.status },
          },
          now,
        );
      });
      const [updated] = await loadRequests(ctx, patientId, requestId);
      return { request: updated };
    },
  );
}
