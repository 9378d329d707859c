/**
 * Recording a medication review. A reconciliation confirms, changes, stops or adds entries of
 * the other-medication list — stopping marks the entry inactive, adding creates it, a change
 * may rewrite it, all through the medication service — and may confirm the diazepam regimen
 * or note that it differs (the regimen itself is the prescriber's). An interaction review
 * acknowledges a medication's flags or refers it to the prescriber. The server fills each
 * item's name and interaction classes from the data as it stands.
 */
import { randomUUID } from 'node:crypto';
import type { MedicationReviewItem } from '../db/careSchema.js';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { medicationReviews, medications } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { PatientAccess } from '../http/policy.js';
import { addMedication, updateMedication } from '../medications/service.js';
import { classIdsOf, regimenName } from './flags.js';
import { listReviews } from './repo.js';
import {
  INTERACTION_DECISIONS,
  RECONCILIATION_DECISIONS,
  type ReviewInput,
  type ReviewView,
} from './schemas.js';

interface Problem {
  readonly path: string;
  readonly message: string;
}

/** What the schema alone cannot check: decisions that fit the kind, and what each needs. */
export function reviewProblems(input: ReviewInput): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  let regimenItems = 0;
  input.items.forEach((item, i) => {
    const at = (field: string, message: string) => {
      problems.push({ path: `/body/items/${String(i)}/${field}`, message });
    };
    if (item.medicationId !== null) {
      if (seen.has(item.medicationId)) at('medicationId', 'listed twice');
      seen.add(item.medicationId);
    }
    if (input.kind === 'interaction') {
      if (!(INTERACTION_DECISIONS as readonly string[]).includes(item.decision)) {
        at('decision', 'acknowledged or refer in an interaction review');
      }
      if (item.medicationId === null) at('medicationId', 'required in an interaction review');
      if (item.medication !== undefined) at('medication', 'not used in an interaction review');
      if (item.decision === 'refer' && item.note === null) {
        at('note', 'say what the prescriber should look at');
      }
      return;
    }
    if (!(RECONCILIATION_DECISIONS as readonly string[]).includes(item.decision)) {
      at('decision', 'confirmed, changed, stopped or added in a reconciliation');
      return;
    }
    if (item.decision === 'added') {
      if (item.medicationId !== null) at('medicationId', 'must be null for an added medication');
      if (item.medication === undefined) at('medication', 'required for an added medication');
      return;
    }
    if (item.medicationId === null) {
      // The diazepam regimen: confirmed, or noted as different for the prescriber.
      regimenItems += 1;
      if (regimenItems > 1) at('medicationId', 'the regimen is listed twice');
      if (item.decision === 'stopped') {
        at('decision', 'the regimen is confirmed or changed here; the prescriber changes it');
      }
      if (item.medication !== undefined) at('medication', 'the regimen is not changed here');
      if (item.decision === 'changed' && item.note === null) at('note', 'say what differs');
      return;
    }
    if (item.medication !== undefined && item.decision !== 'changed') {
      at('medication', 'only for a changed or added medication');
    }
    if (item.decision === 'changed' && item.medication === undefined && item.note === null) {
      at('note', 'say what changed, or give the entry as it should read');
    }
  });
  return problems;
}

/**
 * Validate, check the medications named belong to the patient's list (404 otherwise), then
 * `authorize` (the patient may not record a review), then store the review and apply the
 * reconciliation's changes in one transaction.
 */
export async function createReview(
  ctx: AppContext,
  access: PatientAccess,
  input: ReviewInput,
  authorize: () => void,
): Promise<ReviewView> {
  const problems = reviewProblems(input);
  if (problems.length > 0) throw new AppError('STEADY_ERR_VALIDATION', problems);
  const { patientId, user } = access;
  const ids = [
    ...new Set(input.items.flatMap((i) => (i.medicationId === null ? [] : [i.medicationId]))),
  ];
  const rows =
    ids.length === 0
      ? []
      : await ctx.db
          .select()
          .from(medications)
          .where(
            and(
              eq(medications.patientId, patientId),
              isNull(medications.deletedAt),
              inArray(medications.id, ids),
            ),
          );
  if (rows.length !== ids.length) throw new AppError('STEADY_ERR_NOT_FOUND');
  authorize();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const regimen = input.items.some((i) => i.medicationId === null && i.decision !== 'added')
    ? ((await regimenName(ctx, patientId, access.timeZone)) ?? 'Diazepam (no current regimen)')
    : null;

  const now = ctx.now();
  const id = randomUUID();
  const actor = { userId: user.id, patientId };
  const listChanged = await ctx.db.transaction(async (tx) => {
    let changed = false;
    const items: MedicationReviewItem[] = [];
    for (const item of input.items) {
      const base = { decision: item.decision, note: item.note };
      if (item.decision === 'added' && item.medication !== undefined) {
        const added = await addMedication(tx, actor, { ...item.medication, active: true }, now);
        changed = true;
        items.push({
          ...base,
          medicationId: added.id,
          name: added.name,
          classIds: classIdsOf(added.name),
        });
        continue;
      }
      const current = item.medicationId === null ? undefined : byId.get(item.medicationId);
      if (current === undefined) {
        items.push({ ...base, medicationId: null, name: regimen ?? '', classIds: [] });
        continue;
      }
      let name = current.name;
      const change =
        item.decision === 'stopped'
          ? { active: false }
          : item.decision === 'changed' && item.medication !== undefined
            ? item.medication
            : null;
      if (change !== null) {
        const updated = await updateMedication(tx, actor, current.id, change, now);
        if (updated === null) throw new AppError('STEADY_ERR_NOT_FOUND');
        name = updated.name;
        changed = true;
      }
      items.push({ ...base, medicationId: current.id, name, classIds: classIdsOf(name) });
    }
    await tx.insert(medicationReviews).values({
      id,
      patientId,
      kind: input.kind,
      items,
      note: input.note,
      reviewedBy: user.id,
      reviewedAt: now,
    });
    await audit(
      tx,
      {
        actorId: user.id,
        patientId,
        action: 'medication-review.create',
        entityId: id,
        details: { kind: input.kind, items: items.length },
      },
      now,
    );
    return changed;
  });
  if (listChanged) ctx.alerts?.schedule(patientId, now);
  const [review] = await listReviews(ctx.db, patientId, id);
  if (review === undefined) throw new AppError('STEADY_ERR_INTERNAL');
  return review;
}
