/**
 * The care team's working data (issue 4, second slice): questionnaire assignments and answers,
 * message threads, check-ups with the patient's questions, clinician notes, and the pharmacy's
 * dispensing records and medication reviews. Split from schema.ts to keep files small; every
 * table belongs to one patient (`patient_id`, cascade on account deletion) and is read through
 * the consent category named on it (docs/care-team-api.md).
 */
import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
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

// ── Questionnaires (category `questionnaires`) ──────────────────────────────────────────────

/** A clinician asks the patient to answer an instrument every `cadence_days`, from `start_date`. */
export const questionnaireAssignments = pgTable(
  'questionnaire_assignments',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    /** A core `InstrumentId` ('peg', 'gad7', 'phq9', 'sds', 'withdrawal', 'nrs'). */
    instrumentId: text('instrument_id').notNull(),
    cadenceDays: integer('cadence_days').notNull(),
    /** The patient's local date the first answer is due. */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    note: text('note'),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: instant('assigned_at').notNull(),
    /** Stopped assignments are kept for history. */
    endedAt: instant('ended_at'),
    endedBy: uuid('ended_by').references(() => users.id),
  },
  (t) => [
    index('questionnaire_assignments_patient_idx').on(t.patientId),
    /** One active assignment per instrument and patient (a second one is a 409). */
    uniqueIndex('questionnaire_assignments_active_key')
      .on(t.patientId, t.instrumentId)
      .where(sql`${t.endedAt} is null`),
  ],
);

/** One set of answers, scored by the clinical engine at the time it was given. */
export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    instrumentId: text('instrument_id').notNull(),
    /** The assignment answered, or null when the patient answered on their own. */
    assignmentId: uuid('assignment_id').references(() => questionnaireAssignments.id),
    at: instant('at').notNull(),
    answers: jsonb('answers').$type<Record<string, number | null>>().notNull(),
    /** The headline score (PEG is a mean, so not always whole). */
    total: doublePrecision('total').notNull(),
    /** The engine's full `InstrumentScore` (bands, subscores, flags, sources). */
    score: jsonb('score').$type<Record<string, unknown>>().notNull(),
    /** Set when answered as a post-step withdrawal check-in of a taper (issue 5). */
    taperStepIndex: integer('taper_step_index'),
    idempotencyKey: text('idempotency_key').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('questionnaire_responses_idempotency_key').on(t.patientId, t.idempotencyKey),
    index('questionnaire_responses_patient_idx').on(t.patientId, t.instrumentId, t.at),
  ],
);

// ── Messages (category `messages`) ──────────────────────────────────────────────────────────

/** What a "tell my care team" message is about, attached when the thread starts. */
export interface ThreadContext {
  readonly kind: 'check-in' | 'side-effect' | 'alert' | 'dose' | 'questionnaire';
  /** The id of the check-in, alert, dose or response; null for a side effect named only. */
  readonly refId: string | null;
  /** A short plain summary shown with the thread, e.g. "Drowsiness: severe (check-in 3 Mar)". */
  readonly summary: string;
}

/**
 * A conversation about one patient. `team`: the patient and every member with consent for
 * messages (a "tell my care team" message); `selected`: the patient and the members listed in
 * `message_participants` when it started. A member always also needs the `messages` consent.
 */
export const messageThreads = pgTable(
  'message_threads',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    audience: text('audience', { enum: ['team', 'selected'] }).notNull(),
    subject: text('subject').notNull(),
    context: jsonb('context').$type<ThreadContext>(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
    lastMessageAt: instant('last_message_at').notNull(),
  },
  (t) => [index('message_threads_patient_idx').on(t.patientId, t.lastMessageAt)],
);

/**
 * Who takes part in a `selected` thread (the patient is always one), and what each reader has
 * read; for `team` threads a row appears when a member first reads it.
 */
export const messageParticipants = pgTable(
  'message_participants',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: instant('last_read_at'),
  },
  (t) => [
    uniqueIndex('message_participants_key').on(t.threadId, t.userId),
    index('message_participants_user_idx').on(t.userId),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('messages_idempotency_key').on(t.threadId, t.idempotencyKey),
    index('messages_thread_idx').on(t.threadId, t.createdAt),
  ],
);

// ── Check-ups, visit questions, clinician notes (link to the care team) ─────────────────────

/** An appointment of the patient with one care-team member. */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    /** The clinician the check-up is with. */
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id),
    startsAt: instant('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    mode: text('mode', { enum: ['in_person', 'phone', 'video'] }).notNull(),
    location: text('location'),
    note: text('note'),
    status: text('status', { enum: ['scheduled', 'cancelled', 'done'] }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('appointments_patient_idx').on(t.patientId, t.startsAt),
    index('appointments_member_idx').on(t.memberId, t.startsAt),
  ],
);

/** Something the patient wants to ask at a visit; addressed to one check-up or kept for the next. */
export const visitQuestions = pgTable(
  'visit_questions',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    appointmentId: uuid('appointment_id').references(() => appointments.id, {
      onDelete: 'set null',
    }),
    text: text('text').notNull(),
    createdAt: instant('created_at').notNull(),
    /** Marked as dealt with (by the patient or the clinician at the visit). */
    answeredAt: instant('answered_at'),
    answeredBy: uuid('answered_by').references(() => users.id),
  },
  (t) => [index('visit_questions_patient_idx').on(t.patientId, t.createdAt)],
);

/**
 * A clinician's note on the patient's chart. Never edited: an amendment is a new note naming
 * the one it amends. Visible to the patient and the clinicians linked to them (not caregivers).
 */
export const clinicianNotes = pgTable(
  'clinician_notes',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    amends: uuid('amends'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('clinician_notes_patient_idx').on(t.patientId, t.createdAt)],
);

// ── Pharmacy (category `medications`) ───────────────────────────────────────────────────────

/** Diazepam handed to the patient: what, how much, when. Feeds the running-out-early signal. */
export const dispensingRecords = pgTable(
  'dispensing_records',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    /** A core `FormulationId`: 'tab2' | 'tab5' | 'tab10' | 'sol1'. */
    formulation: text('formulation').notNull(),
    /** Tablets, or mL of the solution. */
    quantity: doublePrecision('quantity').notNull(),
    dispensedAt: instant('dispensed_at').notNull(),
    /** Days the supply is meant to last, as written on the prescription (optional). */
    daysSupply: integer('days_supply'),
    note: text('note'),
    /** The taper plan this dispensing serves (issue 5). */
    taperPlanId: uuid('taper_plan_id'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
    /** Entered in error: kept for the audit, ignored by the signals. */
    voidedAt: instant('voided_at'),
    voidedBy: uuid('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
  },
  (t) => [
    index('dispensing_records_patient_idx')
      .on(t.patientId, t.dispensedAt)
      .where(sql`${t.voidedAt} is null`),
  ],
);

/** One line of a medication review: what the reviewer decided about one medication or flag. */
export interface MedicationReviewItem {
  /** The medication of the patient's list, or null for the diazepam regimen itself. */
  readonly medicationId: string | null;
  /** The name as it stood at review time (the list may change later). */
  readonly name: string;
  /** Reconciliation: confirmed/changed/stopped/added; interaction review: acknowledged/refer. */
  readonly decision: 'confirmed' | 'changed' | 'stopped' | 'added' | 'acknowledged' | 'refer';
  /** Interaction class ids the item was flagged with at review time. */
  readonly classIds: readonly string[];
  readonly note: string | null;
}

/** A pharmacist's (or prescriber's) medication reconciliation or interaction review. */
export const medicationReviews = pgTable(
  'medication_reviews',
  {
    id: uuid('id').primaryKey(),
    patientId: patientRef(),
    kind: text('kind', { enum: ['reconciliation', 'interaction'] }).notNull(),
    items: jsonb('items').$type<MedicationReviewItem[]>().notNull(),
    note: text('note'),
    reviewedBy: uuid('reviewed_by')
      .notNull()
      .references(() => users.id),
    reviewedAt: instant('reviewed_at').notNull(),
  },
  (t) => [index('medication_reviews_patient_idx').on(t.patientId, t.reviewedAt)],
);
