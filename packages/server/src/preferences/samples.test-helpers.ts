/** Route-suite fixtures of the preferences routes (see http/features.test-helpers.ts). */
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

/**
 * The seeded patient switches low-energy mode on. A boolean has no text to carry the marker,
 * and no id: nothing to list as a secret (the routes are the patient's only, so every other
 * caller gets 404 anyway).
 */
export const seed: FeatureSeeder = async ({ client }) => {
  const res = await client.put(`/api/patients/${client.userId}/preferences`, { lowEnergy: true });
  if (res.statusCode !== 200) throw new Error(`seed preferences: ${String(res.statusCode)}`);
  return { ids: {}, secrets: [] };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  'PUT /api/patients/:patientId/preferences': () => ({ lowEnergy: false }),
};

export const queries: Readonly<Record<string, string>> = {};
