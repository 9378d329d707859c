/** Request and response schemas of the questionnaire routes (see docs/care-team/questionnaires.md). */
import { INSTRUMENT_IDS, type InstrumentId } from '@steady/core';
import { z } from 'zod';
import { idempotencyKeySchema, localDateSchema, patientParams } from '../http/types.js';

export const instrumentIdSchema = z.enum(INSTRUMENT_IDS as [InstrumentId, ...InstrumentId[]]);

export const assignmentParams = patientParams.extend({ assignmentId: z.uuid() });

/** Longest cadence: a yearly questionnaire (leap years included). */
export const MAX_CADENCE_DAYS = 366;
/** Most answers a form may carry (the withdrawal checklist has 31 items). */
const MAX_ANSWERS = 100;

export const assignBody = z.object({
  instrumentId: instrumentIdSchema,
  cadenceDays: z.number().int().min(1).max(MAX_CADENCE_DAYS),
  /** The first due date, the patient's local date (default: the patient's today). */
  startDate: localDateSchema.optional(),
  note: z.string().trim().max(500).nullable().default(null),
});

export const assignmentsQuery = z.object({
  /** `active` (default) or `all` (ended ones too, kept for history). */
  status: z.enum(['active', 'all']).default('active'),
});

export const responseBody = z.object({
  idempotencyKey: idempotencyKeySchema,
  instrumentId: instrumentIdSchema,
  /** The assignment answered; null or left out: the instrument's active assignment, if any. */
  assignmentId: z.uuid().nullable().default(null),
  /** Item id → the value of the chosen option; null or left out: not answered. */
  answers: z
    .record(z.string().min(1).max(64), z.number().nullable())
    .refine((a) => Object.keys(a).length <= MAX_ANSWERS, {
      message: `at most ${String(MAX_ANSWERS)} answers`,
    }),
});

export const responsesQuery = z.object({
  instrumentId: instrumentIdSchema.optional(),
  /** Local dates (the patient's), inclusive; default: the last 365 days up to today. */
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});

// ── Responses ──────────────────────────────────────────────────────────────────────────────

const sourceSchema = z.object({
  id: z.string(),
  status: z.enum(['C', 'P', 'U']),
  locator: z.string().optional(),
});
const person = z.object({ id: z.uuid(), displayName: z.string() });

export const assignmentSchema = z.object({
  id: z.uuid(),
  instrumentId: z.string(),
  cadenceDays: z.number().int(),
  startDate: localDateSchema,
  note: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  assignedBy: person,
  assignedAt: z.string(),
  endedAt: z.string().nullable(),
  endedBy: person.nullable(),
  due: z.boolean(),
  dueSince: localDateSchema.nullable(),
  nextDue: localDateSchema.nullable(),
  lastAnsweredAt: z.string().nullable(),
});

const flagSchema = z.object({
  id: z.string(),
  kind: z.enum(['crisis', 'urgent', 'screen-positive', 'review']),
  title: z.string(),
  patientText: z.string().nullable(),
  clinicianText: z.string().nullable(),
  sources: z.array(sourceSchema).readonly(),
});

const range = { min: z.number(), max: z.number() };

export const scoreSchema = z.object({
  version: z.string(),
  total: z.number(),
  ...range,
  band: z.object({ id: z.string(), label: z.string(), ...range }).nullable(),
  flags: z.array(flagSchema).readonly(),
  subscores: z
    .array(z.object({ id: z.string(), label: z.string(), value: z.number(), ...range }))
    .readonly(),
  sources: z.array(sourceSchema).readonly(),
});

export const responseSchema = z.object({
  id: z.uuid(),
  instrumentId: z.string(),
  assignmentId: z.uuid().nullable(),
  at: z.string(),
  answers: z.record(z.string(), z.number().nullable()),
  score: scoreSchema,
  taperStepIndex: z.number().int().nullable(),
});

export const guidanceSchema = z.object({
  flagId: z.string(),
  kind: z.enum(['crisis', 'urgent', 'screen-positive', 'review']),
  title: z.string(),
  text: z.string(),
  sources: z.array(sourceSchema).readonly(),
});

export const dueItemSchema = z.object({
  assignmentId: z.uuid(),
  instrumentId: z.string(),
  cadenceDays: z.number().int(),
  /** The clinician's note for the patient. */
  note: z.string().nullable(),
  dueSince: localDateSchema,
  /** Due since an earlier day than today. */
  overdue: z.boolean(),
  lastAnsweredAt: z.string().nullable(),
});
