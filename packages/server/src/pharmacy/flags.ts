/**
 * The medication list with interaction flags: each active medication of the patient's list,
 * the interaction classes its name matches (core `matchMedication`), and the last reviews that
 * decided about it. Used by the pharmacist's workspace and the patient chart.
 */
import {
  DIAZEPAM_PRODUCTS,
  matchMedication,
  regimenOn,
  localDateOf,
  severityRank,
  type InteractionSeverity,
} from '@steady/core';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { medications } from '../db/schema.js';
import type { PatientAccess } from '../http/policy.js';
import { loadRegimenVersions } from '../regimen/service.js';
import { listReviews } from './repo.js';
import type { FlagView, MedicationReviewResponse, ReviewMark, ReviewView } from './schemas.js';

/** Clinicians read the clinician wording; the patient and caregivers the patient wording. */
export type FlagAudience = 'clinician' | 'patient';

export const audienceOf = (access: PatientAccess): FlagAudience =>
  access.as === 'patient' || access.as === 'caregiver' ? 'patient' : 'clinician';

/** The interaction flags of one medication name, most serious first. */
export function flagsFor(name: string, audience: FlagAudience): FlagView[] {
  return matchMedication(name).map(({ interactionClass: c, names }) => ({
    classId: c.id,
    name: c.name,
    severity: c.severity,
    severityNote: c.severityNote,
    effect: c.effect,
    advice: audience === 'clinician' ? c.clinicianText : c.patientText,
    matched: [...new Set(names.map((n) => n.text))],
    sources: c.sources.map((s) => ({
      id: s.id,
      status: s.status,
      ...(s.locator === undefined ? {} : { locator: s.locator }),
    })),
  }));
}

/** The class ids a medication name is flagged with now. */
export const classIdsOf = (name: string): string[] =>
  matchMedication(name).map((m) => m.interactionClass.id);

/** What the diazepam regimen item of a review is called: the current product's label. */
export async function regimenName(ctx: AppContext, patientId: string, zone: string) {
  const versions = await loadRegimenVersions(ctx, patientId);
  const current = regimenOn(versions, localDateOf(ctx.now().toISOString(), zone), zone);
  return current === null ? null : `${DIAZEPAM_PRODUCTS[current.formulation].label} (regimen)`;
}

interface Marks {
  reconciliation: ReviewMark | null;
  interaction: ReviewMark | null;
}

/** The newest decision per medication (key: id, or '' for the regimen) and review kind. */
export function lastMarks(reviews: readonly ReviewView[]): Map<string, Marks> {
  const marks = new Map<string, Marks>();
  // Newest first: the first mark found for a key and kind is the last decision.
  for (const review of reviews) {
    for (const item of review.items) {
      const key = item.medicationId ?? '';
      const entry = marks.get(key) ?? { reconciliation: null, interaction: null };
      if (entry[review.kind] === null) {
        entry[review.kind] = {
          reviewId: review.id,
          decision: item.decision,
          note: item.note,
          classIds: item.classIds,
          at: review.reviewedAt,
          by: review.reviewedBy,
        };
      }
      marks.set(key, entry);
    }
  }
  return marks;
}

export async function medicationReview(
  ctx: AppContext,
  access: PatientAccess,
): Promise<MedicationReviewResponse> {
  const { patientId, timeZone } = access;
  const audience = audienceOf(access);
  const [rows, reviews, name] = await Promise.all([
    ctx.db
      .select()
      .from(medications)
      .where(
        and(
          eq(medications.patientId, patientId),
          isNull(medications.deletedAt),
          eq(medications.active, true),
        ),
      )
      .orderBy(asc(medications.createdAt), asc(medications.id)),
    listReviews(ctx.db, patientId),
    regimenName(ctx, patientId, timeZone),
  ]);
  const marks = lastMarks(reviews);
  let highest: InteractionSeverity | null = null;
  const list = rows.map((m) => {
    const flags = flagsFor(m.name, audience);
    for (const f of flags) {
      if (f.severity !== null && severityRank(f.severity) < severityRank(highest)) {
        highest = f.severity;
      }
    }
    const mark = marks.get(m.id);
    const interaction = mark?.interaction ?? null;
    const reviewed = new Set(interaction?.classIds ?? []);
    return {
      id: m.id,
      name: m.name,
      dose: m.dose,
      frequency: m.frequency,
      createdAt: m.createdAt.toISOString(),
      flags,
      lastReconciliation: mark?.reconciliation ?? null,
      lastInteractionReview: interaction,
      interactionReviewCurrent: interaction !== null && flags.every((f) => reviewed.has(f.classId)),
    };
  });
  return {
    medications: list,
    highestSeverity: highest,
    regimen: { name, lastReconciliation: marks.get('')?.reconciliation ?? null },
    lastReview: reviews[0] ?? null,
  };
}
