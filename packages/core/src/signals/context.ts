/**
 * Derived data shared by the rules (local today, daily totals, prescribed amounts, slot outcomes,
 * medication classes). Built once per input object and cached, so that `computeSignals` does the
 * date arithmetic once even though every rule is also callable on its own.
 */
import { DateTime } from 'luxon';
import { matchMedication } from '../clinical/matcher.js';
import { computeAdherence, type SlotOutcome } from '../regimen/adherence.js';
import { effectiveDoseEvents, type LoggedDoseEvent } from '../regimen/doseLog.js';
import {
  daysBetween,
  isTimeZone,
  localDateOf,
  regimenOn,
  scheduledDailyTotal,
} from '../regimen/slots.js';
import type { CheckIn, LocalDate, RegimenVersion } from '../regimen/types.js';
import { resolveSignalSettings, type SignalSettings } from './settings.js';
import type {
  SignalDispensing,
  SignalInput,
  SignalMedication,
  SignalMedicationClassifier,
  SignalQuestionnaire,
} from './types.js';

/** What the regimen in force on a day prescribes. */
export interface PrescribedDay {
  readonly version: RegimenVersion | null;
  /** Scheduled (fixed) daily total. */
  readonly scheduledMg: number;
  /** Scheduled total plus the full as-needed allowance. */
  readonly maxMg: number;
  /** Largest single amount allowed (scheduled or as needed). */
  readonly maxSingleMg: number;
}

export interface MedicationClasses {
  readonly medication: SignalMedication;
  readonly classIds: ReadonlySet<string>;
}

export interface SignalContext {
  readonly input: SignalInput;
  readonly zone: string;
  readonly now: string;
  readonly nowMs: number;
  readonly today: LocalDate;
  readonly settings: SignalSettings;
  /** Effective dose events (corrections resolved) taken no later than now. */
  readonly doses: readonly LoggedDoseEvent[];
  /** Check-ins, questionnaires and dispensings up to now, oldest first. */
  readonly checkIns: readonly CheckIn[];
  readonly questionnaires: readonly SignalQuestionnaire[];
  readonly dispensing: readonly SignalDispensing[];
  readonly dayOf: (instant: string) => LocalDate;
  readonly prescribed: (day: LocalDate) => PrescribedDay;
  /** Milligrams taken for a day: slot doses count on their slot's day, extra doses on the day taken. */
  readonly takenMg: (day: LocalDate) => number;
  /** The day a dose event counts on (see `takenMg`). */
  readonly doseDay: (e: LoggedDoseEvent) => LocalDate;
  /** Slot outcomes from `from` to today (cached for the widest window asked so far). */
  readonly slotOutcomes: (from: LocalDate) => readonly SlotOutcome[];
  /** Whole days of the current course of treatment (0 on its first day), null when none today. */
  readonly treatmentDays: () => number | null;
  readonly medicationClasses: () => readonly MedicationClasses[];
}

const cache = new WeakMap<SignalInput, SignalContext>();
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Add whole calendar days to a local date with UTC arithmetic: the same result as
 * `regimen/slots` `addDays`, without a luxon round trip (rules step through many days).
 */
export function plusDays(date: LocalDate, n: number): LocalDate {
  const ms = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)) + n,
  );
  return new Date(ms).toISOString().slice(0, 10);
}

/** Index of the last element of sorted `xs` that is ≤ x, or −1. */
export function lastIndexAtOrBefore<T extends string | number>(xs: readonly T[], x: T): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = xs[mid];
    if (v !== undefined && v <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The default classifier: the clinical module's name matcher. */
export const defaultMedicationClassifier: SignalMedicationClassifier = (name) =>
  matchMedication(name).map((m) => ({ classId: m.interactionClass.id }));

function byInstant<T>(items: readonly T[], at: (t: T) => string, nowMs: number): T[] {
  return items
    .map((item) => ({ item, ms: Date.parse(at(item)) }))
    .filter((x) => !Number.isNaN(x.ms) && x.ms <= nowMs)
    .sort((a, b) => a.ms - b.ms)
    .map((x) => x.item);
}

/**
 * The shared context of one input.
 *
 * @throws RangeError for an invalid `now`, time zone or setting.
 */
export function contextOf(input: SignalInput): SignalContext {
  const hit = cache.get(input);
  if (hit !== undefined) return hit;
  const ctx = buildContext(input);
  cache.set(input, ctx);
  return ctx;
}

function buildContext(input: SignalInput): SignalContext {
  const nowMs = Date.parse(input.now);
  if (Number.isNaN(nowMs)) throw new RangeError(`Invalid instant ${input.now}`);
  if (!isTimeZone(input.timeZone)) throw new RangeError(`Unknown time zone ${input.timeZone}`);
  const zone = input.timeZone;
  const settings = resolveSignalSettings(input.settings);
  const today = localDateOf(input.now, zone);

  const dayCache = new Map<string, LocalDate>();
  const dayOf = (instant: string): LocalDate => {
    let d = dayCache.get(instant);
    if (d === undefined) {
      d = localDateOf(instant, zone);
      dayCache.set(instant, d);
    }
    return d;
  };

  const doses = effectiveDoseEvents(input.doses).filter((e) => Date.parse(e.takenAt) <= nowMs);
  const doseDay = (e: LoggedDoseEvent): LocalDate => {
    const slotDay = e.kind !== 'extra' && e.slotKey !== null ? e.slotKey.slice(0, 10) : null;
    return slotDay !== null && DATE_RE.test(slotDay) ? slotDay : dayOf(e.takenAt);
  };
  const taken = new Map<LocalDate, number>();
  for (const e of doses) {
    if (e.kind === 'skipped' || !(e.amountMg > 0)) continue;
    const day = doseDay(e);
    taken.set(day, (taken.get(day) ?? 0) + e.amountMg);
  }

  // regimenOn's answer only changes at a version's start, the day after its end, or around the
  // local day it was recorded; between those breakpoints it is constant, so cache per segment.
  const breaks = new Set<LocalDate>();
  for (const v of input.regimenVersions) {
    breaks.add(v.startDate);
    if (v.endDate !== null) breaks.add(plusDays(v.endDate, 1));
    const recorded = DATE_RE.test(v.createdAt.slice(0, 10))
      ? localDateOf(v.createdAt, zone)
      : v.startDate;
    for (const n of [-1, 0, 1]) breaks.add(plusDays(recorded, n));
  }
  const sortedBreaks = [...breaks].sort();
  const segmentOf = (day: LocalDate): LocalDate => {
    const i = lastIndexAtOrBefore(sortedBreaks, day);
    return i === -1 ? '' : (sortedBreaks[i] ?? '');
  };
  const prescribedCache = new Map<LocalDate, PrescribedDay>();
  const prescribed = (day: LocalDate): PrescribedDay => {
    const key = segmentOf(day);
    let p = prescribedCache.get(key);
    if (p === undefined) {
      const version = regimenOn(input.regimenVersions, day, zone);
      const scheduledMg = version === null ? 0 : scheduledDailyTotal(version);
      const prn = version?.asNeeded ?? null;
      const amounts = [...(version?.doses.map((d) => d.amountMg) ?? []), prn?.amountMg ?? 0];
      p = {
        version,
        scheduledMg,
        maxMg: scheduledMg + (prn === null ? 0 : prn.amountMg * prn.maxPerDay),
        maxSingleMg: Math.max(0, ...amounts),
      };
      prescribedCache.set(key, p);
    }
    return p;
  };
  // Same rule as regimen/adherence's daysSinceRegimenStart, on the cached lookups.
  const inTreatment = (day: LocalDate): boolean => {
    const v = prescribed(day).version;
    return v !== null && (v.doses.length > 0 || v.asNeeded !== null);
  };
  const courseDays = (): number | null => {
    if (!inTreatment(today)) return null;
    const earliest = sortedBreaks[0] ?? today;
    let start = today;
    while (start > earliest && inTreatment(plusDays(start, -1))) start = plusDays(start, -1);
    return daysBetween(start, today);
  };

  let outcomes: { from: LocalDate; slots: readonly SlotOutcome[] } | null = null;
  const slotOutcomes = (from: LocalDate): readonly SlotOutcome[] => {
    if (outcomes === null || from < outcomes.from) {
      // Cover every rule's window in one pass (early doses, missed streaks, interdose).
      const widest = Math.max(
        2 * settings.earlyWindowDays,
        settings.missedLookbackDays,
        settings.interdoseWindowDays + 2,
      );
      const start =
        [from, plusDays(today, -widest), ...(outcomes === null ? [] : [outcomes.from])].sort()[0] ??
        from;
      const report = computeAdherence({
        versions: input.regimenVersions,
        events: doses,
        zone,
        from: start,
        to: today,
        now: input.now,
        onTimeWindowMinutes: settings.missedGraceMinutes,
      });
      outcomes = { from: start, slots: report.slots };
    }
    return outcomes.slots.filter((o) => o.slot.localDate >= from);
  };

  let treatment: { days: number | null } | null = null;
  let classes: readonly MedicationClasses[] | null = null;
  const classify = input.classifyMedication ?? defaultMedicationClassifier;

  return {
    input,
    zone,
    now: input.now,
    nowMs,
    today,
    settings,
    doses,
    checkIns: byInstant(input.checkIns, (c) => c.at, nowMs),
    questionnaires: byInstant(input.questionnaires, (q) => q.at, nowMs),
    dispensing: byInstant(input.dispensing, (d) => d.at, nowMs),
    dayOf,
    prescribed,
    doseDay,
    takenMg: (day) => Math.round((taken.get(day) ?? 0) * 1000) / 1000,
    slotOutcomes,
    treatmentDays: () => (treatment ??= { days: courseDays() }).days,
    medicationClasses: () =>
      (classes ??= input.otherMedications
        .filter((m) => m.active)
        .map((medication) => ({
          medication,
          classIds: new Set(classify(medication.name).map((c) => c.classId)),
        }))),
  };
}

/**
 * True when the taper plan is under way on `day`: its first step has started and it has not
 * reached a final step of 0 mg.
 */
export function taperActiveOn(input: SignalInput, day: LocalDate): boolean {
  const steps = [...(input.taper?.steps ?? [])].sort((a, b) =>
    a.startDate.localeCompare(b.startDate),
  );
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (first === undefined || last === undefined || first.startDate > day) return false;
  return !(last.dailyTotalMg <= 0 && last.startDate <= day);
}

/** Local days from `from` to `to` inclusive. */
export function daysFromTo(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) out.push(d);
  return out;
}

/** The local day `n` days before today (n = 0 is today). */
export function daysAgo(ctx: SignalContext, n: number): LocalDate {
  return plusDays(ctx.today, -n);
}

/** Add calendar months to a local date (end-of-month clamps, as luxon does). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ months }).toISODate() ?? date;
}

const MARGIN_MS = 15 * 3_600_000;

/** Items whose local day lies in [from, to]. */
export function inDays<T>(
  ctx: SignalContext,
  items: readonly T[],
  at: (t: T) => string,
  from: LocalDate,
  to: LocalDate,
): T[] {
  // Local days are within ±14 h of UTC days: skip the zone conversion for clear misses.
  const lo = Date.parse(`${from}T00:00:00Z`) - MARGIN_MS;
  const hi = Date.parse(`${to}T23:59:59.999Z`) + MARGIN_MS;
  return items.filter((item) => {
    const ms = Date.parse(at(item));
    if (!(ms >= lo && ms <= hi)) return false;
    const d = ctx.dayOf(at(item));
    return d >= from && d <= to;
  });
}

/** Check-ins of the last `recentDays` local days (today included). */
export function recentCheckIns(ctx: SignalContext): CheckIn[] {
  return inDays(
    ctx,
    ctx.checkIns,
    (c) => c.at,
    daysAgo(ctx, ctx.settings.recentDays - 1),
    ctx.today,
  );
}

/** Questionnaires of the last `recentDays` local days (today included). */
export function recentQuestionnaires(ctx: SignalContext): SignalQuestionnaire[] {
  const from = daysAgo(ctx, ctx.settings.recentDays - 1);
  return inDays(ctx, ctx.questionnaires, (q) => q.at, from, ctx.today);
}

/** Arithmetic mean, null for an empty list. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Round for display (2 decimals). */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The interdose/withdrawal symptom score of a check-in: mean of anxiety (if given) and spasm, 0–10. */
export function symptomScore(c: CheckIn): number {
  return c.anxiety === null ? c.spasm : (c.anxiety + c.spasm) / 2;
}
