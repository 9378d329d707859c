import { describe, expect, it } from 'vitest';
import type { RegimenVersion } from '../regimen/types.js';
import { expectValidSources, taken, tid } from './clinical.test-helpers.js';
import { REFILL_REMINDER_DAYS, stockReport, type StockInput } from './stock.js';

const input = (o: Partial<StockInput> = {}): StockInput => ({
  now: '2026-03-11T12:00:00.000Z',
  timeZone: 'UTC',
  counts: [{ formulation: 'tab5', quantity: 30, countedAt: '2026-03-10T07:00:00.000Z' }],
  dispensings: [{ at: '2026-03-10T16:00:00.000Z', formulation: 'tab5', quantity: 30 }],
  regimenVersions: [tid],
  doses: [
    taken('2026-03-09T20:00:00.000Z'), // before the count: already counted
    taken('2026-03-10T08:00:00.000Z'),
    taken('2026-03-10T14:00:00.000Z'),
    taken('2026-03-10T20:00:00.000Z'),
    taken('2026-03-11T08:00:00.000Z'),
  ],
  reminderDays: 7,
  ...o,
});

describe('stockReport', () => {
  it('is the newest count less the doses since plus the dispensings since', () => {
    const r = stockReport(input());
    expect(r.today).toBe('2026-03-11');
    expect(r.formulations).toHaveLength(1);
    expect(r.formulations[0]).toEqual({
      formulation: 'tab5',
      mgPerUnit: 5,
      counted: { quantity: 30, at: '2026-03-10T07:00:00.000Z' },
      usedSince: 4,
      dispensedSince: 30,
      onHand: 56,
      recountSuggested: false,
      dailyUse: 3,
      // Today still needs 2 (one dose taken); 54 then last 18 days: 12–29 March.
      daysCovered: 19,
      runsOutOn: '2026-03-30',
      refillDue: false,
    });
    expect(r).toMatchObject({ refillDue: false, uncounted: null, reminderDays: 7 });
    expect(r.note).toMatch(/count/);
    expectValidSources(r.sources);
  });

  it('takes the newest count, and ignores counts and dispensings after now', () => {
    const r = stockReport(
      input({
        counts: [
          { formulation: 'tab5', quantity: 30, countedAt: '2026-03-10T07:00:00.000Z' },
          { formulation: 'tab5', quantity: 12, countedAt: '2026-03-11T09:00:00.000Z' },
          { formulation: 'tab5', quantity: 500, countedAt: '2026-03-12T09:00:00.000Z' },
        ],
        dispensings: [{ at: '2026-03-11T13:00:00.000Z', formulation: 'tab5', quantity: 90 }],
      }),
    );
    expect(r.formulations[0]).toMatchObject({ usedSince: 0, dispensedSince: 0, onHand: 12 });
  });

  it('reminds when the stock covers the reminder days or fewer (0 turns it off)', () => {
    // 12 on hand: today needs 2, then 3 a day: 12–14 March (9), 1 left: 4 days covered.
    const counts = [
      { formulation: 'tab5' as const, quantity: 12, countedAt: '2026-03-11T09:00:00.000Z' },
    ];
    const at = (reminderDays: number) => stockReport(input({ counts, reminderDays }));
    expect(at(4).formulations[0]).toMatchObject({ daysCovered: 4, runsOutOn: '2026-03-15' });
    expect(at(4).refillDue).toBe(true);
    expect(at(3).refillDue).toBe(false);
    expect(at(0).refillDue).toBe(false);
    expect(REFILL_REMINDER_DAYS).toMatchObject({ value: 7, confirmed: false });
    expect(REFILL_REMINDER_DAYS.note).toMatch(/Steady default, adjustable/);
  });

  it('counts logged doses after corrections, and not skipped ones', () => {
    const first = taken('2026-03-10T08:00:00.000Z', 10);
    const r = stockReport(
      input({
        dispensings: [],
        doses: [
          first,
          taken('2026-03-10T08:05:00.000Z', 5, { supersedes: first.id }),
          taken('2026-03-10T14:00:00.000Z', 0, { kind: 'skipped' }),
          taken('2026-03-10T20:00:00.000Z', 2.5),
        ],
      }),
    );
    expect(r.formulations[0]).toMatchObject({ usedSince: 1.5, onHand: 28.5 });
  });

  it('suggests a recount when the logs account for more than was counted', () => {
    const r = stockReport(
      input({
        counts: [{ formulation: 'tab5', quantity: 2, countedAt: '2026-03-10T07:00:00.000Z' }],
        dispensings: [],
      }),
    );
    expect(r.formulations[0]).toMatchObject({
      onHand: 0,
      recountSuggested: true,
      daysCovered: 0,
      runsOutOn: '2026-03-11',
    });
    expect(r.refillDue).toBe(true);
  });

  it('uses the patient’s local days across a daylight-saving change', () => {
    const bid: RegimenVersion = {
      ...tid,
      doses: [
        { time: '08:00', amountMg: 5 },
        { time: '20:00', amountMg: 5 },
      ],
    };
    const r = stockReport(
      input({
        // 7 March, 22:30 in New York; clocks go forward on 8 March.
        now: '2026-03-08T03:30:00.000Z',
        timeZone: 'America/New_York',
        regimenVersions: [bid],
        counts: [{ formulation: 'tab5', quantity: 10, countedAt: '2026-03-07T12:00:00.000Z' }],
        dispensings: [],
        doses: [taken('2026-03-07T13:00:00.000Z'), taken('2026-03-08T01:00:00.000Z')],
      }),
    );
    expect(r.today).toBe('2026-03-07');
    // Both of today's doses taken: 8 left last 8–11 March.
    expect(r.formulations[0]).toMatchObject({ onHand: 8, daysCovered: 5, runsOutOn: '2026-03-12' });
  });

  it('follows taper steps recorded as regimen versions, and formulation changes', () => {
    const lower: RegimenVersion = {
      ...tid,
      id: 'r2',
      version: 2,
      doses: [{ time: '08:00', amountMg: 5 }],
      startDate: '2026-03-14',
      createdAt: '2026-03-05T10:00:00.000Z',
    };
    // 56 on hand: today 2, 12–13 March 6 → 48 left at one a day: 14 March – 30 April.
    const stepped = stockReport(input({ regimenVersions: [tid, lower] }));
    expect(stepped.formulations[0]).toMatchObject({ daysCovered: 51, runsOutOn: '2026-05-01' });

    const tab2: RegimenVersion = {
      ...lower,
      formulation: 'tab2',
      doses: [{ time: '08:00', amountMg: 4 }],
    };
    const switched = stockReport(input({ regimenVersions: [tid, tab2], horizonDays: 30 }));
    // tab5 is no longer scheduled from 14 March: it lasts beyond the horizon.
    expect(switched.formulations[0]).toMatchObject({ daysCovered: 30, runsOutOn: null });
    expect(switched.uncounted).toBeNull();
    const later = stockReport(
      input({ now: '2026-03-15T12:00:00.000Z', regimenVersions: [tid, tab2] }),
    );
    expect(later.uncounted).toBe('tab2');
    expect(later.formulations[0]?.dailyUse).toBeNull();
  });

  it('converts the solution in mL, and has no forecast when nothing is scheduled', () => {
    const sol: RegimenVersion = { ...tid, formulation: 'sol1' };
    const r = stockReport(
      input({
        regimenVersions: [sol],
        counts: [{ formulation: 'sol1', quantity: 100, countedAt: '2026-03-10T07:00:00.000Z' }],
        dispensings: [],
      }),
    );
    expect(r.formulations[0]).toMatchObject({
      mgPerUnit: 1,
      usedSince: 20,
      onHand: 80,
      dailyUse: 15,
    });
    const ended = stockReport(input({ regimenVersions: [{ ...tid, endDate: '2026-03-10' }] }));
    expect(ended.formulations[0]).toMatchObject({
      daysCovered: null,
      runsOutOn: null,
      refillDue: false,
    });
  });

  it('refuses an invalid now, zone, horizon or reminder days', () => {
    expect(() => stockReport(input({ now: 'soon' }))).toThrow(RangeError);
    expect(() => stockReport(input({ timeZone: 'Mars/Olympus' }))).toThrow(RangeError);
    expect(() => stockReport(input({ horizonDays: 0 }))).toThrow(RangeError);
    expect(() => stockReport(input({ reminderDays: -1 }))).toThrow(RangeError);
    expect(() => stockReport(input({ reminderDays: 1.5 }))).toThrow(RangeError);
  });
});
