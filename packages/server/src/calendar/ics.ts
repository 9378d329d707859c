/**
 * Writing the feed as iCalendar (RFC 5545) with the `ics` library. Every time is a UTC instant
 * (`DTSTART:…Z`): the events were placed in the patient's zone before (dose times, check-ups),
 * so calendar apps show them right in any zone, across daylight-saving changes.
 */
import { createEvents, type Alarm, type EventAttributes } from 'ics';

export interface FeedEvent {
  /** Stable across fetches, so calendar apps update an event instead of adding a copy. */
  readonly uid: string;
  readonly start: Date;
  readonly durationMinutes: number;
  readonly title: string;
  readonly description: string;
  readonly location: string | null;
  /** Reminders, in minutes before the start (0: at the start). */
  readonly alarmsMinutesBefore: readonly number[];
}

export const CALENDAR_NAME = 'Steady';

/** A reminder: at the start as an absolute instant (the library writes `PT` for 0 minutes). */
function alarm(event: FeedEvent, minutesBefore: number): Alarm {
  return {
    action: 'display',
    description: event.title,
    trigger:
      minutesBefore === 0
        ? event.start.getTime()
        : { before: true, hours: Math.floor(minutesBefore / 60), minutes: minutesBefore % 60 },
  };
}

function attributes(event: FeedEvent): EventAttributes {
  return {
    uid: event.uid,
    start: event.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: event.durationMinutes },
    title: event.title,
    description: event.description,
    ...(event.location === null ? {} : { location: event.location }),
    // Reminders must not block time in the patient's calendar.
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
    classification: 'PRIVATE',
    alarms: event.alarmsMinutesBefore.map((m) => alarm(event, m)),
  };
}

/** The whole feed as one VCALENDAR (with no events when nothing is coming). */
export function writeCalendar(events: readonly FeedEvent[]): string {
  const header = { productId: '-//Steady//Calendar feed//EN', calName: CALENDAR_NAME };
  const { error, value } = createEvents(events.map(attributes), header);
  if (error !== null || value === null) throw error ?? new Error('calendar could not be written');
  return value;
}
