/** Route-suite fixtures of this feature (see http/features.test-helpers.ts). */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createUser } from '../auth/users.js';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';
import { link, PASSWORD } from '../testing/careteam.js';
import { signIn } from '../testing/harness.js';

const base = '/api/patients/:patientId';

/** The seeded regimen (5 mg three times a day) as taper inputs, from `startDate`. */
export function sampleTaperInputs(startDate: string, reason = 'Initial plan') {
  return {
    doses: [
      { time: '08:00', amountMg: 5 },
      { time: '14:00', amountMg: 5 },
      { time: '20:00', amountMg: 5 },
    ],
    formulations: ['tab2', 'tab5', 'tab10'],
    startDate,
    intervalDays: 14,
    method: { kind: 'percent', percent: 10 },
    reason,
  };
}

function created(res: LightMyRequestResponse, what: string): LightMyRequestResponse {
  if (res.statusCode !== 201) throw new Error(`${what}: ${String(res.statusCode)} ${res.body}`);
  return res;
}

/**
 * A prescriber linked with the default consent signs a taper for the patient (through the
 * API, password confirmed), and the patient asks to pause it.
 */
export const seed: FeatureSeeder = async ({ h, client, marker, clinicId }) => {
  const email = `taper-prescriber-${randomUUID().slice(0, 8)}@example.org`;
  const user = await createUser(
    h.database.db,
    {
      email,
      password: PASSWORD,
      displayName: 'Dr. Taper',
      role: 'clinician',
      discipline: 'prescriber',
      timeZone: 'Europe/Paris',
      clinicId,
    },
    h.clock.now(),
  );
  if (user === null) throw new Error('prescriber email taken');
  const prescriber = await signIn(h.app, email, PASSWORD);
  await link(client, prescriber);
  const patientBase = `/api/patients/${client.userId}`;
  const { taper } = created(
    await prescriber.post(`${patientBase}/taper`, {
      inputs: sampleTaperInputs('2026-03-15', `Plan ${marker}`),
      password: PASSWORD,
    }),
    'taper',
  ).json<{ taper: { id: string } }>();
  const { request } = created(
    await client.post(`${patientBase}/taper/requests`, {
      kind: 'pause',
      reason: `Pause ${marker}`,
    }),
    'taper request',
  ).json<{ request: { id: string } }>();
  return {
    ids: { taperRequestId: request.id, taperPrescriberId: prescriber.userId },
    secrets: [taper.id, request.id],
  };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  [`POST ${base}/taper`]: () => ({
    inputs: sampleTaperInputs('2026-04-01', 'Injected plan'),
    checkInDays: [2, 5, 10],
    followUpMonths: 6,
    followUpIntervalDays: 30,
    password: 'Injected password',
  }),
  [`POST ${base}/taper/changes`]: () => ({
    action: 'hold',
    on: '2026-03-20',
    reason: 'Injected hold',
    password: 'Injected password',
  }),
  [`POST ${base}/taper/requests`]: () => ({ kind: 'slower', reason: 'Injected request' }),
  [`POST ${base}/taper/requests/:taperRequestId/close`]: () => ({ note: 'Injected note' }),
};

export const queries: Readonly<Record<string, string>> = {};
