import { describe, expect, it } from 'vitest';
import { isSourceId } from '../sources.js';
import type { Parameter } from '../sources.js';
import {
  DEFAULT_PK_PARAMS,
  halfLifeHours,
  KM_POST_DMDZ,
  rateFromHalfLife,
  ratesOf,
  resolveParams,
} from './params.js';

describe('parameters', () => {
  it('match REFERENCE §5.2 and cite real sources', () => {
    expect(DEFAULT_PK_PARAMS.lagHours.value).toBe(0.2);
    expect(DEFAULT_PK_PARAMS.ka.value).toBe(2.2);
    expect(DEFAULT_PK_PARAMS.k.value).toBe(0.0219);
    expect(halfLifeHours(DEFAULT_PK_PARAMS.km.value)).toBeCloseTo(65, 12);
    expect(halfLifeHours(KM_POST_DMDZ.value)).toBeCloseTo(53, 12);
    expect(DEFAULT_PK_PARAMS.fm.confirmed).toBe(false);
    const all: Parameter<number>[] = Object.values(
      DEFAULT_PK_PARAMS as unknown as Record<string, Parameter<number>>,
    );
    for (const p of all) {
      expect(p.sources.length).toBeGreaterThan(0);
      for (const s of p.sources) expect(isSourceId(s.id)).toBe(true);
    }
  });

  it('converts between half-lives and rates', () => {
    expect(rateFromHalfLife(halfLifeHours(0.03))).toBeCloseTo(0.03, 15);
  });

  it('merges overrides and rejects impossible values', () => {
    const p = resolveParams({ km: KM_POST_DMDZ });
    expect(ratesOf(p)).toEqual({ lagHours: 0.2, ka: 2.2, k: 0.0219, km: Math.LN2 / 53 });
    const bad = (over: object) => () => resolveParams(over);
    const d = DEFAULT_PK_PARAMS;
    expect(bad({ k: { ...d.k, value: 0 } })).toThrow(RangeError);
    expect(bad({ ka: { ...d.ka, value: Number.NaN } })).toThrow(RangeError);
    expect(bad({ lagHours: { ...d.lagHours, value: -1 } })).toThrow(RangeError);
    expect(bad({ bioavailability: { ...d.bioavailability, value: 1.2 } })).toThrow(RangeError);
    expect(bad({ fm: { ...d.fm, value: 1.5 } })).toThrow(RangeError);
  });
});
