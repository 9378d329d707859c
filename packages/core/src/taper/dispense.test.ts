import { describe, expect, it } from 'vitest';
import {
  dispensers,
  EMPTY_DISPENSE,
  taperFormulationsFrom,
  toMg,
  toUg,
  validateFormulations,
} from './dispense.js';
import { DEFAULT_TAPER_FORMULATIONS, DEFAULT_TAPER_SOLUTION } from './guideline.js';
import type { TaperFormulations } from './types.js';

const all = dispensers(DEFAULT_TAPER_FORMULATIONS, 40_000).tablets!;

describe('toUg / toMg', () => {
  it('converts exactly in micrograms', () => {
    expect(toUg(2.5)).toBe(2500);
    expect(toUg(0.1 + 0.2)).toBe(300);
    expect(toMg(7500)).toBe(7.5);
  });

  it('rejects negative, non-finite and sub-microgram amounts', () => {
    expect(() => toUg(-1)).toThrow(RangeError);
    expect(() => toUg(Number.NaN)).toThrow(/amount/);
    expect(() => toUg(0.0001, 'dose')).toThrow(/dose/);
  });
});

describe('tablet dispenser', () => {
  it('prefers whole tablets, then fewest pieces, then larger strengths', () => {
    expect(all.dispense(9000)).toEqual({ ...EMPTY_DISPENSE, tab5: 1, tab2: 2 });
    expect(all.dispense(20_000)).toEqual({ ...EMPTY_DISPENSE, tab10: 2 });
    expect(all.dispense(7500)).toEqual({ ...EMPTY_DISPENSE, tab5: 1, halfTab5: 1 });
    expect(all.dispense(1000)).toEqual({ ...EMPTY_DISPENSE, halfTab2: 1 });
    expect(all.dispense(0)).toEqual(EMPTY_DISPENSE);
  });

  it('knows what it can make: halves only of halvable tablets, at most one half per strength', () => {
    expect(all.canMake(500)).toBe(false);
    expect(all.canMake(1500)).toBe(false);
    expect(all.canMake(3500)).toBe(true); // 2.5 + 1
    expect(all.canMake(8500)).toBe(true); // 5 + 2.5 + 1
    expect(all.canMake(1234)).toBe(false);
    expect(all.canMake(50_000)).toBe(false); // beyond the table
    const whole = dispensers(
      { tablets: [{ id: 'tab5', halvable: false }], solution: null },
      20_000,
    ).tablets!;
    expect(whole.canMake(2500)).toBe(false);
    expect(whole.below(10_000)).toBe(5000);
    expect(whole.below(4000)).toBe(0);
    expect(whole.atOrAbove(6000)).toBe(10_000);
    expect(whole.atOrAbove(25_000)).toBe(Infinity);
    expect(() => whole.dispense(2500)).toThrow(/cannot be made/);
  });

  it('steps below and above along the makeable amounts', () => {
    expect(all.below(4000)).toBe(3500);
    expect(all.below(2000)).toBe(1000);
    expect(all.below(1000)).toBe(0);
    expect(all.below(0)).toBe(0);
    expect(all.below(3700)).toBe(3500);
    expect(all.floorTo(1600)).toBe(1000);
    expect(all.atOrAbove(1200)).toBe(2000);
    expect(all.atOrAbove(-5)).toBe(0);
  });
});

describe('solution dispenser', () => {
  const sol = dispensers(
    { tablets: [], solution: { mgPerMl: 1, minMeasurableMl: 0.5, stepMl: 0.1 } },
    0,
  ).solution!;

  it('measures whole steps at or above the smallest measurable volume', () => {
    expect(sol.canMake(0)).toBe(true);
    expect(sol.canMake(400)).toBe(false);
    expect(sol.canMake(500)).toBe(true);
    expect(sol.canMake(550)).toBe(false);
    expect(sol.dispense(2300)).toEqual({ ...EMPTY_DISPENSE, ml: 2.3 });
    expect(() => sol.dispense(250)).toThrow(/cannot be measured/);
  });

  it('floors, steps below and rounds up on the grid', () => {
    expect(sol.floorTo(480)).toBe(0);
    expect(sol.floorTo(2350)).toBe(2300);
    expect(sol.below(500)).toBe(0);
    expect(sol.below(600)).toBe(500);
    expect(sol.below(0)).toBe(0);
    expect(sol.atOrAbove(120)).toBe(500);
    expect(sol.atOrAbove(810)).toBe(900);
    expect(sol.atOrAbove(0)).toBe(0);
  });

  it('converts milligrams to millilitres with the concentration', () => {
    const conc = dispensers(
      { tablets: [], solution: { mgPerMl: 5, minMeasurableMl: 0.2, stepMl: 0.2 } },
      0,
    ).solution!;
    expect(conc.dispense(2000)).toEqual({ ...EMPTY_DISPENSE, ml: 0.4 });
    expect(conc.canMake(500)).toBe(false);
  });
});

describe('validateFormulations', () => {
  const bad: [string, TaperFormulations][] = [
    ['nothing', { tablets: [], solution: null }],
    [
      'duplicates',
      {
        tablets: [
          { id: 'tab5', halvable: true },
          { id: 'tab5', halvable: false },
        ],
        solution: null,
      },
    ],
    ['unknown tablet', { tablets: [{ id: 'tab7' as 'tab5', halvable: true }], solution: null }],
    ['zero step', { tablets: [], solution: { mgPerMl: 1, minMeasurableMl: 1, stepMl: 0 } }],
    [
      'sub-microgram step',
      { tablets: [], solution: { mgPerMl: 1, minMeasurableMl: 1, stepMl: 0.0001 } },
    ],
  ];
  it.each(bad)('rejects %s', (_, f) => {
    expect(() => {
      validateFormulations(f);
    }).toThrow(RangeError);
  });

  it('accepts the defaults', () => {
    expect(() => {
      validateFormulations({ ...DEFAULT_TAPER_FORMULATIONS, solution: DEFAULT_TAPER_SOLUTION });
    }).not.toThrow();
  });
});

describe('taperFormulationsFrom', () => {
  it('adapts the clinical dispensing settings shape', () => {
    const settings = {
      splittable: { tab10: { value: false }, tab5: { value: true }, tab2: { value: true } },
      solutionStepMl: { value: 0.5 },
    };
    expect(taperFormulationsFrom(['sol1', 'tab2', 'tab10'], settings)).toEqual({
      tablets: [
        { id: 'tab10', halvable: false },
        { id: 'tab2', halvable: true },
      ],
      solution: { mgPerMl: 1, minMeasurableMl: 0.5, stepMl: 0.5 },
    });
    expect(taperFormulationsFrom(['tab5'], settings, 1).solution).toBeNull();
  });
});
