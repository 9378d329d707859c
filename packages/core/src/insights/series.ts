import type { AdherenceReport } from '../regimen/adherence.js';
import { localDateOf } from '../regimen/slots.js';
import type { CheckIn, LocalDate, Severity4, SideEffectKey } from '../regimen/types.js';

const SEVERITY_SCORE: Readonly<Record<Severity4, number>> = {
  none: 0,
  mild: 1,
  moderate: 2,
  severe: 3,
};

/** How several values on one day become one: their mean, or their maximum. */
export type DailyAggregate = 'mean' | 'max';

/**
 * One value per local day of `zone` from check-ins: `pick` reads a number (or null to leave
 * the check-in out) and `aggregate` combines a day's values. Keys are in date order.
 *
 * @example
 * dailyCheckInValues(checkIns, 'Europe/Berlin', (c) => c.anxiety, 'mean')
 */
export function dailyCheckInValues(
  checkIns: readonly CheckIn[],
  zone: string,
  pick: (c: CheckIn) => number | null,
  aggregate: DailyAggregate,
): Map<LocalDate, number> {
  const byDay = new Map<LocalDate, number[]>();
  for (const c of checkIns) {
    const v = pick(c);
    if (v === null || !Number.isFinite(v)) continue;
    const day = localDateOf(c.at, zone);
    const list = byDay.get(day);
    if (list === undefined) byDay.set(day, [v]);
    else list.push(v);
  }
  const out = new Map<LocalDate, number>();
  for (const day of [...byDay.keys()].sort()) {
    const vs = byDay.get(day) ?? [];
    out.set(day, aggregate === 'max' ? Math.max(...vs) : vs.reduce((a, b) => a + b, 0) / vs.length);
  }
  return out;
}

/** Daily series Steady's insights use most, from check-ins in the patient's zone. */
export interface CheckInSeries {
  /** Mean pain NRS 0–10 of the day's check-ins. */
  readonly pain: Map<LocalDate, number>;
  /** Strongest drowsiness of the day: 0 none, 1 mild, 2 moderate, 3 severe. */
  readonly drowsiness: Map<LocalDate, number>;
  /** Mean sleep quality 0–10, from check-ins that answered it. */
  readonly sleepQuality: Map<LocalDate, number>;
}

/**
 * @example
 * const { pain, drowsiness } = dailyCheckInSeries(checkIns, 'America/New_York');
 * pain.get('2026-03-08') // → 4.5 (mean of that day's check-ins)
 */
export function dailyCheckInSeries(checkIns: readonly CheckIn[], zone: string): CheckInSeries {
  return {
    pain: dailyCheckInValues(checkIns, zone, (c) => c.pain, 'mean'),
    drowsiness: dailySideEffectSeverity(checkIns, zone, 'drowsiness'),
    sleepQuality: dailyCheckInValues(checkIns, zone, (c) => c.sleepQuality, 'mean'),
  };
}

/** Strongest severity of one side effect per day, scored 0 (none) to 3 (severe). */
export function dailySideEffectSeverity(
  checkIns: readonly CheckIn[],
  zone: string,
  key: SideEffectKey,
): Map<LocalDate, number> {
  return dailyCheckInValues(checkIns, zone, (c) => SEVERITY_SCORE[c.sideEffects[key]], 'max');
}

/**
 * Whether an activity (e.g. a technique id) was logged on each day that has a check-in: true
 * when any check-in of the day lists it, false when the day's check-ins do not. Days without
 * a check-in are unknown and left out, so they count neither way.
 */
export function dailyActivityDone(
  checkIns: readonly CheckIn[],
  zone: string,
  activity: string,
): Map<LocalDate, boolean> {
  const done = dailyCheckInValues(
    checkIns,
    zone,
    (c) => (c.activities.includes(activity) ? 1 : 0),
    'max',
  );
  return new Map([...done].map(([day, v]) => [day, v === 1]));
}

/**
 * Dose timing as a yes/no factor, "a dose taken late" vs "all on time": for each day with at
 * least one taken scheduled dose, true when any was later than the report's on-time window,
 * false when all were within it. Days whose only off-window doses were early are left out,
 * because they belong to neither group.
 */
export function lateDoseDays(
  report: Pick<AdherenceReport, 'slots' | 'onTimeWindowMinutes'>,
): Map<LocalDate, boolean> {
  const state = new Map<LocalDate, 'on-time' | 'late' | 'early'>();
  for (const s of report.slots) {
    if (s.offsetMinutes === null) continue;
    const day = s.slot.localDate;
    const now =
      s.offsetMinutes > report.onTimeWindowMinutes
        ? 'late'
        : s.onTime === true
          ? 'on-time'
          : 'early';
    const before = state.get(day);
    if (before === undefined || now === 'late' || (now === 'early' && before === 'on-time'))
      state.set(day, now);
  }
  const out = new Map<LocalDate, boolean>();
  for (const [day, v] of state) if (v !== 'early') out.set(day, v === 'late');
  return out;
}

/**
 * Dose timing as a numeric factor: the mean signed minutes from the due time of each day's
 * taken scheduled doses (positive = late on average).
 */
export function dailyMeanDoseOffset(
  report: Pick<AdherenceReport, 'slots'>,
): Map<LocalDate, number> {
  const byDay = new Map<LocalDate, number[]>();
  for (const s of report.slots) {
    if (s.offsetMinutes === null) continue;
    const list = byDay.get(s.slot.localDate) ?? [];
    list.push(s.offsetMinutes);
    byDay.set(s.slot.localDate, list);
  }
  return new Map([...byDay].map(([day, xs]) => [day, xs.reduce((a, b) => a + b, 0) / xs.length]));
}
