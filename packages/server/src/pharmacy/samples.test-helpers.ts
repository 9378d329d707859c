/** Route-suite fixtures of this feature (see http/features.test-helpers.ts). */
import { randomUUID } from 'node:crypto';
import { dispensingRecords, medicationReviews } from '../db/schema.js';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

/**
 * One dispensing and one reconciliation for the seeded patient, written straight to the
 * database (the patient may not record them, and linking a pharmacist would change the
 * seeded care team). The records name the patient as their author: a fixture shortcut.
 */
export const seed: FeatureSeeder = async ({ h, client, marker }) => {
  const now = h.clock.now();
  const dispensingId = randomUUID();
  const reviewId = randomUUID();
  const patientId = client.userId;
  await h.database.db.insert(dispensingRecords).values({
    id: dispensingId,
    patientId,
    formulation: 'tab5',
    quantity: 30,
    dispensedAt: new Date(now.getTime() - 2 * 86_400_000),
    daysSupply: 10,
    note: `Dispensing ${marker}`,
    recordedBy: patientId,
    createdAt: now,
  });
  await h.database.db.insert(medicationReviews).values({
    id: reviewId,
    patientId,
    kind: 'reconciliation',
    items: [
      {
        medicationId: null,
        name: 'Diazepam 5 mg tablet (regimen)',
        decision: 'confirmed',
        classIds: [],
        note: `Review item ${marker}`,
      },
    ],
    note: `Review ${marker}`,
    reviewedBy: patientId,
    reviewedAt: now,
  });
  return { ids: { dispensingId, reviewId }, secrets: [dispensingId, reviewId] };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  'POST /api/patients/:patientId/dispensing': () => ({
    formulation: 'tab5',
    quantity: 30,
    dispensedAt: '2026-03-09T15:00:00.000Z',
    daysSupply: 10,
    note: 'Injected dispensing',
  }),
  'POST /api/patients/:patientId/dispensing/:dispensingId/void': () => ({
    reason: 'Injected void',
  }),
  'POST /api/patients/:patientId/medication-reviews': (ids) => ({
    kind: 'interaction',
    items: [{ medicationId: ids.medicationId ?? null, decision: 'acknowledged', note: null }],
    note: 'Injected review',
  }),
};

export const queries: Readonly<Record<string, string>> = {};
