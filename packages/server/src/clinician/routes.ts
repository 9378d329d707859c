import { z } from 'zod';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/policy.js';
import type { TypedApp } from '../http/types.js';
import { linkedPatients } from './patients.js';

/** A whole number in a query string: digits only, so '' or '1e3' are errors, not 0 or 1000. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export function clinicianRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/clinician/patients',
    {
      config: { policy: { kind: 'signed-in', roles: ['clinician', 'caregiver'] } },
      schema: {
        tags: ['clinician'],
        summary:
          'Your linked patients, most serious open alert first, then most recent activity; fields without consent are hidden',
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          alert: z.enum(['any', 'none']).optional(),
          /** One patient's row (the patient page), whatever its place in the order. */
          id: z.uuid().optional(),
          limit: wholeNumber(1, 200).default(50),
          offset: wholeNumber(0, 1_000_000).default(0),
        }),
      },
    },
    async (request) => linkedPatients(ctx, callerOf(request), request.query),
  );
}
