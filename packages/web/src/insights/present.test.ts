import { describe, expect, it } from 'vitest';
import type { InsightEffect, InsightFactor } from './api';
import { crossesZero, directionOf, intervalBar, notEnough, orderFactors, round1 } from './present';

const base: InsightEffect = {
  outcome: 'pain-next-day',
  comparison: 'days',
  status: 'insufficient-data',
  lagDays: 1,
  scaleMax: 10,
  n: 6,
  nWith: 3,
  nWithout: 3,
  minimum: { pairedDays: 14, perGroup: 5 },
  needed: { pairedDays: 8, withFactor: 2, withoutFactor: 2 },
  estimate: null,
  ci: null,
  hedgesG: null,
  wording: '',
};

describe('insight presentation', () => {
  it('rounds and reads directions as shown', () => {
    expect(round1(-0.04)).toBe(0);
    expect(directionOf(-0.04)).toBe('same');
    expect(directionOf(-0.06)).toBe('lower');
    expect(directionOf(1.2)).toBe('higher');
  });

  it('says when an interval includes no difference', () => {
    expect(crossesZero({ lower: -1, upper: 0.2, level: 0.95 })).toBe(true);
    expect(crossesZero({ lower: -1, upper: -0.2, level: 0.95 })).toBe(false);
  });

  it('places an interval on a symmetric bar around zero', () => {
    expect(intervalBar(-1, { lower: -1.5, upper: -0.5, level: 0.95 })).toEqual({
      range: 2,
      zero: 50,
      from: 12.5,
      to: 37.5,
      point: 25,
    });
    expect(intervalBar(0.1, { lower: -0.2, upper: 0.3, level: 0.95 }).range).toBe(1);
  });

  it('names what is missing below the minimum rule', () => {
    expect(notEnough(base)).toEqual({ kind: 'groups', withMore: 2, withoutMore: 2 });
    expect(
      notEnough({ ...base, needed: { pairedDays: 3, withFactor: 0, withoutFactor: 0 } }),
    ).toEqual({ kind: 'days', more: 3 });
    expect(
      notEnough({
        ...base,
        comparison: 'before-after',
        needed: { pairedDays: 11, withFactor: null, withoutFactor: null },
      }),
    ).toEqual({ kind: 'sessions', more: 11, minimum: 14 });
    expect(notEnough({ ...base, status: 'ok', needed: null })).toBeNull();
  });

  it('lists factors with a result first', () => {
    const f = (id: string, status: InsightEffect['status']): InsightFactor => ({
      id,
      kind: 'technique',
      key: id,
      days: 1,
      effects: [{ ...base, status }],
    });
    expect(
      orderFactors([f('a', 'insufficient-data'), f('b', 'ok'), f('c', 'no-variation')]).map(
        (x) => x.id,
      ),
    ).toEqual(['b', 'a', 'c']);
  });
});
