import { localDateOf, regimenOn } from '@steady/core';
import { z } from 'zod';
import { prescriberManagesRegimen } from '../careteam/service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { patientOf } from '../http/policy.js';
import {
  localDateSchema,
  localTimeSchema,
  patientParams,
  reasonSchema,
  type TypedApp,
} from '../http/types.js';
import { createRegimenVersion, loadRegimenVersions } from './service.js';

/** Upper bound against typing mistakes (e.g. 50 instead of 5), not a clinical limit. */
const amountMg = z.number().positive().max(100);
const optionalText = z.string().trim().max(200).nullable().default(null);

const regimenBody = z.object({
  formulation: z.enum(['tab2', 'tab5', 'tab10', 'sol1']),
  doses: z.array(z.object({ time: localTimeSchema, amountMg })).max(12),
  asNeeded: z
    .object({
      amountMg,
      minIntervalHours: z.number().min(1).max(72),
      maxPerDay: z.number().int().min(1).max(12),
    })
    .nullable()
    .default(null),
  startDate: localDateSchema,
  endDate: localDateSchema.nullable().default(null),
  prescriber: optionalText,
  indication: optionalText,
  reason: reasonSchema,
});

export function regimenRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/regimen',
    {
      config: { policy: { kind: 'patient-data', category: 'medications', access: 'read' } },
      schema: {
        tags: ['regimen'],
        summary: 'Current diazepam regimen and every version',
        params: patientParams,
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      const versions = await loadRegimenVersions(ctx, patientId);
      const today = localDateOf(ctx.now().toISOString(), timeZone);
      const inForce = regimenOn(versions, today, timeZone);
      // Nothing in force yet: show a version that starts later, so the patient sees what is coming.
      const upcoming = versions.filter((v) => v.startDate > today).at(-1) ?? null;
      const current = versions.find((v) => v.id === inForce?.id) ?? upcoming;
      return { current, versions };
    },
  );

  app.post(
    '/api/patients/:patientId/regimen',
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
        summary:
          'Record a new regimen version, with the reason (the prescriber once one is linked)',
        params: patientParams,
        body: regimenBody,
      },
    },
    async (request, reply) => {
      const { user, patientId, as } = patientOf(request);
      // The regimen is the prescriber's: once one is linked, the patient asks instead.
      if (as === 'patient' && (await prescriberManagesRegimen(ctx, patientId))) {
        throw new AppError('STEADY_ERR_REGIMEN_PRESCRIBED');
      }
      const version = await createRegimenVersion(ctx, patientId, user.id, request.body);
      ctx.alerts?.schedule(patientId, ctx.now());
      return reply.status(201).send({ version });
    },
  );
}
