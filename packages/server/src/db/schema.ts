/**
 * The one Drizzle `pg-core` schema, used on PGlite and PostgreSQL alike. Instants are
 * `timestamptz` (UTC); local dates are `date` (string mode); clinical payloads that the core
 * engine owns (dose times, side-effect ratings) are `jsonb` with their TypeScript shape.
 */
import type { AsNeededRule, ScheduledDose, Severity4, SideEffectKey } from '@steady/core';
import { sql } from 'drizzle-orm';
import { DISCIPLINES, MEMBER_KINDS, type ConsentMap } from '../careteam/consent.js';
import {
  bigint,
  bigserial,
  boolean,
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

/** A clinic: its administrators manage its clinicians' accounts. */
export const clinics = pgTable('clinics', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** Lower-cased, trimmed. */
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['patient', 'clinician', 'admin', 'caregiver'] }).notNull(),
    discipline: text('discipline', { enum: DISCIPLINES }),
    timeZone: text('time_zone').notNull(),
    /** Clinicians and clinic administrators belong to one clinic. */
    clinicId: uuid('clinic_id').references(() => clinics.id),
    /** A deactivated account cannot sign in, its sessions stop and its links grant nothing. */
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not leak usable sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    /** `full`, or a step of the second factor (auth/mfa/state.ts): what the session may call. */
    state: text('state', { enum: ['full', 'mfa-pending', 'mfa-enrol'] })
      .notNull()
      .default('full'),
    /** When this session last passed (or enrolled) a second factor. */
    mfaVerifiedAt: instant('mfa_verified_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** SHA-256 of the lower-cased email, so the table holds no addresses. */
    emailKey: text('email_key').notNull(),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.emailKey, t.at)],
);

export const patientProfiles = pgTable('patient_profiles', {
  patientId: uuid('patient_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  dateOfBirth: date('date_of_birth', { mode: 'string' }),
  sleepApnea: boolean('sleep_apnea'),
  myastheniaGravis: boolean('myasthenia_gravis'),
  severeRespiratoryInsufficiency: boolean('severe_respiratory_insufficiency'),
  severeHepaticInsufficiency: boolean('severe_hepatic_insufficiency'),
  acuteNarrowAngleGlaucoma: boolean('acute_narrow_angle_glaucoma'),
  copd: boolean('copd'),
  substanceUseDisorderHistory: boolean('substance_use_disorder_history'),
  pregnancy: boolean('pregnancy'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const regimenVersions = pgTable(
  'regimen_versions',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    formulation: text('formulation', { enum: ['tab2', 'tab5', 'tab10', 'sol1'] }).notNull(),
    doses: jsonb('doses').$type<ScheduledDose[]>().notNull(),
    asNeeded: jsonb('as_needed').$type<AsNeededRule>(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    prescriber: text('prescriber'),
    indication: text('indication'),
    reason: text('reason').notNull(),
    enteredBy: uuid('entered_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
    /** Set when the version was written from a signed taper (issue 5): taper, version and step. */
    taperId: uuid('taper_id'),
    taperVersion: integer('taper_version'),
    taperStepIndex: integer('taper_step_index'),
  },
  (t) => [uniqueIndex('regimen_versions_patient_version_key').on(t.patientId, t.version)],
);

export const medications = pgTable(
  'medications',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    dose: text('dose'),
    frequency: text('frequency'),
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    /** Removed from the list; kept for history and audit. */
    deletedAt: instant('deleted_at'),
  },
  (t) => [index('medications_patient_idx').on(t.patientId)],
);

export const doseEvents = pgTable(
  'dose_events',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['taken', 'skipped', 'extra'] }).notNull(),
    slotKey: text('slot_key'),
    takenAt: instant('taken_at').notNull(),
    amountMg: doublePrecision('amount_mg').notNull(),
    reason: text('reason'),
    /** The event this one corrects; corrections never edit, they supersede. */
    supersedes: uuid('supersedes'),
    idempotencyKey: text('idempotency_key').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dose_events_idempotency_key').on(t.patientId, t.idempotencyKey),
    uniqueIndex('dose_events_supersedes_key')
      .on(t.supersedes)
      .where(sql`${t.supersedes} is not null`),
    // One first entry per slot: two simultaneous first logs cannot both land; later entries
    // for the slot must supersede one (confirmDuplicate or a correction).
    uniqueIndex('dose_events_first_slot_entry_key')
      .on(t.patientId, t.slotKey)
      .where(sql`${t.supersedes} is null and ${t.slotKey} is not null`),
    index('dose_events_patient_taken_idx').on(t.patientId, t.takenAt),
    index('dose_events_patient_slot_idx').on(t.patientId, t.slotKey),
  ],
);

export type SideEffectRatings = Record<SideEffectKey, Severity4>;

export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: instant('at').notNull(),
    pain: integer('pain').notNull(),
    spasm: integer('spasm').notNull(),
    sleepQuality: integer('sleep_quality'),
    anxiety: integer('anxiety'),
    mood: integer('mood'),
    sideEffects: jsonb('side_effects').$type<SideEffectRatings>().notNull(),
    fall: text('fall', { enum: ['none', 'near_fall', 'fall'] }).notNull(),
    breathingProblem: boolean('breathing_problem').notNull(),
    otherSideEffect: jsonb('other_side_effect').$type<{ text: string; severity: Severity4 }>(),
    activities: jsonb('activities').$type<string[]>().notNull(),
    note: text('note'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('check_ins_idempotency_key').on(t.patientId, t.idempotencyKey),
    index('check_ins_patient_at_idx').on(t.patientId, t.at),
  ],
);

/** On what basis an audit entry's actor touched the data. */
export const AUDIT_BASES = ['own', 'consent', 'clinic-admin', 'system'] as const;
export type AuditBasis = (typeof AUDIT_BASES)[number];

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    patientId: uuid('patient_id'),
    /** e.g. "regimen.create", "dose.log", "auth.login". */
    action: text('action').notNull(),
    entityId: text('entity_id'),
    /** Never health data: ids, counts and codes only. */
    details: jsonb('details').$type<Record<string, unknown>>(),
    /** The caller's address (request.ip), null outside a request. */
    ip: text('ip'),
    /** Why the actor could touch the data: own data, a care-team consent, clinic role, system. */
    basis: text('basis', { enum: AUDIT_BASES }),
    /**
     * The hash chain (see audit/chain.ts): set by the audit_log_chain trigger, under a
     * transaction-level advisory lock, whatever the insert says.
     */
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    index('audit_log_patient_at_idx').on(t.patientId, t.at),
    uniqueIndex('audit_log_seq_idx').on(t.seq),
  ],
);

/**
 * A member of a patient's care team. Consent is a map per category on the link; every change
 * is audited (`careteam.consent`, with before and after). Revoked links are kept for history.
 */
export const careLinks = pgTable(
  'care_links',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    memberKind: text('member_kind', { enum: MEMBER_KINDS }).notNull(),
    status: text('status', { enum: ['active', 'revoked'] }).notNull(),
    consent: jsonb('consent').$type<ConsentMap>().notNull(),
    since: instant('since').notNull(),
    consentUpdatedAt: instant('consent_updated_at').notNull(),
    revokedAt: instant('revoked_at'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    // At most one active link per patient and member (a revoked one may be renewed).
    uniqueIndex('care_links_active_key')
      .on(t.patientId, t.memberId)
      .where(sql`${t.status} = 'active'`),
    index('care_links_member_idx').on(t.memberId, t.status),
    index('care_links_patient_idx').on(t.patientId),
  ],
);

/** Single-use invitation codes (only their hash is stored), valid for a limited time. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    codeHash: text('code_hash').notNull(),
    kind: text('kind', { enum: ['clinician-invites-patient', 'patient-invites-member'] }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The inviting patient (patient-invites-member). */
    patientId: uuid('patient_id').references(() => users.id, { onDelete: 'cascade' }),
    memberKind: text('member_kind', { enum: ['clinician', 'caregiver'] }),
    /** The consent the patient chose when inviting; null → the defaults of the member's kind. */
    consent: jsonb('consent').$type<ConsentMap>(),
    /** The inviting clinician's clinic (clinician-invites-patient). */
    clinicId: uuid('clinic_id').references(() => clinics.id),
    note: text('note'),
    createdAt: instant('created_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    usedBy: uuid('used_by'),
  },
  (t) => [uniqueIndex('invitations_code_hash_key').on(t.codeHash)],
);

/** A patient's request to their prescriber to change the regimen. */
export const regimenRequests = pgTable(
  'regimen_requests',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    status: text('status', { enum: ['open', 'done', 'declined'] }).notNull(),
    response: text('response'),
    createdAt: instant('created_at').notNull(),
    resolvedAt: instant('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
  },
  (t) => [index('regimen_requests_patient_idx').on(t.patientId, t.createdAt)],
);

export { alerts, patientActivity } from './alertsSchema.js';
export {
  appointments,
  clinicianNotes,
  dispensingRecords,
  medicationReviews,
  messageParticipants,
  messages,
  messageThreads,
  questionnaireAssignments,
  questionnaireResponses,
  visitQuestions,
} from './careSchema.js';
export {
  goalEntries,
  goals,
  patientPreferences,
  techniqueAssignments,
  techniqueSessions,
} from './techniquesSchema.js';
export {
  accountDeletions,
  calendarFeeds,
  taperRequests,
  taperVersions,
  type TaperConversion,
} from './taperSchema.js';
export { missedDoseInstructions, stockCounts } from './supplySchema.js';
export {
  notifications,
  pushSubscriptions,
  reminderSettings,
  vapidKeys,
} from './remindersSchema.js';
export {
  mfaFailures,
  recoveryCodes,
  totpSecrets,
  webauthnChallenges,
  webauthnCredentials,
} from './mfaSchema.js';
