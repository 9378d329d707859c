import { localTimeOf, localToInstant } from '@steady/core';

/** Current wall-clock time "HH:mm" in `zone`. */
export function nowLocalTime(zone: string): string {
  return localTimeOf(new Date().toISOString(), zone);
}

/** The instant for `time` on `date` in `zone`, or null when it is in the future (with a minute's grace). */
export function pastInstant(date: string, time: string, zone: string): string | null {
  const instant = localToInstant(date, time, zone);
  return Date.parse(instant) <= Date.now() + 60_000 ? instant : null;
}
