import { describe, expect, it } from 'vitest';
import { decomposeDose } from '../clinical/dispensing.js';
import { DEFAULT_DISPENSING_SETTINGS, dispensingSettings } from '../clinical/dispensingSettings.js';
import type { DispensingSettings } from '../clinical/dispensingSettings.js';
import type { FormulationId } from '../regimen/types.js';
import { dispensers, EMPTY_DISPENSE, toMg, toUg, validateFormulations } from './dispense.js';
import { DEFAULT_TAPER_FORMULATIONS } from './guideline.js';

const all = dispensers(DEFAULT_TAPER_FORMULATIONS, DEFAULT_DISPENSING_SETTINGS, 40_000).tablets!;

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
      ['tab5'],
      dispensingSettings({ splittable: { tab5: false } }),
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
  const sol = dispensers(['sol1'], DEFAULT_DISPENSING_SETTINGS, 40_000).solution!;

  it('measures whole steps of the clinical smallest measurable volume (0.5 mL by default)', () => {
    expect(DEFAULT_DISPENSING_SETTINGS.solutionStepMl).toMatchObject({
      name: 'solution.smallestMeasurableVolume',
      value: 0.5,
      confirmed: false,
    });
    expect(sol.canMake(0)).toBe(true);
    expect(sol.canMake(400)).toBe(false);
    expect(sol.canMake(500)).toBe(true);
    expect(sol.canMake(700)).toBe(false);
    expect(sol.canMake(50_000)).toBe(false); // beyond the table
    expect(sol.dispense(2500)).toEqual({ ...EMPTY_DISPENSE, ml: 2.5 });
    expect(() => sol.dispense(250)).toThrow(/cannot be measured/);
  });

  it('floors, steps below and rounds up on the grid', () => {
    expect(sol.floorTo(480)).toBe(0);
    expect(sol.floorTo(2350)).toBe(2000);
    expect(sol.floorTo(-1)).toBe(0);
    expect(sol.below(500)).toBe(0);
    expect(sol.below(600)).toBe(500);
    expect(sol.below(0)).toBe(0);
    expect(sol.atOrAbove(120)).toBe(500);
    expect(sol.atOrAbove(810)).toBe(1000);
    expect(sol.atOrAbove(0)).toBe(0);
  });

  it('follows a local oral-syringe setting', () => {
    const fine = dispensers(['sol1'], dispensingSettings({ solutionStepMl: 0.1 }), 5000).solution!;
    expect(fine.canMake(300)).toBe(true);
    expect(fine.dispense(2300)).toEqual({ ...EMPTY_DISPENSE, ml: 2.3 });
    expect(fine.atOrAbove(810)).toBe(900);
  });
});

describe('agreement with the clinical decomposeDose', () => {
  const cases: [readonly FormulationId[], DispensingSettings][] = [
    [DEFAULT_TAPER_FORMULATIONS, DEFAULT_DISPENSING_SETTINGS],
    [['tab10', 'tab2'], dispensingSettings({ splittable: { tab10: false } })],
    [['sol1'], DEFAULT_DISPENSING_SETTINGS],
    [['sol1'], dispensingSettings({ solutionStepMl: 0.2 })],
  ];
  it.each(cases)('%j: makeable exactly when decomposeDose can make it', (ids, settings) => {
    const { tablets, solution } = dispensers(ids, settings, 30_000);
    const d = tablets ?? solution!;
    for (let ug = 100; ug <= 30_000; ug += 100) {
      const clinical = decomposeDose(ug / 1000, { formulations: ids, settings });
      expect(d.canMake(ug)).toBe(clinical !== null);
    }
  });
});

describe('validateFormulations', () => {
  const bad: [string, readonly FormulationId[], DispensingSettings][] = [
    ['nothing', [], DEFAULT_DISPENSING_SETTINGS],
    ['duplicates', ['tab5', 'tab5'], DEFAULT_DISPENSING_SETTINGS],
    ['unknown formulation', ['tab7' as 'tab5'], DEFAULT_DISPENSING_SETTINGS],
    [
      'zero step',
      ['sol1'],
      {
        ...DEFAULT_DISPENSING_SETTINGS,
        solutionStepMl: { ...DEFAULT_DISPENSING_SETTINGS.solutionStepMl, value: 0 },
      },
    ],
    [
      'sub-microlitre step',
      ['sol1'],
      {
        ...DEFAULT_DISPENSING_SETTINGS,
        solutionStepMl: { ...DEFAULT_DISPENSING_SETTINGS.solutionStepMl, value: 0.0001 },
      },
    ],
  ];
  it.each(bad)('rejects %s', (_, ids, settings) => {
    expect(() => {
      validateFormulations(ids, settings);
    }).toThrow(RangeError);
  });

  it('accepts the defaults, with the solution', () => {
    expect(() => {
      validateFormulations([...DEFAULT_TAPER_FORMULATIONS, 'sol1'], DEFAULT_DISPENSING_SETTINGS);
    }).not.toThrow();
  });
});
