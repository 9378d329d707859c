import { describe, expect, it } from 'vitest';
import { dispensingSettings } from '../clinical/dispensingSettings.js';
import { planTaper } from './plan.js';
import { codesOf, doseIsDispensable, TWICE_10, WITH_SOLUTION } from './testing.test-helpers.js';
import type { TaperInputs } from './types.js';

const WHOLE_TABLETS = dispensingSettings({
  splittable: { tab10: false, tab5: false, tab2: false },
});

describe('planTaper: 20 mg/day (10 mg twice daily), 10 % every 14 days, tablets', () => {
  const plan = planTaper(TWICE_10);

  it('starts on the start date with 10 % off, spread as 9 + 9 mg', () => {
    const first = plan.steps[0]!;
    expect(first).toMatchObject({
      index: 0,
      kind: 'reduction',
      startDate: '2026-03-02',
      endDate: '2026-03-15',
    });
    expect(first.dailyTotalMg).toBe(18);
    expect(first.reductionFromPreviousPct).toBe(10);
    expect(first.doses).toEqual([
      {
        time: '08:00',
        amountMg: 9,
        dispense: { tab10: 0, tab5: 1, tab2: 2, halfTab10: 0, halfTab5: 0, halfTab2: 0, ml: 0 },
      },
      {
        time: '20:00',
        amountMg: 9,
        dispense: { tab10: 0, tab5: 1, tab2: 2, halfTab10: 0, halfTab5: 0, halfTab2: 0, ml: 0 },
      },
    ]);
    expect(first.perIntervalDispense).toEqual({
      days: 14,
      pieces: { tab10: 0, tab5: 28, tab2: 56, halfTab10: 0, halfTab5: 0, halfTab2: 0, ml: 0 },
      tabletsToSupply: { tab10: 0, tab5: 28, tab2: 56 },
    });
    expect(first.formulationUsed).toBe('tablets');
  });

  it('rounds toward the smaller reduction (16.2 mg asked, 16.5 mg dispensable)', () => {
    expect(plan.steps[1]!.dailyTotalMg).toBe(16.5);
    expect(plan.steps[1]!.reductionFromPreviousPct).toBe(8.33);
  });

  it('counts half tablets for the pharmacy', () => {
    const s = plan.steps.find((x) => x.dailyTotalMg === 15)!;
    expect(s.doses[0]!.dispense).toMatchObject({ tab5: 1, halfTab5: 1 });
    expect(s.perIntervalDispense.pieces.halfTab5).toBe(28);
    expect(s.perIntervalDispense.tabletsToSupply.tab5).toBe(28 + 14);
  });

  it('never rises, keeps every step within 25 %, and stops at 0 with an open-ended last step', () => {
    const totals = plan.steps.map((s) => s.dailyTotalMg);
    expect(totals.every((t, i) => i === 0 || t < totals[i - 1]!)).toBe(true);
    const last = plan.steps.at(-1)!;
    expect(last).toMatchObject({
      dailyTotalMg: 0,
      endDate: null,
      formulationUsed: null,
      doses: [],
    });
    expect(plan.projectedEndDate).toBe(last.startDate);
    expect(
      plan.steps.every((s) => s.doses.every((d) => doseIsDispensable(d, s, plan.inputs))),
    ).toBe(true);
  });

  it('near the end gathers the day into the evening dose, then warns about the final step', () => {
    const gathered = plan.steps.find((s) =>
      codesOf(plan, s.index).includes('TAPER_DOSES_CONSOLIDATED'),
    )!;
    expect(gathered.doses.map((d) => d.time)).toEqual(['20:00']);
    const last = plan.steps.at(-1)!;
    expect(codesOf(plan, last.index)).toEqual(['TAPER_FINAL_STEP_NOT_DISPENSABLE']);
    const oneMg = plan.steps.at(-2)!;
    expect(oneMg.dailyTotalMg).toBe(1);
    expect(codesOf(plan, oneMg.index)).toEqual([
      'TAPER_ROUNDED_TO_ZERO',
      'TAPER_ROUNDED_UP',
      'TAPER_STEP_ABOVE_GUIDELINE',
    ]);
    expect(plan.warnings.find((w) => w.stepIndex === oneMg.index)!.severity).toBe('warning');
    expect(codesOf(plan, null)).toEqual(['TAPER_HALVES_ASSUMED']);
  });

  it('records version 1, status and history, and cites the guideline', () => {
    expect(plan.version).toBe(1);
    expect(plan.status).toBe('active');
    expect(plan.history).toEqual([
      { version: 1, action: 'created', reason: 'Initial plan', at: '2026-03-02' },
    ]);
    expect(plan.sources).toContainEqual({ id: 'JCPG-2025', status: 'C', locator: 'Rec 6' });
    expect(plan.warnings.every((w) => w.sources.length > 0)).toBe(true);
    expect(plan.inputs).toMatchObject({
      intervalDays: 14,
      goal: { kind: 'stop' },
      distribution: 'largest-first',
    });
  });
});

describe('planTaper options', () => {
  it('switches to the oral solution when tablets cannot make the step, and ends from its lowest amount', () => {
    const plan = planTaper({ ...TWICE_10, formulations: WITH_SOLUTION, switchToLiquid: true });
    const switched = plan.warnings.find((w) => w.code === 'TAPER_SWITCHED_TO_LIQUID')!;
    const s = plan.steps[switched.stepIndex!]!;
    expect(s.formulationUsed).toBe('solution');
    expect(s.perIntervalDispense.pieces.ml).toBeCloseTo(s.dailyTotalMg * 14, 6);
    expect(plan.steps.slice(s.index).every((x) => x.formulationUsed !== 'tablets')).toBe(true);
    expect(codesOf(plan, plan.steps.length - 1)).toEqual(['TAPER_FINAL_STEP_FROM_LOWEST_DOSE']);
    expect(plan.steps.at(-2)!.dailyTotalMg).toBe(0.5);
  });

  it('plans with the solution alone when no tablet is given', () => {
    const plan = planTaper({
      ...TWICE_10,
      formulations: ['sol1'],
    });
    expect(plan.steps[0]!.doses[0]!.dispense.ml).toBe(9);
    expect(plan.steps.at(-2)!.formulationUsed).toBe('solution');
  });

  it('reduces by a fixed amount, capped at 25 % per 14 days, down to a maintenance dose', () => {
    const plan = planTaper({
      ...TWICE_10,
      method: { kind: 'fixed', mg: 5 },
      goal: { kind: 'maintenance', dailyMg: 5 },
    });
    expect(plan.steps.map((s) => s.dailyTotalMg)).toEqual([15, 11.5, 9, 7, 5.5, 5]);
    expect(codesOf(plan, 0)).toEqual(['TAPER_STEP_ABOVE_DEFAULT_PACE']);
    expect(codesOf(plan, 1)).toEqual(['TAPER_REDUCTION_CAPPED', 'TAPER_STEP_ABOVE_DEFAULT_PACE']);
    expect(
      plan.sources.some((r) => r.id === 'JCPG-2025' && r.locator?.includes('lower dose') === true),
    ).toBe(true);
  });

  it('records an override and marks the steps that use it', () => {
    const override = {
      maxReductionPer14Days: 35,
      reason: 'Agreed with patient; low withdrawal risk',
    };
    const plan = planTaper({
      ...TWICE_10,
      method: { kind: 'percent', percent: 40 },
      override,
      intervalDays: 7,
    });
    expect(plan.inputs.override).toEqual(override);
    const applied = plan.warnings.filter((w) => w.code === 'TAPER_OVERRIDE_APPLIED');
    expect(applied.length).toBeGreaterThan(0);
    expect(applied[0]!.message).toContain(override.reason);
    expect(plan.steps[0]!.dailyTotalMg).toBe(13);
    // The 14-day ceiling holds a 7-day plan back: the next step waits until 20 mg leaves the window.
    expect(plan.steps[1]!.startDate).toBe('2026-03-16');
    expect(codesOf(plan, 1)).toContain('TAPER_STEP_DELAYED');
    expect(codesOf(plan, null)).toContain('TAPER_INTERVAL_SHORT');
  });

  it('with last-dose-longest, takes the morning dose down first', () => {
    const plan = planTaper({ ...TWICE_10, distribution: 'last-dose-longest' });
    expect(plan.steps[0]!.doses.map((d) => d.amountMg)).toEqual([8, 10]);
    const firstSingle = plan.steps.find((s) => s.doses.length === 1)!;
    expect(firstSingle.doses[0]!.time).toBe('20:00');
  });

  it('warns when a maintenance dose cannot be dispensed and ends just above it', () => {
    const plan = planTaper({
      ...TWICE_10,
      formulations: ['tab5'],
      dispensing: dispensingSettings({ splittable: { tab5: false } }),
      goal: { kind: 'maintenance', dailyMg: 7 },
      method: { kind: 'percent', percent: 25 },
    });
    expect(plan.steps.map((s) => s.dailyTotalMg)).toEqual([15, 10]);
    expect(codesOf(plan, null)).toEqual(['TAPER_GOAL_NOT_DISPENSABLE']);
  });

  it('stops at the step limit with a warning and no projected end', () => {
    const plan = planTaper({ ...TWICE_10, maxSteps: 3 });
    expect(plan.steps).toHaveLength(3);
    expect(plan.steps.at(-1)!.endDate).toBeNull();
    expect(codesOf(plan, null)).toContain('TAPER_MAX_STEPS_REACHED');
    expect(plan.projectedEndDate).toBeNull();
  });

  it('forces the smallest dispensable reduction with coarse tablets', () => {
    const plan = planTaper({
      ...TWICE_10,
      formulations: ['tab10'],
      dispensing: WHOLE_TABLETS,
    });
    expect(plan.steps.map((s) => s.dailyTotalMg)).toEqual([10, 0]);
    expect(codesOf(plan, 0)).toEqual([
      'TAPER_ROUNDED_TO_ZERO',
      'TAPER_ROUNDED_UP',
      'TAPER_STEP_ABOVE_GUIDELINE',
    ]);
  });

  it('keeps the reason given for the plan', () => {
    expect(planTaper({ ...TWICE_10, reason: ' Agreed at visit ' }).history[0]!.reason).toBe(
      'Agreed at visit',
    );
  });
});

describe('planTaper validation', () => {
  const bad: [string, Partial<TaperInputs>][] = [
    ['no doses', { doses: [] }],
    ['bad time', { doses: [{ time: '8:00', amountMg: 5 }] }],
    [
      'duplicate times',
      {
        doses: [
          { time: '08:00', amountMg: 5 },
          { time: '08:00', amountMg: 5 },
        ],
      },
    ],
    ['zero dose', { doses: [{ time: '08:00', amountMg: 0 }] }],
    ['undispensable dose', { doses: [{ time: '08:00', amountMg: 0.7 }] }],
    ['percent 0', { method: { kind: 'percent', percent: 0 } }],
    ['percent 100', { method: { kind: 'percent', percent: 100 } }],
    ['fixed 0', { method: { kind: 'fixed', mg: 0 } }],
    ['interval 0', { intervalDays: 0 }],
    ['fractional interval', { intervalDays: 1.5 }],
    ['maintenance above dose', { goal: { kind: 'maintenance', dailyMg: 20 } }],
    ['maintenance 0', { goal: { kind: 'maintenance', dailyMg: 0 } }],
    ['bad date', { startDate: '2026-02-30' }],
    ['override without reason', { override: { maxReductionPer14Days: 30, reason: '  ' } }],
    ['override above 100', { override: { maxReductionPer14Days: 120, reason: 'x' } }],
    ['maxSteps 0', { maxSteps: 0 }],
    [
      'no step possible',
      {
        goal: { kind: 'maintenance', dailyMg: 19.9 },
        formulations: ['tab10'],
        dispensing: WHOLE_TABLETS,
      },
    ],
  ];
  it.each(bad)('rejects %s', (_, change) => {
    expect(() => planTaper({ ...TWICE_10, ...change })).toThrow(RangeError);
  });
});
