import { addDays } from '../regimen/slots.js';
import type { LocalDate } from '../regimen/types.js';
import type { Parameter } from '../sources.js';
import { logGamma, normalQuantile, studentTQuantile } from './distributions.js';
import { mean, pearson, sampleVariance, spearman } from './stats.js';

/** A value per local day, e.g. daily mean pain or "did paced breathing". */
export type DaySeries<T> = ReadonlyMap<LocalDate, T>;

export interface MinimumData {
  /** Days on which both the factor and the (lagged) outcome are known. */
  readonly pairedDays: number;
  /** For yes/no factors: days in each group (with and without). */
  readonly perGroup: number;
}

/**
 * Below this much data an association is not computed at all. A project setting (how much
 * data makes a personal estimate worth showing), not a clinical fact.
 */
export const INSIGHT_MINIMUM_DATA: Parameter<MinimumData> = {
  name: 'insights.minimumData',
  value: { pairedDays: 14, perGroup: 5 },
  unit: 'days',
  confirmed: false,
  sources: [],
  note: 'Project setting, not from a clinical source. Lower bounds enforced by the maths: 4 paired days, 2 per group.',
};

/** Confidence level of every interval reported here. */
export const CONFIDENCE_LEVEL = 0.95;

export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

export interface AssociationOptions {
  /** 0: outcome on the same day; 1: the next day; n: n days later. Default 0. */
  readonly lagDays?: number;
  /** Defaults to {@link INSIGHT_MINIMUM_DATA}. */
  readonly minimum?: MinimumData;
}

export interface NumericAssociationOptions extends AssociationOptions {
  /** Default 'spearman' (robust for 0–10 and 0–3 scales). */
  readonly method?: 'pearson' | 'spearman';
}

interface Common {
  readonly lagDays: number;
  readonly pairedDays: number;
  readonly minimum: MinimumData;
}

export interface InsufficientData extends Common {
  readonly status: 'insufficient-data';
  readonly kind: 'binary' | 'numeric';
  readonly nWith?: number;
  readonly nWithout?: number;
  /** More days still needed before a result is shown. */
  readonly needed: {
    readonly pairedDays: number;
    readonly withFactor?: number;
    readonly withoutFactor?: number;
  };
}

/** Enough data, but a variable never varied, so there is nothing to estimate. */
export interface NoVariation extends Common {
  readonly status: 'no-variation';
  readonly kind: 'binary' | 'numeric';
}

export interface BinaryAssociation extends Common {
  readonly status: 'ok';
  readonly kind: 'binary';
  readonly nWith: number;
  readonly nWithout: number;
  readonly meanWith: number;
  readonly meanWithout: number;
  /** meanWith − meanWithout, in outcome units. */
  readonly difference: number;
  /** Welch t-interval for the difference. */
  readonly ci: ConfidenceInterval;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
  /** Standardised mean difference with small-sample correction. */
  readonly hedgesG: number;
}

export interface NumericAssociation extends Common {
  readonly status: 'ok';
  readonly kind: 'numeric';
  readonly method: 'pearson' | 'spearman';
  readonly r: number;
  /** Fisher z interval for r. */
  readonly ci: ConfidenceInterval;
}

export type BinaryAssociationResult = BinaryAssociation | InsufficientData | NoVariation;
export type NumericAssociationResult = NumericAssociation | InsufficientData | NoVariation;
export type AssociationResult = BinaryAssociationResult | NumericAssociationResult;

function settings(options: AssociationOptions): { lagDays: number; minimum: MinimumData } {
  const lagDays = options.lagDays ?? 0;
  const minimum = options.minimum ?? INSIGHT_MINIMUM_DATA.value;
  if (!Number.isInteger(lagDays) || lagDays < 0)
    throw new RangeError(`lagDays must be a whole number ≥ 0, got ${lagDays}`);
  if (!(minimum.pairedDays >= 4 && minimum.perGroup >= 2)) {
    throw new RangeError('The minimum must be at least 4 paired days and 2 days per group');
  }
  return { lagDays, minimum };
}

/** Pairs each factor day d with the outcome on day d + lag, in date order, skipping non-finite values. */
function pairUp<T>(
  factor: DaySeries<T>,
  outcome: DaySeries<number>,
  lagDays: number,
): { x: T; y: number }[] {
  const pairs: { x: T; y: number }[] = [];
  const days = [...factor.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [date, x] of days) {
    const y = outcome.get(lagDays === 0 ? date : addDays(date, lagDays));
    if (y === undefined || !Number.isFinite(y) || (typeof x === 'number' && !Number.isFinite(x)))
      continue;
    pairs.push({ x, y });
  }
  return pairs;
}

/**
 * Association between a yes/no factor (e.g. "did paced breathing") and a numeric outcome on
 * the same or a later day: mean difference (with − without), Welch 95 % CI, Hedges' g.
 * Returns `insufficient-data` (and no number) below the minimum-data rule.
 *
 * @example
 * binaryAssociation(breathingDays, dailyPain, { lagDays: 1 })
 * // → { status: 'ok', difference: -0.8, ci: { lower: -1.4, upper: -0.2, level: 0.95 }, nWith: 18, nWithout: 12, … }
 */
export function binaryAssociation(
  factor: DaySeries<boolean>,
  outcome: DaySeries<number>,
  options: AssociationOptions = {},
): BinaryAssociationResult {
  const { lagDays, minimum } = settings(options);
  const pairs = pairUp(factor, outcome, lagDays);
  const withF = pairs.filter((p) => p.x).map((p) => p.y);
  const without = pairs.filter((p) => !p.x).map((p) => p.y);
  const common = { kind: 'binary' as const, lagDays, pairedDays: pairs.length, minimum };
  const counts = { nWith: withF.length, nWithout: without.length };
  if (
    pairs.length < minimum.pairedDays ||
    withF.length < minimum.perGroup ||
    without.length < minimum.perGroup
  ) {
    return {
      status: 'insufficient-data',
      ...common,
      ...counts,
      needed: {
        pairedDays: Math.max(0, minimum.pairedDays - pairs.length),
        withFactor: Math.max(0, minimum.perGroup - withF.length),
        withoutFactor: Math.max(0, minimum.perGroup - without.length),
      },
    };
  }
  const n1 = withF.length;
  const n2 = without.length;
  const var1 = sampleVariance(withF);
  const var2 = sampleVariance(without);
  if (var1 === 0 && var2 === 0) return { status: 'no-variation', ...common };
  const v1 = var1 / n1;
  const v2 = var2 / n2;

  const meanWith = mean(withF);
  const meanWithout = mean(without);
  const difference = meanWith - meanWithout;
  const se = Math.sqrt(v1 + v2);
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1));
  const half = studentTQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2, df) * se;

  const dfPooled = n1 + n2 - 2;
  const pooledSd = Math.sqrt(((n1 - 1) * var1 + (n2 - 1) * var2) / dfPooled);
  // Exact small-sample correction J = Γ(m/2) / (√(m/2) · Γ((m−1)/2)), m = n1 + n2 − 2.
  const j =
    Math.exp(logGamma(dfPooled / 2) - logGamma((dfPooled - 1) / 2)) / Math.sqrt(dfPooled / 2);

  return {
    status: 'ok',
    ...common,
    ...counts,
    meanWith,
    meanWithout,
    difference,
    ci: { lower: difference - half, upper: difference + half, level: CONFIDENCE_LEVEL },
    df,
    hedgesG: (difference / pooledSd) * j,
  };
}

/**
 * Association between a numeric factor (e.g. sleep quality, minutes late) and a numeric
 * outcome on the same or a later day: Spearman (default) or Pearson r with a Fisher z 95 % CI
 * (standard error 1/√(n−3) for Pearson, √(1.06/(n−3)) for Spearman, Fieller et al. 1957).
 *
 * @example
 * numericAssociation(sleepQuality, dailyPain, { lagDays: 0 })
 * // → { status: 'ok', method: 'spearman', r: -0.42, ci: { lower: -0.68, upper: -0.06, level: 0.95 }, … }
 */
export function numericAssociation(
  factor: DaySeries<number>,
  outcome: DaySeries<number>,
  options: NumericAssociationOptions = {},
): NumericAssociationResult {
  const { lagDays, minimum } = settings(options);
  const method = options.method ?? 'spearman';
  const pairs = pairUp(factor, outcome, lagDays);
  const n = pairs.length;
  const common = { kind: 'numeric' as const, lagDays, pairedDays: n, minimum };
  if (n < minimum.pairedDays) {
    return {
      status: 'insufficient-data',
      ...common,
      needed: { pairedDays: minimum.pairedDays - n },
    };
  }
  const xs = pairs.map((p) => p.x);
  const ys = pairs.map((p) => p.y);
  const r = method === 'pearson' ? pearson(xs, ys) : spearman(xs, ys);
  if (Number.isNaN(r)) return { status: 'no-variation', ...common };

  const se = Math.sqrt((method === 'pearson' ? 1 : 1.06) / (n - 3));
  const z = Math.atanh(r);
  const half = normalQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2) * se;
  return {
    status: 'ok',
    ...common,
    method,
    r,
    ci: { lower: Math.tanh(z - half), upper: Math.tanh(z + half), level: CONFIDENCE_LEVEL },
  };
}
