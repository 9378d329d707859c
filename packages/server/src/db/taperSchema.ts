/**
 * Supervised taper (issue 5) and data portability (issue 6). Split from schema.ts to keep files
 * small. Taper rows belong to consent category `medications`.
 */
import type { TaperAction, TaperPlan } from '@steady/core';
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';
import { patientRef } from './patientRef.js';
import { users } from './schema.js';

/** A switch from another benzodiazepine, estimated with the table the prescriber chose. */
export interface TaperConversion {
  /** The drug switched from, as named in the reference's Table 7 (e.g. "lorazepam"). */
  readonly fromDrug: string;
  readonly fromDailyMg: number;
  /** Equivalence table id from the reference (§6.4): which table gave the estimate. */
  readonly tableId: string;
  /** The estimate the table gave, in mg diazepam per day (a range when the table gives one). */
  readonly estimateMinMg: number;
  readonly estimateMaxMg: number;
  /** What the prescriber actually set as the starting diazepam dose. */
  readonly chosenDailyMg: number;
}

/**
 * One signed version of a patient's taper. A taper (`taper_id`) is a chain of versions: the
 * first is `created`, each later one is a prescriber's change (hold, resume, slowDown, stepBack,
 * endAtMaintenance) with its reason. Rows are never updated: the newest version is in force.
 * `plan` is the clinical engine's `TaperPlan` as signed, steps and warnings included.
 */
export const taperVersions = pgTable(
  'taper_versions',
  {
    id: uuid('id').primaryKey(),
    /** The taper this version belongs to (stable across versions; dispensing links to it). */
    taperId: uuid('taper_id').notNull(),
    patientId: patientRef(),
    version: integer('version').notNull(),
    action: text('action').$type<TaperAction>().notNull(),
    reason: text('reason').notNull(),
    /** Local date the version applies from (the start of the plan for `created`). */
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    plan: jsonb('plan').$type<TaperPlan>().notNull(),
    conversion: jsonb('conversion').$type<TaperConversion>(),
    /** Days after each step's start on which a withdrawal check-in is due (e.g. [2, 5, 10]). */
    checkInDays: jsonb('check_in_days').$type<number[]>().notNull(),
    /** Length of the follow-up phase after the last step, in months, and its check-in spacing. */
    followUpMonths: integer('follow_up_months').notNull(),
    followUpIntervalDays: integer('follow_up_interval_days').notNull(),
    /** The patient request this version answers, if any. */
    requestId: uuid('request_id'),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    /** How the prescriber confirmed the signature: 'password' now; a second factor later. */
    signatureMethod: text('signature_method').notNull(),
    signedAt: instant('signed_at').notNull(),
  },
  (t) => [
    uniqueIndex('taper_versions_taper_version_key').on(t.taperId, t.version),
    index('taper_versions_patient_idx').on(t.patientId, t.signedAt),
  ],
);

/** A patient's request to pause or slow their taper, with a reason, for the prescriber. */
export const taperRequests = pgTable(
  'taper_requests',
  {
    id: uuid('id').primaryKey(),
    taperId: uuid('taper_id').notNull(),
    patientId: patientRef(),
    kind: text('kind', { enum: ['pause', 'slower'] }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
    /** Closed by a version that answers it, or by the prescriber with a note. */
    closedAt: instant('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    closingVersion: integer('closing_version'),
    closingNote: text('closing_note'),
  },
  (t) => [
    index('taper_requests_open_idx')
      .on(t.patientId, t.createdAt)
      .where(sql`${t.closedAt} is null`),
  ],
);

/**
 * A patient's iCalendar feed (issue 6): the URL carries a random secret; only its SHA-256 is
 * stored. Revoking sets `revoked_at`; a new feed gets a new secret.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    tokenHash: text('token_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    lastFetchedAt: instant('last_fetched_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token_key').on(t.tokenHash),
    index('calendar_feeds_patient_idx').on(t.patientId),
  ],
);

/**
 * An account deletion the patient asked for (issue 6): the account is deleted after
 * `purge_after` unless cancelled. One open request per patient.
 */
export const accountDeletions = pgTable(
  'account_deletions',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    requestedAt: instant('requested_at').notNull(),
    purgeAfter: instant('purge_after').notNull(),
    cancelledAt: instant('cancelled_at'),
  },
  (t) => [
    uniqueIndex('account_deletions_open_key')
      .on(t.patientId)
      .where(sql`${t.cancelledAt} is null`),
  ],
);
