/**
 * Route-suite fixtures of this feature (see http/features.test-helpers.ts). The chart keeps no
 * records of its own: it reads the seeded patient's doses and check-ins, so there is nothing to
 * seed and no id to address; its one route needs a window.
 */
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

export const seed: FeatureSeeder = () => Promise.resolve({ ids: {}, secrets: [] });

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {};

const WINDOW = '?from=2026-03-01&to=2026-03-31';

export const queries: Readonly<Record<string, string>> = {
  'GET /api/patients/:patientId/chart': WINDOW,
  'HEAD /api/patients/:patientId/chart': WINDOW,
};
