/**
 * Data portability (issue 6 item 4): CSV and JSON exports of the patient's own data, and the
 * deletion of their account after a grace period. Only the patient calls these routes
 * (`members: []`). An export is a POST: it is an audited act (`export.csv`, `export.json`),
 * and it answers with the file itself (`Content-Disposition: attachment`).
 */
import { localDateOf } from '@steady/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import type { RoutePolicy } from '../http/policy.js';
import { patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { accountExport } from './account.js';
import { CSV_DATASETS, datasetCsv } from './datasets.js';
import { cancelDeletion, pendingDeletion, requestDeletion } from './deletion.js';

/** Only the patient: their whole account is at stake. */
const policy = (access: 'read' | 'write'): RoutePolicy => ({
  kind: 'patient-data',
  category: 'care-team',
  access,
  members: [],
});

export const EXPORT_KINDS = [...CSV_DATASETS, 'account'] as const;

const exportBody = z.object({
  /** A CSV of one kind of record, or `account`: the complete JSON export. */
  kind: z.enum(EXPORT_KINDS),
});

const deletionView = z.object({
  id: z.uuid(),
  requestedAt: z.string(),
  purgeAfter: z.string(),
});

/** Send a file to download; never cached (it is health data). */
function sendFile(reply: FastifyReply, file: { name: string; type: string; body: string }) {
  return reply
    .header('content-type', `${file.type}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${file.name}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

export function portabilityRoutes(app: TypedApp, ctx: AppContext): void {
  app.post(
    '/api/patients/:patientId/exports',
    {
      config: { policy: policy('write') },
      schema: {
        tags: ['portability'],
        summary:
          'Download a CSV of doses, check-ins, questionnaires or techniques, or the whole account as JSON',
        params: patientParams,
        body: exportBody,
      },
    },
    async (request, reply) => {
      const { user, patientId, timeZone } = patientOf(request);
      const { kind } = request.body;
      const now = ctx.now();
      const day = localDateOf(now.toISOString(), timeZone);
      if (kind === 'account') {
        const document = await accountExport(ctx, patientId);
        const rows = Object.values(document.tables).reduce((n, t) => n + t.length, 0);
        await audit(
          ctx.db,
          { actorId: user.id, patientId, action: 'export.json', details: { kind, rows } },
          now,
        );
        return sendFile(reply, {
          name: `steady-account-${day}.json`,
          type: 'application/json',
          body: JSON.stringify(document, null, 2),
        });
      }
      const { csv, count } = await datasetCsv(ctx, kind, patientId, timeZone);
      await audit(
        ctx.db,
        { actorId: user.id, patientId, action: 'export.csv', details: { kind, rows: count } },
        now,
      );
      return sendFile(reply, { name: `steady-${kind}-${day}.csv`, type: 'text/csv', body: csv });
    },
  );

  app.get(
    '/api/patients/:patientId/account-deletion',
    {
      config: { policy: policy('read') },
      schema: {
        tags: ['portability'],
        summary: "The patient's pending account deletion, if any, and the grace period",
        params: patientParams,
        response: {
          200: z.object({ deletion: deletionView.nullable(), graceDays: z.number().int() }),
        },
      },
    },
    async (request) => {
      const { patientId } = patientOf(request);
      return {
        deletion: await pendingDeletion(ctx, patientId),
        graceDays: ctx.config.deletionGraceDays,
      };
    },
  );

  app.post(
    '/api/patients/:patientId/account-deletion',
    {
      config: { policy: policy('write') },
      schema: {
        tags: ['portability'],
        summary: 'Ask for the account to be deleted after the grace period (password required)',
        params: patientParams,
        body: z.object({ password: z.string().min(1).max(1000) }),
        response: { 201: z.object({ deletion: deletionView }) },
      },
    },
    async (request, reply) => {
      const { user } = patientOf(request);
      const deletion = await requestDeletion(ctx, user, request.body.password);
      return reply.status(201).send({ deletion });
    },
  );

  app.delete(
    '/api/patients/:patientId/account-deletion',
    {
      config: { policy: policy('write') },
      schema: {
        tags: ['portability'],
        summary: 'Cancel the pending account deletion',
        params: patientParams,
      },
    },
    async (request, reply) => {
      await cancelDeletion(ctx, patientOf(request).user);
      return reply.status(204).send();
    },
  );
}
