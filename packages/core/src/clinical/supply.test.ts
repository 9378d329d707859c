import { describe, expect, it } from 'vitest';
import type { RegimenVersion } from '../regimen/types.js';
import { expectValidSources, taken, tid } from './clinical.test-helpers.js';
import { dispensingSettings } from './dispensingSettings.js';
import {
  dispensedQuantityProblem,
  dispensedQuantityStep,
  estimateSupply,
  MAX_DISPENSED_QUANTITY,
  mgPerUnit,
  SUPPLY_HORIZON_DAYS,
  type SupplyInput,
} from './supply.js';

const input = (o: Partial<SupplyInput> = {}): SupplyInput => ({
  now: '2026-03-11T12:00:00.000Z',
  timeZone: 'UTC',
  dispensings: [{ at: '2026-03-01T10:00:00.000Z', quantity: 60, mgPerUnit: 5 }],
  regimenVersions: [tid],
  doses: [],
  ...o,
});

describe('mgPerUnit', () => {
  it('is the tablet strength, or the solution concentration per mL', () => {
    expect(mgPerUnit('tab2')).toBe(2);
    expect(mgPerUnit('tab5')).toBe(5);
    expect(mgPerUnit('tab10')).toBe(10);
    expect(mgPerUnit('sol1')).toBe(1);
  });
});

describe('dispensed quantities', () => {
  it('come in half tablets where splittable, whole tablets otherwise, and 0.1 mL', () => {
    expect(dispensedQuantityStep('tab5')).toBe(0.5);
    expect(dispensedQuantityStep('sol1')).toBe(0.1);
    expect(
      dispensedQuantityStep('tab10', dispensingSettings({ splittable: { tab10: false } })),
    ).toBe(1);
  });

  it('accepts whole and half tablets and solution volumes to 0.1 mL', () => {
    expect(dispensedQuantityProblem('tab5', 30)).toBeNull();
    expect(dispensedQuantityProblem('tab2', 14.5)).toBeNull();
    expect(dispensedQuantityProblem('sol1', 150.3)).toBeNull();
    expect(dispensedQuantityProblem('sol1', 0.1)).toBeNull();
    expect(dispensedQuantityProblem('tab10', MAX_DISPENSED_QUANTITY)).toBeNull();
  });

  it('refuses nothing, negatives, non-numbers, absurd amounts and quarters', () => {
    expect(dispensedQuantityProblem('tab5', 0)).toBe('not-positive');
    expect(dispensedQuantityProblem('tab5', -10)).toBe('not-positive');
    expect(dispensedQuantityProblem('tab5', Number.NaN)).toBe('not-positive');
    expect(dispensedQuantityProblem('tab5', Number.POSITIVE_INFINITY)).toBe('not-positive');
    expect(dispensedQuantityProblem('tab5', MAX_DISPENSED_QUANTITY + 0.5)).toBe('too-large');
    expect(dispensedQuantityProblem('tab5', 2.25)).toBe('step');
    expect(dispensedQuantityProblem('sol1', 1.25)).toBe('step');
    const whole = dispensingSettings({ splittable: { tab10: false } });
    expect(dispensedQuantityProblem('tab10', 10.5, whole)).toBe('step');
    expect(dispensedQuantityProblem('tab10', 10.5)).toBeNull();
  });
});

describe('estimateSupply', () => {
  it('is quantity dispensed less the prescribed daily use, and says when it runs out', () => {
    const e = estimateSupply(input());
    expect(e).toMatchObject({
      today: '2026-03-11',
      firstDispensedOn: '2026-03-01',
      dispensedMg: 300,
      dailyMg: 15,
      horizonDays: SUPPLY_HORIZON_DAYS,
      // 1–10 March: 10 days × 15 mg used; 150 mg last 10 more days (11–20 March).
      asScheduled: { usedMg: 150, onHandMg: 150, daysCovered: 10, runsOutOn: '2026-03-21' },
      // Nothing logged: the whole supply is left.
      asLogged: { usedMg: 0, onHandMg: 300, daysCovered: 20, runsOutOn: '2026-03-31' },
    });
    expect(e?.note).toMatch(/estimate/i);
    expectValidSources(e?.sources ?? []);
  });

  it('returns null without a dispensing that counts', () => {
    expect(estimateSupply(input({ dispensings: [] }))).toBeNull();
    expect(
      estimateSupply(
        input({
          dispensings: [
            { at: '2026-03-12T10:00:00.000Z', quantity: 60, mgPerUnit: 5 }, // after now
            { at: 'not an instant', quantity: 60, mgPerUnit: 5 },
            { at: '2026-03-01T10:00:00.000Z', quantity: 0, mgPerUnit: 5 },
            { at: '2026-03-01T10:00:00.000Z', quantity: Number.NaN, mgPerUnit: 5 },
          ],
        }),
      ),
    ).toBeNull();
  });

  it('carries supply over between dispensings and never uses more than is on hand', () => {
    const e = estimateSupply(
      input({
        dispensings: [
          // Listed out of order on purpose.
          { at: '2026-03-08T09:00:00.000Z', quantity: 30, mgPerUnit: 5 },
          { at: '2026-03-01T09:00:00.000Z', quantity: 6, mgPerUnit: 5 },
        ],
      }),
    );
    // 30 mg lasts 1–2 March; 3–7 March nothing on hand (no debt); 150 mg on 8 March,
    // 3 days used (8–10), 105 mg left: 7 days (11–17 March).
    expect(e?.firstDispensedOn).toBe('2026-03-01');
    expect(e?.dispensedMg).toBe(180);
    expect(e?.asScheduled).toEqual({
      usedMg: 75,
      onHandMg: 105,
      daysCovered: 7,
      runsOutOn: '2026-03-18',
    });
  });

  it('counts a dispensing of today as on hand, and the solution in mg', () => {
    const e = estimateSupply(
      input({ dispensings: [{ at: '2026-03-11T09:00:00.000Z', quantity: 45.5, mgPerUnit: 1 }] }),
    );
    expect(e?.asScheduled).toEqual({
      usedMg: 0,
      onHandMg: 45.5,
      daysCovered: 3,
      runsOutOn: '2026-03-14',
    });
  });

  it('uses the patient’s days: an evening dispensing in New York is that local day', () => {
    const e = estimateSupply(
      input({
        now: '2026-03-11T03:00:00.000Z', // 10 March, 23:00 in New York
        timeZone: 'America/New_York',
        dispensings: [{ at: '2026-03-10T02:00:00.000Z', quantity: 9, mgPerUnit: 5 }], // 9 March local
      }),
    );
    expect(e?.today).toBe('2026-03-10');
    expect(e?.firstDispensedOn).toBe('2026-03-09');
    // 45 mg; 9 March uses 15: 30 mg left for 10–11 March.
    expect(e?.asScheduled).toMatchObject({ onHandMg: 30, daysCovered: 2, runsOutOn: '2026-03-12' });
  });

  it('estimates from the logged doses, after corrections, up to now', () => {
    const first = taken('2026-03-02T08:00:00.000Z', 10);
    const e = estimateSupply(
      input({
        doses: [
          first,
          // Corrects the first to 5 mg.
          taken('2026-03-02T08:05:00.000Z', 5, { supersedes: first.id }),
          taken('2026-03-03T08:00:00.000Z', 20),
          taken('2026-03-04T08:00:00.000Z', 0, { kind: 'skipped' }),
          // Today (not counted: the estimate is at the start of today) and in the future.
          taken('2026-03-11T08:00:00.000Z', 5),
          taken('2026-03-12T08:00:00.000Z', 100),
        ],
      }),
    );
    expect(e?.asLogged).toEqual({
      usedMg: 25,
      onHandMg: 275,
      daysCovered: 18,
      runsOutOn: '2026-03-29',
    });
  });

  it('follows regimen changes already recorded when looking ahead', () => {
    const lower: RegimenVersion = {
      ...tid,
      id: 'r2',
      version: 2,
      doses: [{ time: '08:00', amountMg: 5 }],
      asNeeded: null,
      startDate: '2026-03-16',
      createdAt: '2026-03-05T10:00:00.000Z',
    };
    // 150 mg on hand: 11–15 March at 15 mg (75), then 5 mg a day: 15 more days (16–30 March).
    const e = estimateSupply(input({ regimenVersions: [tid, lower] }));
    expect(e?.asScheduled).toMatchObject({ daysCovered: 20, runsOutOn: '2026-03-31' });
  });

  it('has no run-out date when nothing is scheduled today', () => {
    const ended: RegimenVersion = { ...tid, endDate: '2026-03-05' };
    const e = estimateSupply(input({ regimenVersions: [ended] }));
    expect(e?.dailyMg).toBeNull();
    // 1–5 March used as scheduled; none after the end.
    expect(e?.asScheduled).toEqual({
      usedMg: 75,
      onHandMg: 225,
      daysCovered: null,
      runsOutOn: null,
    });
    const prnOnly = estimateSupply(input({ regimenVersions: [{ ...tid, doses: [] }] }));
    expect(prnOnly?.dailyMg).toBe(0);
    expect(prnOnly?.asScheduled.runsOutOn).toBeNull();
    expect(estimateSupply(input({ regimenVersions: [] }))?.asLogged.daysCovered).toBeNull();
  });

  it('stops looking at the horizon', () => {
    const e = estimateSupply(
      input({
        dispensings: [{ at: '2026-03-11T09:00:00.000Z', quantity: 1000, mgPerUnit: 10 }],
        horizonDays: 30,
      }),
    );
    expect(e?.asScheduled).toMatchObject({ daysCovered: 30, runsOutOn: null });
    expect(e?.horizonDays).toBe(30);
  });

  it('refuses an invalid now, zone or horizon', () => {
    expect(() => estimateSupply(input({ now: 'yesterday' }))).toThrow(RangeError);
    expect(() => estimateSupply(input({ timeZone: 'Mars/Olympus' }))).toThrow(RangeError);
    expect(() => estimateSupply(input({ horizonDays: 0 }))).toThrow(RangeError);
    expect(() => estimateSupply(input({ horizonDays: 1.5 }))).toThrow(RangeError);
  });
});
