/** Alerts and the panel's per-patient activity (split from schema.ts to keep files small). */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from './columns.js';
import { users } from './schema.js';

/**
 * A signal of the clinical engine (`computeSignals`) as a lasting alert: opened when a signal
 * first appears, refreshed (`last_seen`, evidence) while it stays, kept when it goes (`present`
 * false) until a clinician resolves it. `categories` are the consent categories its evidence
 * draws on; a member sees the alert only with consent for all of them (alerts/visibility.ts).
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Full signal id, e.g. 'SIG-RISK-MOD/opioid'. */
    signalId: text('signal_id').notNull(),
    severity: text('severity', { enum: ['info', 'caution', 'warning', 'urgent'] }).notNull(),
    /** 1 info … 4 urgent, for sorting in SQL. */
    severityRank: integer('severity_rank').notNull(),
    audience: text('audience', { enum: ['patient', 'clinician', 'both'] }).notNull(),
    /** One unresolved alert per patient and key (the signal id). */
    dedupeKey: text('dedupe_key').notNull(),
    /** Sorted ids and dates of the evidence: a resolved alert reopens only on new evidence. */
    fingerprint: jsonb('fingerprint').$type<string[]>().notNull(),
    categories: jsonb('categories').$type<string[]>().notNull(),
    title: text('title').notNull(),
    evidence: jsonb('evidence').$type<unknown[]>().notNull(),
    sources: jsonb('sources').$type<unknown[]>().notNull(),
    clinicianText: text('clinician_text').notNull(),
    patientText: text('patient_text'),
    status: text('status', { enum: ['open', 'acknowledged', 'resolved'] }).notNull(),
    /** Whether the latest computation still produced the signal. */
    present: boolean('present').notNull(),
    firstSeen: instant('first_seen').notNull(),
    lastSeen: instant('last_seen').notNull(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: instant('acknowledged_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: instant('resolved_at'),
    resolutionNote: text('resolution_note'),
  },
  (t) => [
    uniqueIndex('alerts_unresolved_key')
      .on(t.patientId, t.dedupeKey)
      .where(sql`${t.status} <> 'resolved'`),
    index('alerts_patient_status_idx').on(t.patientId, t.status, t.severityRank),
  ],
);

/**
 * Per-patient facts the clinician panel sorts and shows, kept up to date with the alerts (one
 * row per patient), so the panel needs no scan of doses or check-ins across patients.
 */
export const patientActivity = pgTable('patient_activity', {
  patientId: uuid('patient_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  lastDoseAt: instant('last_dose_at'),
  lastCheckInAt: instant('last_check_in_at'),
  computedAt: instant('computed_at').notNull(),
});
