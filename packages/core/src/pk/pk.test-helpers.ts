import fc from 'fast-check';
import { DEFAULT_PK_PARAMS } from './params.js';
import type { PkParams } from './params.js';
import type { DoseInput } from './levels.js';

/**
 * Test helpers (imported by *.test.ts only): textbook closed forms written out term by term,
 * random parameter sets and dose logs.
 */
export interface RawRates {
  readonly ka: number;
  readonly k: number;
  readonly km: number;
  readonly lag: number;
}

export function paramsOf(r: RawRates): Partial<PkParams> {
  const d = DEFAULT_PK_PARAMS;
  return {
    ka: { ...d.ka, value: r.ka },
    k: { ...d.k, value: r.k },
    km: { ...d.km, value: r.km },
    lagHours: { ...d.lagHours, value: r.lag },
  };
}

/** Bateman function: parent amount after a unit absorbed dose (distinct ka, k). */
export function bateman(ka: number, k: number, tau: number): number {
  return tau <= 0 ? 0 : (ka / (ka - k)) * (Math.exp(-k * tau) - Math.exp(-ka * tau));
}

/** Three-exponential metabolite amount after a unit absorbed dose, fm = 1 (distinct rates). */
export function threeExponential(ka: number, k: number, km: number, tau: number): number {
  if (tau <= 0) return 0;
  return (
    ka *
    k *
    (Math.exp(-ka * tau) / ((k - ka) * (km - ka)) +
      Math.exp(-k * tau) / ((ka - k) * (km - k)) +
      Math.exp(-km * tau) / ((ka - km) * (k - km)))
  );
}

export const BASE_MS = Date.parse('2026-01-05T00:00:00.000Z');
export const iso = (hours: number): string => new Date(BASE_MS + hours * 3_600_000).toISOString();

const rate = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Plausible to extreme parameter sets, including exactly equal rates. */
export const ratesArb: fc.Arbitrary<RawRates> = fc.oneof(
  fc.record({ ka: rate(0.3, 6), k: rate(0.004, 0.1), km: rate(0.003, 0.1), lag: rate(0, 1) }),
  fc
    .record({ ka: rate(0.3, 6), k: rate(0.004, 0.1), lag: rate(0, 1) })
    .map((r) => ({ ...r, km: r.k })),
  fc
    .record({ k: rate(0.05, 0.5), km: rate(0.003, 0.1), lag: rate(0, 1) })
    .map((r) => ({ ...r, ka: r.k })),
);

/** Dose logs within the first `days` days: any times (minute resolution), any amounts. */
export const doseLogArb = (days: number, maxLength = 25): fc.Arbitrary<DoseInput[]> =>
  fc
    .array(
      fc.record({
        minute: fc.integer({ min: 0, max: days * 1440 }),
        amountMg: fc.double({ min: 0.5, max: 20, noNaN: true }),
      }),
      { minLength: 1, maxLength },
    )
    .map((xs) => xs.map((x) => ({ at: iso(x.minute / 60), amountMg: x.amountMg })));

/** |a − b| within a relative tolerance, with an absolute floor. */
export function close(a: number, b: number, rel: number, abs = 1e-12): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;
}
