/** Pure presentation rules of the insight cards (unit-tested). */
import type { InsightEffect, InsightFactor, Interval } from './api';

/** Rounded to one decimal, as shown; -0.0 becomes 0. */
export const round1 = (x: number): number => {
  const r = Math.round(x * 10) / 10;
  return r === 0 ? 0 : r;
};

/** Which way an estimate points once rounded as shown. */
export function directionOf(estimate: number): 'lower' | 'higher' | 'same' {
  const r = round1(estimate);
  return r < 0 ? 'lower' : r > 0 ? 'higher' : 'same';
}

/** The interval includes no difference: the result may be chance. */
export const crossesZero = (ci: Interval): boolean => ci.lower <= 0 && ci.upper >= 0;

/**
 * Positions (0–100 %) of an interval bar centred on zero, on a symmetric whole-number range
 * that holds the whole interval (at least ±1).
 */
export function intervalBar(
  estimate: number,
  ci: Interval,
): { range: number; zero: number; from: number; to: number; point: number } {
  const range = Math.max(1, Math.ceil(Math.max(Math.abs(ci.lower), Math.abs(ci.upper))));
  const pos = (x: number) => ((Math.max(-range, Math.min(range, x)) + range) / (2 * range)) * 100;
  return { range, zero: 50, from: pos(ci.lower), to: pos(ci.upper), point: pos(estimate) };
}

export type NotEnough =
  | { readonly kind: 'sessions'; readonly more: number; readonly minimum: number }
  | { readonly kind: 'groups'; readonly withMore: number; readonly withoutMore: number }
  | { readonly kind: 'days'; readonly more: number };

/**
 * What is still missing for an effect below the minimum-data rule: sessions rated before and
 * after; days with and without the factor; or, once both groups are big enough, days in all.
 */
export function notEnough(effect: InsightEffect): NotEnough | null {
  if (effect.status !== 'insufficient-data' || effect.needed === null) return null;
  if (effect.comparison === 'before-after') {
    return {
      kind: 'sessions',
      more: effect.needed.pairedDays,
      minimum: effect.minimum.pairedDays,
    };
  }
  const withMore = effect.needed.withFactor ?? 0;
  const withoutMore = effect.needed.withoutFactor ?? 0;
  if (withMore > 0 || withoutMore > 0) return { kind: 'groups', withMore, withoutMore };
  return { kind: 'days', more: effect.needed.pairedDays };
}

/** Factors with at least one result first (keeping the server's order within each group). */
export function orderFactors(factors: readonly InsightFactor[]): InsightFactor[] {
  const hasResult = (f: InsightFactor) => f.effects.some((e) => e.status === 'ok');
  return [...factors.filter(hasResult), ...factors.filter((f) => !hasResult(f))];
}
