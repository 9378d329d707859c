import { z } from 'zod';
import { consentSchema } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import { callerOf, patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { acceptInvitation, describeInvitation, inviteMember, invitePatient } from './service.js';

/** Codes are typed by people: any case, dashes optional; anything else simply does not match. */
const codeParams = z.object({ code: z.string().min(1).max(40) });
/** Guessing codes is slow: 31¹⁰ codes, and this many tries a minute per address. */
const codeLimit = { max: 30, timeWindow: '1 minute' };

export function invitationRoutes(app: TypedApp, ctx: AppContext): void {
  app.post(
    '/api/invitations',
    {
      config: { policy: { kind: 'signed-in', roles: ['clinician'] } },
      schema: {
        tags: ['invitations'],
        summary: 'Invite a patient to link with you (a clinician)',
        body: z.object({ note: z.string().trim().max(500).optional() }),
      },
    },
    async (request, reply) => {
      const invitation = await invitePatient(ctx, callerOf(request), request.body.note ?? null);
      return reply.status(201).send({ invitation });
    },
  );

  app.post(
    '/api/patients/:patientId/invitations',
    {
      config: { policy: { kind: 'patient-data', category: 'care-team', access: 'write' } },
      schema: {
        tags: ['invitations'],
        summary: 'Invite a clinician or a caregiver (a patient), optionally choosing the consent',
        params: patientParams,
        body: z.object({
          memberKind: z.enum(['clinician', 'caregiver']),
          consent: consentSchema.optional(),
        }),
      },
    },
    async (request, reply) => {
      const { patientId } = patientOf(request);
      const { memberKind, consent } = request.body;
      const invitation = await inviteMember(ctx, patientId, memberKind, consent ?? null);
      return reply.status(201).send({ invitation });
    },
  );

  app.get(
    '/api/invitations/:code',
    {
      // Anonymous too: the caregiver sign-up page shows who invites before an account exists.
      config: { policy: { kind: 'public' }, rateLimit: codeLimit },
      schema: {
        tags: ['invitations'],
        summary: 'Who invites, and the consent proposed (unknown, expired and used codes: 404)',
        params: codeParams,
      },
    },
    async (request) => ({
      invitation: await describeInvitation(ctx, request.params.code, request.auth?.user ?? null),
    }),
  );

  app.post(
    '/api/invitations/:code/accept',
    {
      config: {
        policy: { kind: 'signed-in', roles: ['patient', 'clinician', 'caregiver'] },
        rateLimit: codeLimit,
      },
      schema: {
        tags: ['invitations'],
        summary: 'Accept an invitation: the link is made at once',
        params: codeParams,
        // A patient sends the consent they chose; a member sends {} (the patient chose).
        body: z.object({ consent: consentSchema.optional() }),
      },
    },
    async (request, reply) => {
      const link = await acceptInvitation(
        ctx,
        request.params.code,
        callerOf(request),
        request.body.consent,
      );
      return reply.status(201).send({ link });
    },
  );
}
