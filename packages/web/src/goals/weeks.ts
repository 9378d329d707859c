/**
 * Week math for weekly progress. The server counts in the patient's local weeks (Monday
 * start) and sends each week's Monday as a local date; these helpers only compare and label
 * those dates, so they need no time zone.
 */
export interface WeekCount {
  readonly weekStart: string;
  readonly count: number;
}

const DAY_MS = 24 * 3600 * 1000;

function utcDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** Whole weeks from `weekStart` to `current` (both Mondays): 0 this week, 1 last week. */
export function weeksAgo(weekStart: string, current: string): number {
  return Math.round((utcDay(current) - utcDay(weekStart)) / (7 * DAY_MS));
}

/** How far this week's count is towards the target, 0–100 (more than the target shows 100). */
export function progressPercent(count: number, target: number): number {
  if (target <= 0) return 0;
  return Math.min(100, Math.round((count / target) * 100));
}

/** Weeks (of those shown) in which the target was met. */
export function weeksMet(weeks: readonly WeekCount[], target: number): number {
  return weeks.filter((w) => w.count >= target).length;
}

/** Weekdays left this week, today included (Monday → 7, Sunday → 1). */
export function daysLeftInWeek(today: string, weekStart: string): number {
  const passed = Math.round((utcDay(today) - utcDay(weekStart)) / DAY_MS);
  return Math.max(0, 7 - passed);
}
