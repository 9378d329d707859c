import type { Parameter } from '../sources.js';
import { effectiveDoseEvents, type LoggedDoseEvent } from './doseLog.js';
import {
  addDays,
  doseSlots,
  isLocalDate,
  isTimeZone,
  localDateOf,
  type DoseSlot,
} from './slots.js';
import type { DoseEvent, Instant, LocalDate, RegimenVersion } from './types.js';

/**
 * How far from the scheduled time a dose still counts as "on time", either way. A project
 * setting for display, not a clinical threshold: REFERENCE.md gives no on-time window.
 */
export const ADHERENCE_ON_TIME_WINDOW: Parameter<number> = {
  name: 'adherence.onTimeWindowMinutes',
  value: 60,
  unit: 'min',
  confirmed: false,
  sources: [],
  note: 'Project setting, not a clinical fact; no source defines an on-time window. Configurable per clinic.',
};

export interface AdherenceInput {
  readonly versions: readonly RegimenVersion[];
  /** The dose log, in the order events were recorded (see `effectiveDoseEvents`). */
  readonly events: readonly LoggedDoseEvent[];
  /** The patient's IANA time zone. */
  readonly zone: string;
  /** First and last local day of the period (inclusive). */
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** The current instant; slots whose window has not closed yet are "pending", not missed. */
  readonly now: Instant;
  /** Defaults to {@link ADHERENCE_ON_TIME_WINDOW}. */
  readonly onTimeWindowMinutes?: number;
}

/**
 * taken: answered with a taken event; skipped: answered with a skipped event; missed: no answer
 * and the on-time window has closed; pending: no answer yet and the window is still open.
 */
export type SlotOutcomeStatus = 'taken' | 'skipped' | 'missed' | 'pending';

export interface SlotOutcome {
  readonly slot: DoseSlot;
  readonly status: SlotOutcomeStatus;
  /** The event that answers the slot, after corrections. */
  readonly event: DoseEvent | null;
  /** Minutes from the due time to `takenAt` (negative = early), for taken slots. */
  readonly offsetMinutes: number | null;
  readonly onTime: boolean | null;
}

export interface AdherenceDay {
  readonly date: LocalDate;
  readonly scheduled: number;
  readonly due: number;
  readonly taken: number;
  readonly takenOnTime: number;
  readonly skipped: number;
  readonly missed: number;
  readonly pending: number;
  readonly extra: number;
  /** Sum of the day's scheduled amounts. */
  readonly scheduledMg: number;
  /** Milligrams answering the day's slots plus extra doses of the day. */
  readonly takenMg: number;
  /** All scheduled doses taken; null when nothing was scheduled or a slot is still pending. */
  readonly covered: boolean | null;
}

export interface AdherenceReport {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly zone: string;
  readonly onTimeWindowMinutes: number;
  /** All slots in the period, including future ones. */
  readonly scheduled: number;
  /** Slots answered or whose window has closed (scheduled − pending). */
  readonly due: number;
  readonly taken: number;
  readonly takenOnTime: number;
  readonly skipped: number;
  readonly missed: number;
  readonly pending: number;
  /** Extra doses: `extra` events, slot-less taken events, and taken events for unscheduled slots. */
  readonly extraDoses: number;
  readonly extraMg: number;
  /** taken ÷ due, null when nothing was due. */
  readonly takenShare: number | null;
  /** takenOnTime ÷ taken, null when nothing was taken. */
  readonly onTimeShare: number | null;
  /** Days with scheduled doses and none pending. */
  readonly daysAssessed: number;
  /** Assessed days on which every scheduled dose was taken. */
  readonly daysCovered: number;
  /** daysCovered ÷ daysAssessed, null when no day could be assessed. */
  readonly proportionDaysCovered: number | null;
  /** Signed minutes from due time over taken slots: mean and sample SD (null below 1 and 2). */
  readonly timing: {
    readonly n: number;
    readonly meanOffsetMinutes: number | null;
    readonly sdOffsetMinutes: number | null;
  };
  readonly days: readonly AdherenceDay[];
  readonly slots: readonly SlotOutcome[];
}

const MINUTE_MS = 60_000;

function assertInput(input: AdherenceInput, windowMinutes: number): number {
  if (!isLocalDate(input.from) || !isLocalDate(input.to)) {
    throw new RangeError(`Invalid period ${input.from}..${input.to}`);
  }
  if (!isTimeZone(input.zone)) throw new RangeError(`Unknown time zone ${input.zone}`);
  if (!Number.isFinite(windowMinutes) || windowMinutes < 0) {
    throw new RangeError(`Invalid on-time window ${windowMinutes}`);
  }
  const nowMs = Date.parse(input.now);
  if (Number.isNaN(nowMs)) throw new RangeError(`Invalid instant ${input.now}`);
  return nowMs;
}

function classify(
  slot: DoseSlot,
  event: DoseEvent | undefined,
  nowMs: number,
  windowMs: number,
): SlotOutcome {
  const dueMs = Date.parse(slot.dueAt);
  if (event === undefined) {
    const status = nowMs < dueMs + windowMs ? 'pending' : 'missed';
    return { slot, status, event: null, offsetMinutes: null, onTime: null };
  }
  if (event.kind === 'skipped') {
    return { slot, status: 'skipped', event, offsetMinutes: null, onTime: null };
  }
  const offsetMinutes = (Date.parse(event.takenAt) - dueMs) / MINUTE_MS;
  return {
    slot,
    status: 'taken',
    event,
    offsetMinutes,
    onTime: Math.abs(offsetMinutes) * MINUTE_MS <= windowMs,
  };
}

function emptyDay(date: LocalDate): MutableDay {
  return {
    date,
    scheduled: 0,
    due: 0,
    taken: 0,
    takenOnTime: 0,
    skipped: 0,
    missed: 0,
    pending: 0,
    extra: 0,
    scheduledMg: 0,
    takenMg: 0,
    covered: null,
  };
}

type MutableDay = { -readonly [K in keyof AdherenceDay]: AdherenceDay[K] };

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Adherence to the scheduled regimen over a period of local days, DST-safe (slots come from
 * `doseSlots`, offsets are computed between UTC instants) and across regimen changes.
 * Corrections are resolved first (`effectiveDoseEvents`: latest event per slot wins).
 *
 * @example
 * computeAdherence({ versions, events, zone: 'Europe/Berlin', from: '2026-03-01',
 *   to: '2026-03-31', now: '2026-03-31T21:00:00Z' }).takenShare // → 0.95
 */
export function computeAdherence(input: AdherenceInput): AdherenceReport {
  const windowMinutes = input.onTimeWindowMinutes ?? ADHERENCE_ON_TIME_WINDOW.value;
  const nowMs = assertInput(input, windowMinutes);
  const windowMs = windowMinutes * MINUTE_MS;
  const { from, to, zone } = input;

  const days = new Map<LocalDate, MutableDay>();
  for (let d = from; d <= to; d = addDays(d, 1)) days.set(d, emptyDay(d));
  const dayOf = (date: LocalDate): MutableDay | undefined => days.get(date);

  const slots = doseSlots(input.versions, from, to, zone);
  const slotKeys = new Set(slots.map((s) => s.key));
  const answers = new Map<string, DoseEvent>();
  let extraDoses = 0;
  let extraMg = 0;
  for (const e of effectiveDoseEvents(input.events)) {
    if (e.kind !== 'extra' && e.slotKey !== null && slotKeys.has(e.slotKey)) {
      answers.set(e.slotKey, e);
      continue;
    }
    if (e.kind === 'skipped') continue;
    // Extra doses fall on the local day taken; a taken event for a slot the regimen does not
    // schedule (e.g. logged under a superseded version) falls on that slot's day.
    const day = dayOf(
      e.kind === 'extra' || e.slotKey === null
        ? localDateOf(e.takenAt, zone)
        : e.slotKey.slice(0, 10),
    );
    if (day === undefined) continue;
    day.extra += 1;
    day.takenMg += e.amountMg;
    extraDoses += 1;
    extraMg += e.amountMg;
  }

  const outcomes = slots.map((slot) => classify(slot, answers.get(slot.key), nowMs, windowMs));
  for (const o of outcomes) {
    const day = dayOf(o.slot.localDate);
    /* v8 ignore next -- doseSlots only yields days inside the period */
    if (day === undefined) continue;
    day.scheduled += 1;
    day.scheduledMg += o.slot.amountMg;
    day[o.status] += 1;
    if (o.status !== 'pending') day.due += 1;
    if (o.status === 'taken') {
      day.takenMg += o.event?.amountMg ?? 0;
      if (o.onTime === true) day.takenOnTime += 1;
    }
  }

  const dayList: AdherenceDay[] = [...days.values()].map((d) => ({
    ...d,
    scheduledMg: round3(d.scheduledMg),
    takenMg: round3(d.takenMg),
    covered: d.scheduled === 0 || d.pending > 0 ? null : d.taken === d.scheduled,
  }));
  const sum = (k: 'due' | 'taken' | 'takenOnTime' | 'skipped' | 'missed' | 'pending'): number =>
    dayList.reduce((acc, d) => acc + d[k], 0);
  const taken = sum('taken');
  const due = sum('due');
  const takenOnTime = sum('takenOnTime');
  const assessed = dayList.filter((d) => d.covered !== null);
  const daysCovered = assessed.filter((d) => d.covered === true).length;
  const offsets = outcomes.flatMap((o) => (o.offsetMinutes === null ? [] : [o.offsetMinutes]));

  return {
    from,
    to,
    zone,
    onTimeWindowMinutes: windowMinutes,
    scheduled: slots.length,
    due,
    taken,
    takenOnTime,
    skipped: sum('skipped'),
    missed: sum('missed'),
    pending: sum('pending'),
    extraDoses,
    extraMg: round3(extraMg),
    takenShare: due === 0 ? null : taken / due,
    onTimeShare: taken === 0 ? null : takenOnTime / taken,
    daysAssessed: assessed.length,
    daysCovered,
    proportionDaysCovered: assessed.length === 0 ? null : daysCovered / assessed.length,
    timing: timingStats(offsets),
    days: dayList,
    slots: outcomes,
  };
}

function timingStats(offsets: readonly number[]): AdherenceReport['timing'] {
  const n = offsets.length;
  if (n === 0) return { n, meanOffsetMinutes: null, sdOffsetMinutes: null };
  const mean = offsets.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, meanOffsetMinutes: mean, sdOffsetMinutes: null };
  const ss = offsets.reduce((a, x) => a + (x - mean) ** 2, 0);
  return { n, meanOffsetMinutes: mean, sdOffsetMinutes: Math.sqrt(ss / (n - 1)) };
}

export { daysSinceRegimenStart } from './treatment.js';
