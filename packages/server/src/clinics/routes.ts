import { z } from 'zod';
import { DISCIPLINES } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/policy.js';
import type { TypedApp } from '../http/types.js';
import { addClinician, listClinicians, setClinicianActive } from './service.js';

const clinicParams = z.object({ clinicId: z.uuid() });
const admin = { policy: { kind: 'clinic-admin' } } as const;

export function clinicRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/clinics/:clinicId/clinicians',
    {
      config: admin,
      schema: { tags: ['clinics'], summary: "The clinic's clinicians", params: clinicParams },
    },
    async (request) => ({ clinicians: await listClinicians(ctx, request.params.clinicId) }),
  );

  app.post(
    '/api/clinics/:clinicId/clinicians',
    {
      config: admin,
      schema: {
        tags: ['clinics'],
        summary: 'Add a clinician; their temporary password is shown once',
        params: clinicParams,
        body: z.object({
          email: z.email().max(254),
          displayName: z.string().trim().min(1).max(100),
          discipline: z.enum(DISCIPLINES),
        }),
      },
    },
    async (request, reply) => {
      const created = await addClinician(
        ctx,
        callerOf(request),
        request.params.clinicId,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/clinics/:clinicId/clinicians/:userId',
    {
      config: admin,
      schema: {
        tags: ['clinics'],
        summary: 'Activate or deactivate a clinician (inactive: no sign-in, links grant nothing)',
        params: clinicParams.extend({ userId: z.uuid() }),
        body: z.object({ active: z.boolean() }),
      },
    },
    async (request) => ({
      clinician: await setClinicianActive(
        ctx,
        callerOf(request),
        request.params.clinicId,
        request.params.userId,
        request.body.active,
      ),
    }),
  );
}
