import { localDateOf, type PatientProfile } from '@steady/core';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { patientProfiles } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { patientOf } from '../http/policy.js';
import { localDateSchema, patientParams, type TypedApp } from '../http/types.js';

const fact = z.boolean().nullable().default(null);
/** Each safety fact is optional: null means "not answered", which rules treat as unknown. */
const profileBody = z.object({
  dateOfBirth: localDateSchema
    .refine((d) => d >= '1900-01-01', 'date of birth before 1900')
    .nullable()
    .default(null),
  sleepApnea: fact,
  myastheniaGravis: fact,
  severeRespiratoryInsufficiency: fact,
  severeHepaticInsufficiency: fact,
  acuteNarrowAngleGlaucoma: fact,
  copd: fact,
  substanceUseDisorderHistory: fact,
  pregnancy: fact,
});

const EMPTY: PatientProfile = {
  dateOfBirth: null,
  sleepApnea: null,
  myastheniaGravis: null,
  severeRespiratoryInsufficiency: null,
  severeHepaticInsufficiency: null,
  acuteNarrowAngleGlaucoma: null,
  copd: null,
  substanceUseDisorderHistory: null,
  pregnancy: null,
};

/** The patient's safety facts (all unknown until answered). */
export async function loadProfile(ctx: AppContext, patientId: string): Promise<PatientProfile> {
  const rows = await ctx.db
    .select()
    .from(patientProfiles)
    .where(eq(patientProfiles.patientId, patientId))
    .limit(1);
  const row = rows[0];
  if (row === undefined) return EMPTY;
  const { patientId: _id, updatedAt: _at, ...profile } = row;
  return profile;
}

export function profileRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/profile',
    {
      config: { policy: { kind: 'patient-data', category: 'medications', access: 'read' } },
      schema: { tags: ['profile'], summary: 'Safety facts', params: patientParams },
    },
    async (request) => ({ profile: await loadProfile(ctx, patientOf(request).patientId) }),
  );

  app.put(
    '/api/patients/:patientId/profile',
    {
      config: { policy: { kind: 'patient-data', category: 'medications', access: 'write' } },
      schema: {
        tags: ['profile'],
        summary: 'Replace safety facts',
        params: patientParams,
        body: profileBody,
      },
    },
    async (request) => {
      const { user, patientId, timeZone } = patientOf(request);
      const now = ctx.now();
      // "Today" is the patient's local date: east of UTC it can already be tomorrow there.
      const today = localDateOf(now.toISOString(), timeZone);
      if (request.body.dateOfBirth !== null && request.body.dateOfBirth > today) {
        throw new AppError('STEADY_ERR_VALIDATION', [
          { path: '/body/dateOfBirth', message: 'in the future' },
        ]);
      }
      const values = { ...request.body, updatedAt: now };
      await ctx.db.transaction(async (tx) => {
        await tx
          .insert(patientProfiles)
          .values({ patientId, ...values })
          .onConflictDoUpdate({ target: patientProfiles.patientId, set: values });
        await audit(tx, { actorId: user.id, patientId, action: 'profile.update' }, now);
      });
      ctx.alerts?.schedule(patientId, now);
      return { profile: await loadProfile(ctx, patientId) };
    },
  );
}
