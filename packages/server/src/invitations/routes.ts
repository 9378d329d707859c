import { z } from 'zod';
import { consentSchema } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import { callerOf, patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { createSmtpMailer } from '../mail/mailer.js';
import { emailInvitation, NOT_EMAILED, type EmailOutcome } from './email.js';
import {
  acceptInvitation,
  describeInvitation,
  inviteMember,
  invitePatient,
  type StoredInvitation,
} from './service.js';

/** Codes are typed by people: any case, dashes optional; anything else simply does not match. */
const codeParams = z.object({ code: z.string().min(1).max(40) });
/** Guessing codes is slow: 31¹⁰ codes, and this many tries a minute per address. */
const codeLimit = { max: 30, timeWindow: '1 minute' };

/** Where to email the invitation too (only when the server has SMTP settings). */
const emailField = z.email().max(254).optional();

/** The answer to creating an invitation: the code to share, and whether it was emailed. */
const createdResponse = {
  201: z.object({
    invitation: z.object({
      code: z.string(),
      url: z.string(),
      expiresAt: z.string(),
      kind: z.enum(['clinician-invites-patient', 'patient-invites-member']),
    }),
    emailed: z.boolean(),
    emailError: z.enum(['not-configured', 'limit-reached', 'send-failed']).nullable(),
  }),
};

const created = ({ code, url, expiresAt, kind }: StoredInvitation, email: EmailOutcome) => ({
  invitation: { code, url, expiresAt, kind },
  ...email,
});

export function invitationRoutes(app: TypedApp, ctx: AppContext): void {
  // One per app (not pooled: no connection is kept between messages).
  const mailer = ctx.config.mail === null ? null : createSmtpMailer(ctx.config.mail);

  app.post(
    '/api/invitations',
    {
      config: { policy: { kind: 'signed-in', roles: ['clinician'] } },
      schema: {
        tags: ['invitations'],
        summary: 'Invite a patient to link with you (a clinician); also emailed when SMTP is set',
        body: z.object({ note: z.string().trim().max(500).optional(), email: emailField }),
        response: createdResponse,
      },
    },
    async (request, reply) => {
      const sender = callerOf(request);
      const { note, email } = request.body;
      const invitation = await invitePatient(ctx, sender, note ?? null);
      const outcome =
        email === undefined
          ? NOT_EMAILED
          : await emailInvitation(ctx, mailer, request.log, {
              invitation,
              sender,
              patientId: null,
              memberKind: null,
              to: email,
            });
      return reply.status(201).send(created(invitation, outcome));
    },
  );

  app.post(
    '/api/patients/:patientId/invitations',
    {
      config: { policy: { kind: 'patient-data', category: 'care-team', access: 'write' } },
      schema: {
        tags: ['invitations'],
        summary:
          'Invite a clinician or a caregiver (a patient), optionally choosing the consent; also emailed when SMTP is set',
        params: patientParams,
        body: z.object({
          memberKind: z.enum(['clinician', 'caregiver']),
          consent: consentSchema.optional(),
          email: emailField,
        }),
        response: createdResponse,
      },
    },
    async (request, reply) => {
      const { patientId, user } = patientOf(request);
      const { memberKind, consent, email } = request.body;
      const invitation = await inviteMember(ctx, patientId, memberKind, consent ?? null);
      const outcome =
        email === undefined
          ? NOT_EMAILED
          : await emailInvitation(ctx, mailer, request.log, {
              invitation,
              sender: user,
              patientId,
              memberKind,
              to: email,
            });
      return reply.status(201).send(created(invitation, outcome));
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
