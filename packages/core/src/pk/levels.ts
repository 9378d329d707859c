import type { DoseEvent, Instant, RegimenVersion } from '../regimen/types.js';
import { simulateChain } from './chain.js';
import type { ChainState, Entry } from './chain.js';
import { combine, modelMeta, resolveModel } from './model.js';
import type { ModelMeta, PkOptions, ResolvedModel } from './model.js';

/** A dose actually taken. */
export interface DoseInput {
  readonly at: Instant;
  readonly amountMg: number;
}

/** The prescribed regimen levels are relative to: a daily schedule, or just its daily total. */
export type ReferenceRegimen = Pick<RegimenVersion, 'doses'> | { readonly dailyMg: number };

/** Output instants: a list (any order, kept), or a regular grid from..to inclusive. */
export type TimeGrid =
  | readonly Instant[]
  | { readonly from: Instant; readonly to: Instant; readonly stepMinutes: number };

export interface RelativeLevelsInput extends PkOptions {
  readonly doses: readonly DoseInput[];
  readonly reference: ReferenceRegimen;
  readonly times: TimeGrid;
}

/** Levels relative to the steady-state mean of the reference regimen (1.0). */
export interface LevelPoint {
  readonly at: Instant;
  readonly parent: number;
  readonly metabolite: number;
  readonly combined: number;
}

export interface LevelsMeta extends ModelMeta {
  readonly referenceDailyMg: number;
}

export interface RelativeLevels {
  readonly points: readonly LevelPoint[];
  readonly meta: LevelsMeta;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
/** Guard against accidental huge grids (≈ 19 years at 10-minute steps). */
export const PK_MAX_POINTS = 1_000_000;

export function instantToMs(at: Instant): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant ${at}`);
  return ms;
}

/** Output instants as epoch ms plus the labels to return. */
export function resolveTimes(times: TimeGrid): { ms: number[]; labels: Instant[] } {
  if (Array.isArray(times)) {
    const labels = [...(times as readonly Instant[])];
    return { ms: labels.map(instantToMs), labels };
  }
  const grid = times as Exclude<TimeGrid, readonly Instant[]>;
  const from = instantToMs(grid.from);
  const to = instantToMs(grid.to);
  const step = grid.stepMinutes * MS_PER_MINUTE;
  if (!(step > 0) || !Number.isFinite(step)) throw new RangeError('stepMinutes must be > 0');
  if (to < from) throw new RangeError('times.to is before times.from');
  const count = Math.floor((to - from) / step) + 1;
  if (count > PK_MAX_POINTS) throw new RangeError(`More than ${PK_MAX_POINTS} output points`);
  const ms = Array.from({ length: count }, (_, i) => from + i * step);
  return { ms, labels: ms.map((t) => new Date(t).toISOString()) };
}

/** Daily total (mg) of the reference regimen; must be positive. */
export function referenceDailyMg(reference: ReferenceRegimen): number {
  const total =
    'dailyMg' in reference
      ? reference.dailyMg
      : reference.doses.reduce((sum, d) => sum + d.amountMg, 0);
  if (!(total > 0) || !Number.isFinite(total)) {
    throw new RangeError('The reference regimen needs a positive daily total');
  }
  return total;
}

/** Gut entries (dose instant + lag), sorted. */
export function doseEntries(doses: readonly DoseInput[], lagHours: number): Entry[] {
  const lagMs = lagHours * MS_PER_HOUR;
  return doses
    .map((d) => {
      if (!(d.amountMg >= 0) || !Number.isFinite(d.amountMg)) {
        throw new RangeError(`Invalid dose amount ${d.amountMg} at ${d.at}`);
      }
      return { atMs: instantToMs(d.at) + lagMs, amount: d.amountMg };
    })
    .sort((a, b) => a.atMs - b.atMs);
}

/** Chain states (model units: F = fm = 1) at the given instants, in the given order. */
export function statesAt(
  model: ResolvedModel,
  doses: readonly DoseInput[],
  timesMs: readonly number[],
): ChainState[] {
  const order = timesMs.map((_, i) => i).sort((a, b) => (timesMs[a] ?? 0) - (timesMs[b] ?? 0));
  const sorted = order.map((i) => timesMs[i] ?? 0);
  const states = simulateChain(model.rates, doseEntries(doses, model.rates.lagHours), sorted);
  const out = new Array<ChainState>(timesMs.length);
  order.forEach((original, rank) => {
    out[original] = states[rank] as ChainState;
  });
  return out;
}

/** Factors turning model-unit amounts into levels relative to the steady-state mean. */
export function relativeScales(
  model: ResolvedModel,
  dailyMg: number,
): { parent: number; metabolite: number } {
  return { parent: (24 * model.rates.k) / dailyMg, metabolite: (24 * model.rates.km) / dailyMg };
}

/**
 * Diazepam, nordiazepam and the illustrative combined level at each instant, relative to
 * their own steady-state mean under the reference regimen (1.0). Doses may be at any times
 * and amounts; superposition is exact (closed forms, no step integration, no truncation).
 *
 * @example
 * relativeLevels({
 *   doses: [{ at: '2026-03-01T08:00:00Z', amountMg: 5 }, { at: '2026-03-01T20:00:00Z', amountMg: 5 }],
 *   reference: { doses: [{ time: '08:00', amountMg: 5 }, { time: '20:00', amountMg: 5 }] },
 *   times: { from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z', stepMinutes: 60 },
 * }).points[24] // { at: '2026-03-02T00:00:00.000Z', parent: 0.43…, metabolite: 0.042…, combined: 0.237… }
 */
export function relativeLevels(input: RelativeLevelsInput): RelativeLevels {
  const model = resolveModel(input);
  const dailyMg = referenceDailyMg(input.reference);
  const { ms, labels } = resolveTimes(input.times);
  const scale = relativeScales(model, dailyMg);
  const states = statesAt(model, input.doses, ms);
  const points = states.map((s, i): LevelPoint => {
    const parent = s.parent * scale.parent;
    const metabolite = s.metabolite * scale.metabolite;
    return {
      at: labels[i] ?? '',
      parent,
      metabolite,
      combined: combine(model.weights, parent, metabolite),
    };
  });
  return { points, meta: { ...modelMeta(model), referenceDailyMg: dailyMg } };
}

/** Absolute amounts in the body (mg; DMDZ as diazepam-equivalent mg), using F and fm. */
export interface AmountPoint {
  readonly at: Instant;
  readonly parentMg: number;
  readonly metaboliteMg: number;
}

/**
 * Amounts of diazepam and nordiazepam in the body. Depends on F and the unconfirmed fm, so
 * it is for checks and tests, not display; divide by V (or Vm) for a concentration.
 */
export function bodyAmounts(
  input: Omit<RelativeLevelsInput, 'reference' | 'combinedWeights'>,
): AmountPoint[] {
  const model = resolveModel(input);
  const { ms, labels } = resolveTimes(input.times);
  const f = model.params.bioavailability.value;
  const fm = model.params.fm.value;
  return statesAt(model, input.doses, ms).map((s, i) => ({
    at: labels[i] ?? '',
    parentMg: f * s.parent,
    metaboliteMg: f * fm * s.metabolite,
  }));
}

/**
 * Doses actually taken from the dose log: 'taken' and 'extra' events with a positive amount
 * (skips contribute nothing). Pass events with superseded corrections already removed.
 */
export function dosesFromEvents(events: readonly DoseEvent[]): DoseInput[] {
  return events
    .filter((e) => e.kind !== 'skipped' && e.amountMg > 0)
    .map((e) => ({ at: e.takenAt, amountMg: e.amountMg }));
}
