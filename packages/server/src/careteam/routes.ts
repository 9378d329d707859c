import { z } from 'zod';
import { accessLog } from '../audit/access.js';
import type { AppContext } from '../context.js';
import { patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { CATEGORIES, CONSENT_DEFAULTS, consentSchema, MEMBER_KINDS } from './consent.js';
import { careTeamOf, revokeLink, updateConsent } from './service.js';

const linkParams = patientParams.extend({ linkId: z.uuid() });

export function careTeamRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/consent-defaults',
    {
      config: { policy: { kind: 'public' } },
      schema: {
        tags: ['care-team'],
        summary: 'Consent categories and the defaults per kind of member',
      },
    },
    () => ({ categories: CATEGORIES, defaults: CONSENT_DEFAULTS }),
  );

  app.get(
    '/api/patients/:patientId/care-team',
    {
      // Members see only their own link (the handler filters).
      config: { policy: { kind: 'patient-data', category: 'care-team', access: 'read' } },
      schema: {
        tags: ['care-team'],
        summary: 'The care team: every link for the patient, their own link for a member',
        params: patientParams,
      },
    },
    async (request) => ({ members: await careTeamOf(ctx, patientOf(request)) }),
  );

  app.put(
    '/api/patients/:patientId/care-team/:linkId/consent',
    {
      config: { policy: { kind: 'patient-data', category: 'care-team', access: 'write' } },
      schema: {
        tags: ['care-team'],
        summary: 'Change what a member may see (effective immediately)',
        params: linkParams,
        body: z.object({ consent: consentSchema }),
      },
    },
    async (request) => ({
      link: await updateConsent(
        ctx,
        patientOf(request),
        request.params.linkId,
        request.body.consent,
      ),
    }),
  );

  app.delete(
    '/api/patients/:patientId/care-team/:linkId',
    {
      // The patient ends any link; a member may leave (their own link only).
      config: {
        policy: {
          kind: 'patient-data',
          category: 'care-team',
          access: 'write',
          members: MEMBER_KINDS,
        },
      },
      schema: {
        tags: ['care-team'],
        summary: 'End a link (effective immediately)',
        params: linkParams,
      },
    },
    async (request, reply) => {
      await revokeLink(ctx, patientOf(request), request.params.linkId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/patients/:patientId/access-log',
    {
      config: {
        policy: { kind: 'patient-data', category: 'care-team', access: 'read', members: [] },
      },
      schema: {
        tags: ['care-team'],
        summary: "Every read and write of the patient's data by someone else, newest first",
        params: patientParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
    },
    async (request) => ({
      entries: await accessLog(ctx.db, patientOf(request).patientId, request.query.limit),
    }),
  );
}
