import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { FULL_CONSENT, NO_CONSENT } from '../careteam/consent.js';
import { expectError } from '../http/routes.test-helpers.js';
import {
  addClinician,
  caregiverOf,
  createClinicFixture,
  link,
  type ClinicFixture,
} from '../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { ask, book, ENV, PARIS } from './checkups.test-helpers.js';

describeOnDatabases(
  'check-ups: visit summary',
  (harness) => {
    let h: Harness;
    let clinic: ClinicFixture;

    beforeAll(async () => {
      h = harness();
      clinic = await createClinicFixture(h, 'Checkup Clinic');
    });

    it('summarizes what changed since the last visit, part by part with consent', async () => {
      h.clock.set('2026-01-20T12:00:00.000Z');
      const patient = await registerPatient(h.app, { timeZone: PARIS, displayName: 'Sam Summary' });
      const base = `/api/patients/${patient.userId}`;
      const settle = async () => {
        expect((await patient.get(`${base}/alerts`)).statusCode).toBe(200);
      };
      const regimen = await patient.post(`${base}/regimen`, {
        formulation: 'tab10',
        doses: [{ time: '08:00', amountMg: 10 }],
        asNeeded: null,
        startDate: '2026-02-01',
        endDate: null,
        prescriber: 'Dr. Rivera',
        indication: 'Muscle spasm',
        reason: 'As prescribed',
      });
      expect(regimen.statusCode, regimen.body).toBe(201);
      const doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Summary');
      const psychologist = await addClinician(h, clinic, 'psychologist', 'Psy Default');
      const pharmacist = await addClinician(h, clinic, 'pharmacist', 'Pharma Default');
      const blind = await addClinician(h, clinic, 'physical_therapist', 'No Consent');
      await link(patient, doctor, FULL_CONSENT);
      await link(patient, psychologist);
      await link(patient, pharmacist);
      await link(patient, blind, NO_CONSENT);
      const { caregiver } = await caregiverOf(h, patient);

      const checkIn = async (at: string, body: Record<string, unknown>) => {
        h.clock.set(at);
        const res = await patient.post(`${base}/checkins`, {
          idempotencyKey: randomUUID(),
          pain: 5,
          spasm: 4,
          sleepQuality: null,
          anxiety: null,
          mood: null,
          sideEffects: {
            drowsiness: 'none',
            dizziness: 'none',
            unsteadiness: 'none',
            confusion: 'none',
          },
          fall: 'none',
          breathingProblem: false,
          otherSideEffect: null,
          activities: [],
          note: null,
          ...body,
        });
        expect(res.statusCode, res.body).toBe(201);
        await settle();
      };
      const none = {
        drowsiness: 'none',
        dizziness: 'none',
        unsteadiness: 'none',
        confusion: 'none',
      };
      // More than 30 days before the visit: outside the comparison window.
      await checkIn('2026-01-25T12:00:00.000Z', { pain: 10 });
      await checkIn('2026-02-10T12:00:00.000Z', {
        pain: 6,
        sideEffects: { ...none, drowsiness: 'mild' },
      });

      h.clock.set('2026-02-20T12:00:00.000Z');
      // The visit: Monday 2 March, 10:00 in Paris (09:00 UTC).
      const visit = await book(patient, base, {
        memberId: doctor.userId,
        startsAt: '2026-03-02T09:00:00.000Z',
      });
      const dropped = await book(patient, base, {
        memberId: doctor.userId,
        startsAt: '2026-03-05T09:00:00.000Z',
      });
      expect(
        (await doctor.patch(`${base}/appointments/${dropped.id}`, { status: 'cancelled' }))
          .statusCode,
      ).toBe(200);
      // Still in progress when the summary is asked for: not "the last visit".
      const ongoing = await book(patient, base, {
        memberId: doctor.userId,
        startsAt: '2026-03-11T11:30:00.000Z',
        durationMinutes: 60,
      });

      // One millisecond before the visit belongs to "before"; its first instant to "since".
      await checkIn('2026-03-02T08:59:59.999Z', { pain: 8 });
      await checkIn('2026-03-02T09:00:00.000Z', {
        pain: 4,
        sideEffects: { ...none, drowsiness: 'severe', dizziness: 'moderate' },
      });
      h.clock.set('2026-03-05T10:00:00.000Z');
      const stepDown = await doctor.post(`${base}/regimen`, {
        formulation: 'tab5',
        doses: [{ time: '08:00', amountMg: 5 }],
        asNeeded: null,
        startDate: '2026-03-06',
        endDate: null,
        prescriber: 'Dr. Summary',
        indication: 'Muscle spasm',
        reason: 'Step down',
      });
      expect(stepDown.statusCode, stepDown.body).toBe(201);
      await checkIn('2026-03-08T12:00:00.000Z', {
        pain: 3,
        otherSideEffect: { text: 'Dry mouth', severity: 'mild' },
      });
      const alert = (await doctor.get(`${base}/alerts`))
        .json<{ alerts: { id: string; signalId: string }[] }>()
        .alerts.find((a) => a.signalId === 'SIG-SIDE-EFFECT');
      if (alert === undefined) throw new Error('no side-effect alert');
      h.clock.set('2026-03-09T12:00:00.000Z');
      expect(
        (await doctor.post(`${base}/alerts/${alert.id}/resolve`, { note: 'Reviewed' })).statusCode,
      ).toBe(200);

      // Doses at 08:00 Paris (07:00 UTC): 15 of the 29 due before the visit, 9 of 10 since.
      h.clock.set('2026-03-11T12:00:00.000Z');
      const days = (from: string, count: number) =>
        Array.from({ length: count }, (_, i) =>
          new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
        );
      for (const day of [...days('2026-02-15', 15), ...days('2026-03-02', 9)]) {
        const res = await patient.post(`${base}/doses`, {
          idempotencyKey: randomUUID(),
          kind: 'taken',
          slotKey: `${day}T08:00`,
          takenAt: `${day}T07:00:00.000Z`,
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      await settle();
      const openQuestion = await ask(patient, base, { text: 'Why am I so sleepy?' });

      interface Summary {
        period: {
          basis: string;
          appointment: { id: string } | null;
          from: string;
          to: string;
          fromDate: string;
          toDate: string;
          beforeFromDate: string;
        };
        doseChanges: {
          before: { version: number; dailyMg: number } | null;
          versions: {
            version: number;
            dailyMg: number;
            reason: string;
            enteredBy: { id: string };
          }[];
        } | null;
        adherence: { before: number | null; since: number | null; change: number | null } | null;
        pain: {
          before: number | null;
          since: number | null;
          change: number | null;
          checkIns: number;
          checkInsBefore: number;
        } | null;
        sideEffects: {
          changes: { key: string; change: string; before: string | null; since: string }[];
          other: { text: string; severity: string }[];
        } | null;
        alerts: { opened: { id: string; at: string }[]; resolved: { id: string; at: string }[] };
        questions: { id: string }[];
        hidden: string[];
      }
      const summaryOf = async (as: Client, query = '') => {
        const res = await as.get(`${base}/visit-summary${query}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json<Summary>();
      };

      const full = await summaryOf(doctor);
      expect(full.period).toEqual({
        basis: 'appointment',
        appointment: expect.objectContaining({ id: visit.id }) as unknown,
        from: '2026-03-02T09:00:00.000Z',
        to: '2026-03-11T12:00:00.000Z',
        fromDate: '2026-03-02',
        toDate: '2026-03-11',
        beforeFromDate: '2026-01-31',
      });
      expect(full.hidden).toEqual([]);
      expect(full.doseChanges).toEqual({
        before: { version: 1, dailyMg: 10 },
        versions: [
          expect.objectContaining({
            version: 2,
            dailyMg: 5,
            reason: 'Step down',
            enteredBy: { id: doctor.userId, displayName: 'Dr. Summary' },
          }),
        ],
      });
      expect(full.adherence).toEqual({ before: 0.52, since: 0.9, change: 0.38 });
      expect(full.pain).toEqual({
        before: 7,
        since: 3.5,
        change: -3.5,
        checkIns: 2,
        checkInsBefore: 2,
      });
      expect(full.sideEffects).toEqual({
        changes: [
          { key: 'drowsiness', change: 'worsened', before: 'mild', since: 'severe' },
          { key: 'dizziness', change: 'appeared', before: 'none', since: 'moderate' },
        ],
        other: [{ at: '2026-03-08T12:00:00.000Z', text: 'Dry mouth', severity: 'mild' }],
      });
      expect(full.alerts.opened).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: alert.id, at: '2026-03-02T09:00:00.000Z' }),
        ]),
      );
      for (const a of full.alerts.opened) expect(a.at >= full.period.from).toBe(true);
      expect(full.alerts.resolved).toEqual([
        expect.objectContaining({ id: alert.id, at: '2026-03-09T12:00:00.000Z' }),
      ]);
      expect(full.questions.map((q) => q.id)).toEqual([openQuestion.id]);

      // Naming the visit gives the same period; a check-up that has not taken place is refused.
      expect((await summaryOf(doctor, `?appointmentId=${visit.id}`)).period).toEqual(full.period);
      for (const id of [dropped.id, ongoing.id]) {
        const res = await doctor.get(`${base}/visit-summary?appointmentId=${id}`);
        if (id === ongoing.id) {
          // Begun but not over: it may be named explicitly.
          expect(res.statusCode).toBe(200);
          continue;
        }
        const error = expectError(res, 400, 'STEADY_ERR_VALIDATION');
        expect(error.details).toEqual([
          expect.objectContaining({ path: '/querystring/appointmentId' }),
        ]);
      }
      expectError(
        await doctor.get(
          `${base}/visit-summary?appointmentId=00000000-0000-4000-8000-000000000000`,
        ),
        404,
        'STEADY_ERR_NOT_FOUND',
      );

      // The patient's last visit is any clinician's; they see everything but resolutions.
      const own = await summaryOf(patient);
      expect(own.period.appointment?.id).toBe(visit.id);
      expect(own.hidden).toEqual([]);
      expect(own.alerts.resolved).toEqual([]);

      // Without consent for medications: no dose changes or adherence. The psychologist has no
      // visit of their own: the last 30 local days (from midnight in Paris, 10 Feb).
      const psy = await summaryOf(psychologist);
      expect(psy.hidden).toEqual(['doseChanges', 'adherence']);
      expect(psy.doseChanges).toBeNull();
      expect(psy.adherence).toBeNull();
      expect(psy.period).toMatchObject({
        basis: 'last-30-days',
        appointment: null,
        from: '2026-02-09T23:00:00.000Z',
        fromDate: '2026-02-10',
        beforeFromDate: '2026-01-11',
      });
      expect(psy.pain).toEqual({
        before: 10,
        since: 5.3,
        change: -4.7,
        checkIns: 4,
        checkInsBefore: 1,
      });

      // Without check-ins: no pain or side effects, and no alert drawn from check-ins.
      const pharma = await summaryOf(pharmacist);
      expect(pharma.hidden).toEqual(['pain', 'sideEffects']);
      expect(pharma.pain).toBeNull();
      expect(pharma.sideEffects).toBeNull();
      expect(pharma.adherence).not.toBeNull();
      expect(pharma.alerts.opened.map((a) => a.id)).not.toContain(alert.id);

      // Not a clinical view for caregivers; nothing for a clinician without any of its categories.
      expectError(await caregiver.get(`${base}/visit-summary`), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(await blind.get(`${base}/visit-summary`), 404, 'STEADY_ERR_NOT_FOUND');

      // The access log names each category read.
      const log = (await patient.get(`${base}/access-log`)).json<{
        entries: { actor: { id: string }; action: string; category: string | null }[];
      }>().entries;
      const read = (id: string) =>
        log
          .filter((e) => e.actor.id === id && e.action === 'visit-summary.read')
          .map((e) => e.category)
          .sort();
      expect(read(psychologist.userId)).toEqual(['checkins', 'questionnaires']);
      expect(read(pharmacist.userId)).toEqual(['medications']);
    });
  },
  ENV,
);
