/**
 * The check-in sections of the visit summary: the daily pain of the trend (with the dose taken
 * and PEG scores where shared) and the side-effect table.
 */
import {
  SIDE_EFFECT_KEYS,
  addDays,
  type CheckIn,
  type LocalDate,
  type Severity4,
} from '@steady/core';
import { checkInDay, type DayCheckIns } from '../chart/days.js';
import { checkInsByDay, round1, type LocalCalendar } from '../history/daily.js';
import type { PainTrend, SideEffects } from './model.js';

export const SIDE_EFFECT_LABELS: Readonly<Record<(typeof SIDE_EFFECT_KEYS)[number], string>> = {
  drowsiness: 'Drowsiness',
  dizziness: 'Dizziness',
  unsteadiness: 'Unsteadiness',
  confusion: 'Confusion or memory problems',
};

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length);

/** Each day of the calendar with its check-ins summarised (null: none that day). */
export function checkInDays(
  checkIns: readonly CheckIn[],
  calendar: LocalCalendar,
): (DayCheckIns | null)[] {
  const byDay = checkInsByDay(checkIns, calendar.dayOf);
  return calendar.dates.map((date) => {
    const list = byDay.get(date);
    return list === undefined ? null : checkInDay(list);
  });
}

export interface TrendInput {
  readonly dates: readonly LocalDate[];
  readonly days: readonly (DayCheckIns | null)[];
  /** Taken mg per day, or null when doses are not shared. */
  readonly takenMg: ReadonlyMap<LocalDate, number> | null;
  /** PEG totals at their local dates, or null when questionnaires are not shared. */
  readonly peg: readonly { readonly date: LocalDate; readonly total: number }[] | null;
  /** The patient's today: later days have no dose yet (a gap, not a zero). */
  readonly today: LocalDate;
}

export function painTrend(input: TrendInput): PainTrend {
  const { dates, days } = input;
  const pains = days.flatMap((d) => (d === null ? [] : [d.painMean]));
  const first = dates[0];
  const last = dates.at(-1);
  const within = (from: LocalDate, to: LocalDate) =>
    dates.flatMap((date, i) => {
      const d = days[i];
      return date >= from && date <= to && d !== null && d !== undefined ? [d.painMean] : [];
    });
  return {
    days: dates.map((date, i) => ({
      date,
      doseMg:
        input.takenMg === null || date > input.today ? null : (input.takenMg.get(date) ?? null),
      pain: days[i]?.painMean ?? null,
    })),
    peg: input.peg ?? [],
    dosesShown: input.takenMg !== null,
    pegShown: input.peg !== null,
    daysReported: pains.length,
    meanPain: mean(pains),
    firstWeekMean: first === undefined ? null : mean(within(first, addDays(first, 6))),
    lastWeekMean: last === undefined ? null : mean(within(addDays(last, -6), last)),
  };
}

export function sideEffectTable(
  checkIns: readonly CheckIn[],
  days: readonly (DayCheckIns | null)[],
): SideEffects {
  const reported = days.filter((d): d is DayCheckIns => d !== null);
  const countAt = (key: (typeof SIDE_EFFECT_KEYS)[number], level: Severity4) =>
    reported.filter((d) => d.sideEffects[key] === level).length;
  const worstOf = (levels: readonly Severity4[]): Severity4 =>
    (['severe', 'moderate', 'mild'] as const).find((l) => levels.includes(l)) ?? 'none';
  const rows = SIDE_EFFECT_KEYS.map((key) => ({
    label: SIDE_EFFECT_LABELS[key],
    mild: countAt(key, 'mild'),
    moderate: countAt(key, 'moderate'),
    severe: countAt(key, 'severe'),
    worst: worstOf(reported.map((d) => d.sideEffects[key])),
  }));
  // Side effects described in the patient's own words: days per text, strongest rating.
  const others = new Map<string, Severity4[]>();
  for (const d of reported) {
    for (const o of d.otherSideEffects) {
      if (o.severity === 'none') continue;
      others.set(o.text, [...(others.get(o.text) ?? []), o.severity]);
    }
  }
  const otherRows = [...others].map(([text, levels]) => ({
    label: `“${text}” (patient’s words)`,
    mild: levels.filter((l) => l === 'mild').length,
    moderate: levels.filter((l) => l === 'moderate').length,
    severe: levels.filter((l) => l === 'severe').length,
    worst: worstOf(levels),
  }));
  return {
    daysReported: reported.length,
    rows: [...rows, ...otherRows],
    falls: checkIns.filter((c) => c.fall === 'fall').length,
    nearFalls: checkIns.filter((c) => c.fall === 'near_fall').length,
    breathingDays: reported.filter((d) => d.breathingProblem).length,
  };
}
