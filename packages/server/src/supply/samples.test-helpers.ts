/** Route-suite fixtures of the supply routes (see http/features.test-helpers.ts). */
import { randomUUID } from 'node:crypto';
import { missedDoseInstructions, stockCounts } from '../db/schema.js';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

/**
 * One stock count by the patient (its note carries the marker) and one missed-dose instruction,
 * written straight to the database (only a linked prescriber may set one, and linking one
 * would change the seeded care team). The instruction names the patient as its author: a
 * fixture shortcut.
 */
export const seed: FeatureSeeder = async ({ h, client, marker }) => {
  const now = h.clock.now();
  const countId = randomUUID();
  const instructionId = randomUUID();
  const patientId = client.userId;
  await h.database.db.insert(stockCounts).values({
    id: countId,
    patientId,
    formulation: 'tab5',
    quantity: 42,
    countedAt: new Date(now.getTime() - 86_400_000),
    recordedBy: patientId,
    note: `Count ${marker}`,
  });
  await h.database.db.insert(missedDoseInstructions).values({
    id: instructionId,
    patientId,
    text: `Do not take a double dose; call the clinic. ${marker}`,
    setBy: patientId,
    setAt: now,
  });
  return { ids: {}, secrets: [countId] };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  'POST /api/patients/:patientId/stock/counts': () => ({ formulation: 'tab5', quantity: 30 }),
  'PUT /api/patients/:patientId/stock/settings': () => ({ refillReminderDays: 10 }),
  'POST /api/patients/:patientId/missed-dose-instruction': () => ({
    text: 'Do not take a double dose. Ask your pharmacist.',
  }),
};

export const queries: Readonly<Record<string, string>> = {};
