/**
 * Check-up logic of the web app: times are the patient's (the form's date and time are read in
 * the patient's zone), Today shows the next two weeks, questions group by the visit they are for.
 */
import { addDays, isLocalDate, isLocalTime, localDateOf, localToInstant } from '@steady/core';
import type { Appointment, Comparison, VisitQuestion } from './types';

/** How long a check-up may last, in minutes (the API takes 5–480). */
export const DURATIONS = [15, 30, 45, 60, 90] as const;
/** Today shows the check-ups of this many local days, today included. */
export const TODAY_DAYS = 14;

/** The instant a check-up starts: `date` at `time` in the patient's zone; null unless both are valid. */
export function startsAtOf(date: string, time: string, zone: string): string | null {
  if (!isLocalDate(date) || !isLocalTime(time)) return null;
  return localToInstant(date, time, zone);
}

/** Scheduled check-ups not over yet that start within `days` local days (the patient's), soonest first. */
export function nextCheckups(
  list: readonly Appointment[],
  zone: string,
  now: string,
  days = TODAY_DAYS,
): Appointment[] {
  const last = addDays(localDateOf(now, zone), days - 1);
  return list
    .filter(
      (a) =>
        a.status === 'scheduled' && Date.parse(a.endsAt) > Date.parse(now) && a.localDate <= last,
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The zone to name beside times: the patient's, when the viewer lives in another one. */
export function zoneToName(patientZone: string, viewerZone: string): string | null {
  return patientZone === viewerZone ? null : patientZone;
}

/**
 * The questions not answered yet: those for each coming check-up (by its id), and the rest —
 * for the next visit, or left over from a visit that is past or cancelled — oldest first.
 */
export function openQuestions(
  questions: readonly VisitQuestion[],
  upcoming: readonly Appointment[],
): { forCheckup: Map<string, VisitQuestion[]>; forNext: VisitQuestion[] } {
  const ids = new Set(upcoming.filter((a) => a.status === 'scheduled').map((a) => a.id));
  const forCheckup = new Map<string, VisitQuestion[]>();
  const forNext: VisitQuestion[] = [];
  const open = questions
    .filter((q) => q.answered === null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const q of open) {
    if (q.appointmentId !== null && ids.has(q.appointmentId)) {
      forCheckup.set(q.appointmentId, [...(forCheckup.get(q.appointmentId) ?? []), q]);
    } else forNext.push(q);
  }
  return { forCheckup, forNext };
}

export type Direction = 'up' | 'down' | 'same';

/** Which way a value moved since the last visit; null when either side is missing. */
export function direction(c: Comparison): Direction | null {
  if (c.change === null) return null;
  if (c.change === 0) return 'same';
  return c.change > 0 ? 'up' : 'down';
}

/** A share (0–1) as a whole percentage, e.g. 0.9 → 90. */
export const percent = (share: number): number => Math.round(share * 100);
