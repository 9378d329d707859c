/**
 * Beyond the pill (issue 8): sessions of non-drug techniques and therapies done elsewhere,
 * therapists' assignments, the patient's goals, and the patient's display preferences. Split
 * from schema.ts to keep files small. Consent category `techniques` (techniques and goals).
 */
import {
  date,
  index,
  integer,
  pgTable,
  text,
  boolean,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from './columns.js';
import { patientRef } from './patientRef.js';
import { users } from './schema.js';

/**
 * A physical therapist's home exercise, a psychologist's CBT homework, or a library technique
 * a clinician suggests. Completion is a `technique_sessions` row naming the assignment.
 */
export const techniqueAssignments = pgTable(
  'technique_assignments',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    kind: text('kind', { enum: ['exercise', 'cbt', 'technique'] }).notNull(),
    /** A library technique id (core `techniques/`), or null for a free-form exercise. */
    techniqueId: text('technique_id'),
    title: text('title').notNull(),
    description: text('description'),
    sets: integer('sets'),
    reps: integer('reps'),
    minutes: integer('minutes'),
    /** How often: times per week (7 = daily). */
    timesPerWeek: integer('times_per_week').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: instant('assigned_at').notNull(),
    endedAt: instant('ended_at'),
    endedBy: uuid('ended_by').references(() => users.id),
  },
  (t) => [index('technique_assignments_patient_idx').on(t.patientId)],
);

/**
 * One session: a guided or self-led library technique, an assigned exercise, or a therapy done
 * elsewhere (physical therapy, acupuncture, massage, other) with who gave it.
 */
export const techniqueSessions = pgTable(
  'technique_sessions',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    /** Library id ('paced-breathing', …) or an elsewhere therapy ('acupuncture', …). */
    techniqueId: text('technique_id').notNull(),
    kind: text('kind', { enum: ['guided', 'self', 'elsewhere', 'assignment'] }).notNull(),
    assignmentId: uuid('assignment_id').references(() => techniqueAssignments.id),
    startedAt: instant('started_at').notNull(),
    durationMinutes: integer('duration_minutes'),
    painBefore: integer('pain_before'),
    painAfter: integer('pain_after'),
    tensionBefore: integer('tension_before'),
    tensionAfter: integer('tension_after'),
    /** For therapies elsewhere: who gave it (free text, e.g. "Riverside physio"). */
    provider: text('provider'),
    note: text('note'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('technique_sessions_idempotency_key').on(t.patientId, t.idempotencyKey),
    index('technique_sessions_patient_idx').on(t.patientId, t.startedAt),
  ],
);

/** A meaningful-activity goal the patient sets: what, how often, by when. */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    what: text('what').notNull(),
    timesPerWeek: integer('times_per_week').notNull(),
    byDate: date('by_date', { mode: 'string' }),
    createdAt: instant('created_at').notNull(),
    achievedAt: instant('achieved_at'),
    archivedAt: instant('archived_at'),
  },
  (t) => [index('goals_patient_idx').on(t.patientId)],
);

/** "I did it" for a goal on a local day (several per day allowed). */
export const goalEntries = pgTable(
  'goal_entries',
  {
    id: uuid('id').primaryKey(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    patientId: patientRef(),
    /** The patient's local date. */
    on: date('on', { mode: 'string' }).notNull(),
    note: text('note'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('goal_entries_idempotency_key').on(t.patientId, t.idempotencyKey),
    index('goal_entries_goal_idx').on(t.goalId, t.on),
  ],
);

/** The patient's display preferences, kept on the server so every device agrees. */
export const patientPreferences = pgTable('patient_preferences', {
  patientId: uuid('patient_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Low-energy mode: only Today, log a dose and a quick check-in, with large buttons. */
  lowEnergy: boolean('low_energy').notNull().default(false),
  /** Remind about a refill when the estimated supply lasts fewer days than this (issue 7). */
  refillReminderDays: integer('refill_reminder_days').notNull().default(7),
  updatedAt: instant('updated_at').notNull(),
});
