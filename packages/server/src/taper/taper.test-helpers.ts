/**
 * Fixtures of the taper integration suites: a patient in a daylight-saving zone with a 5 mg
 * three-times-a-day regimen, a linked prescriber (and other members), and small API helpers.
 */
import { randomUUID } from 'node:crypto';
import { localToInstant, planTaper, type LocalDate, type TaperPlan } from '@steady/core';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { taperVersions } from '../db/schema.js';
import { addClinician, createClinicFixture, link } from '../testing/careteam.js';
import { regimenBody, registerPatient, type Client, type Harness } from '../testing/harness.js';
import { sampleTaperInputs } from './samples.test-helpers.js';
import type { TaperView } from './view.js';

export { sampleTaperInputs };

/** New York leaves daylight-saving time on Sunday 1 November 2026 (02:00 EDT → 01:00 EST). */
export const ZONE = 'America/New_York';

/** Sessions outlive the months the suites move the clock through. */
export const LONG_SESSIONS = { STEADY_SESSION_HOURS: String(24 * 365) };

export type Prescriber = Client & { readonly password: string };

export interface TaperFixture {
  readonly h: Harness;
  readonly patient: Client;
  readonly prescriber: Prescriber;
  readonly pharmacist: Client;
  readonly therapist: Client;
  readonly base: string;
}

/** Set the clock to a local time of the patient's day. */
export function setLocal(h: Harness, date: LocalDate, time = '09:00'): void {
  h.clock.set(localToInstant(date, time, ZONE));
}

export function expectStatus(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

/**
 * The patient (regimen recorded while they still kept it themself, with an as-needed dose),
 * then a prescriber, a pharmacist and a physical therapist linked with the default consent.
 */
export async function taperFixture(h: Harness, startRegimen: LocalDate): Promise<TaperFixture> {
  const patient = await registerPatient(h.app, { timeZone: ZONE, displayName: 'Tess Taper' });
  const base = `/api/patients/${patient.userId}`;
  expectStatus(
    await patient.post(
      `${base}/regimen`,
      regimenBody(startRegimen, {
        asNeeded: { amountMg: 5, minIntervalHours: 8, maxPerDay: 1 },
      }),
    ),
    201,
  );
  const clinic = await createClinicFixture(h, 'Taper clinic');
  const prescriber = await addClinician(h, clinic, 'prescriber', 'Dr. Prescriber');
  const pharmacist = await addClinician(h, clinic, 'pharmacist', 'Pat Pharmacist');
  const therapist = await addClinician(h, clinic, 'physical_therapist', 'Terry Therapist');
  for (const member of [prescriber, pharmacist, therapist]) await link(patient, member);
  return { h, patient, prescriber, pharmacist, therapist, base };
}

export async function getTaper(client: Client, base: string): Promise<TaperView | null> {
  return expectStatus(await client.get(`${base}/taper`), 200).json<{ taper: TaperView | null }>()
    .taper;
}

export interface TodaySlotJson {
  readonly key: string;
  readonly localTime: string;
  readonly dueAt: string;
  readonly amountMg: number;
}

/** The patient's Today (for the clock's day, or `date`). */
export async function getToday(
  client: Client,
  base: string,
  date?: LocalDate,
): Promise<{ date: LocalDate; slots: TodaySlotJson[] }> {
  const query = date === undefined ? '' : `?date=${date}`;
  return expectStatus(await client.get(`${base}/today${query}`), 200).json();
}

/** Scheduled amounts of a plan's step in effect on `date` (by time of day). */
export function amountsOn(plan: TaperPlan, date: LocalDate): number[] {
  const step = plan.steps.find(
    (s) => s.startDate <= date && (s.endDate === null || date <= s.endDate),
  );
  if (step === undefined) throw new Error(`no step on ${date}`);
  return step.doses.map((d) => d.amountMg);
}

/**
 * A signed taper (10 mg a day in two doses, from `startDate`) written as a row, as the taper
 * service stores it, for suites that only need one to exist. Returns the taper id.
 */
export async function insertSignedTaper(
  h: Harness,
  who: { readonly patientId: string; readonly prescriberId: string },
  startDate: LocalDate,
  reason: string,
): Promise<string> {
  const taperId = randomUUID();
  const plan = planTaper({
    doses: [
      { time: '08:00', amountMg: 5 },
      { time: '20:00', amountMg: 5 },
    ],
    formulations: ['tab5', 'tab2'],
    startDate,
  });
  await h.database.db.insert(taperVersions).values({
    id: randomUUID(),
    taperId,
    patientId: who.patientId,
    version: 1,
    action: 'created',
    reason,
    effectiveDate: startDate,
    plan,
    checkInDays: [2, 5, 10],
    followUpMonths: 6,
    followUpIntervalDays: 30,
    signedBy: who.prescriberId,
    signatureMethod: 'password',
    signedAt: h.clock.now(),
  });
  return taperId;
}
