import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expConvolution } from './expconv.js';
import { close } from './pk.test-helpers.js';

/** Term-by-term sum for distinct rates (the textbook form). */
function naive(rates: readonly number[], t: number): number {
  return rates.reduce((sum, li, i) => {
    const denom = rates.reduce((p, lj, j) => (j === i ? p : p * (lj - li)), 1);
    return sum + Math.exp(-li * t) / denom;
  }, 0);
}

describe('expConvolution', () => {
  it('is e^{−λt} for one rate and 0 at t ≤ 0 for several', () => {
    expect(expConvolution([0.5], 2)).toBeCloseTo(Math.exp(-1), 15);
    expect(expConvolution([0.5], -1)).toBe(1);
    expect(expConvolution([1, 2], 0)).toBe(0);
    expect(expConvolution([1, 2, 3], -5)).toBe(0);
  });

  it('matches the textbook sum for well-separated rates', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.array(fc.double({ min: 0.2, max: 2, noNaN: true }), { minLength: 1, maxLength: 3 }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        (lowest, gaps, t) => {
          // Rates ≥ 0.2 apart and t ≥ 1 h, where the textbook sum itself is accurate.
          const rates = gaps.reduce((rs, g) => [...rs, (rs.at(-1) ?? 0) + g], [lowest]).reverse();
          expect(close(expConvolution(rates, t), naive(rates, t), 1e-9, 1e-300)).toBe(true);
        },
      ),
    );
  });

  it('gives the exact limits when rates coincide', () => {
    const t = 3.7;
    const k = 0.4;
    expect(expConvolution([k, k], t)).toBeCloseTo(t * Math.exp(-k * t), 15);
    expect(close(expConvolution([k, k, k], t), ((t * t) / 2) * Math.exp(-k * t), 1e-14)).toBe(true);
    const a = 2.2;
    const b = 0.02;
    const repeated =
      (Math.exp(-a * t) - Math.exp(-b * t) - (b - a) * t * Math.exp(-b * t)) / (b - a) ** 2;
    expect(close(expConvolution([a, b, b], t), repeated, 1e-12)).toBe(true);
    expect(close(expConvolution([k, k, k, k], t), (t ** 3 / 6) * Math.exp(-k * t), 1e-14)).toBe(
      true,
    );
  });

  it('is continuous through near-equal rates and across the Taylor/recurrence switch', () => {
    const t = 50;
    const k = 0.02;
    const limit = t * Math.exp(-k * t);
    for (const eps of [1e-3, 1e-6, 1e-9, 1e-12, 1e-15]) {
      expect(close(expConvolution([k, k + eps], t), limit, 2 * eps * t)).toBe(true);
    }
    // The switch happens where (max − min)·t = 1.
    const below = expConvolution([0.1, 0.1 + (1 - 1e-12) / t, 0.13], t);
    const above = expConvolution([0.1, 0.1 + (1 + 1e-12) / t, 0.13], t);
    expect(close(below, above, 1e-10)).toBe(true);
  });

  it('integrates when a rate is zero', () => {
    const [a, b, t] = [1.3, 0.2, 4];
    // ∫₀ᵗ conv(a, b) = conv(a, b, 0)
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += expConvolution([a, b], ((i + 0.5) * t) / n);
    expect(close(expConvolution([a, b, 0], t), (sum * t) / n, 1e-8)).toBe(true);
    expect(expConvolution([0, 0], 5)).toBe(5);
    expect(close(expConvolution([a, b, 0], 1e6), 1 / (a * b), 1e-12)).toBe(true);
  });

  it('stays finite and non-negative for long times and far-apart rates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (rates, t) => {
          const v = expConvolution(rates, t);
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('rejects empty, negative and non-finite rates', () => {
    expect(() => expConvolution([], 1)).toThrow(RangeError);
    expect(() => expConvolution([-1], 1)).toThrow(RangeError);
    expect(() => expConvolution([1, Number.NaN], 1)).toThrow(RangeError);
    expect(() => expConvolution([1, Infinity], 1)).toThrow(RangeError);
  });
});
