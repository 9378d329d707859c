/**
 * Reading the pharmacy's records: dispensings (as shown, as the signals read them, and as the
 * supply estimate reads them) and medication reviews.
 */
import {
  addDays,
  estimateSupply,
  localDateOf,
  mgPerUnit,
  type FormulationId,
  type SignalDispensing,
} from '@steady/core';
import { and, asc, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import { displayNamesOf } from '../auth/users.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { dispensingRecords, medicationReviews, users } from '../db/schema.js';
import { findDoseEvents } from '../doses/repo.js';
import { dayBounds } from '../doses/today.js';
import { loadRegimenVersions } from '../regimen/service.js';
import type { DispensingView, ReviewView, SupplyView } from './schemas.js';

/**
 * Local days of records the supply estimate reads, as the alert engine does
 * (alerts/recompute.ts `LOOKBACK_DAYS`): a little over a year.
 */
export const SUPPLY_LOOKBACK_DAYS = 400;

type DispensingRow = typeof dispensingRecords.$inferSelect;

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function toView(r: DispensingRow, names: ReadonlyMap<string, string>): DispensingView {
  const formulation = r.formulation as FormulationId;
  const unit = mgPerUnit(formulation);
  const person = (id: string) => ({ id, displayName: names.get(id) ?? '' });
  return {
    id: r.id,
    formulation,
    quantity: r.quantity,
    mgPerUnit: unit,
    totalMg: round3(r.quantity * unit),
    dispensedAt: r.dispensedAt.toISOString(),
    daysSupply: r.daysSupply,
    note: r.note,
    taperPlanId: r.taperPlanId,
    recordedBy: person(r.recordedBy),
    createdAt: r.createdAt.toISOString(),
    voided:
      r.voidedAt === null
        ? null
        : {
            at: r.voidedAt.toISOString(),
            by: person(r.voidedBy ?? ''),
            reason: r.voidReason ?? '',
          },
  };
}

/** A patient's dispensings, voided ones included, most recently dispensed first. */
export async function listDispensings(
  db: Db,
  patientId: string,
  dispensingId?: string,
): Promise<DispensingView[]> {
  const rows = await db
    .select()
    .from(dispensingRecords)
    .where(
      and(
        eq(dispensingRecords.patientId, patientId),
        dispensingId === undefined ? undefined : eq(dispensingRecords.id, dispensingId),
      ),
    )
    .orderBy(
      desc(dispensingRecords.dispensedAt),
      desc(dispensingRecords.createdAt),
      desc(dispensingRecords.id),
    );
  const names = await displayNamesOf(
    db,
    rows.flatMap((r) => [r.recordedBy, r.voidedBy]),
  );
  return rows.map((r) => toView(r, names));
}

/** Tablets or mL at an instant, as the signal engine reads dispensings and stock counts. */
export function signalUnits(
  r: { readonly id: string; readonly formulation: string; readonly quantity: number },
  at: Date,
): SignalDispensing {
  const formulation = r.formulation as FormulationId;
  return {
    id: r.id,
    at: at.toISOString(),
    formulation,
    quantity: r.quantity,
    mgPerUnit: mgPerUnit(formulation),
  };
}

/**
 * Dispensings that count (not voided) in [from, to], oldest first, as the signal engine
 * reads them: milligrams per unit from the product profile.
 */
export async function loadSignalDispensing(
  db: Db,
  patientId: string,
  range: { readonly from: Date; readonly to: Date },
): Promise<SignalDispensing[]> {
  const rows = await db
    .select()
    .from(dispensingRecords)
    .where(
      and(
        eq(dispensingRecords.patientId, patientId),
        isNull(dispensingRecords.voidedAt),
        gte(dispensingRecords.dispensedAt, range.from),
        lte(dispensingRecords.dispensedAt, range.to),
      ),
    )
    .orderBy(asc(dispensingRecords.dispensedAt), asc(dispensingRecords.id));
  return rows.map((r) => signalUnits(r, r.dispensedAt));
}

/**
 * The supply estimate of core `estimateSupply` over the last `SUPPLY_LOOKBACK_DAYS` local days
 * of dispensings and doses, in the patient's zone; null without a dispensing in that window.
 */
export async function loadSupply(
  ctx: AppContext,
  patientId: string,
  zone: string,
): Promise<SupplyView | null> {
  const now = ctx.now();
  const today = localDateOf(now.toISOString(), zone);
  const range = { from: dayBounds(addDays(today, -SUPPLY_LOOKBACK_DAYS), zone).from, to: now };
  const [dispensings, regimenVersions, doses] = await Promise.all([
    loadSignalDispensing(ctx.db, patientId, range),
    loadRegimenVersions(ctx, patientId),
    findDoseEvents(ctx.db, patientId, { from: range.from, to: dayBounds(today, zone).to }),
  ]);
  const supply = estimateSupply({
    now: now.toISOString(),
    timeZone: zone,
    dispensings,
    regimenVersions,
    doses,
  });
  return supply === null ? null : { ...supply, sources: [...supply.sources] };
}

/** A patient's medication reviews, newest first (or one of them). */
export async function listReviews(
  db: Db,
  patientId: string,
  reviewId?: string,
): Promise<ReviewView[]> {
  const rows = await db
    .select({ r: medicationReviews, reviewerName: users.displayName })
    .from(medicationReviews)
    .innerJoin(users, eq(users.id, medicationReviews.reviewedBy))
    .where(
      and(
        eq(medicationReviews.patientId, patientId),
        reviewId === undefined ? undefined : eq(medicationReviews.id, reviewId),
      ),
    )
    .orderBy(desc(medicationReviews.reviewedAt), desc(medicationReviews.id));
  return rows.map(({ r, reviewerName }) => ({
    id: r.id,
    kind: r.kind,
    items: r.items.map((i) => ({
      medicationId: i.medicationId,
      name: i.name,
      decision: i.decision,
      classIds: [...i.classIds],
      note: i.note,
    })),
    note: r.note,
    reviewedAt: r.reviewedAt.toISOString(),
    reviewedBy: { id: r.reviewedBy, displayName: reviewerName },
  }));
}
