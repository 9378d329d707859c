/** One patient-year through the clinical engine, each step timed on its own. */
import {
  computeSignals,
  dailyMeanLevels,
  dosesFromEvents,
  effectiveDoseEvents,
  relativeLevels,
  type SignalInput,
} from '@steady/core';
import { YEAR_FROM, YEAR_TO } from './syntheticPatient.js';

export interface PatientTimings {
  /** Effective dose events (corrections resolved) → doses taken. */
  readonly prepMs: number;
  /** `relativeLevels` on an hourly grid over the year (8,760 points). */
  readonly levelsMs: number;
  /** `dailyMeanLevels` for the 365 local days. */
  readonly dailyMs: number;
  /** `computeSignals` at the end of the year (every rule). */
  readonly signalsMs: number;
  readonly signals: number;
  /** Output size, read so that no step can be optimised away. */
  readonly points: number;
}

export const STEPS = ['prepMs', 'levelsMs', 'dailyMs', 'signalsMs'] as const;

export function totalMs(t: Pick<PatientTimings, (typeof STEPS)[number]>): number {
  return t.prepMs + t.levelsMs + t.dailyMs + t.signalsMs;
}

/**
 * Time the engine on one input. `computeSignals` caches its derived context per input object,
 * so it is given a fresh shallow copy: every call pays the full price, as a new request would.
 */
export function timePatient(input: SignalInput): PatientTimings {
  const reference = input.regimenVersions.at(-1);
  if (reference === undefined) throw new Error('synthetic patient without a regimen');
  const t0 = performance.now();
  const doses = dosesFromEvents(effectiveDoseEvents(input.doses));
  const t1 = performance.now();
  const levels = relativeLevels({
    doses,
    reference,
    times: { from: `${YEAR_FROM}T00:00:00Z`, to: `${YEAR_TO}T23:00:00Z`, stepMinutes: 60 },
  });
  const t2 = performance.now();
  const daily = dailyMeanLevels({
    doses,
    reference,
    from: YEAR_FROM,
    to: YEAR_TO,
    zone: input.timeZone,
  });
  const t3 = performance.now();
  const signals = computeSignals({ ...input });
  const t4 = performance.now();
  return {
    prepMs: t1 - t0,
    levelsMs: t2 - t1,
    dailyMs: t3 - t2,
    signalsMs: t4 - t3,
    signals: signals.length,
    points: levels.points.length + daily.days.length,
  };
}

/** Sums over many patients. */
export interface CohortTotals {
  patients: number;
  prepMs: number;
  levelsMs: number;
  dailyMs: number;
  signalsMs: number;
  generateMs: number;
  signals: number;
  doseEvents: number;
  checkIns: number;
}

export const emptyTotals = (): CohortTotals => ({
  patients: 0,
  prepMs: 0,
  levelsMs: 0,
  dailyMs: 0,
  signalsMs: 0,
  generateMs: 0,
  signals: 0,
  doseEvents: 0,
  checkIns: 0,
});

export function addTotals(a: CohortTotals, b: CohortTotals): CohortTotals {
  const out = emptyTotals();
  for (const key of Object.keys(out) as (keyof CohortTotals)[]) out[key] = a[key] + b[key];
  return out;
}
