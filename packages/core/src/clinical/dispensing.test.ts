import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decomposeDose, dispensableUnits, isDispensable } from './dispensing.js';
import { nearestDispensable } from './nearestDispensable.js';
import type { TabletDecomposition } from './dispensing.js';
import { DEFAULT_DISPENSING_SETTINGS, dispensingSettings } from './dispensingSettings.js';
import type { FormulationId } from '../regimen/types.js';

const TABLETS: FormulationId[] = ['tab10', 'tab5', 'tab2'];
const noSplit = dispensingSettings({ splittable: { tab10: false, tab5: false, tab2: false } });

function tablets(amount: number, formulations: FormulationId[] = TABLETS): TabletDecomposition {
  const d = decomposeDose(amount, { formulations });
  if (d?.kind !== 'tablets') throw new Error(`expected tablets for ${amount}`);
  return d;
}

describe('dispensingSettings', () => {
  it('defaults: every tablet halvable but unconfirmed, solution 0.5 mL as a local setting', () => {
    for (const p of Object.values(DEFAULT_DISPENSING_SETTINGS.splittable)) {
      expect(p.value).toBe(true);
      expect(p.confirmed).toBe(false);
      expect(p.note).toContain('pharmacist');
      expect(p.sources.some((s) => s.status === 'U')).toBe(true);
    }
    expect(DEFAULT_DISPENSING_SETTINGS.splittable.tab2.sources[0]).toMatchObject({
      id: 'SEC-PILLID',
      status: 'P',
    });
    const step = DEFAULT_DISPENSING_SETTINGS.solutionStepMl;
    expect(step).toMatchObject({ value: 0.5, unit: 'mL', confirmed: false });
    expect(step.note).toMatch(/^Local setting: depends on the oral syringe/);
  });

  it('applies overrides, keeps them unconfirmed and says they were set locally', () => {
    const s = dispensingSettings({ splittable: { tab10: false }, solutionStepMl: 0.1 });
    expect(s.splittable.tab10).toMatchObject({
      name: 'splittable.tab10',
      value: false,
      confirmed: false,
    });
    expect(s.splittable.tab10.note).toMatch(/^Set locally \(default true\)/);
    expect(s.splittable.tab5).toBe(DEFAULT_DISPENSING_SETTINGS.splittable.tab5);
    expect(s.solutionStepMl).toMatchObject({ value: 0.1, confirmed: false });
    expect(s.solutionStepMl.note).toMatch(/^Set locally \(default 0.5 mL\)/);
  });

  it('keeps the default objects when an override equals the default', () => {
    const s = dispensingSettings({ splittable: { tab2: true }, solutionStepMl: 0.5 });
    expect(s).toEqual(DEFAULT_DISPENSING_SETTINGS);
    expect(dispensingSettings()).toEqual(DEFAULT_DISPENSING_SETTINGS);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 0.0001])(
    'rejects solution step %s',
    (v) => {
      expect(() => dispensingSettings({ solutionStepMl: v })).toThrow(RangeError);
    },
  );
});

describe('dispensableUnits', () => {
  it('lists whole and half tablets and one solution step, largest first', () => {
    const units = dispensableUnits(['tab5', 'tab2', 'sol1']);
    expect(units.map((u) => [u.formulation, u.kind, u.amountMg])).toEqual([
      ['tab5', 'tablet', 5],
      ['tab5', 'half-tablet', 2.5],
      ['tab2', 'tablet', 2],
      ['tab2', 'half-tablet', 1],
      ['sol1', 'solution-step', 0.5],
    ]);
    expect(units[1]?.label).toBe('half of a 5 mg tablet (2.5 mg)');
    expect(units[1]?.assumption?.confirmed).toBe(false);
    expect(units[0]?.assumption).toBeNull();
    expect(units[4]).toMatchObject({
      volumeMl: 0.5,
      label: '0.5 mL of 1 mg/mL oral solution (0.5 mg)',
    });
  });

  it('leaves out halves when splitting is switched off', () => {
    expect(dispensableUnits(TABLETS, noSplit).map((u) => u.amountMg)).toEqual([10, 5, 2]);
  });

  it('returns nothing for no formulations', () => {
    expect(dispensableUnits([])).toEqual([]);
  });
});

describe('decomposeDose', () => {
  it('uses a whole tablet before splitting a larger one', () => {
    const d = tablets(5);
    expect(d.portions).toEqual([
      {
        formulation: 'tab5',
        strengthMg: 5,
        wholeTablets: 1,
        halfTablets: 0,
        tablets: 1,
        amountMg: 5,
      },
    ]);
    expect(d.assumptions).toEqual([]);
  });

  it('splits when that is the only way, and names the unconfirmed assumption', () => {
    const d = tablets(5, ['tab10']);
    expect(d.portions[0]).toMatchObject({
      formulation: 'tab10',
      wholeTablets: 0,
      halfTablets: 1,
      tablets: 0.5,
    });
    expect(d.assumptions.map((a) => a.name)).toEqual(['splittable.tab10']);
  });

  it('makes 7.5 mg as 1½ × 5 mg', () => {
    const d = tablets(7.5, ['tab5', 'tab2']);
    expect(d.tabletsByFormulation).toEqual({ tab10: 0, tab5: 1.5, tab2: 0 });
    expect(d).toMatchObject({ pieces: 2, halves: 1, amountMg: 7.5 });
  });

  it('prefers fewer halves over fewer pieces (6 mg = 3 × 2 mg, not 5 + ½ × 2)', () => {
    expect(tablets(6).tabletsByFormulation).toEqual({ tab10: 0, tab5: 0, tab2: 3 });
  });

  it('combines strengths (17 mg = 10 + 5 + 2; 12.5 mg = 10 + ½ × 5; 40 mg = 4 × 10)', () => {
    expect(tablets(17).tabletsByFormulation).toEqual({ tab10: 1, tab5: 1, tab2: 1 });
    expect(tablets(12.5).tabletsByFormulation).toEqual({ tab10: 1, tab5: 0.5, tab2: 0 });
    expect(tablets(40).tabletsByFormulation).toEqual({ tab10: 4, tab5: 0, tab2: 0 });
    expect(tablets(1).tabletsByFormulation).toEqual({ tab10: 0, tab5: 0, tab2: 0.5 });
  });

  it('uses fewer strengths when pieces tie (10 mg = 2 × 5 with 5 and 2 mg at hand)', () => {
    expect(tablets(10, ['tab5', 'tab2']).tabletsByFormulation).toEqual({
      tab10: 0,
      tab5: 2,
      tab2: 0,
    });
  });

  it('returns null when the amount cannot be made', () => {
    expect(decomposeDose(0.7, { formulations: TABLETS })).toBeNull();
    expect(decomposeDose(1.5, { formulations: TABLETS })).toBeNull();
    expect(decomposeDose(3, { formulations: ['tab2'], settings: noSplit })).toBeNull();
    expect(decomposeDose(2.0001, { formulations: TABLETS })).toBeNull();
    expect(decomposeDose(5, { formulations: [] })).toBeNull();
  });

  it('tolerates floating-point noise in the amount', () => {
    expect(tablets(0.1 + 0.2 + 2.2).amountMg).toBe(2.5);
  });

  it('returns an empty decomposition for 0 mg', () => {
    expect(tablets(0)).toMatchObject({ portions: [], pieces: 0, halves: 0 });
    expect(decomposeDose(0, { formulations: ['sol1'] })).toMatchObject({
      kind: 'solution',
      volumeMl: 0,
    });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('throws for amount %s', (a) => {
    expect(() => decomposeDose(a, { formulations: TABLETS })).toThrow(RangeError);
  });

  it('measures the solution in whole syringe steps', () => {
    expect(decomposeDose(2.5, { formulations: ['sol1'] })).toMatchObject({
      kind: 'solution',
      formulation: 'sol1',
      amountMg: 2.5,
      volumeMl: 2.5,
      concentrationMgPerMl: 1,
    });
    expect(decomposeDose(0.3, { formulations: ['sol1'] })).toBeNull();
    const fine = dispensingSettings({ solutionStepMl: 0.1 });
    const d = decomposeDose(0.3, { formulations: ['sol1'], settings: fine });
    expect(d).toMatchObject({ kind: 'solution', volumeMl: 0.3 });
    expect(d?.assumptions[0]?.value).toBe(0.1);
  });

  it('prefers tablets when both are at hand, falling back to the solution', () => {
    expect(decomposeDose(5, { formulations: ['sol1', 'tab5'] })?.kind).toBe('tablets');
    expect(decomposeDose(0.5, { formulations: ['sol1', 'tab5'] })?.kind).toBe('solution');
  });

  it('property: portions add up to the amount, with at most one half per strength', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 160 }),
        fc.subarray(TABLETS, { minLength: 1 }),
        (halfMg, formulations) => {
          const amount = halfMg / 2;
          const d = decomposeDose(amount, { formulations });
          if (d === null) return;
          expect(d.kind).toBe('tablets');
          if (d.kind !== 'tablets') return;
          const sum = d.portions.reduce((s, p) => s + p.amountMg, 0);
          expect(sum).toBeCloseTo(amount, 9);
          for (const p of d.portions) expect(formulations).toContain(p.formulation);
          expect(d.halves).toBe(d.portions.filter((p) => p.halfTablets === 1).length);
        },
      ),
    );
  });

  it('property: every amount of 2 mg or more on the 0.5 mg grid is dispensable from all tablets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 200 }), (halfMg) => {
        expect(isDispensable(halfMg / 2, { formulations: TABLETS })).toBe(true);
      }),
    );
  });
});

describe('isDispensable', () => {
  it('agrees with decomposeDose', () => {
    expect(isDispensable(3, { formulations: ['tab2'] })).toBe(true);
    expect(isDispensable(3, { formulations: ['tab2'], settings: noSplit })).toBe(false);
  });
});

describe('nearestDispensable', () => {
  it('brackets an amount that cannot be made', () => {
    expect(nearestDispensable(4.2, { formulations: ['tab5'] })).toEqual({
      atOrBelow: 2.5,
      atOrAbove: 5,
    });
    expect(nearestDispensable(0.3, { formulations: ['tab2'] })).toEqual({
      atOrBelow: 0,
      atOrAbove: 1,
    });
    expect(nearestDispensable(9.2, { formulations: TABLETS })).toEqual({
      atOrBelow: 9,
      atOrAbove: 9.5,
    });
    expect(nearestDispensable(7, { formulations: ['tab10'], settings: noSplit })).toEqual({
      atOrBelow: 0,
      atOrAbove: 10,
    });
  });

  it('returns the amount itself when it can be made', () => {
    expect(nearestDispensable(7.5, { formulations: TABLETS })).toEqual({
      atOrBelow: 7.5,
      atOrAbove: 7.5,
    });
  });

  it('returns nulls for no formulations and throws for bad amounts', () => {
    expect(nearestDispensable(3, { formulations: [] })).toEqual({
      atOrBelow: null,
      atOrAbove: null,
    });
    expect(() => nearestDispensable(-2, { formulations: TABLETS })).toThrow(RangeError);
  });

  it('property: both neighbours are dispensable and bracket the amount', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.subarray<FormulationId>(['tab10', 'tab5', 'tab2', 'sol1'], { minLength: 1 }),
        (amount, formulations) => {
          const { atOrBelow, atOrAbove } = nearestDispensable(amount, { formulations });
          expect(atOrBelow).not.toBeNull();
          expect(atOrAbove).not.toBeNull();
          // Amounts are resolved to whole micrograms (the arithmetic is in integer µg), so an
          // amount is bracketed to within half a microgram, not to floating-point precision.
          const HALF_MICROGRAM = 0.0005;
          expect(atOrBelow!).toBeLessThanOrEqual(amount + HALF_MICROGRAM);
          expect(atOrAbove!).toBeGreaterThanOrEqual(amount - HALF_MICROGRAM);
          expect(isDispensable(atOrBelow!, { formulations })).toBe(true);
          expect(isDispensable(atOrAbove!, { formulations })).toBe(true);
        },
      ),
    );
  });
});
