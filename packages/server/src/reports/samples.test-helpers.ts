/**
 * Route-suite fixtures of this feature (see http/features.test-helpers.ts). The visit summary
 * keeps no records of its own: it reads the seeded patient's data, so there is nothing to seed;
 * its one route needs a period (and is asked for every section on US Letter).
 */
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

export const seed: FeatureSeeder = () => Promise.resolve({ ids: {}, secrets: [] });

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {};

const PERIOD = '?from=2026-03-01&to=2026-03-31&paper=LETTER';

export const queries: Readonly<Record<string, string>> = {
  'GET /api/patients/:patientId/reports/visit-summary.pdf': PERIOD,
  'HEAD /api/patients/:patientId/reports/visit-summary.pdf': PERIOD,
};
