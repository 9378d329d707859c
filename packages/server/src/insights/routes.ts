/**
 * GET /api/patients/:patientId/insights — "What helps me" (docs/beyond-the-pill/insights.md).
 * Techniques need `techniques`, activities `checkins`, dose timing `medications` and `checkins`:
 * any one lets a member in, and the parts not consented are left out and named in `hidden`.
 */
import { ASSOCIATION_DISCLAIMER, INSIGHT_MINIMUM_DATA, addDays, localDateOf } from '@steady/core';
import { z } from 'zod';
import { CATEGORIES, type DataCategory } from '../careteam/consent.js';
import { findCheckIns } from '../checkins/repo.js';
import type { AppContext } from '../context.js';
import { findDoseEvents } from '../doses/repo.js';
import { dayBounds } from '../doses/today.js';
import { maySee, patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { loadRegimenVersions } from '../regimen/service.js';
import { computeInsights } from './compute.js';
import { findSessionFacts } from './repo.js';

const INSIGHT_CATEGORIES = ['techniques', 'checkins', 'medications'] as const;
const DAY_MS = 86_400_000;

const minimum = z.object({ pairedDays: z.number().int(), perGroup: z.number().int() });
const effect = z.object({
  outcome: z.enum([
    'pain-in-session',
    'tension-in-session',
    'pain-same-day',
    'pain-next-day',
    'drowsiness-same-day',
  ]),
  comparison: z.enum(['before-after', 'days']),
  status: z.enum(['ok', 'insufficient-data', 'no-variation']),
  lagDays: z.number().int(),
  scaleMax: z.union([z.literal(10), z.literal(3)]),
  n: z.number().int(),
  nWith: z.number().int().nullable(),
  nWithout: z.number().int().nullable(),
  minimum,
  needed: z
    .object({
      pairedDays: z.number().int(),
      withFactor: z.number().int().nullable(),
      withoutFactor: z.number().int().nullable(),
    })
    .nullable(),
  estimate: z.number().nullable(),
  ci: z.object({ lower: z.number(), upper: z.number(), level: z.number() }).nullable(),
  hedgesG: z.number().nullable(),
  wording: z.string(),
});
const factor = z.object({
  id: z.string(),
  kind: z.enum(['technique', 'activity', 'dose-timing']),
  key: z.string(),
  days: z.number().int(),
  effects: z.array(effect),
});
export const insightsResponse = z.object({
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  minimum,
  disclaimer: z.string(),
  hidden: z.array(z.enum(CATEGORIES)),
  factors: z.array(factor),
});

export function insightRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/insights',
    {
      config: {
        policy: { kind: 'patient-data', category: INSIGHT_CATEGORIES, access: 'read' },
      },
      schema: {
        tags: ['insights'],
        summary:
          'Associations of techniques, check-in activities and dose timing with pain, tension and drowsiness over the last `days` local days (the parts the caller may see; the others are listed in `hidden`)',
        params: patientParams,
        querystring: z.object({ days: z.coerce.number().int().min(14).max(366).default(90) }),
        response: { 200: insightsResponse },
      },
    },
    async (request) => {
      const access = patientOf(request);
      const { patientId, timeZone: zone } = access;
      const see = (c: DataCategory) => maySee(access, c);
      const now = ctx.now();
      const to = localDateOf(now.toISOString(), zone);
      const from = addDays(to, 1 - request.query.days);
      const range = { from: dayBounds(from, zone).from, to: dayBounds(to, zone).to };
      const withDoses = see('medications') && see('checkins');
      const [sessions, checkIns, versions, events] = await Promise.all([
        see('techniques') ? findSessionFacts(ctx.db, patientId, range) : null,
        see('checkins') ? findCheckIns(ctx.db, patientId, range) : null,
        withDoses ? loadRegimenVersions(ctx, patientId) : null,
        // A day's margin each side for slots answered early or late.
        withDoses
          ? findDoseEvents(ctx.db, patientId, {
              from: new Date(range.from.getTime() - DAY_MS),
              to: new Date(range.to.getTime() + DAY_MS),
            })
          : null,
      ]);
      const factors = computeInsights({
        zone,
        from,
        to,
        sessions,
        checkIns,
        doses:
          versions === null || events === null
            ? null
            : { versions, events, now: now.toISOString() },
      });
      return {
        timeZone: zone,
        from,
        to,
        minimum: INSIGHT_MINIMUM_DATA.value,
        disclaimer: ASSOCIATION_DISCLAIMER,
        hidden: INSIGHT_CATEGORIES.filter((c) => !see(c)),
        factors,
      };
    },
  );
}
