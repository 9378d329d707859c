/**
 * Loaders and per-day grouping shared by the patient's history and the clinician chart: both
 * read the dose log and the check-ins of a span of the patient's local days.
 */
import { addDays, localToInstant, type CheckIn, type LocalDate } from '@steady/core';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { doseEvents } from '../db/schema.js';
import { findDoseEvents, type DoseEventView } from '../doses/repo.js';

export const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * The dose events of [from, to) (plus those answering `slotKeys`), and the subset that still
 * counts: an entry superseded by a correction stays in `events` (timelines show it) but not
 * in `counted`, also when the correction moved the dose outside the range. `counted` still
 * holds slot answers a later event for the same slot overrides: `effectiveDoseEvents` (and
 * everything in core built on it) resolves those. Corrections are few, so all of the
 * patient's are read rather than looking up every event of a long range by id.
 */
export async function loadDoseLog(
  db: Db,
  patientId: string,
  range: { readonly from: Date; readonly to: Date },
  slotKeys: readonly string[] = [],
): Promise<{ events: DoseEventView[]; counted: DoseEventView[] }> {
  const events = await findDoseEvents(db, patientId, range, slotKeys);
  const corrections = await db
    .select({ id: doseEvents.supersedes })
    .from(doseEvents)
    .where(and(eq(doseEvents.patientId, patientId), isNotNull(doseEvents.supersedes)));
  const superseded = new Set(corrections.map((c) => c.id));
  return { events, counted: events.filter((e) => !superseded.has(e.id)) };
}

/** Check-ins grouped by local day (`dayOf` their instant), each day's oldest first. */
export function checkInsByDay(
  checkIns: readonly CheckIn[],
  dayOf: (at: number) => LocalDate | null,
): Map<LocalDate, CheckIn[]> {
  const days = new Map<LocalDate, CheckIn[]>();
  for (const c of checkIns) {
    const day = dayOf(Date.parse(c.at));
    if (day === null) continue;
    const list = days.get(day);
    if (list === undefined) days.set(day, [c]);
    else list.push(c);
  }
  return days;
}

/** The patient's local days `from`..`to` and the instants bounding them, for fast bucketing. */
export interface LocalCalendar {
  readonly dates: readonly LocalDate[];
  /** `bounds[i]` starts `dates[i]` (epoch ms); the last entry ends the last day. */
  readonly bounds: readonly number[];
  /** Index in `dates` of the day holding an instant (epoch ms), or -1 outside the calendar. */
  readonly indexOf: (at: number) => number;
  /** Local date of an instant (epoch ms), or null outside the calendar. */
  readonly dayOf: (at: number) => LocalDate | null;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** `YYYY-MM-DD` dates from `from` to `to` (calendar arithmetic, no zone involved). */
export function datesFrom(from: LocalDate, to: LocalDate): LocalDate[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const out: LocalDate[] = [];
  for (let t = start; t <= end; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * The local midnights of `from`..`to + 1` in `zone`, exactly as `dayBounds` (core's
 * `localToInstant`) places them, but with core's calendar arithmetic only where a day is not 24
 * hours after the previous one. A wall clock read through `Intl` confirms each 24-hour step: the
 * candidate must read 00:00 of the day and an hour later 01:00 (no gap or repeated hour).
 * Luxon costs tens of microseconds a call; a year of days, check-ins and doses would take many.
 */
export function localCalendar(from: LocalDate, to: LocalDate, zone: string): LocalCalendar {
  const days = datesFrom(from, to);
  const all = [...days, addDays(to, 1)];
  const wall = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const reads = (ms: number, date: LocalDate, hour: string) =>
    wall.format(ms).replace(/[^\d]/g, '') === `${date.replaceAll('-', '')}${hour}00`;
  const exact = (date: LocalDate) => Date.parse(localToInstant(date, '00:00', zone));
  const bounds: number[] = [];
  for (const date of all) {
    const previous = bounds.at(-1);
    const candidate = previous === undefined ? undefined : previous + DAY_MS;
    bounds.push(
      candidate !== undefined &&
        reads(candidate, date, '00') &&
        reads(candidate + HOUR_MS, date, '01')
        ? candidate
        : exact(date),
    );
  }
  return calendarOf(days, bounds);
}

/** The same calendar from its `first` day on (no time-zone work). */
export function calendarFrom(calendar: LocalCalendar, first: number): LocalCalendar {
  return calendarOf(calendar.dates.slice(first), calendar.bounds.slice(first));
}

function calendarOf(dates: readonly LocalDate[], bounds: readonly number[]): LocalCalendar {
  const indexOf = (at: number): number => {
    if (!(at >= (bounds[0] ?? Infinity)) || !(at < (bounds.at(-1) ?? -Infinity))) return -1;
    let lo = 0;
    let hi = dates.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bounds[mid] ?? Infinity) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { dates, bounds, indexOf, dayOf: (at) => dates[indexOf(at)] ?? null };
}
