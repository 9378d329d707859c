import { DateTime } from 'luxon';
import { addDays, isLocalDate, isTimeZone, localDateOf } from '../regimen/slots.js';
import type { Instant, LocalDate } from '../regimen/types.js';
import { EMPTY_STATE } from './chain.js';
import { combine, modelMeta, resolveModel } from './model.js';
import type { PkOptions } from './model.js';
import { referenceDailyMg, relativeScales, statesAt } from './levels.js';
import type { DoseInput, LevelPoint, LevelsMeta, ReferenceRegimen } from './levels.js';

/** Mean relative levels over one local calendar day. */
export interface DailyLevel {
  readonly date: LocalDate;
  readonly parent: number;
  readonly metabolite: number;
  readonly combined: number;
}

export interface DailyLevelsInput extends PkOptions {
  readonly doses: readonly DoseInput[];
  readonly reference: ReferenceRegimen;
  /** First and last local day (inclusive). */
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** The patient's IANA time zone; days are local midnight to midnight (23 or 25 h on DST days). */
  readonly zone: string;
}

/** Longest range `dailyMeanLevels` accepts (about 100 years). */
const MAX_DAYS = 36_600;

/**
 * Exact mean relative level per local day, from the analytic AUC between local midnights
 * (no sampling error), for charts of days to years.
 *
 * @example
 * dailyMeanLevels({ doses, reference: { dailyMg: 10 }, from: '2026-03-01', to: '2026-03-31',
 *   zone: 'Europe/London' }).days // [{ date: '2026-03-01', parent, metabolite, combined }, …]
 */
export function dailyMeanLevels(input: DailyLevelsInput): {
  readonly days: readonly DailyLevel[];
  readonly meta: LevelsMeta;
} {
  if (!isLocalDate(input.from) || !isLocalDate(input.to) || input.to < input.from) {
    throw new RangeError('from and to must be local dates with from ≤ to');
  }
  if (!isTimeZone(input.zone)) throw new RangeError(`Unknown time zone ${input.zone}`);
  const model = resolveModel(input);
  const dailyMg = referenceDailyMg(input.reference);
  const scale = relativeScales(model, dailyMg);
  const dates: LocalDate[] = [];
  for (let d = input.from; d <= input.to && dates.length <= MAX_DAYS; d = addDays(d, 1)) {
    dates.push(d);
  }
  if (dates.length > MAX_DAYS) throw new RangeError(`More than ${MAX_DAYS} days`);
  const boundaries = [...dates, addDays(input.to, 1)].map((d) =>
    DateTime.fromISO(d, { zone: input.zone }).toMillis(),
  );
  const states = statesAt(model, input.doses, boundaries);
  const days = dates.map((date, i): DailyLevel => {
    const a = states[i] ?? EMPTY_STATE;
    const b = states[i + 1] ?? EMPTY_STATE;
    const hours = ((boundaries[i + 1] ?? 0) - (boundaries[i] ?? 0)) / 3_600_000;
    const parent = ((b.aucParent - a.aucParent) / hours) * scale.parent;
    const metabolite = ((b.aucMetabolite - a.aucMetabolite) / hours) * scale.metabolite;
    return { date, parent, metabolite, combined: combine(model.weights, parent, metabolite) };
  });
  return { days, meta: { ...modelMeta(model), referenceDailyMg: dailyMg } };
}

/** Sample means of a series per bucket, with the number of samples. */
export interface DailySummary extends DailyLevel {
  readonly samples: number;
}

/**
 * Mean of the sampled points per local day (or per any bucket key), sorted by key. Use a
 * regular grid for an unbiased mean; `dailyMeanLevels` gives exact daily means instead.
 *
 * @example
 * summariseByDay(relativeLevels(input).points, 'America/New_York')
 */
export function summariseByDay(
  points: readonly LevelPoint[],
  bucket: string | ((at: Instant) => string),
): DailySummary[] {
  const keyOf = typeof bucket === 'string' ? (at: Instant) => localDateOf(at, bucket) : bucket;
  const sums = new Map<string, { p: number; m: number; c: number; n: number }>();
  for (const pt of points) {
    const key = keyOf(pt.at);
    const s = sums.get(key) ?? { p: 0, m: 0, c: 0, n: 0 };
    sums.set(key, { p: s.p + pt.parent, m: s.m + pt.metabolite, c: s.c + pt.combined, n: s.n + 1 });
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, s]) => ({
      date,
      parent: s.p / s.n,
      metabolite: s.m / s.n,
      combined: s.c / s.n,
      samples: s.n,
    }));
}
