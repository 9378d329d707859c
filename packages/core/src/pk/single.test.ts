import { describe, expect, it } from 'vitest';
import { DEFAULT_PK_PARAMS, KA, rateFromHalfLife } from './params.js';
import { close } from './pk.test-helpers.js';
import { singleDoseAmounts, singleDosePeakHours } from './single.js';

describe('singleDoseAmounts', () => {
  it('is zero within the lag and follows the Bateman curve', () => {
    expect(singleDoseAmounts(10, 0.1)).toEqual({ parentMg: 0, metaboliteMg: 0 });
    const { ka, k } = { ka: KA.value, k: DEFAULT_PK_PARAMS.k.value };
    const tau = 5 - 0.2;
    const bateman = ((0.97 * 10 * ka) / (ka - k)) * (Math.exp(-k * tau) - Math.exp(-ka * tau));
    expect(close(singleDoseAmounts(10, 5).parentMg, bateman, 1e-13)).toBe(true);
  });

  it('uses the exact limit when ka = k (no division by zero)', () => {
    const r = 0.5;
    const params = { ka: { ...KA, value: r }, k: { ...DEFAULT_PK_PARAMS.k, value: r } };
    const tau = 3 - 0.2;
    const limit = 0.97 * 10 * r * tau * Math.exp(-r * tau);
    expect(close(singleDoseAmounts(10, 3, { params }).parentMg, limit, 1e-13)).toBe(true);
  });
});

describe('singleDosePeakHours', () => {
  it('puts the parent peak at tlag + ln(ka/k)/(ka − k) and the metabolite peak days later', () => {
    const { parentHours, metaboliteHours } = singleDosePeakHours();
    const ka = KA.value;
    const k = DEFAULT_PK_PARAMS.k.value;
    expect(parentHours).toBeCloseTo(0.2 + Math.log(ka / k) / (ka - k), 12);
    expect(metaboliteHours).toBeGreaterThan(48);
    expect(metaboliteHours).toBeLessThan(96);
    const at = (h: number) => singleDoseAmounts(10, h).metaboliteMg;
    expect(at(metaboliteHours)).toBeGreaterThan(at(metaboliteHours - 0.5));
    expect(at(metaboliteHours)).toBeGreaterThan(at(metaboliteHours + 0.5));
  });

  it('handles equal absorption and elimination rates', () => {
    const r = rateFromHalfLife(2);
    const params = { ka: { ...KA, value: r }, k: { ...DEFAULT_PK_PARAMS.k, value: r } };
    expect(singleDosePeakHours({ params }).parentHours).toBeCloseTo(0.2 + 1 / r, 12);
  });
});
