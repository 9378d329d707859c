/**
 * The demo's supervised tapers (issue 5 item 9), read through the API as the demo prescriber
 * and pharmacist see them: one just started, one in progress, one paused after withdrawal
 * symptoms (SIG-WD-AFTER-STEP open), one finished and in follow-up; doses logged as the taper
 * prescribed them, dispensings linked to the taper.
 */
import { addDays, localDateOf, type TaperStep } from '@steady/core';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { doseEvents, users } from '../db/schema.js';
import { signIn, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { DEMO_CLINICIANS } from './careTeam.js';
import { DEMO_COHORT, demoEmail } from './cohort.js';
import { seedForSuite } from './seed.test-helpers.js';
import { DEMO_TAPERS } from './tapers.js';

interface Taper {
  id: string;
  status: string;
  today: string;
  currentStep: TaperStep | null;
  nextStep: TaperStep | null;
  progress: { stepsDone: number; stepsTotal: number; currentDailyMg: number };
  followUp: { startDate: string; endDate: string } | null;
  versions: { version: number; action: string; effectiveDate: string }[];
  requests: { kind: string; closedAt: string | null; closingVersion: number | null }[];
}

interface CheckIns {
  schedule: { date: string; kind: string; stepIndex: number | null; status: string }[];
  byStep: { stepIndex: number; scores: { total: number; daysAfterStep: number }[] }[];
}

describeOnDatabases('demo seed: tapers at different stages', (harness) => {
  let h: Harness;
  let prescriber: Client;
  let pharmacist: Client;

  beforeAll(async () => {
    h = harness();
    await seedForSuite(h);
    const { prescriber: p, pharmacist: ph } = DEMO_CLINICIANS;
    prescriber = await signIn(h.app, p.email, p.password);
    pharmacist = await signIn(h.app, ph.email, ph.password);
  });

  const patient = async (key: string) => {
    const spec = DEMO_COHORT.find((p) => p.key === key);
    if (spec === undefined) throw new Error(key);
    const [row] = await h.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, demoEmail(spec.name)));
    if (row === undefined) throw new Error(`${key} not seeded`);
    return { spec, base: `/api/patients/${row.id}`, id: row.id };
  };
  const read = async <T>(as: Client, url: string): Promise<T> => {
    const res = await as.get(url);
    expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    return res.json<T>();
  };
  const taperOf = async (key: string) => {
    const { base } = await patient(key);
    const { taper } = await read<{ taper: Taper | null }>(prescriber, `${base}/taper`);
    if (taper === null) throw new Error(`${key}: no taper`);
    return taper;
  };

  it('gives a taper to every taper patient, each at its stage', () => {
    const stages = DEMO_COHORT.filter((p) => p.scenario === 'taper').map(
      (p) => DEMO_TAPERS[p.key]?.stage,
    );
    expect(stages.sort()).toEqual(['follow-up', 'in-progress', 'just-started', 'paused']);
  });

  it('has a taper that just started: the first step, days ago, with its first check-in', async () => {
    const taper = await taperOf('taper-1');
    expect(taper.status).toBe('active');
    expect(taper.currentStep?.index).toBe(0);
    expect(taper.currentStep?.startDate).toBe(addDays(taper.today, -4));
    expect(taper.nextStep?.index).toBe(1);
    expect(taper.versions.map((v) => v.action)).toEqual(['created']);
    // 15 mg a day before the taper.
    expect(taper.progress.stepsDone).toBe(1);
    expect(taper.progress.currentDailyMg).toBe(taper.currentStep?.dailyTotalMg);
    expect(taper.progress.currentDailyMg).toBeLessThan(15);
    const { base } = await patient('taper-1');
    const checkIns = await read<CheckIns>(prescriber, `${base}/taper/check-ins`);
    expect(checkIns.schedule.filter((s) => s.status === 'answered')).toEqual([
      expect.objectContaining({ date: addDays(taper.today, -2), stepIndex: 0 }),
    ]);
  });

  it('has a taper in progress, a few steps in', async () => {
    const taper = await taperOf('taper-4');
    expect(taper.status).toBe('active');
    expect(taper.currentStep?.index).toBe(3);
    expect(taper.requests).toEqual([]);
  });

  it('has a taper paused after withdrawal symptoms rose after a step', async () => {
    const taper = await taperOf('taper-2');
    expect(taper.status).toBe('paused');
    expect(taper.versions.map((v) => [v.version, v.action])).toEqual([
      [1, 'created'],
      [2, 'hold'],
    ]);
    // The patient asked for the pause; the hold answered the request.
    expect(taper.requests).toEqual([expect.objectContaining({ kind: 'pause', closingVersion: 2 })]);
    expect(taper.requests[0]?.closedAt).not.toBeNull();
    // Held at the step that started ten days ago, with no end and nothing after it.
    expect(taper.currentStep).toMatchObject({ index: 3, endDate: null });
    expect(taper.currentStep?.startDate).toBe(addDays(taper.today, -10));
    expect(taper.nextStep).toBeNull();

    const { base } = await patient('taper-2');
    const { byStep } = await read<CheckIns>(prescriber, `${base}/taper/check-ins`);
    const mean = (i: number) => {
      const scores = byStep.find((s) => s.stepIndex === i)?.scores ?? [];
      return scores.reduce((s, x) => s + x.total, 0) / Math.max(1, scores.length);
    };
    expect(mean(3)).toBeGreaterThan(mean(2) + 3);
    const { alerts } = await read<{ alerts: { signalId: string; status: string }[] }>(
      prescriber,
      `${base}/alerts?status=unresolved`,
    );
    expect(alerts.map((a) => a.signalId)).toContain('SIG-WD-AFTER-STEP');
  });

  it('has a taper finished and in follow-up, with follow-up check-ins answered', async () => {
    const taper = await taperOf('taper-3');
    expect(taper.status).toBe('followUp');
    expect(taper.currentStep?.dailyTotalMg).toBe(0);
    expect(taper.followUp?.startDate).toBe(addDays(taper.today, -40));
    expect((taper.followUp?.endDate ?? '') > taper.today).toBe(true);
    const { base } = await patient('taper-3');
    const { schedule } = await read<CheckIns>(prescriber, `${base}/taper/check-ins`);
    expect(schedule.some((s) => s.kind === 'followUp' && s.status === 'answered')).toBe(true);
    // Most check-ins after the steps were answered, a few missed.
    const steps = schedule.filter((s) => s.kind === 'step');
    const answered = steps.filter((s) => s.status === 'answered').length;
    expect(answered).toBeGreaterThan(30);
    expect(steps.filter((s) => s.status === 'missed').length).toBeLessThan(answered / 3);
  });

  it('logs the doses the taper prescribed, step by step', async () => {
    for (const key of ['taper-2', 'taper-3']) {
      const { spec, id } = await patient(key);
      const taper = await taperOf(key);
      const logged = await h.database.db
        .select()
        .from(doseEvents)
        .where(and(eq(doseEvents.patientId, id), eq(doseEvents.kind, 'taken')));
      const steps = (
        await read<{ taper: { current: { plan: { steps: TaperStep[] } } } }>(
          prescriber,
          `/api/patients/${id}/taper`,
        )
      ).taper.current.plan.steps;
      let checked = 0;
      for (const dose of logged) {
        const [day, time] = (dose.slotKey ?? '').split('T');
        if (day === undefined || time === undefined || day < (steps[0]?.startDate ?? '')) continue;
        const step = steps.filter((s) => s.startDate <= day).at(-1);
        const expected = step?.doses.find((d) => d.time === time)?.amountMg;
        expect(dose.amountMg, `${key} ${dose.slotKey ?? ''}`).toBe(expected);
        checked += 1;
      }
      expect(checked, key).toBeGreaterThan(20);
      // Nothing logged after the last step to 0 mg.
      if (taper.status === 'followUp') {
        const zone = spec.zone;
        const stopped = taper.followUp?.startDate ?? '';
        expect(logged.filter((d) => localDateOf(d.takenAt.toISOString(), zone) >= stopped)).toEqual(
          [],
        );
      }
    }
  });

  it('links the pharmacy dispensings to the taper, with no early refill', async () => {
    for (const key of ['taper-1', 'taper-2']) {
      const { base } = await patient(key);
      const taper = await taperOf(key);
      const { dispensings } = await read<{
        dispensings: { formulation: string; taperPlanId: string | null; note: string | null }[];
      }>(pharmacist, `${base}/dispensing`);
      const linked = dispensings.filter((d) => d.taperPlanId === taper.id);
      expect(linked.length, key).toBeGreaterThan(0);
      expect(linked.every((d) => d.note?.startsWith('Taper step ') === true)).toBe(true);
      const { alerts } = await read<{ alerts: { signalId: string }[] }>(
        prescriber,
        `${base}/alerts?status=unresolved`,
      );
      expect(
        alerts.map((a) => a.signalId),
        key,
      ).not.toContain('SIG-EARLY-REFILL');
    }
  });
});
