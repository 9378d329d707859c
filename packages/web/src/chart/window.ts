/**
 * The chart's window of the patient's local days: presets ending on the patient's today, or
 * two dates the clinician picks. The server takes at most 400 days (from ≤ to).
 */
import { addDays, daysBetween, isLocalDate, type LocalDate } from '@steady/core';

export const WINDOW_PRESETS = ['14d', '30d', '90d', '6m', '1y', 'custom'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];
export const DEFAULT_PRESET: WindowPreset = '30d';
/** The longest window the API answers (docs/care-team/chart.md). */
export const MAX_WINDOW_DAYS = 400;

export interface ChartWindow {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** The same day `months` calendar months earlier, or the month's last day when it has none. */
export function monthsBefore(date: LocalDate, months: number): LocalDate {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A preset window ending on `today` (the patient's local date), today included. */
export function presetWindow(
  preset: Exclude<WindowPreset, 'custom'>,
  today: LocalDate,
): ChartWindow {
  switch (preset) {
    case '14d':
      return { from: addDays(today, -13), to: today };
    case '30d':
      return { from: addDays(today, -29), to: today };
    case '90d':
      return { from: addDays(today, -89), to: today };
    case '6m':
      return { from: addDays(monthsBefore(today, 6), 1), to: today };
    case '1y':
      return { from: addDays(monthsBefore(today, 12), 1), to: today };
  }
}

export type WindowProblem = 'missing' | 'order' | 'tooLong';

/** A custom window as typed, checked as the server would check it. */
export function checkWindow(
  from: string,
  to: string,
): { ok: true; window: ChartWindow } | { ok: false; problem: WindowProblem } {
  if (!isLocalDate(from) || !isLocalDate(to)) return { ok: false, problem: 'missing' };
  if (to < from) return { ok: false, problem: 'order' };
  if (daysBetween(from, to) >= MAX_WINDOW_DAYS) return { ok: false, problem: 'tooLong' };
  return { ok: true, window: { from, to } };
}

/** Number of days in a window, both ends included. */
export function windowDays(window: ChartWindow): number {
  return daysBetween(window.from, window.to) + 1;
}
