/**
 * Request and response shapes of check-ups, visit questions, the "since the last visit"
 * summary and clinician notes (docs/care-team/checkups.md).
 */
import { z } from 'zod';
import { DISCIPLINES } from '../careteam/consent.js';
import { localDateSchema, localTimeSchema } from '../http/types.js';

export const APPOINTMENT_MODES = ['in_person', 'phone', 'video'] as const;
export const APPOINTMENT_STATUSES = ['scheduled', 'cancelled', 'done'] as const;
export const APPOINTMENT_SCOPES = ['upcoming', 'past', 'all'] as const;

const instant = z.iso.datetime({ offset: true });
const person = z.object({ id: z.uuid(), displayName: z.string() });
const clinician = person.extend({ discipline: z.enum(DISCIPLINES).nullable() });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** At least one field: an empty change is a mistake, not a no-op. */
const notEmpty = (body: object) => Object.values(body).some((v) => v !== undefined);
const NOT_EMPTY = { message: 'send at least one field' };

export const appointmentSchema = z.object({
  id: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  /** The start as the patient's local date and clock time (their zone, whoever asks). */
  localDate: localDateSchema,
  localTime: localTimeSchema,
  durationMinutes: z.int(),
  mode: z.enum(APPOINTMENT_MODES),
  location: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(APPOINTMENT_STATUSES),
  member: clinician,
  createdBy: person,
  createdAt: instant,
  updatedAt: instant,
});
export type AppointmentView = z.infer<typeof appointmentSchema>;

export const appointmentBody = z.object({
  memberId: z.uuid(),
  startsAt: instant,
  durationMinutes: z.int().min(5).max(480),
  mode: z.enum(APPOINTMENT_MODES),
  location: optionalText(200),
  note: optionalText(1000),
});

export const appointmentPatch = z
  .object({
    startsAt: instant.optional(),
    durationMinutes: z.int().min(5).max(480).optional(),
    mode: z.enum(APPOINTMENT_MODES).optional(),
    location: optionalText(200),
    note: optionalText(1000),
    /** Closing a check-up is final: cancelled (did not happen) or done (took place). */
    status: z.enum(['cancelled', 'done']).optional(),
  })
  .refine(notEmpty, NOT_EMPTY);

export const questionSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  /** The check-up the question is for; null: "my next visit". */
  appointmentId: z.uuid().nullable(),
  createdAt: instant,
  answered: z.object({ at: instant, by: person }).nullable(),
});
export type QuestionView = z.infer<typeof questionSchema>;

const questionText = z.string().trim().min(1).max(1000);

export const questionBody = z.object({
  text: questionText,
  appointmentId: z.uuid().nullable().optional(),
});

export const questionPatch = z
  .object({
    text: questionText.optional(),
    appointmentId: z.uuid().nullable().optional(),
    answered: z.boolean().optional(),
  })
  .refine(notEmpty, NOT_EMPTY);

export const noteSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  author: clinician,
  /** The note this one amends (notes are never edited). */
  amends: z.uuid().nullable(),
  /** Later notes amending this one, oldest first. */
  amendedBy: z.array(z.uuid()),
  createdAt: instant,
});
export type NoteView = z.infer<typeof noteSchema>;

export const noteBody = z.object({
  body: z.string().trim().min(1).max(10_000),
  amends: z.uuid().nullable().optional(),
});

/** Parts of the summary, each shown only with the consent it needs. */
export const SUMMARY_PARTS = ['doseChanges', 'adherence', 'pain', 'sideEffects'] as const;
export type SummaryPart = (typeof SUMMARY_PARTS)[number];

const severity = z.enum(['none', 'mild', 'moderate', 'severe']);
const comparison = z.object({
  before: z.number().nullable(),
  since: z.number().nullable(),
  change: z.number().nullable(),
});

export const summarySchema = z.object({
  timeZone: z.string(),
  period: z.object({
    /** `appointment`: since that check-up began; `last-30-days`: no past check-up was found. */
    basis: z.enum(['appointment', 'last-30-days']),
    appointment: appointmentSchema.nullable(),
    from: instant,
    to: instant,
    /** The patient's local days of the period, and of the 30 days before it (the comparison). */
    fromDate: localDateSchema,
    toDate: localDateSchema,
    beforeFromDate: localDateSchema,
  }),
  doseChanges: z
    .object({
      /** The regimen in force when the period began (its scheduled mg per day). */
      before: z.object({ version: z.int(), dailyMg: z.number() }).nullable(),
      versions: z.array(
        z.object({
          id: z.uuid(),
          version: z.int(),
          createdAt: instant,
          startDate: localDateSchema,
          endDate: localDateSchema.nullable(),
          dailyMg: z.number(),
          doses: z.array(z.object({ time: localTimeSchema, amountMg: z.number() })),
          asNeeded: z
            .object({ amountMg: z.number(), minIntervalHours: z.number(), maxPerDay: z.number() })
            .nullable(),
          reason: z.string(),
          enteredBy: person,
        }),
      ),
    })
    .nullable(),
  /** Doses taken ÷ doses due (core computeAdherence). */
  adherence: comparison.nullable(),
  /** Mean pain (NRS 0–10) of the check-ins, and how many there were. */
  pain: comparison.extend({ checkIns: z.int(), checkInsBefore: z.int() }).nullable(),
  sideEffects: z
    .object({
      /** Rated side effects whose worst rating rose compared with the 30 days before. */
      changes: z.array(
        z.object({
          key: z.enum(['drowsiness', 'dizziness', 'unsteadiness', 'confusion']),
          change: z.enum(['appeared', 'worsened']),
          before: severity.nullable(),
          since: severity,
        }),
      ),
      /** Other side effects the patient described in the period. */
      other: z.array(z.object({ at: instant, text: z.string(), severity })),
    })
    .nullable(),
  /** Alerts (as the caller may see them) opened or resolved in the period. */
  alerts: z.object({
    opened: z.array(
      z.object({
        id: z.uuid(),
        signalId: z.string(),
        severity: z.string(),
        title: z.string(),
        status: z.string(),
        at: instant,
      }),
    ),
    resolved: z.array(
      z.object({
        id: z.uuid(),
        signalId: z.string(),
        severity: z.string(),
        title: z.string(),
        status: z.string(),
        at: instant,
      }),
    ),
  }),
  /** The patient's questions not yet answered. */
  questions: z.array(questionSchema),
  hidden: z.array(z.enum(SUMMARY_PARTS)),
});
export type VisitSummary = z.infer<typeof summarySchema>;
