/** Route-suite fixtures of the reminder routes (see http/features.test-helpers.ts). */
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

export const seed: FeatureSeeder = () => Promise.resolve({ ids: {}, secrets: [] });

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {};

export const queries: Readonly<Record<string, string>> = {};
