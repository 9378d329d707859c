/**
 * The words of a push message and the JSON the service worker reads (packages/web/src/push/
 * payload.ts). A notification can show on a locked phone, where anyone nearby may read it: the
 * title and body never name the drug and never carry an amount — only the local time of the dose
 * and, for a caregiver, the patient's first name. The amount stays in the app (the centre shows it
 * once the phone is unlocked).
 */

import type { NotificationKind, PushPayload } from '@steady/core';

export type { NotificationKind, PushPayload } from '@steady/core';

/** Where a tap on the notification goes. */
export const PUSH_URL = '/notifications';

/** The label of the "Taken" button on a dose reminder. */
export const TAKEN_ACTION_TITLE = 'Taken';

/** What a push message is built from: one stored notification and who receives it. */
export interface PushSource {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly recipientId: string;
  readonly patientId: string;
  readonly slotKey: string | null;
  /** The notification's `data`: `{ localTime, amountMg, patientName }` for reminders. */
  readonly data: Readonly<Record<string, unknown>>;
}

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "08:00" from the data, else from the slot key ("2026-03-10T08:00"), else a neutral word. */
function timeOf(source: PushSource): string | null {
  const fromData = source.data['localTime'];
  if (typeof fromData === 'string' && LOCAL_TIME.test(fromData)) return fromData;
  const fromSlot = source.slotKey?.slice(11) ?? '';
  return LOCAL_TIME.test(fromSlot) ? fromSlot : null;
}

/** The first word of a display name ("Sam" of "Sam Taylor"), at most 40 characters. */
export function firstName(displayName: unknown): string | null {
  if (typeof displayName !== 'string') return null;
  const first = displayName.trim().split(/\s+/)[0] ?? '';
  return first === '' ? null : first.slice(0, 40);
}

/** Title and body, lock-screen safe (no drug name, no amount). */
export function pushText(source: PushSource): { title: string; body: string } {
  const time = timeOf(source);
  const dose = time === null ? 'dose' : `${time} dose`;
  switch (source.kind) {
    case 'dose':
      return { title: `Time for your ${dose}`, body: 'Tap Taken when you have taken it.' };
    case 'again':
      return {
        title: `Your ${dose} is not logged yet`,
        body: 'Tap Taken if you have taken it, or open Steady.',
      };
    case 'caregiver': {
      const name = firstName(source.data['patientName']) ?? 'Someone you help';
      return {
        title: `${name} has not logged the ${dose}`,
        body: 'Open Steady to see their day.',
      };
    }
    case 'test':
      return {
        title: 'Steady notifications work on this device',
        body: 'Your reminders will show here.',
      };
  }
}

/** The JSON a device receives for one notification. */
export function pushPayload(source: PushSource): PushPayload {
  const { title, body } = pushText(source);
  const slotKey = source.kind === 'test' ? null : source.slotKey;
  const reminder = source.kind === 'dose' || source.kind === 'again';
  const toPatient = source.recipientId === source.patientId;
  return {
    v: 1,
    notificationId: source.id,
    kind: source.kind,
    title,
    body,
    // A repeat of the same dose replaces the first one on the lock screen.
    tag: reminder && slotKey !== null ? `slot:${slotKey}` : source.id,
    url: PUSH_URL,
    patientId: source.patientId,
    slotKey,
    actions:
      reminder && toPatient && slotKey !== null
        ? [{ action: 'taken', title: TAKEN_ACTION_TITLE }]
        : [],
  };
}
