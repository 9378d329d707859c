/**
 * A patient with one of everything FHIR exports: the route suites' seeded patient (regimen,
 * other medication, dose, check-in, alert, questionnaires, messages, exercise…) plus a second
 * regimen version with an as-needed rule, a skipped dose, an extra dose and a correction, and a
 * check-in with a side effect of its own. (The taper feature's seed has signed a taper.)
 */
import { randomUUID } from 'node:crypto';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { seedPatient, type SeededPatient } from '../http/routes.test-helpers.js';
import { createRegimenVersion, type RegimenInput } from '../regimen/service.js';
import { contextOf } from '../testing/careteam.js';
import { checkInBody, regimenBody, type Client, type Harness } from '../testing/harness.js';

const ok = (res: { statusCode: number; body: string }, what: string) => {
  expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
};

export async function seedFhirPatient(h: Harness, marker: string): Promise<SeededPatient> {
  const seeded = await seedPatient(h, marker);
  const { client } = seeded;
  const base = `/api/patients/${client.userId}`;
  // A prescriber is linked by then (the regimen is theirs): written through the service.
  const { reason, ...input } = regimenBody('2026-03-08', {
    formulation: 'tab2',
    doses: [
      { time: '08:00', amountMg: 4 },
      { time: '20:00', amountMg: 4 },
    ],
    asNeeded: { amountMg: 2, minIntervalHours: 6, maxPerDay: 2 },
    reason: 'Lower evening dose',
  });
  await createRegimenVersion(contextOf(h), client.userId, seeded.team.clinician.userId, {
    ...(input as unknown as Omit<RegimenInput, 'reason'>),
    reason,
  });
  ok(
    await client.post(`${base}/doses/${seeded.ids.doseId ?? ''}/correct`, {
      idempotencyKey: randomUUID(),
      amountMg: 2,
      reason: 'Took half',
    }),
    'correction',
  );
  ok(
    await client.post(`${base}/doses`, {
      idempotencyKey: randomUUID(),
      kind: 'skipped',
      slotKey: '2026-03-10T20:00',
      reason: 'Too drowsy',
    }),
    'skipped',
  );
  ok(
    await client.post(`${base}/doses`, {
      idempotencyKey: randomUUID(),
      kind: 'extra',
      slotKey: null,
      amountMg: 2,
      reason: 'Spasm',
    }),
    'extra',
  );
  ok(
    await client.post(
      `${base}/checkins`,
      checkInBody({
        sleepQuality: null,
        anxiety: null,
        mood: null,
        fall: 'near_fall',
        otherSideEffect: { text: 'Dry mouth', severity: 'mild' },
        sideEffects: {
          drowsiness: 'moderate',
          dizziness: 'mild',
          unsteadiness: 'none',
          confusion: 'none',
        },
      }),
    ),
    'check-in',
  );
  return seeded;
}

/** `$everything` for the patient, as the caller sees it. */
export async function everythingOf(caller: Client, patientId: string) {
  const res = await caller.get(`/fhir/Patient/${patientId}/$everything`);
  return { res, bundle: res.statusCode === 200 ? res.json<Bundle>() : null };
}

export const resourcesOf = (bundle: Bundle | null): Resource[] =>
  (bundle?.entry ?? []).flatMap((e) => (e.resource === undefined ? [] : [e.resource]));

export const typesOf = (bundle: Bundle | null): string[] => [
  ...new Set(resourcesOf(bundle).map((r) => r.resourceType)),
];

/** The OperationOutcome body of an error under /fhir: its status, issue codes and Steady code. */
export function expectOutcome(
  res: LightMyRequestResponse,
  status: number,
  issueCode: string,
): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
  const body = res.json<{ resourceType: string; issue: { code: string; severity: string }[] }>();
  expect(body.resourceType).toBe('OperationOutcome');
  expect(body.issue.length).toBeGreaterThan(0);
  for (const i of body.issue) {
    expect(i.code).toBe(issueCode);
    expect(i.severity).toBe('error');
  }
  expect(res.body).not.toMatch(/stack|node_modules|\.[jt]s:\d+/);
}
