import { describe, expect, it } from 'vitest';
import { expectValidSources } from '../clinical/clinical.test-helpers.js';
import { computeSignals } from './compute.js';
import { baseInput, regimen } from './signals.test-helpers.js';
import { stockShortfallSignal } from './stock.js';
import type { SignalStockCount } from './types.js';

/** 5 mg three times a day (tab5, no as-needed): at most 3 tablets a day. */
const count = (day: string, quantity: number, formulation = 'tab5' as const): SignalStockCount => ({
  id: `count-${day}`,
  at: `${day}T09:00:00.000Z`,
  formulation,
  quantity,
  mgPerUnit: 5,
});

describe('stockShortfallSignal (SIG-EARLY-REFILL/count)', () => {
  it('does not fire without counts, with one count, or when the regimen explains the fall', () => {
    expect(stockShortfallSignal(baseInput())).toEqual([]);
    expect(stockShortfallSignal(baseInput({ stockCounts: [count('2026-03-01', 100)] }))).toEqual(
      [],
    );
    // 1–11 March both included: at most 33 tablets; 60 left is 7 short = 2.3 days ≤ 3 grace days.
    expect(
      stockShortfallSignal(
        baseInput({ stockCounts: [count('2026-03-11', 60), count('2026-03-01', 100)] }),
      ),
    ).toEqual([]);
  });

  it('fires when the later count is lower than the most use allowed explains', () => {
    const [s] = stockShortfallSignal(
      baseInput({ stockCounts: [count('2026-03-01', 100), count('2026-03-11', 50)] }),
    );
    expect(s).toMatchObject({
      id: 'SIG-EARLY-REFILL/count',
      severity: 'caution',
      audience: 'clinician',
      patientText: null,
    });
    expect(s?.evidence[0]?.values).toMatchObject({
      earlierCount: 100,
      allowedUse: 33,
      laterCount: 50,
      daysShort: 5.67,
    });
    expect(s?.clinicianText).toContain('not a diagnosis');
    expect(s?.settings).toEqual({
      'signals.earlyRefill.graceDays': 3,
      'signals.earlyRefill.lookbackDays': 180,
    });
    expectValidSources(s?.sources ?? []);
    expect(
      computeSignals(
        baseInput({ stockCounts: [count('2026-03-01', 100), count('2026-03-11', 50)] }),
      ).map((x) => x.id),
    ).toContain('SIG-EARLY-REFILL/count');
  });

  it('adds what was dispensed between the counts, of the same formulation only', () => {
    const dispensing = [
      { at: '2026-03-05T15:00:00.000Z', formulation: 'tab5' as const, quantity: 30, mgPerUnit: 5 },
      { at: '2026-03-06T15:00:00.000Z', formulation: 'tab2' as const, quantity: 90, mgPerUnit: 2 },
    ];
    const counts = (later: number) => [count('2026-03-01', 100), count('2026-03-11', later)];
    expect(stockShortfallSignal(baseInput({ dispensing, stockCounts: counts(90) }))).toEqual([]);
    expect(stockShortfallSignal(baseInput({ dispensing, stockCounts: counts(80) }))).toHaveLength(
      1,
    );
  });

  it('is a warning from two short counts, and ignores counts of a formulation not in use', () => {
    const [s] = stockShortfallSignal(
      baseInput({
        stockCounts: [
          count('2026-03-01', 100),
          count('2026-03-11', 50),
          count('2026-03-21', 0),
          // tab2 is not the regimen's formulation: no allowance, so never judged.
          { ...count('2026-03-01', 50), formulation: 'tab2', id: 'a', mgPerUnit: 2 },
          { ...count('2026-03-20', 0), formulation: 'tab2', id: 'b', mgPerUnit: 2 },
        ],
      }),
    );
    expect(s?.severity).toBe('warning');
    expect(s?.evidence).toHaveLength(2);
  });

  it('only looks at later counts within the look-back and up to now', () => {
    const old = [count('2025-08-01', 200), count('2025-08-05', 0)];
    expect(stockShortfallSignal(baseInput({ stockCounts: old }))).toEqual([]);
    const future = [count('2026-03-01', 100), count('2026-04-20', 0)];
    expect(stockShortfallSignal(baseInput({ stockCounts: future }))).toEqual([]);
  });

  it('follows the regimen in force each day (a lower taper step allows less)', () => {
    const v1 = regimen();
    const v2 = regimen({
      version: 2,
      doses: [{ time: '08:00', amountMg: 5 }],
      startDate: '2026-03-06',
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    // 1–5 March: 15 allowed; 6–11 March: 6 allowed → 21 in all; 100 − 21 = 79 expected at least.
    const counts = (later: number) => [count('2026-03-01', 100), count('2026-03-11', later)];
    const input = (later: number) =>
      baseInput({ regimenVersions: [v1, v2], stockCounts: counts(later) });
    expect(stockShortfallSignal(input(77))).toEqual([]); // 2 short = 2 days at 1 a day
    expect(stockShortfallSignal(input(75))[0]?.evidence[0]?.values).toMatchObject({
      allowedUse: 21,
      daysShort: 4,
    });
  });
});
