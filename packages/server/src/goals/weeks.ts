/**
 * Weekly progress for goals and assigned exercises. Weeks start on Monday and are the
 * patient's local weeks: instants are turned into local dates in the patient's zone first, so a
 * daylight-saving change never moves an entry into the wrong week.
 */
import { addDays, localDateOf, type LocalDate } from '@steady/core';
import { dayBounds } from '../doses/today.js';

/** How many weeks of history the progress shows (this week included). */
export const WEEKS_SHOWN = 8;

/** The Monday of the week of a local date. */
export function mondayOf(date: LocalDate): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

export interface WeekWindow {
  readonly today: LocalDate;
  /** The Mondays of the weeks shown, oldest first (the last is this week). */
  readonly weeks: readonly LocalDate[];
  /** Instants bounding the window, for queries on instants. */
  readonly from: Date;
  readonly to: Date;
}

/** The last WEEKS_SHOWN local weeks of a patient at `now`. */
export function weekWindow(now: Date, zone: string): WeekWindow {
  const today = localDateOf(now.toISOString(), zone);
  const thisMonday = mondayOf(today);
  const weeks = Array.from({ length: WEEKS_SHOWN }, (_, i) =>
    addDays(thisMonday, -7 * (WEEKS_SHOWN - 1 - i)),
  );
  const first = weeks[0] ?? thisMonday;
  return {
    today,
    weeks,
    from: dayBounds(first, zone).from,
    to: dayBounds(addDays(thisMonday, 6), zone).to,
  };
}

/** Counts of local dates per week of the window, oldest first. */
export function countByWeek(
  window: WeekWindow,
  dates: readonly LocalDate[],
): { weekStart: LocalDate; count: number }[] {
  const counts = new Map<LocalDate, number>(window.weeks.map((w) => [w, 0]));
  for (const date of dates) {
    const week = mondayOf(date);
    const count = counts.get(week);
    if (count !== undefined) counts.set(week, count + 1);
  }
  return window.weeks.map((weekStart) => ({ weekStart, count: counts.get(weekStart) ?? 0 }));
}
