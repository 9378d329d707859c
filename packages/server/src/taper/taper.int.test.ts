/**
 * A six-month supervised taper driven through the API with the harness's clock (issue 5 item
 * 8): a patient in New York (daylight-saving time ends on 1 November 2026, a step date), 15 mg
 * a day in three doses, 10 % every 14 days from 9 August 2026; a pause asked by the patient and
 * answered by a hold, a resume, a step back, a slower resume, and an end at maintenance.
 */
import { addDays, type TaperPlan } from '@steady/core';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { regimenVersions } from '../db/schema.js';
import { describeOnDatabases } from '../testing/suites.js';
import {
  amountsOn,
  expectStatus,
  getTaper,
  getToday,
  LONG_SESSIONS,
  sampleTaperInputs,
  setLocal,
  taperFixture,
  type TaperFixture,
} from './taper.test-helpers.js';
import type { TaperView } from './view.js';

const START = '2026-08-09';
/** The step that starts on the day New York leaves daylight-saving time. */
const DST_STEP = 6;
const DST_DAY = '2026-11-01';

describeOnDatabases(
  'six-month taper through the API',
  (harness) => {
    let f: TaperFixture;
    let v1: TaperPlan;
    let requestId: string;
    const taper = async () => {
      const t = await getTaper(f.prescriber, f.base);
      if (t === null) throw new Error('no taper');
      return t;
    };
    const change = async (body: Record<string, unknown>): Promise<TaperView> => {
      const res = await f.prescriber.post(`${f.base}/taper/changes`, {
        ...body,
        password: f.prescriber.password,
      });
      return expectStatus(res, 201).json<{ taper: TaperView }>().taper;
    };
    const expectSecondTaperRefused = async (startDate: string) => {
      const res = await f.prescriber.post(`${f.base}/taper`, {
        inputs: sampleTaperInputs(startDate),
        password: f.prescriber.password,
      });
      expect(expectStatus(res, 409).json()).toMatchObject({
        error: { code: 'STEADY_ERR_TAPER_EXISTS' },
      });
    };
    const amountsToday = async (date?: string) =>
      (await getToday(f.patient, f.base, date)).slots.map((s) => s.amountMg);

    beforeAll(async () => {
      const h = harness();
      h.clock.set('2026-07-01T16:00:00.000Z');
      f = await taperFixture(h, '2026-07-01');
      setLocal(h, '2026-08-01', '12:00');
    });

    it('signs version 1: planned by the server, the steps written as regimen versions', async () => {
      const res = await f.prescriber.post(`${f.base}/taper`, {
        inputs: sampleTaperInputs(START),
        password: f.prescriber.password,
      });
      const created = expectStatus(res, 201).json<{ taper: TaperView }>().taper;
      v1 = created.current.plan;
      expect(created.status).toBe('active');
      expect(created.today).toBe('2026-08-01');
      expect(created.currentStep).toBeNull();
      expect(created.nextStep?.startDate).toBe(START);
      expect(v1.steps[DST_STEP]?.startDate).toBe(DST_DAY);
      expect(created.progress).toEqual({
        stepsDone: 0,
        stepsTotal: v1.steps.length,
        startDailyMg: 15,
        currentDailyMg: 15,
        goalDailyMg: 0,
      });
      expect(created.followUp).toEqual({
        startDate: v1.projectedEndDate,
        endDate: expect.any(String) as string,
        intervalDays: 30,
      });
      expect(created.current).toMatchObject({
        version: 1,
        action: 'created',
        effectiveDate: START,
        checkInDays: [2, 5, 10],
        followUpMonths: 6,
        signedBy: { id: f.prescriber.userId, displayName: 'Dr. Prescriber' },
        signatureMethod: 'password',
        signedAt: '2026-08-01T16:00:00.000Z',
      });
      const written = await f.h.database.db
        .select()
        .from(regimenVersions)
        .where(
          and(eq(regimenVersions.patientId, f.patient.userId), eq(regimenVersions.taperVersion, 1)),
        );
      const dosed = v1.steps.filter((s) => s.dailyTotalMg > 0);
      expect(written.map((r) => r.taperStepIndex).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        dosed.map((s) => s.index),
      );
      // Carried over from the regimen in force: the as-needed rule, prescriber and indication.
      expect(written[0]).toMatchObject({
        asNeeded: { amountMg: 5, minIntervalHours: 8, maxPerDay: 1 },
        prescriber: 'Dr. Rivera',
        indication: 'Muscle spasm',
        enteredBy: f.prescriber.userId,
        taperId: created.id,
      });
    });

    it('refuses a second taper while one is active', async () => {
      await expectSecondTaperRefused('2026-09-01');
    });

    it('puts each step on Today on its date, in the patient’s zone', async () => {
      for (const step of v1.steps.slice(0, DST_STEP + 1)) {
        setLocal(f.h, addDays(step.startDate, -1), '21:00');
        const before = await amountsToday();
        expect(before, `day before ${step.startDate}`).toEqual(
          step.index === 0 ? [5, 5, 5] : amountsOn(v1, addDays(step.startDate, -1)),
        );
        setLocal(f.h, step.startDate, '07:00');
        expect(await amountsToday(), step.startDate).toEqual(step.doses.map((d) => d.amountMg));
        const view = await taper();
        expect(view.currentStep?.index).toBe(step.index);
        expect(view.progress.stepsDone).toBe(step.index + 1);
        expect(view.progress.currentDailyMg).toBe(step.dailyTotalMg);
      }
    });

    it('keeps the local dose times across the daylight-saving change', async () => {
      setLocal(f.h, '2026-10-31', '12:00');
      const saturday = await getToday(f.patient, f.base);
      expect(saturday.date).toBe('2026-10-31');
      expect(saturday.slots.map((s) => [s.localTime, s.dueAt, s.amountMg])).toEqual([
        ['08:00', '2026-10-31T12:00:00.000Z', 3],
        ['14:00', '2026-10-31T18:00:00.000Z', 3],
        ['20:00', '2026-11-01T00:00:00.000Z', 3],
      ]);
      setLocal(f.h, DST_DAY, '12:00');
      const sunday = await getToday(f.patient, f.base);
      expect(sunday.date).toBe(DST_DAY);
      expect(sunday.slots.map((s) => [s.localTime, s.dueAt, s.amountMg])).toEqual([
        ['08:00', '2026-11-01T13:00:00.000Z', 2.5],
        ['14:00', '2026-11-01T19:00:00.000Z', 3],
        ['20:00', '2026-11-02T01:00:00.000Z', 3],
      ]);
    });

    it('brings the patient’s request for a pause to the prescriber', async () => {
      setLocal(f.h, '2026-11-04', '10:00');
      const res = await f.patient.post(`${f.base}/taper/requests`, {
        kind: 'pause',
        reason: 'Sleeping badly since Sunday',
      });
      const { request } = expectStatus(res, 201).json<{ request: { id: string } }>();
      requestId = request.id;
      const view = await taper();
      expect(view.requests).toEqual([
        expect.objectContaining({
          id: requestId,
          kind: 'pause',
          reason: 'Sleeping badly since Sunday',
          createdBy: { id: f.patient.userId, displayName: 'Tess Taper' },
          closedAt: null,
        }),
      ]);
      const threads = expectStatus(await f.prescriber.get(`${f.base}/threads`), 200).json<{
        threads: { subject: string; lastMessage: { preview: string } | null }[];
      }>().threads;
      expect(threads).toEqual([
        expect.objectContaining({
          subject: 'Taper: I would like to pause',
          lastMessage: expect.objectContaining({
            preview: 'Sleeping badly since Sunday',
          }) as unknown,
        }),
      ]);
    });

    it('holds (answering the request): the held dose stays past the old step dates', async () => {
      setLocal(f.h, '2026-11-05', '10:00');
      const held = await change({
        action: 'hold',
        on: '2026-11-05',
        reason: 'Insomnia after the last step',
        requestId,
      });
      expect(held.status).toBe('paused');
      expect(held.nextStep).toBeNull();
      expect(held.current.requestId).toBe(requestId);
      expect(held.requests[0]).toMatchObject({ id: requestId, closingVersion: 2 });
      expect(held.requests[0]?.closedAt).not.toBeNull();
      const dstDoses = amountsOn(v1, DST_DAY);
      // The old plan's next step (15 November) does not happen.
      expect(await amountsToday('2026-11-15')).toEqual(dstDoses);
      setLocal(f.h, '2026-11-30', '09:00');
      expect(await amountsToday()).toEqual(dstDoses);
      // Days before the hold keep their history.
      expect(await amountsToday('2026-10-31')).toEqual([3, 3, 3]);
    });

    it('resumes: the rest of the plan moves later by the length of the pause', async () => {
      setLocal(f.h, '2026-12-01', '08:30');
      const resumed = await change({
        action: 'resume',
        on: '2026-12-01',
        reason: 'Sleeping well again',
      });
      expect(resumed.status).toBe('active');
      const v3 = resumed.current.plan;
      const shift = 16; // v1's step 7 was due on 15 November; it now starts on 1 December.
      const later = v1.steps.slice(DST_STEP + 1, DST_STEP + 6);
      expect(later[0]?.startDate).toBe('2026-11-15');
      for (const old of later) {
        const moved = v3.steps[old.index];
        expect(moved?.startDate, `step ${String(old.index)}`).toBe(addDays(old.startDate, shift));
        expect(moved?.dailyTotalMg, `step ${String(old.index)}`).toBe(old.dailyTotalMg);
      }
      expect(await amountsToday()).toEqual(amountsOn(v3, '2026-12-01'));
      expect(await amountsToday('2026-11-30')).toEqual(amountsOn(v1, DST_DAY));
    });

    it('steps back to the previous dose, and holds there', async () => {
      const v3 = (await taper()).current.plan;
      const step8 = v3.steps[DST_STEP + 2];
      expect(step8?.startDate).toBe('2026-12-15');
      setLocal(f.h, '2026-12-20', '09:00');
      const back = await change({
        action: 'stepBack',
        on: '2026-12-20',
        reason: 'Withdrawal symptoms after the last step',
      });
      expect(back.status).toBe('paused');
      expect(back.currentStep?.kind).toBe('stepBack');
      const previous = amountsOn(v3, '2026-12-14');
      expect(back.currentStep?.doses.map((d) => d.amountMg)).toEqual(previous);
      expect(await amountsToday()).toEqual(previous);
      expect(await amountsToday('2026-12-19')).toEqual(amountsOn(v3, '2026-12-19'));
      expect(await amountsToday('2027-01-05')).toEqual(previous);
    });

    it('resumes more slowly, then ends at a maintenance dose kept from then on', async () => {
      setLocal(f.h, '2027-01-10', '09:00');
      const slower = await change({
        action: 'resume',
        on: '2027-01-10',
        reason: 'Ready to go on, more slowly',
        intervalDays: 28,
      });
      const v5 = slower.current.plan;
      expect(v5.inputs.intervalDays).toBe(28);
      expect(slower.nextStep?.startDate).toBe('2027-02-07');
      expect(await amountsToday()).toEqual(amountsOn(v5, '2027-01-10'));
      setLocal(f.h, '2027-02-08', '09:00');
      const kept = amountsOn(v5, '2027-02-08');
      const ended = await change({
        action: 'endAtMaintenance',
        on: '2027-02-08',
        reason: 'Further reductions not tolerated; this dose is kept',
      });
      expect(ended.status).toBe('maintenance');
      expect(ended.nextStep).toBeNull();
      expect(ended.followUp).toBeNull();
      expect(ended.progress.goalDailyMg).toBe(kept.reduce((a, b) => a + b, 0));
      expect(await amountsToday()).toEqual(kept);
      expect(await amountsToday('2027-06-01')).toEqual(kept);
    });

    it('keeps every version, in order, with its reason and signature', async () => {
      const view = await taper();
      expect(
        view.versions.map((v) => [v.version, v.action, v.effectiveDate, v.reason, v.requestId]),
      ).toEqual([
        [1, 'created', START, 'Initial plan', null],
        [2, 'hold', '2026-11-05', 'Insomnia after the last step', requestId],
        [3, 'resume', '2026-12-01', 'Sleeping well again', null],
        [4, 'stepBack', '2026-12-20', 'Withdrawal symptoms after the last step', null],
        [5, 'resume', '2027-01-10', 'Ready to go on, more slowly', null],
        [
          6,
          'endAtMaintenance',
          '2027-02-08',
          'Further reductions not tolerated; this dose is kept',
          null,
        ],
      ]);
      expect(view.versions.map((v) => v.plan.version)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(view.current.version).toBe(6);
      expect(view.versions.every((v) => v.signedBy.id === f.prescriber.userId)).toBe(true);
      const signedAt = view.versions.map((v) => v.signedAt);
      expect([...signedAt].sort()).toEqual(signedAt);
      // Each version left its regimen versions, all kept.
      const rows = await f.h.database.db
        .select({ v: regimenVersions.taperVersion, reason: regimenVersions.reason })
        .from(regimenVersions)
        .where(eq(regimenVersions.patientId, f.patient.userId));
      expect(new Set(rows.map((r) => r.v))).toEqual(new Set([null, 1, 2, 3, 4, 5, 6]));
      expect(rows.find((r) => r.v === 2)?.reason).toBe(
        `Taper v2 (hold), step ${String(DST_STEP + 1)}: Insomnia after the last step`,
      );
      // A caregiver-like reader (the pharmacist, medications consent) sees the same history.
      const seen = await getTaper(f.pharmacist, f.base);
      expect(seen?.versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('refuses a second taper while at maintenance', async () => {
      await expectSecondTaperRefused('2027-03-01');
    });
  },
  LONG_SESSIONS,
);
