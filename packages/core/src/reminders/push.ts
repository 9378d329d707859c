/**
 * The Web Push message contract (issue 7): the JSON the server encrypts for a device
 * (server reminders/pushText.ts) and the service worker reads (web push/payload.ts). Types only.
 */

/** What a stored notification is about. */
export type NotificationKind = 'dose' | 'again' | 'caregiver' | 'test';

/** A button on the notification. */
export interface PushAction {
  readonly action: 'taken';
  readonly title: string;
}

/** The decrypted push message, exactly the fields of the contract. */
export interface PushPayload {
  readonly v: 1;
  readonly notificationId: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly tag: string;
  /** A path in the app (same origin), opened by a plain tap. */
  readonly url: string;
  readonly patientId: string;
  readonly slotKey: string | null;
  readonly actions: readonly PushAction[];
}
