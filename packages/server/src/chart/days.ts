/**
 * The chart's per-day rows: what was prescribed and taken (dose log), and what the check-ins
 * reported (pain, side effects, falls, breathing), per local day of the patient.
 */
import {
  SIDE_EFFECT_KEYS,
  addDays,
  effectiveDoseEvents,
  localDateOf,
  regimenOn,
  scheduledDailyTotal,
  type CheckIn,
  strongerFall,
  strongerSeverity,
  type FallReport,
  type LocalDate,
  type LoggedDoseEvent,
  type RegimenVersion,
  type Severity4,
  type SideEffectKey,
} from '@steady/core';
import { round1, type LocalCalendar } from '../history/daily.js';

export interface DayDoses {
  /** Sum of the day's scheduled doses (as-needed excluded); null when no regimen was in force. */
  readonly scheduledMg: number | null;
  /** Milligrams taken that local day (by the time taken), after corrections. */
  readonly takenMg: number;
  /**
   * Doses beyond the schedule, as core's adherence counts them: extra doses and slot-less
   * entries on the day taken, and doses logged for a slot the regimen does not schedule on
   * that slot's day.
   */
  readonly extraDoses: number;
  readonly extraMg: number;
}

export interface DayCheckIns {
  readonly count: number;
  readonly painMean: number;
  readonly painMax: number;
  /** Strongest rating of each side effect that day. */
  readonly sideEffects: Readonly<Record<SideEffectKey, Severity4>>;
  /** Side effects the patient described in their own words, strongest rating per text. */
  readonly otherSideEffects: readonly { readonly text: string; readonly severity: Severity4 }[];
  /** The most serious fall report of the day. */
  readonly fall: FallReport;
  readonly breathingProblem: boolean;
}

const roundMg = (mg: number): number => Math.round(mg * 1000) / 1000;

/**
 * The regimen in force on each of `dates` (consecutive days), by core's `regimenOn`. Which
 * version is in force changes only on a version's start date, the local day it was recorded
 * and the day after its end date, so `regimenOn` runs on those days only.
 */
export function regimensByDay(
  versions: readonly RegimenVersion[],
  dates: readonly LocalDate[],
  zone: string,
): (RegimenVersion | null)[] {
  const changes = new Set<LocalDate>();
  for (const v of versions) {
    changes.add(v.startDate);
    changes.add(localDateOf(v.createdAt, zone));
    if (v.endDate !== null) changes.add(addDays(v.endDate, 1));
  }
  let current: RegimenVersion | null = null;
  return dates.map((date, i) => {
    if (i === 0 || changes.has(date)) current = regimenOn(versions, date, zone);
    return current;
  });
}

/** Dose figures for every day of `calendar` (the events may reach further back). */
export function doseDays(
  versions: readonly RegimenVersion[],
  events: readonly LoggedDoseEvent[],
  calendar: LocalCalendar,
  zone: string,
): DayDoses[] {
  const { dates } = calendar;
  const regimens = regimensByDay(versions, dates, zone);
  const dayIndex = new Map(dates.map((d, i) => [d, i]));
  const taken = dates.map(() => 0);
  const extras = dates.map(() => ({ count: 0, mg: 0 }));
  const scheduled = (slotKey: string): boolean => {
    const regimen = regimens[dayIndex.get(slotKey.slice(0, 10)) ?? -1];
    return regimen?.doses.some((d) => d.time === slotKey.slice(11)) ?? false;
  };
  for (const e of effectiveDoseEvents(events)) {
    if (e.kind === 'skipped') continue;
    const day = calendar.indexOf(Date.parse(e.takenAt));
    if (day >= 0) taken[day] = (taken[day] ?? 0) + e.amountMg;
    if (e.kind === 'taken' && e.slotKey !== null && scheduled(e.slotKey)) continue;
    const extraDay =
      e.kind === 'extra' || e.slotKey === null ? day : (dayIndex.get(e.slotKey.slice(0, 10)) ?? -1);
    const extra = extras[extraDay];
    if (extra === undefined) continue;
    extra.count += 1;
    extra.mg += e.amountMg;
  }
  return dates.map((_, i) => {
    const regimen = regimens[i] ?? null;
    return {
      scheduledMg: regimen === null ? null : scheduledDailyTotal(regimen),
      takenMg: roundMg(taken[i] ?? 0),
      extraDoses: extras[i]?.count ?? 0,
      extraMg: roundMg(extras[i]?.mg ?? 0),
    };
  });
}

/** One day's check-ins summarised (the list is non-empty). */
export function checkInDay(checkIns: readonly CheckIn[]): DayCheckIns {
  const pains = checkIns.map((c) => c.pain);
  const sideEffects = Object.fromEntries(SIDE_EFFECT_KEYS.map((k) => [k, 'none'])) as Record<
    SideEffectKey,
    Severity4
  >;
  const others = new Map<string, Severity4>();
  let fall: FallReport = 'none';
  let breathingProblem = false;
  for (const c of checkIns) {
    for (const key of SIDE_EFFECT_KEYS) {
      sideEffects[key] = strongerSeverity(sideEffects[key], c.sideEffects[key]);
    }
    if (c.otherSideEffect !== null) {
      const text = c.otherSideEffect.text.trim();
      others.set(text, strongerSeverity(others.get(text) ?? 'none', c.otherSideEffect.severity));
    }
    fall = strongerFall(fall, c.fall);
    breathingProblem ||= c.breathingProblem;
  }
  return {
    count: checkIns.length,
    painMean: round1(pains.reduce((a, b) => a + b, 0) / pains.length),
    painMax: Math.max(...pains),
    sideEffects,
    otherSideEffects: [...others].map(([text, severity]) => ({ text, severity })),
    fall,
    breathingProblem,
  };
}
