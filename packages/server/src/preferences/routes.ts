/**
 * The patient's display preferences (issue 8 item 7: low-energy mode), kept on the server so
 * every device agrees. Only the patient reads or writes them: `members: []` on both routes, so
 * every care-team member gets 404 whatever their consent. The category is `notes` — the
 * patient's private category, shared with no member kind by default — so that even if
 * `members` were ever dropped by mistake, the default consent would still keep members out.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { patientPreferences } from '../db/techniquesSchema.js';
import { ownSettingsPolicy, patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';

const preferences = z.object({ lowEnergy: z.boolean() });
export type Preferences = z.infer<typeof preferences>;

const DEFAULTS: Preferences = { lowEnergy: false };

const READ = ownSettingsPolicy('read');
const WRITE = ownSettingsPolicy('write');

async function loadPreferences(ctx: AppContext, patientId: string): Promise<Preferences> {
  const rows = await ctx.db
    .select({ lowEnergy: patientPreferences.lowEnergy })
    .from(patientPreferences)
    .where(eq(patientPreferences.patientId, patientId))
    .limit(1);
  return rows[0] ?? DEFAULTS;
}

export function preferenceRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/preferences',
    {
      config: { policy: READ },
      schema: {
        tags: ['preferences'],
        summary: "The patient's display preferences (the patient only)",
        params: patientParams,
        response: { 200: z.object({ preferences }) },
      },
    },
    async (request) => ({ preferences: await loadPreferences(ctx, patientOf(request).patientId) }),
  );

  app.put(
    '/api/patients/:patientId/preferences',
    {
      config: { policy: WRITE },
      schema: {
        tags: ['preferences'],
        summary: "Replace the patient's display preferences (the patient only)",
        params: patientParams,
        body: preferences.strict(),
        response: { 200: z.object({ preferences }) },
      },
    },
    async (request) => {
      const { user, patientId } = patientOf(request);
      const now = ctx.now();
      const { lowEnergy } = request.body;
      await ctx.db.transaction(async (tx) => {
        await tx
          .insert(patientPreferences)
          .values({ patientId, lowEnergy, updatedAt: now })
          .onConflictDoUpdate({
            target: patientPreferences.patientId,
            set: { lowEnergy, updatedAt: now },
          });
        await audit(
          tx,
          { actorId: user.id, patientId, action: 'preferences.update', details: { lowEnergy } },
          now,
        );
      });
      return { preferences: { lowEnergy } };
    },
  );
}
