import { randomUUID } from 'node:crypto';
import { addDays, localDateOf, localToInstant } from '@steady/core';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_DEFAULTS, NO_CONSENT } from '../careteam/consent.js';
import { auditLog, doseEvents } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { addClinician, caregiverOf, createClinicFixture, link } from '../testing/careteam.js';
import {
  checkInBody,
  registerPatient,
  regimenBody,
  signIn,
  type Client,
  type Harness,
} from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { WARM_UP_DAYS } from './levels.js';

type Severity = 'none' | 'mild' | 'moderate' | 'severe';
interface ChartDay {
  date: string;
  doses: {
    scheduledMg: number | null;
    takenMg: number;
    extraDoses: number;
    extraMg: number;
  } | null;
  checkIns: {
    count: number;
    painMean: number;
    painMax: number;
    sideEffects: Record<string, Severity>;
    otherSideEffects: { text: string; severity: Severity }[];
    fall: string;
    breathingProblem: boolean;
  } | null;
}
interface Chart {
  timeZone: string;
  from: string;
  to: string;
  hidden: string[];
  days: ChartDay[];
  levels: {
    resolution: 'hourly' | 'daily-mean';
    warmUpDays: number;
    reference: { basis: string; dailyMg: number; date: string } | null;
    logStart: string | null;
    completeFrom: string | null;
    points: { at: string; parent: number; metabolite: number }[];
    caveats: { id: string; text: string; sources: { id: string }[] }[];
    parameters: { name: string; sources: { id: string }[] }[];
  } | null;
}

const ZONE = 'America/New_York';
const TIMES = ['08:00', '14:00', '20:00'] as const;

describeOnDatabases('patient chart', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });
  beforeEach(() => {
    h.clock.set('2026-03-10T12:00:00.000Z');
  });

  /**
   * A New York patient on 3 × 5 mg (08:00, 14:00, 20:00) from `start`, recorded that day.
   * `again()` signs in anew, for tests that move the clock past the session's lifetime.
   */
  async function patient(start = '2026-03-01'): Promise<Client & { again: () => Promise<Client> }> {
    h.clock.set(localToInstant(start, '07:00', ZONE));
    const email = `chart-${randomUUID().slice(0, 8)}@example.org`;
    const p = await registerPatient(h.app, { timeZone: ZONE, email });
    const res = await p.post(`/api/patients/${p.userId}/regimen`, regimenBody(start));
    expect(res.statusCode).toBe(201);
    h.clock.set('2026-03-10T12:00:00.000Z');
    return Object.assign(p, { again: () => signIn(h.app, email) });
  }
  const chartOf = async (c: Client, patientId: string, from: string, to: string) => {
    const res = await c.get(`/api/patients/${patientId}/chart?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Chart>();
  };
  const dose = async (p: Client, body: Record<string, unknown>) => {
    const res = await p.post(`/api/patients/${p.userId}/doses`, {
      idempotencyKey: randomUUID(),
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ event: { id: string } }>().event;
  };
  const checkIn = async (p: Client, at: string, overrides: Record<string, unknown>) => {
    h.clock.set(at);
    const res = await p.post(`/api/patients/${p.userId}/checkins`, checkInBody(overrides));
    expect(res.statusCode, res.body).toBe(201);
  };
  /** Every scheduled dose from `from` to `to`, taken on time, written straight to the log. */
  async function takeEveryDose(p: Client, from: string, to: string) {
    const rows = [];
    for (let d = from; d <= to; d = addDays(d, 1)) {
      for (const time of TIMES) {
        rows.push({
          id: randomUUID(),
          patientId: p.userId,
          kind: 'taken' as const,
          slotKey: `${d}T${time}`,
          takenAt: new Date(localToInstant(d, time, ZONE)),
          amountMg: 5,
          idempotencyKey: randomUUID(),
          recordedBy: p.userId,
        });
      }
    }
    await h.database.db.insert(doseEvents).values(rows);
  }
  const byDate = (chart: Chart) => new Map(chart.days.map((d) => [d.date, d]));

  describe('window', () => {
    it('answers 400 naming `to` when it is before `from` or the window exceeds 400 days', async () => {
      const p = await patient();
      const url = `/api/patients/${p.userId}/chart`;
      const reversed = expectError(
        await p.get(`${url}?from=2026-03-10&to=2026-03-09`),
        400,
        'STEADY_ERR_VALIDATION',
      );
      expect(reversed.details).toEqual([expect.objectContaining({ path: '/querystring/to' })]);
      // 1 Feb 2025 … 7 Mar 2026 is 400 days; one more is too many.
      const tooLong = expectError(
        await p.get(`${url}?from=2025-02-01&to=2026-03-08`),
        400,
        'STEADY_ERR_VALIDATION',
      );
      expect(tooLong.details).toEqual([
        expect.objectContaining({ path: '/querystring/to', message: 'at most 400 days' }),
      ]);
      const longest = await chartOf(p, p.userId, '2025-02-01', '2026-03-07');
      expect(longest.days).toHaveLength(400);
      const oneDay = await chartOf(p, p.userId, '2026-03-09', '2026-03-09');
      expect(oneDay.days.map((d) => d.date)).toEqual(['2026-03-09']);
    });

    it('answers 400 to missing or impossible dates', async () => {
      const p = await patient();
      const url = `/api/patients/${p.userId}/chart`;
      for (const query of [
        '',
        '?from=2026-03-01',
        '?from=2026-02-30&to=2026-03-01',
        '?from=x&to=y',
      ]) {
        expectError(await p.get(`${url}${query}`), 400, 'STEADY_ERR_VALIDATION', query);
      }
    });
  });

  it('sums doses and summarises check-ins per local day', async () => {
    const p = await patient();
    await checkIn(p, localToInstant('2026-03-09', '09:00', ZONE), {
      pain: 3,
      sideEffects: {
        drowsiness: 'mild',
        dizziness: 'none',
        unsteadiness: 'none',
        confusion: 'none',
      },
      otherSideEffect: { text: 'Dry mouth', severity: 'mild' },
      fall: 'near_fall',
    });
    await checkIn(p, localToInstant('2026-03-09', '21:00', ZONE), {
      pain: 6,
      sideEffects: {
        drowsiness: 'moderate',
        dizziness: 'none',
        unsteadiness: 'mild',
        confusion: 'none',
      },
      otherSideEffect: { text: 'Dry mouth ', severity: 'moderate' },
    });
    await checkIn(p, localToInstant('2026-03-07', '10:00', ZONE), {
      pain: 8,
      fall: 'fall',
      breathingProblem: true,
    });
    h.clock.set('2026-03-10T12:00:00.000Z');
    await dose(p, {
      kind: 'taken',
      slotKey: '2026-03-09T08:00',
      takenAt: localToInstant('2026-03-09', '08:10', ZONE),
    });
    const afternoon = await dose(p, { kind: 'taken', slotKey: '2026-03-09T14:00' });
    const corrected = await p.post(`/api/patients/${p.userId}/doses/${afternoon.id}/correct`, {
      idempotencyKey: randomUUID(),
      takenAt: localToInstant('2026-03-09', '14:30', ZONE),
      amountMg: 2.5,
      reason: 'Half a tablet',
    });
    expect(corrected.statusCode).toBe(201);
    await dose(p, {
      kind: 'skipped',
      slotKey: '2026-03-09T20:00',
      takenAt: localToInstant('2026-03-09', '20:00', ZONE),
      reason: 'Too drowsy',
    });
    await dose(p, {
      kind: 'extra',
      slotKey: null,
      takenAt: localToInstant('2026-03-09', '17:00', ZONE),
      amountMg: 2.5,
      reason: 'Spasm',
    });

    const chart = await chartOf(p, p.userId, '2026-02-27', '2026-03-10');
    expect(chart).toMatchObject({
      timeZone: ZONE,
      from: '2026-02-27',
      to: '2026-03-10',
      hidden: [],
    });
    expect(chart.days.map((d) => d.date)).toEqual([
      '2026-02-27',
      '2026-02-28',
      ...Array.from({ length: 10 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`),
    ]);
    const days = byDate(chart);
    // Before the regimen began nothing was scheduled.
    expect(days.get('2026-02-28')?.doses).toEqual({
      scheduledMg: null,
      takenMg: 0,
      extraDoses: 0,
      extraMg: 0,
    });
    expect(days.get('2026-03-08')?.doses).toEqual({
      scheduledMg: 15,
      takenMg: 0,
      extraDoses: 0,
      extraMg: 0,
    });
    // 5 mg, then 5 corrected to 2.5, a skip, and a 2.5 mg extra dose.
    expect(days.get('2026-03-09')?.doses).toEqual({
      scheduledMg: 15,
      takenMg: 10,
      extraDoses: 1,
      extraMg: 2.5,
    });
    expect(days.get('2026-03-09')?.checkIns).toEqual({
      count: 2,
      painMean: 4.5,
      painMax: 6,
      sideEffects: {
        drowsiness: 'moderate',
        dizziness: 'none',
        unsteadiness: 'mild',
        confusion: 'none',
      },
      otherSideEffects: [{ text: 'Dry mouth', severity: 'moderate' }],
      fall: 'near_fall',
      breathingProblem: false,
    });
    expect(days.get('2026-03-07')?.checkIns).toMatchObject({
      count: 1,
      painMean: 8,
      fall: 'fall',
      breathingProblem: true,
    });
    expect(days.get('2026-03-08')?.checkIns).toBeNull();
    // The curve is relative to the regimen in force on the window's last day.
    expect(chart.levels?.reference).toEqual({ basis: 'regimen', dailyMg: 15, date: '2026-03-10' });
    expect(chart.levels?.logStart).toBe('2026-03-09');
    // No curve before the first logged dose: nothing is known there.
    expect(chart.levels?.points[0]?.at).toBe(localToInstant('2026-03-09', '00:00', ZONE));
    expect(chart.levels?.completeFrom).toBe(addDays('2026-03-09', WARM_UP_DAYS));
    expect(chart.levels?.caveats.map((c) => c.id)).toContain('illustrative');
    for (const c of chart.levels?.caveats ?? []) expect(c.sources.length).toBeGreaterThan(0);
  });

  it('keeps days, check-ins and hourly levels on the patient’s clock across a DST change', async () => {
    // New York moves to summer time at 02:00 on Sunday 8 March 2026: a 23-hour day.
    const p = await patient();
    await checkIn(p, '2026-03-09T03:30:00.000Z', { pain: 7 }); // 23:30 EDT on 8 March
    h.clock.set('2026-03-09T12:00:00.000Z');
    await dose(p, {
      kind: 'taken',
      slotKey: '2026-03-08T20:00',
      takenAt: '2026-03-09T04:30:00.000Z', // 00:30 on 9 March
    });
    await dose(p, {
      kind: 'taken',
      slotKey: '2026-03-08T08:00',
      takenAt: '2026-03-08T12:00:00.000Z', // 08:00 EDT
    });
    await dose(p, {
      kind: 'taken',
      slotKey: '2026-03-07T08:00',
      takenAt: '2026-03-07T13:00:00.000Z', // 08:00 EST
    });
    h.clock.set('2026-03-12T12:00:00.000Z');
    const chart = await chartOf(p, p.userId, '2026-03-07', '2026-03-09');
    const days = byDate(chart);
    expect(chart.days).toHaveLength(3);
    expect(days.get('2026-03-08')?.checkIns).toMatchObject({ count: 1, painMean: 7 });
    expect(days.get('2026-03-09')?.checkIns).toBeNull();
    expect(days.get('2026-03-08')?.doses).toMatchObject({ scheduledMg: 15, takenMg: 5 });
    expect(days.get('2026-03-09')?.doses).toMatchObject({ takenMg: 5 });
    const levels = chart.levels;
    expect(levels?.resolution).toBe('hourly');
    const hoursPerDay = new Map<string, number>();
    for (const pt of levels?.points ?? []) {
      const day = localDateOf(pt.at, ZONE);
      hoursPerDay.set(day, (hoursPerDay.get(day) ?? 0) + 1);
    }
    expect(Object.fromEntries(hoursPerDay)).toEqual({
      '2026-03-07': 24,
      '2026-03-08': 23,
      '2026-03-09': 24,
    });
    expect(levels?.points[0]?.at).toBe(localToInstant('2026-03-07', '00:00', ZONE));
  });

  it('shows each member the parts they are allowed to see, and names the rest', async () => {
    const p = await patient();
    await checkIn(p, localToInstant('2026-03-09', '09:00', ZONE), {
      pain: 4,
      otherSideEffect: { text: 'Secret itch', severity: 'mild' },
    });
    h.clock.set('2026-03-10T12:00:00.000Z');
    await dose(p, {
      kind: 'taken',
      slotKey: '2026-03-09T08:00',
      takenAt: localToInstant('2026-03-09', '08:00', ZONE),
    });
    const clinic = await createClinicFixture(h, `Chart clinic ${randomUUID().slice(0, 6)}`);
    // Defaults: a physical therapist sees check-ins, not medications; a caregiver the reverse.
    const physio = await addClinician(h, clinic, 'physical_therapist');
    await link(p, physio);
    const { caregiver } = await caregiverOf(h, p);
    const nothing = await addClinician(h, clinic, 'prescriber');
    await link(p, nothing, NO_CONSENT);
    expect(CONSENT_DEFAULTS.physical_therapist).toMatchObject({
      medications: false,
      checkins: true,
    });
    expect(CONSENT_DEFAULTS.caregiver).toMatchObject({ medications: true, checkins: false });

    const own = await chartOf(p, p.userId, '2026-03-08', '2026-03-10');
    expect(own.hidden).toEqual([]);

    const seenByPhysio = await chartOf(physio, p.userId, '2026-03-08', '2026-03-10');
    expect(seenByPhysio.hidden).toEqual(['medications']);
    expect(seenByPhysio.levels).toBeNull();
    expect(seenByPhysio.days.every((d) => d.doses === null)).toBe(true);
    expect(byDate(seenByPhysio).get('2026-03-09')?.checkIns).toMatchObject({ painMean: 4 });

    const seenByCaregiver = await chartOf(caregiver, p.userId, '2026-03-08', '2026-03-10');
    expect(seenByCaregiver.hidden).toEqual(['checkins']);
    expect(seenByCaregiver.days.every((d) => d.checkIns === null)).toBe(true);
    expect(JSON.stringify(seenByCaregiver)).not.toContain('Secret itch');
    expect(byDate(seenByCaregiver).get('2026-03-09')?.doses).toMatchObject({ takenMg: 5 });
    expect(seenByCaregiver.levels?.points.length).toBeGreaterThan(0);

    expectError(
      await nothing.get(`/api/patients/${p.userId}/chart?from=2026-03-08&to=2026-03-10`),
      404,
      'STEADY_ERR_NOT_FOUND',
    );

    // Each member's read is in the patient's access log, under the categories it used.
    const rows = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, p.userId), eq(auditLog.action, 'access.read')));
    const chartReads = rows
      .map((r) => ({
        actor: r.actorId,
        details: r.details as { subject: string; category: string },
      }))
      .filter((r) => r.details.subject === 'chart');
    expect(chartReads.map((r) => [r.actor, r.details.category])).toEqual(
      expect.arrayContaining([
        [physio.userId, 'checkins'],
        [caregiver.userId, 'medications'],
      ]),
    );
    expect(chartReads).toHaveLength(2);
  });

  describe('relative levels', () => {
    let p: Client & { again: () => Promise<Client> };
    beforeAll(async () => {
      // Two weeks of every dose (1–14 February), then nothing.
      p = await patient('2026-02-01');
      await takeEveryDose(p, '2026-02-01', '2026-02-14');
    });

    it('rise while doses are taken and decay after they stop (daily means)', async () => {
      h.clock.set('2026-03-20T12:00:00.000Z');
      const chart = await chartOf(await p.again(), p.userId, '2026-02-01', '2026-03-15');
      const levels = chart.levels;
      expect(levels?.resolution).toBe('daily-mean');
      expect(levels?.reference).toEqual({ basis: 'regimen', dailyMg: 15, date: '2026-03-15' });
      const points = levels?.points ?? [];
      expect(points.map((pt) => localDateOf(pt.at, ZONE))).toEqual(chart.days.map((d) => d.date));
      const dosing = points.slice(0, 14);
      const after = points.slice(14);
      for (let i = 1; i < dosing.length; i++) {
        expect(dosing[i]?.parent).toBeGreaterThan(dosing[i - 1]?.parent ?? Infinity);
        expect(dosing[i]?.metabolite).toBeGreaterThan(dosing[i - 1]?.metabolite ?? Infinity);
      }
      for (let i = 1; i < after.length; i++) {
        expect(after[i]?.parent).toBeLessThan(after[i - 1]?.parent ?? -Infinity);
        expect(after[i]?.metabolite).toBeLessThan(after[i - 1]?.metabolite ?? -Infinity);
      }
      // Two weeks of the prescribed regimen bring diazepam close to its steady state (1.0);
      // nordiazepam, slower, is still below it. A month later little is left of either.
      const peak = dosing.at(-1);
      expect(peak?.parent).toBeGreaterThan(0.9);
      expect(peak?.parent).toBeLessThan(1.1);
      expect(peak?.metabolite).toBeLessThan(peak?.parent ?? 0);
      const last = points.at(-1);
      expect(last?.parent).toBeLessThan(0.01 * (peak?.parent ?? 0));
      expect(last?.metabolite).toBeLessThan(0.05 * (peak?.metabolite ?? 0));
    });

    it('count the doses taken before the window, so a later window starts from where they left off', async () => {
      h.clock.set('2026-03-20T12:00:00.000Z');
      const whole = await chartOf(await p.again(), p.userId, '2026-02-01', '2026-03-15');
      const later = await chartOf(await p.again(), p.userId, '2026-02-20', '2026-03-01');
      const levels = later.levels;
      expect(levels?.resolution).toBe('hourly');
      const points = levels?.points ?? [];
      expect(points).toHaveLength(10 * 24);
      // Six days after the last dose both are still well above zero, and only falling.
      expect(points[0]?.parent).toBeGreaterThan(0.05);
      expect(points[0]?.metabolite).toBeGreaterThan(0.2);
      for (let i = 1; i < points.length; i++) {
        expect(points[i]?.parent).toBeLessThan(points[i - 1]?.parent ?? -Infinity);
        expect(points[i]?.metabolite).toBeLessThan(points[i - 1]?.metabolite ?? -Infinity);
      }
      // The hourly points of 20 February average to that day's mean in the longer window.
      const dayMean = (key: 'parent' | 'metabolite') =>
        points.slice(0, 24).reduce((sum, pt) => sum + pt[key], 0) / 24;
      const fromWhole = whole.levels?.points.find(
        (pt) => localDateOf(pt.at, ZONE) === '2026-02-20',
      );
      expect(dayMean('parent')).toBeCloseTo(fromWhole?.parent ?? 0, 2);
      expect(dayMean('metabolite')).toBeCloseTo(fromWhole?.metabolite ?? 0, 2);
    });

    it('stop at the present: no curve is drawn for hours not yet lived', async () => {
      h.clock.set(localToInstant('2026-02-10', '12:30', ZONE));
      const chart = await chartOf(await p.again(), p.userId, '2026-02-09', '2026-02-11');
      const points = chart.levels?.points ?? [];
      expect(points.at(-1)?.at).toBe(localToInstant('2026-02-10', '12:00', ZONE));
      expect(points).toHaveLength(24 + 13);
    });
  });
});
