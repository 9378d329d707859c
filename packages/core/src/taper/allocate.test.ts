import { describe, expect, it } from 'vitest';
import {
  allocateTowards,
  consolidate,
  gatherInto,
  normalise,
  reductionOrder,
  smallestReduction,
  total,
} from './allocate.js';
import { DEFAULT_DISPENSING_SETTINGS, dispensingSettings } from '../clinical/dispensingSettings.js';
import { dispensers } from './dispense.js';
import { DEFAULT_TAPER_FORMULATIONS } from './guideline.js';

const tabs = dispensers(DEFAULT_TAPER_FORMULATIONS, DEFAULT_DISPENSING_SETTINGS, 40_000).tablets!;
// The oral solution in the clinical default 0.5 mL steps, and with a finer 0.1 mL syringe.
const sol = dispensers(['sol1'], DEFAULT_DISPENSING_SETTINGS, 40_000).solution!;
const fineSol = dispensers(['sol1'], dispensingSettings({ solutionStepMl: 0.1 }), 40_000).solution!;

describe('reductionOrder', () => {
  it('largest-first: largest dose first, the earlier one among equals', () => {
    expect(reductionOrder([5000, 10_000, 10_000], 'largest-first')).toEqual([1, 2, 0]);
  });

  it('last-dose-longest: earlier doses before the last one of the day, skipping stopped doses', () => {
    expect(reductionOrder([2000, 0, 10_000], 'last-dose-longest')).toEqual([0, 2]);
    expect(reductionOrder([0, 0, 10_000], 'last-dose-longest')).toEqual([2]);
  });
});

describe('allocateTowards', () => {
  it('takes notches off the largest dose until the next would pass the target', () => {
    const a = allocateTowards([10_000, 10_000], 20_000, 18_000, tabs, 'largest-first');
    expect(a).toEqual([9000, 9000]);
  });

  it('with last-dose-longest, reduces the morning dose first', () => {
    const a = allocateTowards([10_000, 10_000], 20_000, 18_000, tabs, 'last-dose-longest');
    expect(a).toEqual([8000, 10_000]);
  });

  it('returns null when the first notch already passes the target', () => {
    expect(allocateTowards([2000, 2000], 4000, 3600, tabs, 'largest-first')).toBeNull();
  });

  it('returns null when even the normalised start is below the target', () => {
    expect(allocateTowards([400, 400], 800, 700, sol, 'largest-first')).toBeNull();
  });

  it('accepts a normalised start that is already below the previous total', () => {
    expect(allocateTowards([2500, 2550], 5050, 4950, sol, 'largest-first')).toEqual([2500, 2500]);
  });
});

describe('gatherInto', () => {
  it('is the largest dose (later among equals), or the last dose taken', () => {
    expect(gatherInto([3000, 1000, 3000, 0], 'largest-first')).toBe(2);
    expect(gatherInto([3000, 1000, 0], 'last-dose-longest')).toBe(1);
    expect(gatherInto([0, 0], 'largest-first')).toBeUndefined();
  });
});

describe('consolidate', () => {
  it('gathers the day into the dose kept longest', () => {
    expect(consolidate([1000, 1000], 2000, 1800, fineSol, 'largest-first')).toEqual([0, 1800]);
    expect(consolidate([1000, 1000], 2000, 1800, sol, 'largest-first')).toBeNull(); // 2 mg is next
    expect(consolidate([2000, 2000], 4000, 3600, tabs, 'largest-first')).toBeNull(); // 4 mg is the next makeable
    expect(consolidate([0, 1000], 1000, 900, sol, 'largest-first')).toBeNull(); // a single dose
  });
});

describe('smallestReduction', () => {
  it('picks the notch or gathering with the largest remaining total', () => {
    const r = smallestReduction([1000, 2000], 3000, tabs, 'largest-first');
    expect(r).toEqual([0, 2500]);
    expect(smallestReduction([2000, 1000], 3000, tabs, 'largest-first')).toEqual([2500, 0]);
    expect(smallestReduction([2000, 1000], 3000, tabs, 'last-dose-longest')).toEqual([0, 2500]);
    expect(total(r!)).toBe(2500);
    expect(smallestReduction([2000, 2000], 4000, tabs, 'largest-first')).toEqual([0, 3500]);
    expect(smallestReduction([1000], 1000, tabs, 'largest-first')).toEqual([0]);
  });

  it('returns the normalised start when that alone is a reduction, and null when nothing is left', () => {
    expect(smallestReduction([2550], 2550, sol, 'largest-first')).toEqual([2500]);
    expect(smallestReduction([0, 0], 0, tabs, 'largest-first')).toBeNull();
  });
});

describe('normalise', () => {
  it('floors each dose to the formulation', () => {
    expect(normalise([2550, 300], sol)).toEqual([2500, 0]);
  });
});
