import { randomUUID } from 'node:crypto';
import { WITHDRAWAL_SYMPTOMS, type TaperInputs } from '@steady/core';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../http/routes.test-helpers.js';
import { clinicTeam, contextOf, link } from '../testing/careteam.js';
import { regimenBody, registerPatient, type Client } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { NO_SYMPTOMS } from './checkInSamples.test-helpers.js';
import { changeTaper, createTaper } from './service.js';

interface CheckIn {
  date: string;
  kind: 'step' | 'followUp';
  stepIndex: number | null;
  daysAfterStep: number;
  status: string;
  responseId: string | null;
}
interface CheckIns {
  schedule: CheckIn[];
  byStep: {
    stepIndex: number;
    dailyTotalMg: number;
    scores: { total: number; daysAfterStep: number }[];
  }[];
}

const ZONE = 'America/New_York';
/** Moderate anxiety, insomnia, muscle pain and tremor: a burden of 8. */
const SYMPTOMS = Object.fromEntries(WITHDRAWAL_SYMPTOMS.map((s, i) => [s.id, i < 4 ? 2 : 0]));

/** The clock moves months ahead: sessions must outlive it. */
const ENV = { STEADY_SESSION_HOURS: String(24 * 365) };

describeOnDatabases(
  'taper check-ins',
  (harness) => {
    const team = clinicTeam(harness, 'Taper Clinic', {
      prescriber: ['prescriber', 'Dr. Taper'],
      therapist: ['physical_therapist', 'Terry Therapist'],
    });

    async function patientWithTaper(inputs: Partial<TaperInputs>): Promise<Client> {
      const h = team.h;
      const patient = await registerPatient(h.app, { timeZone: ZONE });
      const base = `/api/patients/${patient.userId}`;
      expect((await patient.post(`${base}/regimen`, regimenBody('2026-03-01'))).statusCode).toBe(
        201,
      );
      await link(patient, team.prescriber);
      await createTaper(contextOf(h), {
        patientId: patient.userId,
        prescriberId: team.prescriber.userId,
        inputs: {
          doses: [
            { time: '08:00', amountMg: 5 },
            { time: '14:00', amountMg: 5 },
            { time: '20:00', amountMg: 5 },
          ],
          formulations: ['tab10', 'tab5', 'tab2'],
          startDate: '2026-03-16',
          ...inputs,
        },
      });
      return patient;
    }

    const at = (instant: string) => {
      team.h.clock.set(instant);
    };
    const checkInsOf = async (as: Client, patient: Client) => {
      const res = await as.get(`/api/patients/${patient.userId}/taper/check-ins`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<CheckIns>();
    };
    const answer = (patient: Client, date: string, answers = NO_SYMPTOMS, key = randomUUID()) =>
      patient.post(`/api/patients/${patient.userId}/taper/check-ins`, {
        idempotencyKey: key,
        date,
        answers,
      });
    const alertIds = async (as: Client, patient: Client) => {
      const res = await as.get(`/api/patients/${patient.userId}/alerts`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ alerts: { signalId: string }[] }>().alerts.map((a) => a.signalId);
    };

    let patient: Client;
    beforeAll(async () => {
      at('2026-03-10T15:00:00.000Z');
      patient = await patientWithTaper({ method: { kind: 'percent', percent: 10 } });
      // A checklist before the first step: the baseline SIG-WD-AFTER-STEP compares with.
      const baseline = await patient.post(
        `/api/patients/${patient.userId}/questionnaire-responses`,
        { idempotencyKey: randomUUID(), instrumentId: 'withdrawal', answers: NO_SYMPTOMS },
      );
      expect(baseline.statusCode, baseline.body).toBe(201);
    });

    it('schedules check-ins 2, 5 and 10 days after each step; none is due before the first', async () => {
      const { schedule, byStep } = await checkInsOf(patient, patient);
      expect(schedule.slice(0, 4).map((c) => [c.date, c.stepIndex, c.status])).toEqual([
        ['2026-03-18', 0, 'upcoming'],
        ['2026-03-21', 0, 'upcoming'],
        ['2026-03-26', 0, 'upcoming'],
        ['2026-04-01', 1, 'upcoming'],
      ]);
      expect(byStep).toEqual([]);
      expectError(await answer(patient, '2026-03-18'), 409, 'STEADY_ERR_TAPER_CHECK_IN_NOT_DUE');
    });

    it('opens a check-in on its day in the patient zone; the answer drops it off', async () => {
      at('2026-03-18T03:30:00.000Z'); // still the 17th in New York
      expect((await checkInsOf(patient, patient)).schedule[0]?.status).toBe('upcoming');
      at('2026-03-18T15:00:00.000Z');
      expect((await checkInsOf(patient, patient)).schedule[0]?.status).toBe('due');
      const key = randomUUID();
      const res = await answer(patient, '2026-03-18', NO_SYMPTOMS, key);
      expect(res.statusCode, res.body).toBe(201);
      const { response, guidance } = res.json<{
        response: {
          id: string;
          instrumentId: string;
          taperStepIndex: number;
          score: { total: number };
        };
        guidance: unknown[];
      }>();
      expect(response).toMatchObject({ instrumentId: 'withdrawal', taperStepIndex: 0 });
      expect(response.score.total).toBe(0);
      expect(guidance).toEqual([]);
      const [first] = (await checkInsOf(patient, patient)).schedule;
      expect(first).toMatchObject({ status: 'answered', responseId: response.id });
      // A replay answers the same; a second answer to the same check-in is refused.
      expect((await answer(patient, '2026-03-18', NO_SYMPTOMS, key)).statusCode).toBe(200);
      expectError(await answer(patient, '2026-03-18'), 409, 'STEADY_ERR_TAPER_CHECK_IN_NOT_DUE');
      expectError(
        await answer(patient, '2026-03-18', { ...NO_SYMPTOMS, anxiety: 1 }, key),
        409,
        'STEADY_ERR_IDEMPOTENCY_CONFLICT',
      );
    });

    it('lets members who share medications read, and only the patient answer', async () => {
      const seen = await checkInsOf(team.prescriber, patient);
      expect(seen.byStep[0]?.scores).toEqual([
        expect.objectContaining({ total: 0, daysAfterStep: 2 }),
      ]);
      const res = await team.prescriber.post(`/api/patients/${patient.userId}/taper/check-ins`, {
        idempotencyKey: randomUUID(),
        date: '2026-03-21',
        answers: NO_SYMPTOMS,
      });
      expect(res.statusCode).toBe(404);
      expect(
        (await team.therapist.get(`/api/patients/${patient.userId}/taper/check-ins`)).statusCode,
      ).toBe(404);
    });

    it('marks a check-in missed once the next one opens', async () => {
      at('2026-03-26T15:00:00.000Z');
      const [, fifth, tenth] = (await checkInsOf(patient, patient)).schedule;
      expect(fifth?.status).toBe('missed');
      expect(tenth?.status).toBe('due');
    });

    it('opens SIG-WD-AFTER-STEP for the prescriber when symptoms rise after a step', async () => {
      expect(await alertIds(team.prescriber, patient)).not.toContain('SIG-WD-AFTER-STEP');
      const res = await answer(patient, '2026-03-26', SYMPTOMS);
      expect(res.statusCode, res.body).toBe(201);
      const ids = await alertIds(team.prescriber, patient);
      expect(ids).toContain('SIG-WD-AFTER-STEP');
      // Clinician only: the patient's own alert list does not suggest pausing.
      expect(await alertIds(patient, patient)).not.toContain('SIG-WD-AFTER-STEP');
      const byStep = (await checkInsOf(patient, patient)).byStep[0];
      expect(byStep?.scores.map((s) => [s.total, s.daysAfterStep])).toEqual([
        [0, 2],
        [8, 10],
      ]);
    });

    it('has no check-ins beyond the held step while paused', async () => {
      await changeTaper(contextOf(team.h), {
        patientId: patient.userId,
        prescriberId: team.prescriber.userId,
        action: 'hold',
        on: '2026-03-26',
        reason: 'Symptoms after the first step',
      });
      const { schedule } = await checkInsOf(patient, patient);
      expect(schedule.map((c) => c.date)).toEqual(['2026-03-18', '2026-03-21', '2026-03-26']);
    });

    it('follows up monthly after the last step, and flags diazepam taken again', async () => {
      at('2026-03-10T15:00:00.000Z');
      const done = await patientWithTaper({
        doses: [{ time: '20:00', amountMg: 2 }],
        method: { kind: 'fixed', mg: 1 },
        override: { maxReductionPer14Days: 100, reason: 'Low dose, short use' },
      });
      at('2026-04-29T15:00:00.000Z');
      const { schedule } = await checkInsOf(done, done);
      const followUps = schedule.filter((c) => c.kind === 'followUp');
      expect(followUps.map((c) => c.daysAfterStep)).toEqual([30, 60, 90, 120, 150, 180]);
      expect(followUps[0]).toMatchObject({ date: '2026-04-29', stepIndex: null, status: 'due' });
      const res = await answer(done, '2026-04-29');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ response: { taperStepIndex: number } }>().response.taperStepIndex).toBe(1);
      const after = await checkInsOf(done, done);
      expect(after.schedule.find((c) => c.date === '2026-04-29')?.status).toBe('answered');
      expect(after.byStep.at(-1)).toMatchObject({ stepIndex: 1, dailyTotalMg: 0 });
      expect(after.byStep.at(-1)?.scores[0]?.daysAfterStep).toBe(30);

      at('2026-05-02T02:00:00.000Z');
      const dose = await done.post(`/api/patients/${done.userId}/doses`, {
        idempotencyKey: randomUUID(),
        kind: 'extra',
        slotKey: null,
        amountMg: 2,
        reason: 'Could not sleep',
      });
      expect(dose.statusCode, dose.body).toBe(201);
      expect(await alertIds(team.prescriber, done)).toContain('SIG-POST-TAPER/doses');
    });
  },
  ENV,
);
