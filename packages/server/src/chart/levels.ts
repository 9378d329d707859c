/**
 * The chart's relative-level curve: core's PK model (illustrative relative levels of diazepam
 * and nordiazepam, REFERENCE §5) run over the patient's dose log. Never a blood level and never
 * a basis for a dose: the caveats travel with the curve.
 */
import {
  DEFAULT_PK_PARAMS,
  PK_CAVEATS,
  addDays,
  dailyMeanLevels,
  daysBetween,
  dosesFromEvents,
  effectiveDoseEvents,
  localDateOf,
  relativeLevels,
  scheduledDailyTotal,
  washoutTime,
  type DoseInput,
  type Instant,
  type LocalDate,
  type LoggedDoseEvent,
  type Parameter,
  type PkCaveat,
  type RegimenVersion,
} from '@steady/core';
import type { LocalCalendar } from '../history/daily.js';
import { regimensByDay } from './days.js';

/**
 * What the doses left out of the model may still contribute at the start of the window, as a
 * fraction of the steady-state mean: the warm-up is the washout time to this fraction.
 */
export const WARM_UP_RESIDUAL = 0.01;

/**
 * Days of dose log the model reads before the window. By superposition, leaving out the doses
 * older than W changes the level at the window's start by what remains of them after W — for
 * a regular regimen, the washout residual at W. Nordiazepam is the slow analyte (t½ 65 h,
 * DMDZ-CLORAZEPATE [C]; REFERENCE §5.1): with core's default parameters it falls to 1 % of its
 * steady-state mean 20.6 days after the last dose (diazepam, t½ ≈ 31.7 h, GREENBLATT-1989
 * [C]: 8.8 days), so 21 days.
 */
export const WARM_UP_DAYS = Math.ceil(washoutTime(WARM_UP_RESIDUAL).metabolite.days);

/** Windows up to this many days get hourly points; longer ones one mean per local day. */
export const HOURLY_MAX_DAYS = 31;

export type LevelResolution = 'hourly' | 'daily-mean';

export interface LevelReference {
  /**
   * `regimen`: 100 % is the steady-state mean of the scheduled daily total of the regimen in
   * force on `date` (the latest day of the window, up to today, that had one with scheduled
   * doses). `largest-day`: no such regimen, so the largest daily amount taken (`date`) is used.
   */
  readonly basis: 'regimen' | 'largest-day';
  readonly dailyMg: number;
  readonly date: LocalDate;
}

export interface ChartLevels {
  readonly resolution: LevelResolution;
  readonly warmUpDays: number;
  readonly reference: LevelReference | null;
  /** Local day of the first dose in the log (null: none); earlier doses are unknown to Steady. */
  readonly logStart: LocalDate | null;
  /**
   * First local day whose level rests on a full warm-up of logged doses (`logStart` + warm-up).
   * Before it, doses taken before the log began are missing and the curve may be too low.
   */
  readonly completeFrom: LocalDate | null;
  /** Relative levels, 1 = steady-state mean on the reference; at hourly instants or local noon. */
  readonly points: readonly { at: Instant; parent: number; metabolite: number }[];
  readonly halfLivesHours: { readonly parent: number; readonly metabolite: number };
  readonly parameters: readonly Parameter<number>[];
  readonly caveats: readonly PkCaveat[];
}

/**
 * The regimen the levels are relative to: the one in force on the latest day of `calendar` up
 * to `until` that schedules doses; without one, the largest daily amount taken.
 */
export function levelReference(input: {
  readonly versions: readonly RegimenVersion[];
  readonly doses: readonly DoseInput[];
  readonly zone: string;
  readonly calendar: LocalCalendar;
  readonly until: LocalDate;
}): LevelReference | null {
  const { calendar } = input;
  const regimens = regimensByDay(input.versions, calendar.dates, input.zone);
  for (let i = calendar.dates.length - 1; i >= 0; i--) {
    const date = calendar.dates[i] ?? '';
    const regimen = regimens[i] ?? null;
    const dailyMg = regimen === null ? 0 : scheduledDailyTotal(regimen);
    if (date <= input.until && dailyMg > 0) return { basis: 'regimen', dailyMg, date };
  }
  const totals = calendar.dates.map(() => 0);
  for (const dose of input.doses) {
    const i = calendar.indexOf(Date.parse(dose.at));
    if (i >= 0) totals[i] = (totals[i] ?? 0) + dose.amountMg;
  }
  let best: LevelReference | null = null;
  totals.forEach((dailyMg, i) => {
    if (dailyMg > 0 && (best === null || dailyMg > best.dailyMg)) {
      best = { basis: 'largest-day', dailyMg, date: calendar.dates[i] ?? '' };
    }
  });
  return best;
}

/**
 * Relative levels over local days `from`..`to`, from the counted dose log of `calendar` (from
 * WARM_UP_DAYS before `from` to `to`). The curve starts on the day of the first logged dose
 * (before it nothing is known) and stops at `now` (later it would show the decay of doses not
 * yet logged). Daily means cover whole past days only.
 */
export function chartLevels(input: {
  readonly versions: readonly RegimenVersion[];
  /** Counted events (corrections outside the range already removed), recording order. */
  readonly events: readonly LoggedDoseEvent[];
  readonly zone: string;
  readonly calendar: LocalCalendar;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly now: Date;
  readonly logStart: LocalDate | null;
}): ChartLevels {
  const { zone, from, to, calendar } = input;
  const doses = dosesFromEvents(effectiveDoseEvents(input.events));
  const nowMs = input.now.getTime();
  const today = calendar.dayOf(nowMs) ?? localDateOf(input.now.toISOString(), zone);
  const reference = levelReference({
    versions: input.versions,
    doses,
    zone,
    calendar,
    until: to < today ? to : today,
  });
  const resolution: LevelResolution =
    daysBetween(from, to) < HOURLY_MAX_DAYS ? 'hourly' : 'daily-mean';
  const completeFrom = input.logStart === null ? null : addDays(input.logStart, WARM_UP_DAYS);
  const params = DEFAULT_PK_PARAMS;
  const base = {
    resolution,
    warmUpDays: WARM_UP_DAYS,
    reference,
    logStart: input.logStart,
    completeFrom,
    halfLivesHours: {
      parent: Math.LN2 / params.k.value,
      metabolite: Math.LN2 / params.km.value,
    },
    parameters: [params.lagHours, params.ka, params.k, params.km],
    caveats: PK_CAVEATS,
  };
  // Before the first logged dose nothing is known: no curve rather than a made-up zero.
  const curveFrom = input.logStart !== null && input.logStart > from ? input.logStart : from;
  if (reference === null || input.logStart === null || curveFrom > to) {
    return { ...base, points: [] };
  }
  const ref = { dailyMg: reference.dailyMg };
  const first = calendar.dates.indexOf(curveFrom);
  const start = calendar.bounds[first] ?? 0;
  const endOfWindow = calendar.bounds.at(-1) ?? 0;
  if (resolution === 'hourly') {
    const end = Math.min(endOfWindow - 1, nowMs);
    if (end < start) return { ...base, points: [] };
    const { points } = relativeLevels({
      doses,
      reference: ref,
      times: {
        from: new Date(start).toISOString(),
        to: new Date(end).toISOString(),
        stepMinutes: 60,
      },
    });
    return { ...base, points: points.map(rounded) };
  }
  // Whole days only: today's mean would include hours not yet lived.
  const todayIndex = calendar.dates.indexOf(today);
  const lastDay = todayIndex === -1 ? (today > to ? to : null) : calendar.dates[todayIndex - 1];
  if (lastDay === null || lastDay === undefined || lastDay < curveFrom) {
    return { ...base, points: [] };
  }
  const { days } = dailyMeanLevels({ doses, reference: ref, from: curveFrom, to: lastDay, zone });
  return {
    ...base,
    points: days.map((d, i) => {
      const dayStart = calendar.bounds[first + i] ?? 0;
      const dayEnd = calendar.bounds[first + i + 1] ?? dayStart;
      return rounded({ ...d, at: new Date((dayStart + dayEnd) / 2).toISOString() });
    }),
  };
}

/** Four significant digits: enough for a chart, and small values still show their decay. */
const round4 = (n: number): number => Number(n.toPrecision(4));

const rounded = (p: { at: Instant; parent: number; metabolite: number }) => ({
  at: p.at,
  parent: round4(p.parent),
  metabolite: round4(p.metabolite),
});
