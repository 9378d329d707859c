import { z } from 'zod';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/policy.js';
import type { TypedApp } from '../http/types.js';
import { linkedPatients } from './patients.js';

export function clinicianRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/clinician/patients',
    {
      config: { policy: { kind: 'signed-in', roles: ['clinician', 'caregiver'] } },
      schema: {
        tags: ['clinician'],
        summary: 'Your linked patients (search by name); fields without consent are hidden',
        querystring: z.object({ q: z.string().trim().max(100).optional() }),
      },
    },
    async (request) => ({
      patients: await linkedPatients(ctx, callerOf(request), request.query.q),
    }),
  );
}
