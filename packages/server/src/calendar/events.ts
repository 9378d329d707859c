/**
 * What the calendar feed shows for the coming weeks, in the patient's zone: scheduled dose
 * times (following every regimen version, taper steps included: core `doseSlots`), assigned
 * questionnaires and taper withdrawal check-ins when due, and scheduled check-ups. Each event
 * has a reminder. Read with the features' own loaders.
 */
import {
  addDays,
  daysBetween,
  doseSlots,
  getInstrument,
  localDateOf,
  localToInstant,
  type LocalDate,
} from '@steady/core';
import { loadAppointments } from '../checkups/appointments.js';
import type { AppContext } from '../context.js';
import { listAssignments, type AssignmentView } from '../questionnaires/repo.js';
import { loadRegimenVersions } from '../regimen/service.js';
import { loadTaperVersions } from '../taper/repository.js';
import type { FeedEvent } from './ics.js';

/** How far ahead the feed reaches (calendar apps fetch it again every few hours). */
export const FEED_WEEKS = 6;
/**
 * Local time of the reminder for a questionnaire or check-in due on a day (Steady default,
 * adjustable here): due items have a date, not a time.
 */
export const DUE_REMINDER_TIME = '09:00';

const CHECKUP_ALARMS = [24 * 60, 60];
const MODE_TEXT = { in_person: 'In person', phone: 'By phone', video: 'By video' } as const;

export interface Window {
  readonly today: LocalDate;
  readonly last: LocalDate;
  readonly zone: string;
  /** Makes every uid unique to the feed (a new feed is a new calendar). */
  readonly suffix: string;
}

const dueEvent = (w: Window, uid: string, date: LocalDate, title: string): FeedEvent => ({
  uid: `${uid}-${date}@${w.suffix}`,
  start: new Date(localToInstant(date, DUE_REMINDER_TIME, w.zone)),
  durationMinutes: 15,
  title,
  description: 'Open Steady to answer it.',
  location: null,
  alarmsMinutesBefore: [0],
});

/** Due dates of an assignment in the window: today when due now, then every cadence step. */
export function assignmentDueDates(a: AssignmentView, w: Window): LocalDate[] {
  const dates = a.due ? [w.today] : [];
  const first = Math.max(0, Math.floor(daysBetween(a.startDate, w.today) / a.cadenceDays));
  for (let k = first; ; k += 1) {
    const date = addDays(a.startDate, k * a.cadenceDays);
    if (date > w.last) break;
    if (date > w.today) dates.push(date);
  }
  return dates;
}

async function doseEvents(ctx: AppContext, patientId: string, w: Window): Promise<FeedEvent[]> {
  const versions = await loadRegimenVersions(ctx, patientId);
  return doseSlots(versions, w.today, w.last, w.zone).map((slot) => ({
    uid: `dose-${slot.key}@${w.suffix}`,
    start: new Date(slot.dueAt),
    durationMinutes: 5,
    title: `Dose: ${String(slot.amountMg)} mg`,
    description: `Diazepam ${String(slot.amountMg)} mg as prescribed. Log it in Steady.`,
    location: null,
    alarmsMinutesBefore: [0],
  }));
}

async function questionnaireEvents(
  ctx: AppContext,
  patientId: string,
  w: Window,
): Promise<FeedEvent[]> {
  const assignments = await listAssignments(ctx, patientId, w.zone);
  return assignments
    .filter((a) => a.status === 'active')
    .flatMap((a) => {
      const name = getInstrument(a.instrumentId)?.shortTitle ?? a.instrumentId;
      return assignmentDueDates(a, w).map((date) =>
        dueEvent(w, `questionnaire-${a.id}`, date, `Questionnaire due: ${name}`),
      );
    });
}

/** Withdrawal check-ins of the taper in force: `checkInDays` after each step starts. */
async function taperEvents(ctx: AppContext, patientId: string, w: Window): Promise<FeedEvent[]> {
  const current = (await loadTaperVersions(ctx, patientId)).at(-1);
  if (current === undefined) return [];
  return current.plan.steps.flatMap((step) =>
    current.checkInDays
      .map((days) => addDays(step.startDate, days))
      .filter((date) => date >= w.today && date <= w.last)
      .map((date) =>
        dueEvent(
          w,
          `taper-${current.taperId}-step-${String(step.index)}`,
          date,
          'Withdrawal check-in due',
        ),
      ),
  );
}

async function checkupEvents(
  ctx: AppContext,
  patientId: string,
  w: Window,
  now: Date,
): Promise<FeedEvent[]> {
  const end = localToInstant(addDays(w.last, 1), '00:00', w.zone);
  const upcoming = await loadAppointments(ctx.db, patientId, w.zone, now, { scope: 'upcoming' });
  return upcoming
    .filter((a) => a.status === 'scheduled' && a.startsAt < end)
    .map((a) => ({
      uid: `checkup-${a.id}@${w.suffix}`,
      start: new Date(a.startsAt),
      durationMinutes: a.durationMinutes,
      title: `Check-up with ${a.member.displayName}`,
      description: [MODE_TEXT[a.mode], a.note].filter((s) => s !== null).join('. '),
      location: a.location,
      alarmsMinutesBefore: CHECKUP_ALARMS,
    }));
}

/** Every event of the feed, soonest first. */
export async function feedEvents(
  ctx: AppContext,
  patientId: string,
  zone: string,
  feedId: string,
): Promise<FeedEvent[]> {
  const now = ctx.now();
  const today = localDateOf(now.toISOString(), zone);
  const w: Window = {
    today,
    last: addDays(today, FEED_WEEKS * 7 - 1),
    zone,
    suffix: `${feedId}.steady`,
  };
  const parts = await Promise.all([
    doseEvents(ctx, patientId, w),
    questionnaireEvents(ctx, patientId, w),
    taperEvents(ctx, patientId, w),
    checkupEvents(ctx, patientId, w, now),
  ]);
  return parts
    .flat()
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
}
