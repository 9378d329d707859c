import type { LocalTime, RegimenVersion } from '../regimen/types.js';
import { isLocalTime } from '../regimen/slots.js';
import { EMPTY_STATE, simulateChain, transition } from './chain.js';
import type { ChainState, Entry } from './chain.js';
import { expConvolution } from './expconv.js';
import { combine, modelMeta, resolveModel } from './model.js';
import type { ModelMeta, PkOptions, ResolvedModel } from './model.js';
import { referenceDailyMg, relativeScales } from './levels.js';

/** A duration in hours and days (days = hours / 24). */
export interface PkDuration {
  readonly hours: number;
  readonly days: number;
}

export interface AnalyteDurations {
  readonly parent: PkDuration;
  readonly metabolite: PkDuration;
  readonly combined: PkDuration;
  readonly definition: string;
  readonly meta: ModelMeta;
}

export interface AnalyteFractions {
  readonly parent: number;
  readonly metabolite: number;
  readonly combined: number;
}

/**
 * Fraction of the steady-state mean reached `hours` after starting a regular regimen, in the
 * continuous-input form: F(t) = ∫₀ᵗ unit-dose curve / ∫₀^∞ unit-dose curve. It equals the
 * mean level over the dosing interval ending at t (exact for evenly spaced equal doses).
 * Parent: k·ka·conv(ka, k, 0; t − tlag); metabolite: km·k·ka·conv(ka, k, km, 0; t − tlag).
 */
export function accumulationFraction(hours: number, options: PkOptions = {}): AnalyteFractions {
  return fractions(resolveModel(options), hours);
}

function fractions(m: ResolvedModel, hours: number): AnalyteFractions {
  const { ka, k, km, lagHours } = m.rates;
  const tau = hours - lagHours;
  const parent = Math.min(1, k * ka * expConvolution([ka, k, 0], tau));
  const metabolite = Math.min(1, km * k * ka * expConvolution([ka, k, km, 0], tau));
  return { parent, metabolite, combined: combine(m.weights, parent, metabolite) };
}

/** Smallest t with f(t) ≥ target for a non-decreasing f, by bracketing and bisection. */
function solveIncreasing(f: (hours: number) => number, target: number): number {
  let hi = 1;
  while (f(hi) < target) hi *= 2;
  let lo = 0;
  while (hi - lo > 1e-9 * hi) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

const duration = (hours: number): PkDuration => ({ hours, days: hours / 24 });

function checkFraction(fraction: number, what: string): void {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`${what} must be within (0, 1)`);
}

function solveAll(m: ResolvedModel, target: number, definition: string): AnalyteDurations {
  const at = (key: keyof AnalyteFractions): PkDuration =>
    duration(solveIncreasing((h) => fractions(m, h)[key], target));
  return {
    parent: at('parent'),
    metabolite: at('metabolite'),
    combined: at('combined'),
    definition,
    meta: modelMeta(m),
  };
}

/**
 * Time from starting a regular regimen until each level reaches `fraction` of its
 * steady-state mean (see `accumulationFraction`). Defaults: 90%, default parameters.
 *
 * @example
 * timeToSteadyState(0.9).metabolite.days // ≈ 11.5 (DMDZ t½ 65 h)
 */
export function timeToSteadyState(fraction = 0.9, options: PkOptions = {}): AnalyteDurations {
  checkFraction(fraction, 'fraction');
  return solveAll(
    resolveModel(options),
    fraction,
    `Time after starting a regular regimen until the mean level over a dosing interval reaches ` +
      `${fraction * 100}% of its steady-state mean (continuous-input form, exact for evenly ` +
      `spaced equal doses).`,
  );
}

/**
 * Time after stopping a regular regimen at steady state until each level falls to
 * `fractionRemaining` of its steady-state mean. By linearity the decline is 1 − F(t), with
 * t counted from when the next dose would have been due: the mirror of `timeToSteadyState`.
 *
 * @example
 * washoutTime(0.1).parent.days // ≈ 4.4 (k 0.0219 h⁻¹)
 */
export function washoutTime(fractionRemaining: number, options: PkOptions = {}): AnalyteDurations {
  checkFraction(fractionRemaining, 'fractionRemaining');
  return solveAll(
    resolveModel(options),
    1 - fractionRemaining,
    `Time after stopping a regular regimen at steady state (counted from when the next dose ` +
      `would have been due) until the mean level over a dosing interval falls to ` +
      `${fractionRemaining * 100}% of its steady-state mean.`,
  );
}

export interface ProfilePoint {
  readonly time: LocalTime;
  readonly hour: number;
  readonly parent: number;
  readonly metabolite: number;
  readonly combined: number;
}

export interface LevelRange {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export interface SteadyStateProfile {
  readonly points: readonly ProfilePoint[];
  /** Mean from the exact AUC over the day (1.0 up to rounding); min/max from the samples. */
  readonly parent: LevelRange;
  readonly metabolite: LevelRange;
  readonly combined: LevelRange;
  readonly meta: ModelMeta;
}

const DAY_MS = 86_400_000;

function periodicStart(m: ResolvedModel, entries: readonly Entry[]): ChainState {
  const [b] = simulateChain(m.rates, entries, [DAY_MS], { state: EMPTY_STATE, atMs: 0 });
  const t = transition(m.rates, 24);
  const end = b ?? EMPTY_STATE;
  // Fixed point x = T·x + b of the lower-triangular day map, by forward substitution.
  const gut = end.gut / (1 - t.gg);
  const parent = (end.parent + t.pg * gut) / (1 - t.pp);
  const metabolite = (end.metabolite + t.mg * gut + t.mp * parent) / (1 - t.mm);
  return { ...EMPTY_STATE, gut, parent, metabolite };
}

/**
 * One day at steady state under a daily schedule (local clock times in a nominal 24-h day),
 * relative to the steady-state mean: the peaks and troughs the reference regimen settles to.
 * Exact periodic solution (fixed point of the one-day map), sampled every `stepMinutes`.
 */
export function steadyStateProfile(
  reference: Pick<RegimenVersion, 'doses'>,
  options: PkOptions & { readonly stepMinutes?: number } = {},
): SteadyStateProfile {
  const m = resolveModel(options);
  const scale = relativeScales(m, referenceDailyMg(reference));
  const step = options.stepMinutes ?? 5;
  if (!(step > 0 && step <= 1440)) throw new RangeError('stepMinutes must be within (0, 1440]');
  const lagMs = m.rates.lagHours * 3_600_000;
  const entries = reference.doses
    .map((d) => {
      if (!isLocalTime(d.time)) throw new RangeError(`Invalid local time "${String(d.time)}"`);
      const [h, min] = d.time.split(':').map(Number);
      const at = ((h ?? 0) * 60 + (min ?? 0)) * 60_000 + lagMs;
      return { atMs: at % DAY_MS, amount: d.amountMg };
    })
    .sort((a, b) => a.atMs - b.atMs);
  const start = { state: periodicStart(m, entries), atMs: 0 };
  const count = Math.ceil(1440 / step);
  const times = Array.from({ length: count }, (_, i) => i * step * 60_000);
  const states = simulateChain(m.rates, entries, [...times, DAY_MS], start);
  const points = times.map((t, i): ProfilePoint => {
    const s = states[i] ?? EMPTY_STATE;
    const parent = s.parent * scale.parent;
    const metabolite = s.metabolite * scale.metabolite;
    const minutes = Math.round(t / 60_000);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return {
      time,
      hour: t / 3_600_000,
      parent,
      metabolite,
      combined: combine(m.weights, parent, metabolite),
    };
  });
  const day = states[count] ?? EMPTY_STATE;
  const range = (key: 'parent' | 'metabolite' | 'combined', mean: number): LevelRange => {
    const values = points.map((p) => p[key]);
    return { mean, min: Math.min(...values), max: Math.max(...values) };
  };
  const parentMean = (day.aucParent * scale.parent) / 24;
  const metaboliteMean = (day.aucMetabolite * scale.metabolite) / 24;
  return {
    points,
    parent: range('parent', parentMean),
    metabolite: range('metabolite', metaboliteMean),
    combined: range('combined', combine(m.weights, parentMean, metaboliteMean)),
    meta: modelMeta(m),
  };
}
