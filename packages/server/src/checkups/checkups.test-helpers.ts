/** Shared set-up of the check-up suites: response shapes, the team and request helpers. */
import { expect } from 'vitest';
import { CONSENT_DEFAULTS, type ConsentMap } from '../careteam/consent.js';
import { addClinician, caregiverOf, link, type ClinicFixture } from '../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';

export interface Appointment {
  id: string;
  startsAt: string;
  endsAt: string;
  localDate: string;
  localTime: string;
  status: string;
  note: string | null;
  member: { id: string; displayName: string; discipline: string | null };
  createdBy: { id: string; displayName: string };
}
export interface Question {
  id: string;
  text: string;
  appointmentId: string | null;
  answered: { at: string; by: { id: string; displayName: string } } | null;
}
export interface Note {
  id: string;
  body: string;
  author: { id: string; displayName: string; discipline: string | null };
  amends: string | null;
  amendedBy: string[];
  createdAt: string;
}

export const PARIS = 'Europe/Paris';

// Sessions outlive the months the clock moves through.
export const ENV = { STEADY_SESSION_HOURS: String(24 * 365) };

/** A patient in Paris with a prescriber, a physical therapist and a caregiver linked. */
export async function checkupTeam(
  h: Harness,
  clinic: ClinicFixture,
  consent: ConsentMap = CONSENT_DEFAULTS.prescriber,
) {
  const patient = await registerPatient(h.app, {
    timeZone: PARIS,
    displayName: 'Paula Patient',
  });
  const doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Rivera');
  const therapist = await addClinician(h, clinic, 'physical_therapist', 'Theo Therapist');
  await link(patient, doctor, consent);
  await link(patient, therapist);
  const { caregiver } = await caregiverOf(h, patient);
  return { patient, doctor, therapist, caregiver, base: `/api/patients/${patient.userId}` };
}

export const book = async (as: Client, base: string, body: Record<string, unknown>) => {
  const res = await as.post(`${base}/appointments`, {
    durationMinutes: 30,
    mode: 'in_person',
    location: 'Riverside clinic, room 4',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ appointment: Appointment }>().appointment;
};
export const appointmentsOf = async (as: Client, base: string, scope = 'upcoming') => {
  const res = await as.get(`${base}/appointments?scope=${scope}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ timeZone: string; appointments: Appointment[] }>();
};
export const ask = async (as: Client, base: string, body: Record<string, unknown>) => {
  const res = await as.post(`${base}/visit-questions`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ question: Question }>().question;
};
export const questionsOf = async (as: Client, base: string) => {
  const res = await as.get(`${base}/visit-questions`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ questions: Question[] }>().questions;
};
