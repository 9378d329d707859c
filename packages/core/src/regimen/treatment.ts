import { addDays, daysBetween, isLocalDate, regimenOn } from './slots.js';
import type { LocalDate, RegimenVersion } from './types.js';

/** True when a regimen that schedules or allows diazepam is in force on the day. */
function inTreatment(versions: readonly RegimenVersion[], date: LocalDate, zone: string): boolean {
  const v = regimenOn(versions, date, zone);
  return v !== null && (v.doses.length > 0 || v.asNeeded !== null);
}

/**
 * Whole days since the first day of the current, uninterrupted course of treatment (0 on that
 * first day), following `regimenOn` day by day; null when no regimen is in force on `date`.
 * Version changes (dose or time changes) do not restart the count; a gap with no regimen does.
 *
 * @example
 * daysSinceRegimenStart(versions, '2026-01-15', 'Europe/Berlin') // → 14 (started 2026-01-01)
 */
export function daysSinceRegimenStart(
  versions: readonly RegimenVersion[],
  date: LocalDate,
  zone: string,
): number | null {
  const valid: boolean = isLocalDate(date);
  if (!valid) throw new RangeError(`Invalid date ${date}`);
  if (!inTreatment(versions, date, zone)) return null;
  const earliest = versions.reduce((min, v) => (v.startDate < min ? v.startDate : min), date);
  let start = date;
  while (start > earliest && inTreatment(versions, addDays(start, -1), zone))
    start = addDays(start, -1);
  return daysBetween(start, date);
}
