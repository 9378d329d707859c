/**
 * What the patient holds (issue 7 item 5): stock of each formulation from the patient's own
 * counts, less the doses logged since, plus the dispensings recorded since; a run-out forecast
 * from the scheduled daily use of the regimen versions in force (taper steps are versions, so
 * they are followed); and a refill reminder when the forecast falls within the patient's
 * number of days. Days are the patient's local days, so daylight-saving changes do not matter.
 */
import { effectiveDoseEvents, type LoggedDoseEvent } from '../regimen/doseLog.js';
import {
  addDays,
  isTimeZone,
  localDateOf,
  localToInstant,
  regimenOn,
  scheduledDailyTotal,
} from '../regimen/slots.js';
import type { FormulationId, Instant, LocalDate, RegimenVersion } from '../regimen/types.js';
import { cite, type Parameter, type SourceRef } from '../sources.js';
import { mgPerUnit } from './supply.js';

/** One count by the patient: tablets, or mL of the solution, of one formulation. */
export interface StockCount {
  readonly formulation: FormulationId;
  readonly quantity: number;
  readonly countedAt: Instant;
}

/** One dispensing that counts (voided ones left out); the signals' `SignalDispensing` fits. */
export interface StockDispensing {
  readonly at: Instant;
  readonly formulation: FormulationId;
  /** Tablets, or mL of the solution. */
  readonly quantity: number;
}

export interface StockInput {
  readonly now: Instant;
  /** The patient's IANA zone. */
  readonly timeZone: string;
  /** Counts in any order; the newest of each formulation (not after `now`) is the base. */
  readonly counts: readonly StockCount[];
  readonly dispensings: readonly StockDispensing[];
  readonly regimenVersions: readonly RegimenVersion[];
  /** The dose log in the order recorded (corrections resolved like `effectiveDoseEvents`). */
  readonly doses: readonly LoggedDoseEvent[];
  /** Remind when the stock covers this many days or fewer (0: never; see `REFILL_REMINDER_DAYS`). */
  readonly reminderDays: number;
  /** Days ahead the forecast looks (default `STOCK_HORIZON_DAYS`). */
  readonly horizonDays?: number;
}

/** The stock of one formulation now, and how long it lasts. */
export interface FormulationStock {
  readonly formulation: FormulationId;
  readonly mgPerUnit: number;
  /** The newest count: the base of the figures below. */
  readonly counted: { readonly quantity: number; readonly at: Instant };
  /** Units of the doses logged since the count, on days whose regimen uses this formulation. */
  readonly usedSince: number;
  /** Units dispensed since the count. */
  readonly dispensedSince: number;
  /** Count − used + dispensed, never below 0. */
  readonly onHand: number;
  /** The logs account for more than was counted: a new count would help. */
  readonly recountSuggested: boolean;
  /** Units scheduled today; null when today's regimen uses another formulation (or none). */
  readonly dailyUse: number | null;
  /**
   * Days from today (today first) whose scheduled doses the stock covers in full; the horizon
   * when it lasts beyond it; null when no dose of this formulation is scheduled in the horizon.
   */
  readonly daysCovered: number | null;
  /** First day whose scheduled doses the stock no longer covers; null as for `daysCovered`. */
  readonly runsOutOn: LocalDate | null;
  /** The forecast is within the reminder days. */
  readonly refillDue: boolean;
}

export interface StockReport {
  readonly today: LocalDate;
  readonly reminderDays: number;
  /** Counted formulations, in the order tab2, tab5, tab10, sol1. */
  readonly formulations: readonly FormulationStock[];
  /** The regimen's formulation today when it has never been counted. */
  readonly uncounted: FormulationId | null;
  /** Some counted formulation needs a refill soon. */
  readonly refillDue: boolean;
  readonly note: string;
  readonly sources: readonly SourceRef[];
}

/** Days ahead a stock forecast looks by default. */
export const STOCK_HORIZON_DAYS = 366;

/** When to remind about a refill: a Steady default the patient adjusts. */
export const REFILL_REMINDER_DAYS: Parameter<number> = {
  name: 'stock.refillReminderDays',
  value: 7,
  unit: 'd',
  confirmed: false,
  sources: [],
  note: 'Steady default, adjustable by the patient: not from the reference.',
};

/** Largest reminder setting accepted (days). */
export const MAX_REFILL_REMINDER_DAYS = 60;

export const STOCK_NOTE =
  'Your last count, less the doses you logged since, plus what the pharmacy recorded since. ' +
  'The forecast follows the scheduled doses (as-needed doses are not counted ahead).';

export const STOCK_SOURCES: readonly SourceRef[] = [
  cite(
    'JCPG-2025',
    'C',
    'Rec 1b; run-out = quantity ÷ prescribed daily use (REFERENCE §9, SIG-EARLY-REFILL)',
  ),
];

const FORMULATIONS: readonly FormulationId[] = ['tab2', 'tab5', 'tab10', 'sol1'];
const EPS = 1e-6;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Stock of each counted formulation now, its run-out forecast and whether a refill is due.
 *
 * @example
 * // 20 × 5 mg counted yesterday morning, 2 × 5 mg taken since, 5 mg twice a day:
 * stockReport({ now, timeZone: 'Europe/Paris', counts, dispensings: [], regimenVersions, doses, reminderDays: 7 })
 * // → formulations[0]: { onHand: 18, dailyUse: 2, daysCovered: 9, refillDue: false, … }
 * @throws RangeError for an invalid `now`, zone, horizon or reminder days.
 */
export function stockReport(input: StockInput): StockReport {
  const nowMs = Date.parse(input.now);
  if (Number.isNaN(nowMs)) throw new RangeError(`Invalid instant ${input.now}`);
  if (!isTimeZone(input.timeZone)) throw new RangeError(`Unknown time zone ${input.timeZone}`);
  const horizon = input.horizonDays ?? STOCK_HORIZON_DAYS;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`Invalid horizon`);
  const reminderDays = input.reminderDays;
  if (!Number.isInteger(reminderDays) || reminderDays < 0) {
    throw new RangeError(`Invalid reminder days ${String(reminderDays)}`);
  }
  const zone = input.timeZone;
  const today = localDateOf(input.now, zone);
  const formulationOn = memo((day: LocalDate) => regimenOn(input.regimenVersions, day, zone));
  const doses = effectiveDoseEvents(input.doses).filter(
    (e) => e.kind !== 'skipped' && e.amountMg > 0 && Date.parse(e.takenAt) <= nowMs,
  );
  const takenMg = (f: FormulationId, fromMs: number): number =>
    doses
      .filter(
        (e) =>
          Date.parse(e.takenAt) > fromMs &&
          formulationOn(localDateOf(e.takenAt, zone))?.formulation === f,
      )
      .reduce((sum, e) => sum + e.amountMg, 0);
  const scheduledMg = (f: FormulationId, day: LocalDate): number => {
    const v = formulationOn(day);
    return v?.formulation === f ? scheduledDailyTotal(v) : 0;
  };

  const startOfToday = Date.parse(localToInstant(today, '00:00', zone));
  const formulations: FormulationStock[] = [];
  for (const f of FORMULATIONS) {
    const count = newestCount(input.counts, f, nowMs);
    if (count === null) continue;
    const unit = mgPerUnit(f);
    const countMs = Date.parse(count.countedAt);
    const usedSince = takenMg(f, countMs) / unit;
    const dispensedSince = input.dispensings
      .filter((d) => d.formulation === f && inRange(d.at, countMs, nowMs))
      .reduce((sum, d) => sum + (Number.isFinite(d.quantity) ? Math.max(0, d.quantity) : 0), 0);
    const raw = count.quantity - usedSince + dispensedSince;
    const onHand = Math.max(0, raw);
    // Today's remaining need: what is scheduled less what was already taken today.
    const todayNeed = Math.max(0, scheduledMg(f, today) - takenMg(f, startOfToday - 1)) / unit;
    const ahead = lookAhead(onHand, today, horizon, todayNeed, (day) => scheduledMg(f, day) / unit);
    const todayVersion = formulationOn(today);
    formulations.push({
      formulation: f,
      mgPerUnit: unit,
      counted: { quantity: count.quantity, at: count.countedAt },
      usedSince: round3(usedSince),
      dispensedSince: round3(dispensedSince),
      onHand: round3(onHand),
      recountSuggested: raw < -EPS,
      dailyUse:
        todayVersion?.formulation === f ? round3(scheduledDailyTotal(todayVersion) / unit) : null,
      ...ahead,
      refillDue:
        reminderDays > 0 && ahead.daysCovered !== null && ahead.daysCovered <= reminderDays,
    });
  }
  const todays = formulationOn(today)?.formulation ?? null;
  return {
    today,
    reminderDays,
    formulations,
    uncounted:
      todays !== null && !formulations.some((s) => s.formulation === todays) ? todays : null,
    refillDue: formulations.some((s) => s.refillDue),
    note: STOCK_NOTE,
    sources: STOCK_SOURCES,
  };
}

function memo<T>(fn: (day: LocalDate) => T): (day: LocalDate) => T {
  const cache = new Map<LocalDate, T>();
  return (day) => {
    if (!cache.has(day)) cache.set(day, fn(day));
    return cache.get(day) as T;
  };
}

function inRange(at: Instant, afterMs: number, untilMs: number): boolean {
  const ms = Date.parse(at);
  return ms > afterMs && ms <= untilMs;
}

function newestCount(
  counts: readonly StockCount[],
  f: FormulationId,
  nowMs: number,
): StockCount | null {
  let best: StockCount | null = null;
  for (const c of counts) {
    const ms = Date.parse(c.countedAt);
    if (c.formulation !== f || Number.isNaN(ms) || ms > nowMs || !Number.isFinite(c.quantity)) {
      continue;
    }
    if (best === null || ms >= Date.parse(best.countedAt)) best = c;
  }
  return best;
}

function lookAhead(
  onHand: number,
  today: LocalDate,
  horizon: number,
  todayNeed: number,
  need: (day: LocalDate) => number,
): Pick<FormulationStock, 'daysCovered' | 'runsOutOn'> {
  let left = onHand;
  let day = today;
  let used = false;
  for (let i = 0; i < horizon; i++) {
    const n = i === 0 ? todayNeed : need(day);
    if (n > 0 || need(day) > 0) used = true;
    if (n > left + EPS) return { daysCovered: i, runsOutOn: day };
    left -= n;
    day = addDays(day, 1);
  }
  return used ? { daysCovered: horizon, runsOutOn: null } : { daysCovered: null, runsOutOn: null };
}
