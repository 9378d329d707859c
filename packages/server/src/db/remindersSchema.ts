/**
 * Reminders, notifications and Web Push (issue 7 items 1–3). Split from schema.ts to keep files
 * small. See docs/reminders.md.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from './columns.js';
import { patientRef } from './patientRef.js';
import { users } from './schema.js';

/**
 * The patient's reminder settings. No row means the defaults (core `DEFAULT_REMINDER_SETTINGS`):
 * reminders on, again after 30 minutes, no quiet hours, no caregiver notice.
 */
export const reminderSettings = pgTable('reminder_settings', {
  patientId: uuid('patient_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull(),
  /** Minutes after the dose time to remind again when the dose is not confirmed; null: never. */
  remindAgainMinutes: integer('remind_again_minutes'),
  /** Quiet hours, local "HH:mm"; both null when none. May wrap midnight (22:00 → 07:00). */
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  /** Tell the patient's caregivers (with medication consent) about a dose not confirmed. */
  caregiverNotice: boolean('caregiver_notice').notNull(),
  caregiverAfterMinutes: integer('caregiver_after_minutes').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/**
 * One notification for one person: the in-app notification centre lists these, and push sends
 * the same ones. `dedupeKey` is unique: it is what makes each reminder exactly once, whichever
 * instance (or retry) creates it — e.g. `dose:<patientId>:<slotKey>` or
 * `caregiver:<caregiverId>:<patientId>:<slotKey>`.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    /** Who sees it: the patient, or a caregiver. */
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The patient it is about. */
    patientId: patientRef(),
    /** 'dose' | 'again' | 'caregiver' | 'test'. */
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    /** The dose slot ("YYYY-MM-DDTHH:mm" local) for dose reminders, else null. */
    slotKey: text('slot_key'),
    /** What the text needs (amount, local time, patient's name for a caregiver). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** When it was due (the dose time, or the re-remind / notice time). */
    dueAt: instant('due_at').notNull(),
    createdAt: instant('created_at').notNull(),
    /** Quiet hours: shown in the centre, no push. */
    silent: boolean('silent').notNull(),
    readAt: instant('read_at'),
    /** 'none' (silent or no device) | 'pending' | 'sent' | 'failed'. */
    pushStatus: text('push_status').notNull(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_idx').on(t.dedupeKey),
    index('notifications_recipient_idx').on(t.recipientId, t.createdAt),
    index('notifications_patient_slot_idx').on(t.patientId, t.slotKey),
    check('notifications_kind_check', sql`${t.kind} in ('dose', 'again', 'caregiver', 'test')`),
  ],
);

/** A browser's push subscription (one per device), for its signed-in user. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    /** The browser's P-256 public key and auth secret (base64url), RFC 8291. */
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    /** A name the person recognises ("Pixel 7 — Chrome"). */
    label: text('label').notNull(),
    createdAt: instant('created_at').notNull(),
    lastSuccessAt: instant('last_success_at'),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_idx').on(t.endpoint),
    index('push_subscriptions_user_idx').on(t.userId),
  ],
);

/**
 * The server's VAPID key pair (RFC 8292), generated on first start and shared by every instance
 * on the database. One row, id 1. The private key never leaves the server.
 */
export const vapidKeys = pgTable(
  'vapid_keys',
  {
    id: integer('id').primaryKey(),
    publicKey: text('public_key').notNull(),
    privateKey: text('private_key').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [check('vapid_keys_single_row', sql`${t.id} = 1`)],
);
