import { randomUUID } from 'node:crypto';
import { addDays, localToInstant } from '@steady/core';
import { beforeAll, expect, it } from 'vitest';
import { FULL_CONSENT, NO_CONSENT } from '../careteam/consent.js';
import { checkIns, doseEvents } from '../db/schema.js';
import { techniqueSessions } from '../db/techniquesSchema.js';
import { addClinician, createClinicFixture, link } from '../testing/careteam.js';
import { regimenBody, registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Effect {
  outcome: string;
  status: string;
  n: number;
  nWith: number | null;
  nWithout: number | null;
  needed: { pairedDays: number; withFactor: number | null; withoutFactor: number | null } | null;
  estimate: number | null;
  ci: { lower: number; upper: number; level: number } | null;
  wording: string;
}
interface Factor {
  id: string;
  kind: string;
  days: number;
  effects: Effect[];
}
interface Insights {
  from: string;
  to: string;
  hidden: string[];
  disclaimer: string;
  minimum: { pairedDays: number; perGroup: number };
  factors: Factor[];
}

const ZONE = 'America/New_York';
const NONE = { drowsiness: 'none', dizziness: 'none', unsteadiness: 'none', confusion: 'none' };

describeOnDatabases('insights', (harness) => {
  let h: Harness;
  const at = (date: string, time: string) => new Date(localToInstant(date, time, ZONE));

  const insightsOf = async (as: Client, patient: Client, query = '') => {
    const res = await as.get(`/api/patients/${patient.userId}/insights${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Insights>();
  };
  const factor = (r: Insights, id: string) => {
    const found = r.factors.find((f) => f.id === id);
    if (found === undefined) throw new Error(`no ${id} in ${r.factors.map((f) => f.id).join()}`);
    return found;
  };
  const effect = (f: Factor, outcome: string) => {
    const found = f.effects.find((e) => e.outcome === outcome);
    if (found === undefined) throw new Error(`no ${outcome} in ${f.id}`);
    return found;
  };

  const addSession = (
    patientId: string,
    startedAt: Date,
    ratings: {
      painBefore?: number;
      painAfter?: number;
      tensionBefore?: number;
      tensionAfter?: number;
    },
    techniqueId = 'paced-breathing',
  ) =>
    h.database.db.insert(techniqueSessions).values({
      id: randomUUID(),
      patientId,
      techniqueId,
      kind: 'guided',
      startedAt,
      durationMinutes: 5,
      painBefore: ratings.painBefore ?? null,
      painAfter: ratings.painAfter ?? null,
      tensionBefore: ratings.tensionBefore ?? null,
      tensionAfter: ratings.tensionAfter ?? null,
      note: 'private note',
      idempotencyKey: randomUUID(),
      createdAt: startedAt,
    });
  const addCheckIn = (
    patientId: string,
    when: Date,
    pain: number,
    activities: string[] = [],
    drowsiness = 'none',
  ) =>
    h.database.db.insert(checkIns).values({
      id: randomUUID(),
      patientId,
      at: when,
      pain,
      spasm: 3,
      sleepQuality: 5,
      anxiety: 2,
      mood: 6,
      sideEffects: { ...NONE, drowsiness } as never,
      fall: 'none',
      breathingProblem: false,
      otherSideEffect: null,
      activities,
      note: null,
      idempotencyKey: randomUUID(),
      createdAt: when,
    });

  /*
   * 45 local days from 24 Jan (the clock says 10 Mar 07:00 in New York): paced breathing at
   * 23:00 local on every third day (already the next day in UTC), pain 2–3 the next day after a
   * session and 6–7 otherwise; pain 6 → 3 or 4 and tension 5 → 6 within each session.
   */
  let rich: Client;
  const FIRST = '2026-01-24';
  /** Pain of the days after a session day, and of the days after one without. */
  const after = { session: [] as number[], none: [] as number[] };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  beforeAll(async () => {
    h = harness();
    rich = await registerPatient(h.app, { timeZone: ZONE, displayName: 'Rich Data' });
    for (let i = 0; i < 45; i += 1) {
      const day = addDays(FIRST, i);
      const afterSession = i > 0 && (i - 1) % 3 === 0;
      const pain = afterSession ? 2 + (i % 2) : 6 + (i % 2);
      (afterSession ? after.session : after.none).push(pain);
      await addCheckIn(rich.userId, at(day, '12:00'), pain, i % 2 === 0 ? ['walking'] : []);
      if (i % 3 === 0 && i < 44) {
        await addSession(rich.userId, at(day, '23:00'), {
          painBefore: 6,
          painAfter: 3 + (i % 2),
          tensionBefore: 5,
          tensionAfter: 6 + (i % 2),
        });
      }
    }
  });

  it('finds the associations whose sign is known, counting days in the patient zone', async () => {
    const r = await insightsOf(rich, rich);
    expect(r).toMatchObject({ to: '2026-03-10', from: '2025-12-11', hidden: [] });
    expect(r.minimum).toEqual({ pairedDays: 14, perGroup: 5 });
    expect(r.disclaimer).toMatch(/association/);
    const breathing = factor(r, 'technique:paced-breathing');
    expect(breathing.days).toBe(15);
    // Sessions at 23:00 local belong to that local day, so the next local day had low pain.
    const nextDay = effect(breathing, 'pain-next-day');
    expect(nextDay).toMatchObject({ status: 'ok', nWith: 15, nWithout: 30, n: 45 });
    expect(after.session).toHaveLength(15);
    expect(nextDay.estimate).toBeCloseTo(mean(after.session) - mean(after.none), 6);
    expect(nextDay.ci?.upper).toBeLessThan(0);
    expect(nextDay.wording).toMatch(/^On days you did paced breathing, your pain the next day/);
    expect(nextDay.wording).toMatch(/not proof/);
    const pain = effect(breathing, 'pain-in-session');
    expect(pain).toMatchObject({ status: 'ok', n: 15 });
    expect(pain.estimate).toBeCloseTo(-(8 * 3 + 7 * 2) / 15, 5);
    expect(pain.ci?.upper).toBeLessThan(0);
    const tension = effect(breathing, 'tension-in-session');
    expect(tension.estimate).toBeGreaterThan(0);
    expect(tension.ci?.lower).toBeGreaterThan(0);
    // Walking, every other day, is logged in check-ins: same day and next day, no clear link.
    const walking = factor(r, 'activity:walking');
    expect(walking.days).toBe(23);
    expect(effect(walking, 'pain-same-day')).toMatchObject({
      status: 'ok',
      nWith: 23,
      nWithout: 22,
    });
  });

  it('narrows the window with ?days and rejects a window below the minimum', async () => {
    const r = await insightsOf(rich, rich, '?days=20');
    expect(r.from).toBe('2026-02-19');
    const res = await rich.get(`/api/patients/${rich.userId}/insights?days=3`);
    expect(res.statusCode).toBe(400);
  });

  it('reports insufficient data with the counts and what is still needed', async () => {
    const few = await registerPatient(h.app, { timeZone: ZONE });
    for (let i = 0; i < 6; i += 1) {
      const day = addDays('2026-03-01', i);
      await addCheckIn(few.userId, at(day, '12:00'), 5 + (i % 2), ['stretching']);
      if (i < 3) await addSession(few.userId, at(day, '08:00'), { painBefore: 5, painAfter: 4 });
    }
    const r = await insightsOf(few, few);
    const breathing = factor(r, 'technique:paced-breathing');
    expect(effect(breathing, 'pain-in-session')).toMatchObject({
      status: 'insufficient-data',
      n: 3,
      needed: { pairedDays: 11 },
      estimate: null,
      ci: null,
    });
    // Never rated for tension: no tension effect at all.
    expect(breathing.effects.map((e) => e.outcome)).toEqual(['pain-in-session', 'pain-next-day']);
    // Pairs are the days before a check-in: 28 Feb (no session) and 1–5 Mar (sessions 1–3 Mar).
    expect(effect(breathing, 'pain-next-day')).toMatchObject({
      status: 'insufficient-data',
      nWith: 3,
      nWithout: 3,
      needed: { pairedDays: 8, withFactor: 2, withoutFactor: 2 },
      estimate: null,
    });
    // Stretching on every day: no day without it to compare with.
    expect(effect(factor(r, 'activity:stretching'), 'pain-same-day')).toMatchObject({
      status: 'insufficient-data',
      nWith: 6,
      nWithout: 0,
      needed: { pairedDays: 8, withFactor: 0, withoutFactor: 5 },
    });
  });

  it('associates late doses with same-day drowsiness', async () => {
    const p = await registerPatient(h.app, { timeZone: ZONE });
    const base = `/api/patients/${p.userId}`;
    const body = regimenBody('2026-02-01', { doses: [{ time: '08:00', amountMg: 5 }] });
    // Entered on 1 Feb: a regimen applies to the days after it was recorded.
    h.clock.set('2026-02-01T12:00:00.000Z');
    try {
      expect((await p.post(`${base}/regimen`, body)).statusCode).toBe(201);
    } finally {
      h.clock.set('2026-03-10T12:00:00.000Z');
    }
    // 1 Feb – 9 Mar: every third day the 08:00 dose is taken at 10:30 and drowsiness is
    // moderate or severe; otherwise on time (08:10) with none or mild.
    let late = 0;
    for (let i = 0; i < 37; i += 1) {
      const day = addDays('2026-02-01', i);
      const isLate = i % 3 === 0;
      if (isLate) late += 1;
      const takenAt = at(day, isLate ? '10:30' : '08:10');
      await h.database.db.insert(doseEvents).values({
        id: randomUUID(),
        patientId: p.userId,
        kind: 'taken',
        slotKey: `${day}T08:00`,
        takenAt,
        amountMg: 5,
        reason: null,
        supersedes: null,
        idempotencyKey: randomUUID(),
        recordedBy: p.userId,
        createdAt: takenAt,
      });
      const drowsy = isLate ? (i % 2 === 0 ? 'moderate' : 'severe') : i % 2 === 0 ? 'none' : 'mild';
      await addCheckIn(p.userId, at(day, '19:00'), 4, [], drowsy);
    }
    const r = await insightsOf(p, p);
    const timing = factor(r, 'dose-timing:late');
    expect(timing.days).toBe(late);
    const drowsiness = effect(timing, 'drowsiness-same-day');
    expect(drowsiness).toMatchObject({ status: 'ok', nWith: late, nWithout: 37 - late });
    expect(drowsiness.estimate).toBeGreaterThan(1.5);
    expect(drowsiness.ci?.lower).toBeGreaterThan(0);
    expect(drowsiness.wording).toMatch(/^On days a dose was taken late, your drowsiness/);
  });

  it('shows members only the parts they may see, and nothing without consent', async () => {
    expect(
      (await rich.post(`/api/patients/${rich.userId}/regimen`, regimenBody('2026-01-01')))
        .statusCode,
    ).toBe(201);
    const clinic = await createClinicFixture(h, 'Insight Clinic');
    const full = await addClinician(h, clinic, 'prescriber', 'Dr. Full');
    const techniquesOnly = await addClinician(h, clinic, 'physical_therapist', 'PT Techniques');
    const checkinsOnly = await addClinician(h, clinic, 'psychologist', 'Psy Checkins');
    const nothing = await addClinician(h, clinic, 'pharmacist', 'No Consent');
    await link(rich, full, FULL_CONSENT);
    await link(rich, techniquesOnly, { ...NO_CONSENT, techniques: true });
    await link(rich, checkinsOnly, { ...NO_CONSENT, checkins: true });
    await link(rich, nothing, NO_CONSENT);

    const all = await insightsOf(full, rich);
    expect(all.hidden).toEqual([]);
    expect(all.factors.map((f) => f.id)).toEqual([
      'technique:paced-breathing',
      'activity:walking',
      'dose-timing:late',
    ]);
    expect(effect(factor(all, 'dose-timing:late'), 'drowsiness-same-day').status).toBe(
      'insufficient-data',
    );

    const t = await insightsOf(techniquesOnly, rich);
    expect(t.hidden).toEqual(['checkins', 'medications']);
    expect(t.factors.map((f) => f.id)).toEqual(['technique:paced-breathing']);
    expect(t.factors[0]?.effects.map((e) => e.outcome)).toEqual([
      'pain-in-session',
      'tension-in-session',
    ]);

    const c = await insightsOf(checkinsOnly, rich);
    expect(c.hidden).toEqual(['techniques', 'medications']);
    expect(c.factors.map((f) => f.id)).toEqual(['activity:walking']);

    const res = await nothing.get(`/api/patients/${rich.userId}/insights`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('paced');
  });
});
