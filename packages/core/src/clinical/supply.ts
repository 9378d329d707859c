/**
 * Dispensed supply: what a pharmacy may record as handed out, and an **estimate** of how much
 * of it should be left and when it would run out. Plain arithmetic on the records — "run-out =
 * quantity dispensed ÷ prescribed daily use" (REFERENCE §9, SIG-EARLY-REFILL) — never a count
 * of what the patient actually holds.
 */
import { dailyTakenTotals, type LoggedDoseEvent } from '../regimen/doseLog.js';
import {
  addDays,
  isTimeZone,
  localDateOf,
  regimenOn,
  scheduledDailyTotal,
} from '../regimen/slots.js';
import type { FormulationId, Instant, LocalDate, RegimenVersion } from '../regimen/types.js';
import { cite, type SourceRef } from '../sources.js';
import { DEFAULT_DISPENSING_SETTINGS, type DispensingSettings } from './dispensingSettings.js';
import { DIAZEPAM_PRODUCTS } from './product.js';

/**
 * Milligrams of diazepam in one unit of a formulation: one tablet, or one mL of the solution.
 *
 * @example mgPerUnit('tab5') // 5
 * @example mgPerUnit('sol1') // 1
 */
export function mgPerUnit(formulation: FormulationId): number {
  const p = DIAZEPAM_PRODUCTS[formulation];
  return p.kind === 'tablet' ? p.strengthMg : p.concentrationMgPerMl;
}

/**
 * Largest quantity one dispensing record may hold (tablets or mL). A software guard against
 * typing errors (an extra zero), not a clinical limit.
 */
export const MAX_DISPENSED_QUANTITY = 1000;

/** Step of a dispensed solution volume: mL to one decimal place (input granularity only). */
export const DISPENSED_SOLUTION_STEP_ML = 0.1;

/** Why a dispensed quantity cannot be recorded. */
export type DispensedQuantityProblem = 'not-positive' | 'too-large' | 'step';

/**
 * The step a dispensed quantity of a formulation comes in: half tablets where the strength is
 * splittable (halves, never quarters, as the planner — splitting itself is unconfirmed, see
 * `dispensingSettings`), else whole tablets; the solution in 0.1 mL.
 *
 * @example dispensedQuantityStep('tab5') // 0.5
 */
export function dispensedQuantityStep(
  formulation: FormulationId,
  settings: DispensingSettings = DEFAULT_DISPENSING_SETTINGS,
): number {
  if (formulation === 'sol1') return DISPENSED_SOLUTION_STEP_ML;
  return settings.splittable[formulation].value ? 0.5 : 1;
}

/**
 * Whether a quantity can be recorded as dispensed, or why not.
 *
 * @example dispensedQuantityProblem('tab5', 30) // null
 * @example dispensedQuantityProblem('tab5', 2.25) // 'step' (quarters are never dispensed)
 * @example dispensedQuantityProblem('sol1', 0) // 'not-positive'
 */
export function dispensedQuantityProblem(
  formulation: FormulationId,
  quantity: number,
  settings: DispensingSettings = DEFAULT_DISPENSING_SETTINGS,
): DispensedQuantityProblem | null {
  if (!Number.isFinite(quantity) || quantity <= 0) return 'not-positive';
  if (quantity > MAX_DISPENSED_QUANTITY) return 'too-large';
  const steps = quantity / dispensedQuantityStep(formulation, settings);
  return Math.abs(steps - Math.round(steps)) < 1e-9 ? null : 'step';
}

/** One dispensing as the estimate reads it (the signals' `SignalDispensing` fits). */
export interface SupplyDispensing {
  readonly at: Instant;
  /** Tablets, or mL of the solution. */
  readonly quantity: number;
  readonly mgPerUnit: number;
}

export interface SupplyInput {
  readonly now: Instant;
  /** The patient's IANA zone: days are the patient's. */
  readonly timeZone: string;
  /** Dispensings that count (voided ones left out); any order; later than `now` are ignored. */
  readonly dispensings: readonly SupplyDispensing[];
  readonly regimenVersions: readonly RegimenVersion[];
  /** The dose log in the order recorded (corrections resolved like `effectiveDoseEvents`). */
  readonly doses: readonly LoggedDoseEvent[];
  /** Days ahead the projection looks (default `SUPPLY_HORIZON_DAYS`). */
  readonly horizonDays?: number;
}

/** Days ahead a supply projection looks by default. */
export const SUPPLY_HORIZON_DAYS = 366;

/** What should be left under one assumption about use, and how long it lasts. */
export interface SupplyProjection {
  /** Milligrams used from the supply before today (never more than was on hand). */
  readonly usedMg: number;
  /** Milligrams that should be left at the start of today (dispensings of today included). */
  readonly onHandMg: number;
  /**
   * Days from today (today first) whose scheduled doses the amount covers in full; equal to
   * `horizonDays` when it lasts beyond the horizon. Null when no doses are scheduled today.
   */
  readonly daysCovered: number | null;
  /** First day whose scheduled doses it no longer covers; null beyond the horizon or when nothing is scheduled today. */
  readonly runsOutOn: LocalDate | null;
}

export interface SupplyEstimate {
  /** The patient's local today. */
  readonly today: LocalDate;
  /** Local day of the first dispensing counted. */
  readonly firstDispensedOn: LocalDate;
  /** Milligrams dispensed in all (counted dispensings). */
  readonly dispensedMg: number;
  /** Today's scheduled daily total (as-needed doses excluded); null without a regimen today. */
  readonly dailyMg: number | null;
  /** Use taken as every scheduled dose of the regimen, day by day. */
  readonly asScheduled: SupplyProjection;
  /** Use taken as the doses the patient logged as taken (after corrections). */
  readonly asLogged: SupplyProjection;
  readonly horizonDays: number;
  /** Says that this is arithmetic on records, not a count. */
  readonly note: string;
  readonly sources: readonly SourceRef[];
}

export const SUPPLY_ESTIMATE_NOTE =
  'An estimate from the dispensing records and the regimen (or the logged doses), not a count of ' +
  'what the patient holds. Supply carries over between dispensings; use before the first ' +
  'dispensing recorded is not counted, and as-needed doses count only in the logged estimate.';

const SUPPLY_SOURCES: readonly SourceRef[] = [
  cite(
    'JCPG-2025',
    'C',
    'Rec 1b; run-out = quantity dispensed ÷ prescribed daily use (REFERENCE §9, SIG-EARLY-REFILL)',
  ),
];

const EPS = 1e-6;
const round3 = (mg: number): number => Math.round(mg * 1000) / 1000;

/**
 * Estimate the dispensed supply left at the start of the patient's today, and the day it would
 * no longer cover the scheduled doses, under two assumptions about past use: every scheduled
 * dose taken, or the doses logged as taken. The supply starts at 0 before the first dispensing
 * and carries over; a day uses at most what is on hand. Looking ahead, each day uses that day's
 * scheduled total (regimen changes already recorded are followed). Null without dispensings.
 *
 * @example
 * // 60 × 5 mg dispensed on 1 March, 3 × 5 mg a day scheduled; today is 11 March:
 * estimateSupply({ now: '2026-03-11T12:00:00Z', timeZone: 'UTC', dispensings: [{ at: '2026-03-01T10:00:00Z', quantity: 60, mgPerUnit: 5 }], regimenVersions, doses: [] });
 * // → asScheduled: { usedMg: 150, onHandMg: 150, daysCovered: 10, runsOutOn: '2026-03-21' }
 * @throws RangeError for an invalid `now`, time zone or horizon.
 */
export function estimateSupply(input: SupplyInput): SupplyEstimate | null {
  const nowMs = Date.parse(input.now);
  if (Number.isNaN(nowMs)) throw new RangeError(`Invalid instant ${input.now}`);
  const zone = input.timeZone;
  if (!isTimeZone(zone)) throw new RangeError(`Unknown time zone ${zone}`);
  const horizonDays = input.horizonDays ?? SUPPLY_HORIZON_DAYS;
  if (!Number.isInteger(horizonDays) || horizonDays < 1) {
    throw new RangeError(`Invalid horizon ${String(horizonDays)}`);
  }
  const today = localDateOf(input.now, zone);

  const dispensedOn = new Map<LocalDate, number>();
  let dispensedMg = 0;
  for (const d of input.dispensings) {
    const ms = Date.parse(d.at);
    const mg = d.quantity * d.mgPerUnit;
    if (Number.isNaN(ms) || ms > nowMs || !Number.isFinite(mg) || mg <= 0) continue;
    const day = localDateOf(d.at, zone);
    dispensedOn.set(day, (dispensedOn.get(day) ?? 0) + mg);
    dispensedMg += mg;
  }
  const first = [...dispensedOn.keys()].sort()[0];
  if (first === undefined) return null;

  const scheduledCache = new Map<LocalDate, number>();
  const scheduled = (day: LocalDate): number => {
    let mg = scheduledCache.get(day);
    if (mg === undefined) {
      const v = regimenOn(input.regimenVersions, day, zone);
      mg = v === null ? 0 : scheduledDailyTotal(v);
      scheduledCache.set(day, mg);
    }
    return mg;
  };
  const taken = dailyTakenTotals(
    input.doses.filter((e) => Date.parse(e.takenAt) <= nowMs),
    zone,
  );
  const dailyMg = regimenOn(input.regimenVersions, today, zone) === null ? null : scheduled(today);

  const project = (use: (day: LocalDate) => number): SupplyProjection => {
    let onHand = 0;
    let used = 0;
    for (let day = first; day < today; day = addDays(day, 1)) {
      onHand += dispensedOn.get(day) ?? 0;
      const u = Math.min(onHand, use(day));
      onHand -= u;
      used += u;
    }
    onHand += dispensedOn.get(today) ?? 0;
    const ahead = lookAhead(onHand, today, horizonDays, scheduled);
    return { usedMg: round3(used), onHandMg: round3(onHand), ...ahead };
  };

  return {
    today,
    firstDispensedOn: first,
    dispensedMg: round3(dispensedMg),
    dailyMg,
    asScheduled: project(scheduled),
    asLogged: project((day) => taken.get(day) ?? 0),
    horizonDays,
    note: SUPPLY_ESTIMATE_NOTE,
    sources: SUPPLY_SOURCES,
  };
}

function lookAhead(
  onHand: number,
  today: LocalDate,
  horizonDays: number,
  scheduled: (day: LocalDate) => number,
): Pick<SupplyProjection, 'daysCovered' | 'runsOutOn'> {
  if (!(scheduled(today) > 0)) return { daysCovered: null, runsOutOn: null };
  let left = onHand;
  let day = today;
  for (let i = 0; i < horizonDays; i++) {
    const need = scheduled(day);
    if (need > left + EPS) return { daysCovered: i, runsOutOn: day };
    left -= need;
    day = addDays(day, 1);
  }
  return { daysCovered: horizonDays, runsOutOn: null };
}
