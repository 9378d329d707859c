import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADHERENCE_ON_TIME_WINDOW, computeAdherence, type AdherenceInput } from './adherence.js';
import { extraEvent, slotEvent, twiceDaily } from './fixtures.test-helpers.js';
import { localToInstant } from './slots.js';

const UTC = 'UTC';

function run(partial: Partial<AdherenceInput> & Pick<AdherenceInput, 'from' | 'to' | 'now'>) {
  return computeAdherence({ versions: [twiceDaily], events: [], zone: UTC, ...partial });
}

describe('computeAdherence: counts and shares', () => {
  const events = [
    slotEvent(UTC, '2026-02-01', '08:00', { takenTime: '07:50' }),
    slotEvent(UTC, '2026-02-01', '20:00', { takenTime: '20:20' }),
    slotEvent(UTC, '2026-02-02', '08:00', { takenTime: '09:30' }),
    slotEvent(UTC, '2026-02-02', '20:00', { kind: 'skipped' }),
    extraEvent(UTC, '2026-02-02', '14:00', 2),
  ];
  // 20:30 on day 3: the 08:00 slot was never answered (missed), the 20:00 one is still open.
  const report = run({ events, from: '2026-02-01', to: '2026-02-03', now: '2026-02-03T20:30:00Z' });

  it('counts taken, on-time, skipped, missed, pending and extra doses', () => {
    expect(report).toMatchObject({
      scheduled: 6,
      due: 5,
      taken: 3,
      takenOnTime: 2,
      skipped: 1,
      missed: 1,
      pending: 1,
      extraDoses: 1,
      extraMg: 2,
      onTimeWindowMinutes: 60,
    });
    expect(report.takenShare).toBeCloseTo(3 / 5, 12);
    expect(report.onTimeShare).toBeCloseTo(2 / 3, 12);
  });

  it('computes days covered over days with no pending slot', () => {
    expect(report.days.map((d) => d.covered)).toEqual([true, false, null]);
    expect(report.daysAssessed).toBe(2);
    expect(report.daysCovered).toBe(1);
    expect(report.proportionDaysCovered).toBe(0.5);
  });

  it('reports timing as mean and sample SD of signed minutes', () => {
    // offsets −10, +20, +90
    expect(report.timing.n).toBe(3);
    expect(report.timing.meanOffsetMinutes).toBeCloseTo(100 / 3, 10);
    expect(report.timing.sdOffsetMinutes).toBeCloseTo(Math.sqrt(5266.666666666667 / 2), 10);
    expect(report.slots.map((s) => s.offsetMinutes)).toEqual([-10, 20, 90, null, null, null]);
  });

  it('breaks down each day with milligrams', () => {
    expect(report.days[1]).toEqual({
      date: '2026-02-02',
      scheduled: 2,
      due: 2,
      taken: 1,
      takenOnTime: 0,
      skipped: 1,
      missed: 0,
      pending: 0,
      extra: 1,
      scheduledMg: 10,
      takenMg: 7,
      covered: false,
    });
    expect(report.days[2]).toMatchObject({ missed: 1, pending: 1, due: 1, covered: null });
  });

  it('honours a configured on-time window', () => {
    const strict = run({
      events,
      from: '2026-02-01',
      to: '2026-02-03',
      now: '2026-02-03T20:30:00Z',
      onTimeWindowMinutes: 15,
    });
    expect(strict.takenOnTime).toBe(1);
    // With a 15-minute window the 20:00 slot's window has closed at 20:30: missed, not pending.
    expect(strict.pending).toBe(0);
    expect(strict.missed).toBe(2);
    const wide = run({
      events,
      from: '2026-02-01',
      to: '2026-02-03',
      now: '2026-02-03T20:30:00Z',
      onTimeWindowMinutes: 90,
    });
    expect(wide.takenOnTime).toBe(3);
  });

  it('treats slots in the future as pending, never missed', () => {
    const r = run({ from: '2026-02-01', to: '2026-02-10', now: '2026-02-01T00:00:00Z' });
    expect(r).toMatchObject({
      scheduled: 20,
      due: 0,
      missed: 0,
      pending: 20,
      takenShare: null,
      onTimeShare: null,
    });
    expect(r.proportionDaysCovered).toBeNull();
    expect(r.timing).toEqual({ n: 0, meanOffsetMinutes: null, sdOffsetMinutes: null });
  });

  it('counts a slot answered early as due and taken before its time', () => {
    const early = [slotEvent(UTC, '2026-02-01', '20:00', { takenTime: '19:30' })];
    const r = run({
      events: early,
      from: '2026-02-01',
      to: '2026-02-01',
      now: '2026-02-01T19:45:00Z',
    });
    expect(r.slots.map((s) => s.status)).toEqual(['missed', 'taken']);
    expect(r.timing).toEqual({ n: 1, meanOffsetMinutes: -30, sdOffsetMinutes: null });
  });

  it('returns empty figures when no regimen is in force', () => {
    const r = run({
      versions: [],
      from: '2026-02-01',
      to: '2026-02-02',
      now: '2026-03-01T00:00:00Z',
    });
    expect(r).toMatchObject({
      scheduled: 0,
      due: 0,
      takenShare: null,
      proportionDaysCovered: null,
      daysAssessed: 0,
    });
    expect(r.days).toHaveLength(2);
  });

  it('rejects invalid input', () => {
    const ok = { from: '2026-02-01', to: '2026-02-02', now: '2026-03-01T00:00:00Z' };
    expect(() => run({ ...ok, from: '2026-02-30' })).toThrow(RangeError);
    expect(() => run({ ...ok, zone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => run({ ...ok, now: 'yesterday' })).toThrow(RangeError);
    expect(() => run({ ...ok, onTimeWindowMinutes: -1 })).toThrow(RangeError);
    expect(() => run({ ...ok, onTimeWindowMinutes: Number.NaN })).toThrow(RangeError);
  });

  it('names its on-time window as an unconfirmed project setting', () => {
    expect(ADHERENCE_ON_TIME_WINDOW).toMatchObject({ value: 60, unit: 'min', confirmed: false });
  });
});

describe('computeAdherence: corrections', () => {
  it('lets the latest event for a slot win', () => {
    const first = slotEvent(UTC, '2026-02-01', '08:00');
    const corrected = slotEvent(UTC, '2026-02-01', '08:00', { takenTime: '09:30' });
    const r = run({
      events: [first, corrected],
      from: '2026-02-01',
      to: '2026-02-01',
      now: '2026-02-02T00:00:00Z',
    });
    expect(r.slots[0]?.event?.id).toBe(corrected.id);
    expect(r.slots[0]?.onTime).toBe(false);
    expect(r.taken).toBe(1);
  });

  it('orders by createdAt when events carry it, and turns a taken slot into a skipped one', () => {
    const skipped = slotEvent(UTC, '2026-02-01', '08:00', {
      kind: 'skipped',
      createdAt: '2026-02-01T10:00:00Z',
    });
    const taken = slotEvent(UTC, '2026-02-01', '08:00', { createdAt: '2026-02-01T08:01:00Z' });
    const r = run({
      events: [skipped, taken],
      from: '2026-02-01',
      to: '2026-02-01',
      now: '2026-02-02T00:00:00Z',
    });
    expect(r.slots[0]?.status).toBe('skipped');
  });

  it('drops extra doses superseded by a correction', () => {
    const wrong = extraEvent(UTC, '2026-02-01', '12:00', 5);
    const fixed = extraEvent(UTC, '2026-02-01', '12:00', 2, { supersedes: wrong.id });
    const r = run({
      events: [wrong, fixed],
      from: '2026-02-01',
      to: '2026-02-01',
      now: '2026-02-02T00:00:00Z',
    });
    expect(r).toMatchObject({ extraDoses: 1, extraMg: 2 });
  });

  it('ignores extra doses outside the period and skipped events for unscheduled slots', () => {
    const events = [
      extraEvent(UTC, '2026-01-31', '12:00', 5),
      slotEvent(UTC, '2026-02-01', '13:00', { kind: 'skipped' }),
    ];
    const r = run({ events, from: '2026-02-01', to: '2026-02-01', now: '2026-02-02T00:00:00Z' });
    expect(r.extraDoses).toBe(0);
    expect(r.skipped).toBe(0);
  });
});

describe('computeAdherence: properties', () => {
  const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'];
  const times = ['00:30', '02:30', '08:00', '13:15', '20:00', '23:45'];
  const arb = fc.record({
    zone: fc.constantFrom(...zones),
    doseTimes: fc.uniqueArray(fc.constantFrom(...times), { minLength: 1, maxLength: 4 }),
    startDay: fc.integer({ min: 0, max: 300 }),
    length: fc.integer({ min: 1, max: 10 }),
    nowOffsetDays: fc.integer({ min: -2, max: 12 }),
    window: fc.integer({ min: 0, max: 180 }),
    logs: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 9 }),
        slot: fc.nat(3),
        minutes: fc.integer({ min: -300, max: 300 }),
        kind: fc.constantFrom('taken', 'skipped', 'extra'),
      }),
      { maxLength: 30 },
    ),
  });

  it('keeps shares in [0, 1] and counts consistent', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const base = Date.UTC(2026, 0, 1);
        const day = (n: number) =>
          new Date(base + (a.startDay + n) * 86_400_000).toISOString().slice(0, 10);
        const v = {
          ...twiceDaily,
          startDate: '2025-06-01',
          doses: a.doseTimes.map((time) => ({ time, amountMg: 2 })),
        };
        const events = a.logs.map((l, i) => {
          const time = a.doseTimes[l.slot % a.doseTimes.length]!;
          const dueMs = Date.parse(localToInstant(day(l.day), time, a.zone));
          return {
            id: `p${i}`,
            kind: l.kind,
            slotKey: l.kind === 'extra' ? null : `${day(l.day)}T${time}`,
            takenAt: new Date(dueMs + l.minutes * 60_000).toISOString(),
            amountMg: l.kind === 'skipped' ? 0 : 2,
            reason: null,
          };
        });
        const r = computeAdherence({
          versions: [v],
          events,
          zone: a.zone,
          from: day(0),
          to: day(a.length - 1),
          now: `${day(a.nowOffsetDays)}T12:00:00.000Z`,
          onTimeWindowMinutes: a.window,
        });
        for (const share of [r.takenShare, r.onTimeShare, r.proportionDaysCovered]) {
          if (share !== null) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          }
        }
        expect(r.taken + r.skipped + r.missed + r.pending).toBe(r.scheduled);
        expect(r.due).toBe(r.scheduled - r.pending);
        expect(r.scheduled).toBe(a.length * a.doseTimes.length);
        expect(r.takenOnTime).toBeLessThanOrEqual(r.taken);
        expect(r.daysCovered).toBeLessThanOrEqual(r.daysAssessed);
        expect(r.days.reduce((s, d) => s + d.extra, 0)).toBe(r.extraDoses);
        if (r.timing.sdOffsetMinutes !== null)
          expect(r.timing.sdOffsetMinutes).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150, seed: 20260308 },
    );
  });
});
