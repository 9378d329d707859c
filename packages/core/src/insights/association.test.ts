import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../regimen/slots.js';
import { INSIGHT_MINIMUM_DATA, binaryAssociation, numericAssociation } from './association.js';

const START = '2026-02-01';

/** Outcome days with and without the factor, interleaved so the groups share the calendar. */
function binarySeries(withF: number[], without: number[], lag = 0) {
  const factor = new Map<string, boolean>();
  const outcome = new Map<string, number>();
  const total = withF.length + without.length;
  let i = 0;
  let j = 0;
  for (let k = 0; k < total; k++) {
    const date = addDays(START, k);
    const useWith = (k % 5 !== 4 && i < withF.length) || j >= without.length;
    factor.set(date, useWith);
    outcome.set(addDays(date, lag), useWith ? withF[i++]! : without[j++]!);
  }
  return { factor, outcome };
}

const withF = [3, 4, 2, 5, 3, 3, 4, 2, 3, 4, 3, 2, 4, 3, 3, 2, 4, 3];
const without = [5, 4, 6, 3, 5, 4, 5, 6, 4, 5, 3, 5];

describe('binaryAssociation', () => {
  it('matches SciPy for the Welch interval and Hedges’ g', () => {
    const { factor, outcome } = binarySeries(withF, without);
    const r = binaryAssociation(factor, outcome);
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r).toMatchObject({
      kind: 'binary',
      nWith: 18,
      nWithout: 12,
      pairedDays: 30,
      lagDays: 0,
    });
    expect(r.meanWith).toBeCloseTo(3.1666666666666665, 12);
    expect(r.meanWithout).toBeCloseTo(4.583333333333333, 12);
    expect(r.difference).toBeCloseTo(-1.4166666666666665, 12);
    expect(r.df).toBeCloseTo(21.20310863762022, 10);
    // scipy.stats.ttest_ind(a, b, equal_var=False).confidence_interval(0.95)
    expect(r.ci.lower).toBeCloseTo(-2.147223157166633, 9);
    expect(r.ci.upper).toBeCloseTo(-0.6861101761667003, 9);
    expect(r.ci.level).toBe(0.95);
    expect(r.hedgesG).toBeCloseTo(-1.5071854507883964, 10);
  });

  it('pairs each factor day with the next day’s outcome when lagDays is 1', () => {
    const { factor, outcome } = binarySeries(withF, without, 1);
    const lagged = binaryAssociation(factor, outcome, { lagDays: 1 });
    const same = binaryAssociation(factor, outcome, { lagDays: 0 });
    expect(lagged).toMatchObject({ status: 'ok', pairedDays: 30, lagDays: 1 });
    if (lagged.status === 'ok') expect(lagged.difference).toBeCloseTo(-1.4166666666666665, 12);
    // Same-day pairing loses the first day and mixes the groups.
    expect(same.pairedDays).toBe(29);
  });

  it('withholds any number below the minimum-data rule and says what is needed', () => {
    const { factor, outcome } = binarySeries([3, 4, 2, 5, 3, 3, 4, 2, 3, 4, 3], [5, 4, 6]);
    const r = binaryAssociation(factor, outcome);
    expect(r).toEqual({
      status: 'insufficient-data',
      kind: 'binary',
      lagDays: 0,
      pairedDays: 14,
      minimum: { pairedDays: 14, perGroup: 5 },
      nWith: 11,
      nWithout: 3,
      needed: { pairedDays: 0, withFactor: 0, withoutFactor: 2 },
    });
    expect(r).not.toHaveProperty('difference');
    const short = binaryAssociation(factor, outcome, { minimum: { pairedDays: 20, perGroup: 2 } });
    expect(short).toMatchObject({ status: 'insufficient-data', needed: { pairedDays: 6 } });
  });

  it('skips days without an outcome and non-finite values', () => {
    const { factor, outcome } = binarySeries(withF, without);
    outcome.set(START, Number.NaN);
    outcome.delete(addDays(START, 1));
    expect(binaryAssociation(factor, outcome).pairedDays).toBe(28);
  });

  it('reports no variation when both groups are constant', () => {
    const { factor, outcome } = binarySeries(Array<number>(10).fill(3), Array<number>(6).fill(5));
    expect(binaryAssociation(factor, outcome)).toMatchObject({
      status: 'no-variation',
      pairedDays: 16,
    });
  });

  it('still estimates when only one group is constant', () => {
    const { factor, outcome } = binarySeries(Array<number>(10).fill(3), [5, 4, 6, 5, 5, 4]);
    const r = binaryAssociation(factor, outcome);
    expect(r.status).toBe('ok');
    if (r.status === 'ok') expect(r.df).toBeCloseTo(5, 12); // Welch df collapses to n2 − 1
  });

  it('is deterministic whatever the insertion order of the series', () => {
    const { factor, outcome } = binarySeries(withF, without);
    const reversed = new Map([...factor].reverse());
    expect(binaryAssociation(reversed, outcome)).toEqual(binaryAssociation(factor, outcome));
  });

  it('validates its settings', () => {
    const { factor, outcome } = binarySeries(withF, without);
    expect(() => binaryAssociation(factor, outcome, { lagDays: -1 })).toThrow(RangeError);
    expect(() => binaryAssociation(factor, outcome, { lagDays: 0.5 })).toThrow(RangeError);
    expect(() =>
      binaryAssociation(factor, outcome, { minimum: { pairedDays: 3, perGroup: 5 } }),
    ).toThrow(RangeError);
    expect(() =>
      binaryAssociation(factor, outcome, { minimum: { pairedDays: 14, perGroup: 1 } }),
    ).toThrow(RangeError);
  });

  it('puts the point estimate inside its interval (property)', () => {
    const value = fc.integer({ min: 0, max: 10 });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 5, maxLength: 30 }),
        fc.array(value, { minLength: 5, maxLength: 30 }),
        (a, b) => {
          fc.pre(a.length + b.length >= 14);
          const { factor, outcome } = binarySeries(a, b);
          const r = binaryAssociation(factor, outcome);
          if (r.status !== 'ok') return r.status === 'no-variation';
          expect(r.ci.lower).toBeLessThanOrEqual(r.difference);
          expect(r.ci.upper).toBeGreaterThanOrEqual(r.difference);
          expect(r.nWith + r.nWithout).toBe(r.pairedDays);
          expect(Math.sign(r.hedgesG)).toBe(Math.sign(r.difference));
          return true;
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});

const x = [7, 5, 6, 8, 4, 6, 7, 5, 3, 6, 8, 7, 5, 6, 4, 7];
const y = [3, 5, 4, 2, 6, 4, 3, 5, 7, 5, 2, 3, 4, 4, 6, 3];
function numericSeries(xs: number[], ys: number[]) {
  return {
    factor: new Map(xs.map((v, i) => [addDays(START, i), v])),
    outcome: new Map(ys.map((v, i) => [addDays(START, i), v])),
  };
}

describe('numericAssociation', () => {
  const { factor, outcome } = numericSeries(x, y);

  it('computes Spearman r (default) with a Fisher z interval', () => {
    const r = numericAssociation(factor, outcome);
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r).toMatchObject({ method: 'spearman', pairedDays: 16, kind: 'numeric' });
    expect(r.r).toBeCloseTo(-0.9625382262996941, 12);
    expect(r.ci.lower).toBeCloseTo(-0.9876125544748878, 10);
    expect(r.ci.upper).toBeCloseTo(-0.8895300399203525, 10);
  });

  it('computes Pearson r on request', () => {
    const r = numericAssociation(factor, outcome, { method: 'pearson' });
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.r).toBeCloseTo(-0.9685039370078741, 12);
    expect(r.ci.lower).toBeCloseTo(-0.9892687139373292, 10);
    expect(r.ci.upper).toBeCloseTo(-0.9093899683266238, 10);
  });

  it('handles a perfect correlation and a constant variable', () => {
    const perfect = numericSeries(
      x,
      x.map((v) => 2 * v + 1),
    );
    expect(
      numericAssociation(perfect.factor, perfect.outcome, { method: 'pearson' }),
    ).toMatchObject({
      status: 'ok',
      r: 1,
      ci: { lower: 1, upper: 1 },
    });
    const flat = numericSeries(
      x,
      x.map(() => 4),
    );
    expect(numericAssociation(flat.factor, flat.outcome)).toMatchObject({ status: 'no-variation' });
  });

  it('withholds a number below the minimum', () => {
    const few = numericSeries(x.slice(0, 10), y.slice(0, 10));
    expect(numericAssociation(few.factor, few.outcome)).toEqual({
      status: 'insufficient-data',
      kind: 'numeric',
      lagDays: 0,
      pairedDays: 10,
      minimum: INSIGHT_MINIMUM_DATA.value,
      needed: { pairedDays: 4 },
    });
  });

  it('keeps r and its interval within [−1, 1] around the estimate (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 14,
          maxLength: 60,
        }),
        fc.boolean(),
        (pairs, pearson) => {
          const s = numericSeries(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          const r = numericAssociation(s.factor, s.outcome, {
            method: pearson ? 'pearson' : 'spearman',
          });
          if (r.status !== 'ok') return;
          expect(r.ci.lower).toBeGreaterThanOrEqual(-1);
          expect(r.ci.upper).toBeLessThanOrEqual(1);
          expect(r.ci.lower).toBeLessThanOrEqual(r.r + 1e-12);
          expect(r.ci.upper).toBeGreaterThanOrEqual(r.r - 1e-12);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('names its minimum-data rule as an unconfirmed project setting', () => {
    expect(INSIGHT_MINIMUM_DATA).toMatchObject({
      name: 'insights.minimumData',
      confirmed: false,
      value: { pairedDays: 14, perGroup: 5 },
    });
  });
});
