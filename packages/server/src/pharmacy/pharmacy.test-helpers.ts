/** Fixtures shared by the pharmacy and supply suites. */
import { expect } from 'vitest';
import { FULL_CONSENT } from '../careteam/consent.js';
import { link, type PHARMACY_TEAM, type Team } from '../testing/careteam.js';
import { regimenBody, registerPatient, type Client } from '../testing/harness.js';

/**
 * A New York patient on 5 mg three times a day (15 mg/day) from 1 March, recorded before it
 * starts so that it is in force from 1 March (a regimen counts from when it was recorded); the
 * clock then set to `now`, and the team's pharmacist and prescriber (full consent) linked.
 */
export async function pharmacyPatient(
  team: Team<typeof PHARMACY_TEAM>,
  now: string,
): Promise<{ patient: Client; base: string }> {
  const patient = await registerPatient(team.h.app, { timeZone: 'America/New_York' });
  const base = `/api/patients/${patient.userId}`;
  team.h.clock.set('2026-02-27T12:00:00.000Z');
  expect((await patient.post(`${base}/regimen`, regimenBody('2026-03-01'))).statusCode).toBe(201);
  team.h.clock.set(now);
  await link(patient, team.pharmacist);
  await link(patient, team.prescriber, FULL_CONSENT);
  return { patient, base };
}
