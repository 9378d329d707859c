/**
 * Route-suite fixtures of this feature (see http/features.test-helpers.ts). The insights route
 * stores nothing and reads the records other features seed (technique sessions, check-ins,
 * doses); its only query parameter (`days`) has a default, so no sample query is needed.
 */
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

export const seed: FeatureSeeder = () => Promise.resolve({ ids: {}, secrets: [] });

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {};

export const queries: Readonly<Record<string, string>> = {};
