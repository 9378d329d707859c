import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  erfc,
  incompleteBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
} from './distributions.js';

describe('studentTQuantile', () => {
  // Reference values: standard t tables and SciPy 1.17 stats.t.ppf.
  const table: [p: number, df: number, t: number][] = [
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 3, 3.1824463052837078],
    [0.975, 5, 2.5705818356363146],
    [0.975, 7.5, 2.333039626864974],
    [0.975, 10, 2.228138851986274],
    [0.975, 30, 2.0422724563012378],
    [0.975, 100, 1.9839715185235518],
    [0.975, 1000, 1.9623390808264083],
    [0.995, 3, 5.840909309733355],
    [0.95, 4.2, 2.103010745009936],
    [0.025, 12, -2.1788128296672293],
    [0.9, 2.5, 1.7302509288071766],
    [0.999, 1.5, 52.18443000899263],
    [0.6, 20, 0.2567427538545021],
    [0.5, 5, 0],
  ];
  it.each(table)('t(%f; df %f) = %f', (p, df, t) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(t, 9);
  });

  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    for (const p of [0.55, 0.8, 0.95, 0.99, 0.9999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 8);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 10);
    }
  });

  it('tends to the normal quantile and equals it at df = Infinity', () => {
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(1.959963984540054, 12);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5);
  });

  it('inverts the CDF (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          expect(studentTCdf(t, df)).toBeCloseTo(p, 10);
          expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 8);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('rejects impossible arguments', () => {
    expect(() => studentTQuantile(0, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => studentTCdf(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('studentTCdf', () => {
  it('matches SciPy', () => {
    expect(studentTCdf(2, 5)).toBeCloseTo(0.9490302605850708, 13);
    expect(studentTCdf(-1.3, 12.7)).toBeCloseTo(0.10835026729210875, 13);
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(studentTCdf(10, 2)).toBeCloseTo(0.9950737714883372, 13);
    expect(studentTCdf(1.959963984540054, Number.POSITIVE_INFINITY)).toBeCloseTo(0.975, 13);
  });
});

describe('normal distribution and helpers', () => {
  it('computes quantiles across the range', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 12);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424308822899, 11);
    expect(normalQuantile(0.5)).toBe(0);
    expect(() => normalQuantile(1.2)).toThrow(RangeError);
  });

  it('computes erfc on both sides of the series/continued-fraction switch', () => {
    // SciPy special.erfc
    expect(erfc(1)).toBeCloseTo(0.15729920705028516, 15);
    expect(erfc(2.49) / 0.00042928786773391303).toBeCloseTo(1, 11);
    expect(erfc(2.51) / 0.0003857054817242799).toBeCloseTo(1, 13);
    expect(erfc(10) / 2.0884875837625446e-45).toBeCloseTo(1, 13);
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028516, 15);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('computes ln Γ and the incomplete beta', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(0.25)).toBeCloseTo(1.2880225246980774, 12);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    // I_x(1, 1) = x; I_x(2, 1) = x²
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.7, 2, 1)).toBeCloseTo(0.49, 14);
  });
});
