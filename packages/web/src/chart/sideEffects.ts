/**
 * The side-effects table: per day, or per week (Monday to Sunday) for long windows, only the
 * days or weeks on which something was reported, newest first.
 */
import {
  SIDE_EFFECT_KEYS,
  addDays,
  strongerFall,
  strongerSeverity,
  type FallReport,
  type LocalDate,
  type Severity4,
  type SideEffectKey,
} from '@steady/core';
import type { ChartDay } from './types';

export type Grouping = 'day' | 'week';

export interface SideEffectRow {
  /** First and last day of the row (the same for a day). */
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Days with a check-in in the row. */
  readonly checkInDays: number;
  readonly effects: Readonly<Record<SideEffectKey, Severity4>>;
  /** The patient's own words, strongest rating per text. */
  readonly other: readonly { readonly text: string; readonly severity: Severity4 }[];
  readonly fall: FallReport;
  /** Days whose most serious report was a fall, and a near fall. */
  readonly fallDays: number;
  readonly nearFallDays: number;
  readonly breathingDays: number;
}

/** Windows longer than this are grouped by week. */
export const DAILY_ROWS_MAX_DAYS = 31;

/** Monday of the week holding `date`. */
export function weekStart(date: LocalDate): LocalDate {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

function hasSomething(row: SideEffectRow): boolean {
  return (
    SIDE_EFFECT_KEYS.some((k) => row.effects[k] !== 'none') ||
    row.other.length > 0 ||
    row.fall !== 'none' ||
    row.breathingDays > 0
  );
}

export function sideEffectRows(days: readonly ChartDay[], grouping: Grouping): SideEffectRow[] {
  const rows = new Map<LocalDate, SideEffectRow>();
  for (const day of days) {
    const c = day.checkIns;
    if (c === null) continue;
    const key = grouping === 'day' ? day.date : weekStart(day.date);
    const row = rows.get(key);
    const others = new Map((row?.other ?? []).map((o) => [o.text, o.severity]));
    for (const o of c.otherSideEffects) {
      others.set(o.text, strongerSeverity(others.get(o.text) ?? 'none', o.severity));
    }
    rows.set(key, {
      from: key,
      to: grouping === 'day' ? key : addDays(key, 6),
      checkInDays: (row?.checkInDays ?? 0) + 1,
      effects: Object.fromEntries(
        SIDE_EFFECT_KEYS.map((k) => [
          k,
          strongerSeverity(row?.effects[k] ?? 'none', c.sideEffects[k]),
        ]),
      ) as Record<SideEffectKey, Severity4>,
      other: [...others].map(([text, severity]) => ({ text, severity })),
      fall: strongerFall(row?.fall ?? 'none', c.fall),
      fallDays: (row?.fallDays ?? 0) + (c.fall === 'fall' ? 1 : 0),
      nearFallDays: (row?.nearFallDays ?? 0) + (c.fall === 'near_fall' ? 1 : 0),
      breathingDays: (row?.breathingDays ?? 0) + (c.breathingProblem ? 1 : 0),
    });
  }
  return [...rows.values()].filter(hasSomething).sort((a, b) => (a.from < b.from ? 1 : -1));
}
