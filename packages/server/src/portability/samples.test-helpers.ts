/** Route-suite fixtures of this feature (see http/features.test-helpers.ts). */
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

const base = '/api/patients/:patientId';

/** Exports and deletion work on the patient's existing data: nothing to add. */
export const seed: FeatureSeeder = () => Promise.resolve({ ids: {}, secrets: [] });

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  [`POST ${base}/exports`]: () => ({ kind: 'doses' }),
  // A wrong password: a sample that gets through never schedules a deletion.
  [`POST ${base}/account-deletion`]: () => ({ password: 'not the password of anyone' }),
};

export const queries: Readonly<Record<string, string>> = {};
