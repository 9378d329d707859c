/**
 * Request and response shapes of the pharmacy routes (docs/care-team/pharmacy.md). Response
 * types are inferred from the zod schemas, so what the handlers build is what is documented.
 */
import { FORMULATION_IDS, MAX_DISPENSED_QUANTITY } from '@steady/core';
import { z } from 'zod';
import { patientParams, reasonSchema } from '../http/types.js';

export const formulationSchema = z.enum(FORMULATION_IDS);

export const dispensingParams = patientParams.extend({ dispensingId: z.uuid() });

export const dispensingBody = z.object({
  formulation: formulationSchema,
  /** Tablets (halves allowed where splittable) or mL; the step is checked by the handler. */
  quantity: z.number().positive().max(MAX_DISPENSED_QUANTITY),
  /** Defaults to now. */
  dispensedAt: z.iso.datetime({ offset: true }).optional(),
  daysSupply: z.number().int().min(1).max(365).nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
  /** The taper this dispensing serves: one of this patient's taper ids (issue 5), else 400. */
  taperPlanId: z.uuid().nullable().default(null),
});
export type DispensingInput = z.infer<typeof dispensingBody>;

export const voidBody = z.object({ reason: reasonSchema });

const person = z.object({ id: z.string(), displayName: z.string() });

export const sourceSchema = z.object({
  id: z.string(),
  status: z.enum(['C', 'P', 'U']),
  locator: z.string().optional(),
});

export const dispensingView = z.object({
  id: z.string(),
  formulation: formulationSchema,
  quantity: z.number(),
  /** mg per tablet or per mL (product profile). */
  mgPerUnit: z.number(),
  totalMg: z.number(),
  dispensedAt: z.string(),
  daysSupply: z.number().nullable(),
  note: z.string().nullable(),
  /** The taper (taper id) this dispensing was recorded for, if any. */
  taperPlanId: z.string().nullable(),
  recordedBy: person,
  createdAt: z.string(),
  voided: z.object({ at: z.string(), by: person, reason: z.string() }).nullable(),
});
export type DispensingView = z.infer<typeof dispensingView>;

const projection = z.object({
  usedMg: z.number(),
  onHandMg: z.number(),
  daysCovered: z.number().nullable(),
  runsOutOn: z.string().nullable(),
});

export const supplySchema = z.object({
  today: z.string(),
  firstDispensedOn: z.string(),
  dispensedMg: z.number(),
  dailyMg: z.number().nullable(),
  asScheduled: projection,
  asLogged: projection,
  horizonDays: z.number(),
  note: z.string(),
  sources: z.array(sourceSchema),
});

export type SupplyView = z.infer<typeof supplySchema>;

export const dispensingListResponse = z.object({
  /** The patient's IANA zone: dates are entered and shown in it. */
  timeZone: z.string(),
  dispensings: z.array(dispensingView),
  supply: supplySchema.nullable(),
});

// ── Medication reviews ──────────────────────────────────────────────────────────────────────

export const REVIEW_KINDS = ['reconciliation', 'interaction'] as const;
export const RECONCILIATION_DECISIONS = ['confirmed', 'changed', 'stopped', 'added'] as const;
export const INTERACTION_DECISIONS = ['acknowledged', 'refer'] as const;
export const DECISIONS = [...RECONCILIATION_DECISIONS, ...INTERACTION_DECISIONS] as const;

const medicationFields = z.object({
  name: z.string().trim().min(1).max(200),
  dose: z.string().trim().max(100).nullable().default(null),
  frequency: z.string().trim().max(100).nullable().default(null),
});

export const reviewBody = z.object({
  kind: z.enum(REVIEW_KINDS),
  items: z
    .array(
      z.object({
        /** A medication of the list; null for the diazepam regimen, or for an `added` one. */
        medicationId: z.uuid().nullable(),
        decision: z.enum(DECISIONS),
        note: z.string().trim().max(1000).nullable().default(null),
        /** `added`: the new entry; `changed`: the entry as it should read (optional). */
        medication: medicationFields.optional(),
      }),
    )
    .min(1)
    .max(100),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type ReviewInput = z.infer<typeof reviewBody>;

export const reviewView = z.object({
  id: z.string(),
  kind: z.enum(REVIEW_KINDS),
  items: z.array(
    z.object({
      medicationId: z.string().nullable(),
      name: z.string(),
      decision: z.enum(DECISIONS),
      classIds: z.array(z.string()),
      note: z.string().nullable(),
    }),
  ),
  note: z.string().nullable(),
  reviewedAt: z.string(),
  reviewedBy: person,
});
export type ReviewView = z.infer<typeof reviewView>;

/** The last decision about one medication (or the regimen) in a review of one kind. */
export const reviewMark = z.object({
  reviewId: z.string(),
  decision: z.enum(DECISIONS),
  note: z.string().nullable(),
  classIds: z.array(z.string()),
  at: z.string(),
  by: person,
});
export type ReviewMark = z.infer<typeof reviewMark>;

export const flagSchema = z.object({
  classId: z.string(),
  name: z.string(),
  severity: z.enum(['critical', 'high', 'moderate', 'low']).nullable(),
  severityNote: z.string(),
  effect: z.string(),
  /** The clinician text for clinicians; the patient text for the patient and caregivers. */
  advice: z.string(),
  /** The words of the entry that matched. */
  matched: z.array(z.string()),
  sources: z.array(sourceSchema),
});
export type FlagView = z.infer<typeof flagSchema>;

export const flaggedMedication = z.object({
  id: z.string(),
  name: z.string(),
  dose: z.string().nullable(),
  frequency: z.string().nullable(),
  createdAt: z.string(),
  flags: z.array(flagSchema),
  lastReconciliation: reviewMark.nullable(),
  lastInteractionReview: reviewMark.nullable(),
  /** The last interaction review covered every class flagged now. */
  interactionReviewCurrent: z.boolean(),
});
export type FlaggedMedication = z.infer<typeof flaggedMedication>;

export const medicationReviewResponse = z.object({
  medications: z.array(flaggedMedication),
  highestSeverity: z.enum(['critical', 'high', 'moderate', 'low']).nullable(),
  /** The diazepam regimen's last reconciliation (items with `medicationId: null`). */
  regimen: z.object({ name: z.string().nullable(), lastReconciliation: reviewMark.nullable() }),
  lastReview: reviewView.nullable(),
});
export type MedicationReviewResponse = z.infer<typeof medicationReviewResponse>;
