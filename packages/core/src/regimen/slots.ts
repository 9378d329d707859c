import { DateTime } from 'luxon';
import type { Instant, LocalDate, LocalTime, RegimenVersion } from './types.js';

/** A scheduled dose occurrence on a given local day. */
export interface DoseSlot {
  /** Stable key "YYYY-MM-DDTHH:mm" in the patient's local time. */
  readonly key: string;
  readonly localDate: LocalDate;
  readonly localTime: LocalTime;
  /** The instant the slot is due. In a DST gap (e.g. 02:30 on spring-forward day) the
   * wall time is shifted forward by the gap, as people's clocks do. */
  readonly dueAt: Instant;
  readonly amountMg: number;
  readonly regimenVersionId: string;
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a well-formed "HH:mm" time. */
export function isLocalTime(value: string): value is LocalTime {
  return TIME_RE.test(value);
}

/** True for a real calendar date "YYYY-MM-DD". */
export function isLocalDate(value: string): value is LocalDate {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/**
 * A bounded memo for the pure date functions below: the scheduler asks the same few local
 * times (08:00 in Europe/Berlin today) for thousands of patients, and each luxon conversion
 * costs microseconds. Results depend only on the arguments (and the runtime's zone data), so
 * memoizing changes no answer. Cleared whole when full.
 */
function memo<R>(limit: number, compute: (key: string) => R): (key: string) => R {
  const cache = new Map<string, R>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}

const toInstant = memo(100_000, (key) => {
  const [local = '', zone = ''] = key.split('|');
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new RangeError(`Invalid local time ${local} in ${zone}`);
  return dt.toUTC().toISO();
});

/** Convert local date + time in `zone` to a UTC instant (DST-gap times shift forward). */
export function localToInstant(date: LocalDate, time: LocalTime, zone: string): Instant {
  return toInstant(`${date}T${time}|${zone}`);
}

const dateOf = memo(20_000, (key) => {
  const [instant = '', zone = ''] = key.split('|');
  return DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone).toISODate() ?? '';
});

/** The local calendar date of an instant in `zone`. */
export function localDateOf(instant: Instant, zone: string): LocalDate {
  return dateOf(`${instant}|${zone}`);
}

/** The local wall-clock time "HH:mm" of an instant in `zone`. */
export function localTimeOf(instant: Instant, zone: string): LocalTime {
  return DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone).toFormat('HH:mm');
}

const shifted = memo(20_000, (key) => {
  const [date = '', days = '0'] = key.split('|');
  return (
    DateTime.fromISO(date, { zone: 'UTC' })
      .plus({ days: Number(days) })
      .toISODate() ?? ''
  );
});

/** Add whole calendar days to a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return shifted(`${date}|${String(days)}`);
}

/** Whole calendar days from `a` to `b` (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const d = DateTime.fromISO(b, { zone: 'UTC' }).diff(DateTime.fromISO(a, { zone: 'UTC' }), 'days');
  return Math.round(d.days);
}

/**
 * The regimen version in force on a local day, or null when there is none.
 *
 * Among the versions that have started (`startDate <= date`) and were recorded (`createdAt`)
 * before the end of that local day in `zone`, the newest by `createdAt` is in force (ties: the
 * higher `version`, then the earlier in the list). If that version has ended (`endDate < date`)
 * there is no regimen that day: an end date means the prescriber stopped the regimen, so an
 * older, open-ended version does not come back after it. A version that starts later does not
 * displace the current one before its start date. Deliberately simple: to continue after an end
 * date, record a new version.
 *
 * @example
 * // v1 from Jan 1 (open); v2 recorded later, Feb 1 – Feb 28
 * regimenOn([v1, v2], '2026-01-20', 'UTC')?.id // → v1 (v2 not started yet)
 * regimenOn([v1, v2], '2026-02-10', 'UTC')?.id // → v2
 * regimenOn([v1, v2], '2026-03-05', 'UTC')     // → null (v2 ended; v1 does not re-apply)
 */
export function regimenOn(
  versions: readonly RegimenVersion[],
  date: LocalDate,
  zone: string,
): RegimenVersion | null {
  const endOfDay = localToInstant(addDays(date, 1), '00:00', zone);
  let best: RegimenVersion | null = null;
  for (const v of versions) {
    if (v.startDate > date || v.createdAt >= endOfDay) continue;
    if (
      best === null ||
      v.createdAt > best.createdAt ||
      (v.createdAt === best.createdAt && v.version > best.version)
    ) {
      best = v;
    }
  }
  return best !== null && best.endDate !== null && best.endDate < date ? null : best;
}

/**
 * Scheduled dose slots for each local day from `from` to `to` (inclusive), in the patient's
 * time zone, using whichever regimen version was in force each day.
 *
 * @example
 * doseSlots(versions, '2026-03-08', '2026-03-08', 'America/New_York')
 * // → [{ key: '2026-03-08T08:00', dueAt: '2026-03-08T12:00:00.000Z', amountMg: 5, … }, …]
 */
export function doseSlots(
  versions: readonly RegimenVersion[],
  from: LocalDate,
  to: LocalDate,
  zone: string,
): DoseSlot[] {
  const slots: DoseSlot[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const v = regimenOn(versions, day, zone);
    if (v === null) continue;
    const times = [...v.doses].sort((a, b) => a.time.localeCompare(b.time));
    for (const d of times) {
      slots.push({
        key: `${day}T${d.time}`,
        localDate: day,
        localTime: d.time,
        dueAt: localToInstant(day, d.time, zone),
        amountMg: d.amountMg,
        regimenVersionId: v.id,
      });
    }
  }
  return slots;
}

/** Total scheduled daily amount of a regimen version (as-needed doses excluded). */
export function scheduledDailyTotal(v: Pick<RegimenVersion, 'doses'>): number {
  return v.doses.reduce((sum, d) => sum + d.amountMg, 0);
}
