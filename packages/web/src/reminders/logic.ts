/**
 * Pure helpers of the notification centre and the reminder settings screen (unit-tested):
 * grouping by the user's local day, the choices offered, and the form's checks.
 */
import { addDays, localDateOf, type LocalDate } from '@steady/core';
import type { NotificationView, ReminderSettings } from './api';

export interface DayGroup {
  readonly date: LocalDate;
  readonly items: readonly NotificationView[];
}

/**
 * Notifications (newest first, as the API lists them) in groups by the local day they arrived,
 * in the user's zone. Order is kept, within and across days.
 */
export function groupByDay(
  items: readonly NotificationView[],
  timeZone: string,
): readonly DayGroup[] {
  const groups: { date: LocalDate; items: NotificationView[] }[] = [];
  for (const item of items) {
    const date = localDateOf(item.createdAt, timeZone);
    const last = groups.at(-1);
    if (last?.date === date) last.items.push(item);
    else groups.push({ date, items: [item] });
  }
  return groups;
}

/** 'today', 'yesterday' or null (then show the date) for a day, relative to `now`. */
export function relativeDay(
  date: LocalDate,
  now: string,
  timeZone: string,
): 'today' | 'yesterday' | null {
  const today = localDateOf(now, timeZone);
  if (date === today) return 'today';
  return date === addDays(today, -1) ? 'yesterday' : null;
}

/** The ids of the shown notifications not read yet (to mark them read on opening). */
export const unreadIds = (items: readonly NotificationView[]): string[] =>
  items.filter((n) => n.readAt === null).map((n) => n.id);

/** Whether the "Taken" button belongs on a notification: the patient's own, dose still open. */
export const offersTaken = (n: NotificationView): boolean =>
  (n.kind === 'dose' || n.kind === 'again') && n.slotKey !== null && n.dose?.status === 'pending';

/**
 * The cards that carry the "Taken" button: of the open reminders of one slot (the dose and its
 * repeat), only the newest — one button per dose. `items` newest first.
 */
export function takenCards(items: readonly NotificationView[]): ReadonlySet<string> {
  const slots = new Set<string>();
  const ids = new Set<string>();
  for (const n of items) {
    if (!offersTaken(n) || n.slotKey === null || slots.has(n.slotKey)) continue;
    slots.add(n.slotKey);
    ids.add(n.id);
  }
  return ids;
}

/** "Remind me again" choices, in minutes (null: not again). Steady defaults, the patient's pick. */
export const REMIND_AGAIN_CHOICES: readonly (number | null)[] = [null, 15, 30, 60, 90, 120];

/** "Tell my caregiver after" choices, in minutes. */
export const CAREGIVER_AFTER_CHOICES: readonly number[] = [30, 60, 120, 180, 240, 360];

/** The choices, with the saved value added in order when it is not one of them (set elsewhere). */
export function choicesWith<T extends number | null>(choices: readonly T[], current: T): T[] {
  if (choices.includes(current)) return [...choices];
  const numbers = [...choices.filter((c) => c !== null), current].sort(
    (a, b) => (a ?? 0) - (b ?? 0),
  );
  return [...(choices.includes(null as T) ? [null as T] : []), ...numbers];
}

/** Minutes split for the words: "After 30 minutes", "After 2 hours", "After 1 h 30 min". */
export function minutesParts(
  minutes: number,
):
  | { unit: 'minutes'; count: number }
  | { unit: 'hours'; count: number }
  | { unit: 'mixed'; hours: number; minutes: number } {
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes % 60 === 0) return { unit: 'hours', count: minutes / 60 };
  return { unit: 'mixed', hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** What is wrong with the form before it is sent, or null. */
export function settingsProblem(settings: ReminderSettings): 'quietSame' | 'quietMissing' | null {
  const q = settings.quietHours;
  if (q === null) return null;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(q.start) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(q.end)) {
    return 'quietMissing';
  }
  return q.start === q.end ? 'quietSame' : null;
}

/** Quiet hours a patient turning them on starts from (Steady default, edited freely). */
export const DEFAULT_QUIET_HOURS = { start: '22:00', end: '07:00' } as const;
