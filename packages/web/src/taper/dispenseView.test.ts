import {
  describeTaperDispense,
  dispensedQuantityProblem,
  dispensingSettings,
  planTaper,
  type TaperDispense,
  type TaperInputs,
} from '@steady/core';
import { describe, expect, it } from 'vitest';
import {
  assumedSettings,
  dispenseOverview,
  dispensingPrefill,
  doseParts,
  supplyLines,
  type DosePart,
} from './dispenseView';

/** 5 mg twice a day, 10 % steps every 14 days, tablets then the oral solution. */
const TWICE_5: TaperInputs = {
  doses: [
    { time: '08:00', amountMg: 5 },
    { time: '20:00', amountMg: 5 },
  ],
  formulations: ['tab10', 'tab5', 'tab2', 'sol1'],
  startDate: '2026-03-02',
  switchToLiquid: true,
};
const plan = planTaper(TWICE_5);

const EMPTY: TaperDispense = {
  tab10: 0,
  tab5: 0,
  tab2: 0,
  halfTab10: 0,
  halfTab5: 0,
  halfTab2: 0,
  ml: 0,
};

/** The parts in core's English words, to compare with `describeTaperDispense`. */
function english(parts: readonly DosePart[]): string {
  const s = (n: number, w: string) => `${String(n)} ${w}${n === 1 ? '' : 's'}`;
  const words = parts.map((p) => {
    if (p.kind === 'solution') return `${String(p.ml)} mL of oral solution`;
    if (p.kind === 'whole') return `${s(p.count, 'tablet')} of ${String(p.mg)} mg`;
    return `${p.count === 1 ? 'half a tablet' : s(p.count, 'half tablet')} of ${String(p.mg)} mg`;
  });
  return words.length === 0 ? 'nothing' : words.join(' + ');
}

describe('taper dispensing view', () => {
  it('names the pieces of a dose in the order core describes them', () => {
    for (const d of [
      EMPTY,
      { ...EMPTY, tab10: 1, halfTab5: 1, tab2: 2 },
      { ...EMPTY, halfTab10: 1, halfTab2: 1 },
      { ...EMPTY, ml: 1.5 },
    ]) {
      expect(english(doseParts(d))).toBe(describeTaperDispense(d));
    }
    for (const step of plan.steps) {
      for (const dose of step.doses) {
        expect(english(doseParts(dose.dispense))).toBe(describeTaperDispense(dose.dispense));
      }
    }
  });

  it('lists what to supply per formulation, with the halves to split', () => {
    // First step: 4.5 mg twice a day = 2 mg + half a 5 mg tablet, 14 days.
    const first = plan.steps[0];
    if (first === undefined) throw new Error('no step');
    expect(first.dailyTotalMg).toBe(9);
    expect(supplyLines(first)).toEqual([
      { formulation: 'tab5', quantity: 14, wholeTablets: 0, halfPieces: 28, tabletsToSplit: 14 },
      { formulation: 'tab2', quantity: 28, wholeTablets: 28, halfPieces: 0, tabletsToSplit: 0 },
    ]);
    // The milligrams supplied cover the interval's doses exactly.
    for (const step of plan.steps) {
      const supplied = supplyLines(step).reduce(
        (sum, l) =>
          sum +
          (l.formulation === 'sol1'
            ? l.quantity
            : (l.wholeTablets + l.halfPieces / 2) * Number(l.formulation.slice(3))),
        0,
      );
      expect(supplied).toBeCloseTo(step.dailyTotalMg * step.perIntervalDispense.days, 6);
    }
  });

  it('puts the current and next intervals first and marks the switch to the solution', () => {
    const o = dispenseOverview(plan, '2026-03-20');
    expect(o.current?.step.index).toBe(1);
    expect(o.next?.step.index).toBe(2);
    expect(o.all).toHaveLength(plan.steps.length);
    const switches = o.all.filter((i) => i.switchesToLiquid);
    expect(switches).toHaveLength(1);
    const sw = switches[0];
    expect(sw?.step.formulationUsed).toBe('solution');
    expect(plan.steps[(sw?.step.index ?? 0) - 1]?.formulationUsed).toBe('tablets');
    expect(sw?.lines.map((l) => l.formulation)).toEqual(['sol1']);
    const warning = sw?.warnings.find((w) => w.code === 'TAPER_SWITCHED_TO_LIQUID');
    expect(warning?.sources.map((s) => s.id)).toContain('LABEL-SOL');
    // Pace warnings are the prescriber's, not shown here; the halves note is plan-wide.
    expect(o.all.flatMap((i) => i.warnings).map((w) => w.code)).not.toContain('TAPER_ROUNDED_UP');
    expect(o.planWarnings.map((w) => w.code)).toEqual(['TAPER_HALVES_ASSUMED']);
    // Before the start there is no current interval: the first one is next.
    const before = dispenseOverview(plan, '2026-02-20');
    expect(before.current).toBeNull();
    expect(before.next?.step.index).toBe(0);
    // After the last step nothing is left to supply.
    const after = dispenseOverview(plan, '2027-06-01');
    expect(after.current?.step.dailyTotalMg).toBe(0);
    expect(after.current?.lines).toEqual([]);
    expect(after.next).toBeNull();
  });

  it('shows the dispensing settings the plan assumed as unconfirmed, for its formulations', () => {
    const settings = assumedSettings(plan);
    expect(settings.map((s) => (s.kind === 'split' ? s.formulation : s.kind))).toEqual([
      'tab10',
      'tab5',
      'tab2',
      'solutionStep',
    ]);
    expect(settings.every((s) => !s.confirmed && s.sources.length > 0 && s.note !== '')).toBe(true);
    const local = planTaper({
      ...TWICE_5,
      formulations: ['tab5', 'tab2'],
      switchToLiquid: false,
      dispensing: dispensingSettings({ splittable: { tab5: false } }),
    });
    expect(assumedSettings(local).map((s) => [s.kind, s.value])).toEqual([
      ['split', false],
      ['split', true],
    ]);
  });

  it('pre-fills a dispensing the server accepts', () => {
    const o = dispenseOverview(plan, '2026-03-02');
    for (const interval of o.all) {
      for (const line of interval.lines) {
        const prefill = dispensingPrefill(interval, line);
        expect(dispensedQuantityProblem(prefill.formulation, Number(prefill.quantity))).toBeNull();
        expect(Number(prefill.quantity)).toBeGreaterThanOrEqual(line.quantity);
        expect(prefill.daysSupply).toBe('14');
      }
    }
    const current = o.current;
    if (current === null) throw new Error('no current interval');
    // Solution amounts are rounded up to the recordable 0.1 mL.
    expect(
      dispensingPrefill(current, {
        formulation: 'sol1',
        quantity: 10.25,
        wholeTablets: 0,
        halfPieces: 0,
        tabletsToSplit: 0,
      }).quantity,
    ).toBe('10.3');
  });
});
