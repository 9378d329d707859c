/** Route-suite fixtures of this feature (see http/features.test-helpers.ts). */
import { randomUUID } from 'node:crypto';
import { createUser } from '../auth/users.js';
import { questionnaireAssignments } from '../db/schema.js';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

/** Valid PEG answers (pain, enjoyment, general activity; 0–10 each). */
export const PEG_ANSWERS = { 'peg-p': 6, 'peg-e': 5, 'peg-g': 4 } as const;

/** Valid GAD-7 answers (seven items, 0–3 each): total 7. */
export const GAD7_ANSWERS = {
  'gad7-1': 1,
  'gad7-2': 1,
  'gad7-3': 1,
  'gad7-4': 1,
  'gad7-5': 1,
  'gad7-6': 1,
  'gad7-7': 1,
} as const;

/**
 * Two assignments for the seeded patient — GAD-7 weekly (answered once, through the API) and
 * SDS every 3 months (due) — made by a clinician of the seed's clinic. The clinician is not
 * linked to the patient: a linked prescriber would change who may write the regimen, which
 * other suites rely on. The marker is in the assignment notes.
 */
export const seed: FeatureSeeder = async ({ h, client, marker, clinicId }) => {
  const now = h.clock.now();
  const clinician = await createUser(
    h.database.db,
    {
      email: `assigner-${randomUUID().slice(0, 8)}@example.org`,
      password: 'a long enough password',
      displayName: 'Dr. Assigner',
      role: 'clinician',
      discipline: 'psychologist',
      timeZone: 'Europe/Paris',
      clinicId,
    },
    now,
  );
  if (clinician === null) throw new Error('assigner email taken');
  const gad7 = randomUUID();
  const sds = randomUUID();
  const common = { patientId: client.userId, assignedBy: clinician.id, assignedAt: now };
  await h.database.db.insert(questionnaireAssignments).values([
    {
      ...common,
      id: gad7,
      instrumentId: 'gad7',
      cadenceDays: 7,
      startDate: '2026-03-02',
      note: `Weekly ${marker}`,
    },
    {
      ...common,
      id: sds,
      instrumentId: 'sds',
      cadenceDays: 91,
      startDate: '2026-03-01',
      note: `Quarterly ${marker}`,
    },
  ]);
  const res = await client.post(`/api/patients/${client.userId}/questionnaire-responses`, {
    idempotencyKey: randomUUID(),
    instrumentId: 'gad7',
    answers: GAD7_ANSWERS,
  });
  if (res.statusCode !== 201) throw new Error(`questionnaire response: ${res.body}`);
  const responseId = res.json<{ response: { id: string } }>().response.id;
  return { ids: { assignmentId: gad7 }, secrets: [gad7, sds, responseId] };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  'POST /api/patients/:patientId/questionnaire-assignments': () => ({
    instrumentId: 'phq9',
    cadenceDays: 30,
    note: 'Injected note',
  }),
  'POST /api/patients/:patientId/questionnaire-responses': () => ({
    idempotencyKey: randomUUID(),
    instrumentId: 'peg',
    answers: PEG_ANSWERS,
  }),
};

export const queries: Readonly<Record<string, string>> = {};
