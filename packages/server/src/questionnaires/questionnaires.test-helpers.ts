/** Shared set-up of the questionnaire suites: response shapes, the clinic team and requests. */
import { randomUUID } from 'node:crypto';
import { getInstrument } from '@steady/core';
import { expect } from 'vitest';
import { clinicTeam, link } from '../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';

export interface Assignment {
  id: string;
  instrumentId: string;
  cadenceDays: number;
  startDate: string;
  note: string | null;
  status: 'active' | 'ended';
  assignedBy: { id: string; displayName: string };
  endedAt: string | null;
  endedBy: { id: string } | null;
  due: boolean;
  dueSince: string | null;
  nextDue: string | null;
  lastAnsweredAt: string | null;
}
export interface DueItem {
  assignmentId: string;
  instrumentId: string;
  dueSince: string;
  overdue: boolean;
}
export interface Flag {
  id: string;
  kind: string;
  patientText: string | null;
  clinicianText: string | null;
}
export interface ResponseView {
  id: string;
  instrumentId: string;
  assignmentId: string | null;
  at: string;
  answers: Record<string, number>;
  score: {
    total: number;
    min: number;
    max: number;
    band: { id: string; label: string } | null;
    flags: Flag[];
    subscores: { id: string; value: number }[];
  };
}
export interface Guidance {
  flagId: string;
  kind: string;
  text: string;
  sources: { id: string }[];
}

/** Every required item of an instrument answered with `value`, with overrides. */
export function answersFor(
  instrumentId: string,
  value: number,
  overrides: Record<string, number> = {},
) {
  const items = getInstrument(instrumentId)?.items ?? [];
  return {
    ...Object.fromEntries(items.filter((i) => i.required).map((i) => [i.id, value])),
    ...overrides,
  };
}

// Tests move the clock by up to a year: sessions must outlive that.
export const ENV = { STEADY_SESSION_HOURS: String(24 * 365) };

/** The clinic team of a suite (set up before its tests) and its request helpers. */
export function questionnaireSuite(harness: () => Harness) {
  const team = clinicTeam(harness, 'Questionnaire Clinic', {
    prescriber: ['prescriber', 'Dr. Prescriber'],
    psychologist: ['psychologist', 'Psy Chologist'],
    pharmacist: ['pharmacist', 'Pharma Cist'],
    noConsent: ['physical_therapist', 'No Consent'],
    checkinsOnly: ['physical_therapist', 'Checkins Only'],
  });

  const base = (p: Client) => `/api/patients/${p.userId}`;

  /** A patient linked to the prescriber (default consent: questionnaires included). */
  async function patient(timeZone = 'America/New_York'): Promise<Client> {
    const p = await registerPatient(team.h.app, { timeZone });
    await link(p, team.prescriber);
    return p;
  }

  async function assign(by: Client, p: Client, body: Record<string, unknown>) {
    const res = await by.post(`${base(p)}/questionnaire-assignments`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ assignment: Assignment }>().assignment;
  }

  async function answer(p: Client, instrumentId: string, answers: object, key = randomUUID()) {
    return p.post(`${base(p)}/questionnaire-responses`, {
      idempotencyKey: key,
      instrumentId,
      answers,
    });
  }

  async function dueOf(by: Client, p: Client) {
    const res = await by.get(`${base(p)}/questionnaires/due`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ date: string; timeZone: string; due: DueItem[] }>();
  }

  async function assignmentsOf(by: Client, p: Client, status = 'active') {
    const res = await by.get(`${base(p)}/questionnaire-assignments?status=${status}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ assignments: Assignment[] }>().assignments;
  }

  async function responsesOf(by: Client, p: Client, query = '') {
    const res = await by.get(`${base(p)}/questionnaire-responses${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ responses: ResponseView[] }>().responses;
  }

  return { team, base, patient, assign, answer, dueOf, assignmentsOf, responsesOf };
}
