/**
 * Route-suite fixtures of the taper check-ins (see http/features.test-helpers.ts). The taper
 * itself is seeded by the taper feature's samples; these add the sample answer body.
 */
import { randomUUID } from 'node:crypto';
import { WITHDRAWAL_SYMPTOMS } from '@steady/core';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

/** A withdrawal checklist with every symptom "None" (the one-tap "No symptoms"). */
export const NO_SYMPTOMS: Readonly<Record<string, number>> = Object.fromEntries(
  WITHDRAWAL_SYMPTOMS.map((s) => [s.id, 0]),
);

export const seed: FeatureSeeder = () => Promise.resolve({ ids: {}, secrets: [] });

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  'POST /api/patients/:patientId/taper/check-ins': () => ({
    idempotencyKey: randomUUID(),
    date: '2026-03-12',
    answers: { ...NO_SYMPTOMS },
  }),
};

export const queries: Readonly<Record<string, string>> = {};
