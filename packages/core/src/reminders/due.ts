/**
 * Which dose reminders are due, and when (issue 7 item 1). Pure: the server's scheduler asks
 * this when it plans (which reminders fall in the next minutes) and again when a reminder fires
 * (is it still due — the regimen, a taper step or a logged dose may have changed since).
 *
 * Reminders follow the dose slots of {@link doseSlots}: local wall-clock times in the patient's
 * zone, so 08:00 stays 08:00 across daylight-saving changes, and the regimen version in force
 * each day (taper steps included) decides the times.
 *
 * Three kinds, each at most once per slot:
 * - `dose` at the dose time. In quiet hours it is `silent`: listed in the app, no push.
 * - `again` when the dose is still not confirmed `remindAgainMinutes` after the dose time.
 *   Not sent in quiet hours (a silent repeat adds nothing), nor at or after the next dose time
 *   (the next reminder takes over).
 * - `caregiver` when the patient turned it on and the dose is still not confirmed
 *   `caregiverAfterMinutes` after the dose time. In quiet hours it waits for their end: it
 *   informs, it does not prompt a late dose.
 * A slot is confirmed once a dose taken or skipped answers it (after corrections). A dose time
 * already past when its regimen version was recorded gets no reminder of any kind.
 *
 * These timings are Steady's defaults, chosen by the patient; REFERENCE holds no source on
 * reminder timing. What to do about a missed dose is the prescriber's instruction (see
 * clinical/missedDose.ts), never the reminder's.
 */
import { effectiveDoseEvents, type LoggedDoseEvent } from '../regimen/doseLog.js';
import {
  addDays,
  doseSlots,
  localDateOf,
  localToInstant,
  type DoseSlot,
} from '../regimen/slots.js';
import type { Instant, LocalTime, RegimenVersion } from '../regimen/types.js';

export interface QuietHours {
  /** Local "HH:mm" the quiet period starts (inclusive). */
  readonly start: LocalTime;
  /** Local "HH:mm" it ends (exclusive). May be earlier than `start`: the period wraps midnight. */
  readonly end: LocalTime;
}

export interface ReminderSettings {
  /** Dose reminders to the patient (`dose` and `again`). */
  readonly enabled: boolean;
  /** Remind again this many minutes after the dose time; null: never. */
  readonly remindAgainMinutes: number | null;
  readonly quietHours: QuietHours | null;
  /** Tell the patient's caregivers about a dose not confirmed in time. */
  readonly caregiverNotice: boolean;
  readonly caregiverAfterMinutes: number;
}

/** What a patient has before changing anything. Steady defaults, not clinical facts. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: true,
  remindAgainMinutes: 30,
  quietHours: null,
  caregiverNotice: false,
  caregiverAfterMinutes: 120,
};

/** The bounds the settings screen and the API accept, in minutes. */
export const REMIND_AGAIN_MINUTES = { min: 5, max: 240 } as const;
export const CAREGIVER_AFTER_MINUTES = { min: 15, max: 720 } as const;

/**
 * A dose time up to this many minutes before its regimen version was recorded is still
 * reminded of (the same as the scheduler's catch-up window); earlier ones are not.
 */
export const RECORDED_GRACE_MINUTES = 15;

export type ReminderKind = 'dose' | 'again' | 'caregiver';

export interface DueReminder {
  /** `<kind>:<slot key>`: unique per patient, stable across plans and instances. */
  readonly key: string;
  readonly kind: ReminderKind;
  readonly slot: DoseSlot;
  readonly dueAt: Instant;
  /** In quiet hours: list it in the app, send no push. */
  readonly silent: boolean;
}

export interface RemindersDueInput {
  readonly versions: readonly RegimenVersion[];
  readonly timeZone: string;
  readonly settings: ReminderSettings;
  /** The patient's dose log (any order of recording; corrections are resolved). */
  readonly events: readonly LoggedDoseEvent[];
  /** Window start, exclusive. */
  readonly from: Instant;
  /** Window end, inclusive. */
  readonly to: Instant;
}

const MINUTE_MS = 60_000;

const minutesOf = (time: LocalTime): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(zone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallClocks.set(zone, format);
  }
  return format;
}

/** Minutes since local midnight on the wall clock of `zone` at `instant`. */
function wallMinutes(instant: Instant, zone: string): number {
  const parts = wallClock(zone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/** True when `instant` falls in the quiet hours, read on the patient's wall clock. */
export function inQuietHours(instant: Instant, zone: string, quiet: QuietHours | null): boolean {
  if (quiet === null) return false;
  const now = wallMinutes(instant, zone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

const plus = (instant: Instant, minutes: number): Instant =>
  new Date(Date.parse(instant) + minutes * MINUTE_MS).toISOString();

/**
 * When the quiet hours that `instant` falls in are over on the wall clock: the first local
 * end time after it that is not itself quiet. Only called when `instant` is in them.
 * An end inside a spring-forward gap (02:30 when the clock jumps from 02:00 to 03:00) is over
 * when the clock jumps past it (03:00); if the jump lands in the next quiet period, the end
 * the day after counts. In the repeated hour of a fall-back night the later occurrence of the
 * end counts (the slot rule), so a notice is not sent between two stretches of quiet.
 */
function quietEndAfter(instant: Instant, zone: string, quiet: QuietHours): Instant {
  let day = localDateOf(instant, zone);
  for (let i = 0; i < 3; i += 1, day = addDays(day, 1)) {
    let end = localToInstant(day, quiet.end, zone);
    if (end <= instant || inQuietHours(end, zone, quiet)) continue;
    // Moved forward by a gap: step back to the jump (a gap is at most a few hours).
    for (let step = 0; step < 240; step += 1) {
      const earlier = plus(end, -1);
      if (earlier <= instant || inQuietHours(earlier, zone, quiet)) break;
      end = earlier;
    }
    return end;
  }
  return instant;
}

/** The longest a reminder can come after its dose time with these settings, in minutes. */
function maxDelayMinutes(settings: ReminderSettings): number {
  const again = settings.enabled ? (settings.remindAgainMinutes ?? 0) : 0;
  // Quiet hours end within a day, or (when a daylight-saving jump lands in them) two.
  const held = settings.quietHours === null ? 0 : 3 * 24 * 60;
  const caregiver = settings.caregiverNotice ? settings.caregiverAfterMinutes + held : 0;
  return Math.max(again, caregiver);
}

/**
 * The reminders due in (`from`, `to`], in due order (then dose, again, caregiver).
 *
 * @example
 * remindersDue({ versions, timeZone: 'Europe/Berlin', settings: DEFAULT_REMINDER_SETTINGS,
 *   events: [], from: '2026-03-29T05:59:00.000Z', to: '2026-03-29T06:00:00.000Z' })
 * // → [{ key: 'dose:2026-03-29T08:00', kind: 'dose', dueAt: '2026-03-29T06:00:00.000Z', … }]
 */
export function remindersDue(input: RemindersDueInput): DueReminder[] {
  const { versions, timeZone: zone, settings, from, to } = input;
  if (to <= from) return [];
  const confirmed = new Set(
    effectiveDoseEvents(input.events)
      .filter((e) => e.slotKey !== null && e.kind !== 'extra')
      .map((e) => e.slotKey),
  );
  // The slots whose reminders can fall in the window: from the latest a reminder can follow
  // its dose time (a caregiver notice held by quiet hours), to a day after the window (the
  // next dose time, which bounds a repeat).
  const slots = doseSlots(
    versions,
    localDateOf(plus(from, -maxDelayMinutes(settings)), zone),
    addDays(localDateOf(to, zone), 1),
    zone,
  ).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const due: DueReminder[] = [];
  const add = (kind: ReminderKind, slot: DoseSlot, dueAt: Instant, silent: boolean) => {
    if (dueAt > from && dueAt <= to)
      due.push({ key: `${kind}:${slot.key}`, kind, slot, dueAt, silent });
  };
  const recordedAt = new Map(versions.map((v) => [v.id, v.createdAt]));
  slots.forEach((slot, index) => {
    if (confirmed.has(slot.key)) return;
    // A dose time long past when its regimen was recorded was never reminded of: no repeat or
    // caregiver notice about it either (the patient may well have taken it). One due just
    // before (a regimen entered at 08:05 with an 08:00 dose) is still reminded.
    const recorded = recordedAt.get(slot.regimenVersionId);
    if (recorded !== undefined && slot.dueAt < plus(recorded, -RECORDED_GRACE_MINUTES)) return;
    const quiet = settings.quietHours;
    if (settings.enabled) {
      add('dose', slot, slot.dueAt, inQuietHours(slot.dueAt, zone, quiet));
      if (settings.remindAgainMinutes !== null) {
        const again = plus(slot.dueAt, settings.remindAgainMinutes);
        const next = slots[index + 1];
        const beforeNext = next === undefined || again < next.dueAt;
        if (beforeNext && !inQuietHours(again, zone, quiet)) add('again', slot, again, false);
      }
    }
    if (settings.caregiverNotice) {
      const at = plus(slot.dueAt, settings.caregiverAfterMinutes);
      const held =
        quiet !== null && inQuietHours(at, zone, quiet) ? quietEndAfter(at, zone, quiet) : at;
      add('caregiver', slot, held, false);
    }
  });
  const order: Record<ReminderKind, number> = { dose: 0, again: 1, caregiver: 2 };
  return due.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || order[a.kind] - order[b.kind]);
}
