/**
 * Turns a patient's data into alerts: loads what the clinical engine reads (in the patient's
 * time zone), runs `computeSignals`, and reconciles the result with the stored alerts:
 * a new signal opens an alert; one still present refreshes it (`last_seen`, evidence, texts);
 * one that went away stays as it is (`present` false) until a clinician resolves it. A
 * resolved alert reopens as a new one only on new evidence or a higher severity.
 */
import { randomUUID } from 'node:crypto';
import { addDays, computeSignals, localDateOf, type Signal } from '@steady/core';
import { and, asc, eq, isNull, max, ne } from 'drizzle-orm';
import { findCheckIns } from '../checkins/repo.js';
import type { AppContext } from '../context.js';
import { alerts, checkIns, doseEvents, medications, patientActivity, users } from '../db/schema.js';
import { findDoseEvents } from '../doses/repo.js';
import { dayBounds } from '../doses/today.js';
import { loadSignalDispensing } from '../pharmacy/repo.js';
import { loadProfile } from '../profile/routes.js';
import { loadSignalQuestionnaires } from '../questionnaires/repo.js';
import { loadRegimenVersions } from '../regimen/service.js';
import { loadSignalStockCounts } from '../supply/repo.js';
import { signalTaperOf } from '../taper/checkIns.js';
import { SEVERITY_RANK, signalCategories, signalFingerprint } from './categories.js';

/**
 * Days of logs read. The longest look-backs of the rules are the refill window (180 days) and
 * the course duration (3 months and more is one band), so a little over a year is plenty.
 */
export const LOOKBACK_DAYS = 400;

type AlertRow = typeof alerts.$inferSelect;

async function signalsFor(ctx: AppContext, patientId: string, zone: string): Promise<Signal[]> {
  const now = ctx.now().toISOString();
  const today = localDateOf(now, zone);
  const range = {
    from: dayBounds(addDays(today, -LOOKBACK_DAYS), zone).from,
    to: dayBounds(today, zone).to,
  };
  const [profile, regimenVersions, doses, checkInList, meds] = await Promise.all([
    loadProfile(ctx, patientId),
    loadRegimenVersions(ctx, patientId),
    findDoseEvents(ctx.db, patientId, range),
    findCheckIns(ctx.db, patientId, range),
    ctx.db
      .select()
      .from(medications)
      .where(and(eq(medications.patientId, patientId), isNull(medications.deletedAt)))
      .orderBy(asc(medications.createdAt)),
  ]);
  return computeSignals({
    now,
    timeZone: zone,
    profile,
    regimenVersions,
    doses,
    checkIns: checkInList,
    questionnaires: await loadSignalQuestionnaires(ctx, patientId, range),
    // The list records no start date, so "new opioid" is not inferred from when it was typed in.
    otherMedications: meds.map((m) => ({
      id: m.id,
      name: m.name,
      dose: m.dose,
      frequency: m.frequency,
      active: m.active,
      startDate: null,
    })),
    dispensing: await loadSignalDispensing(ctx.db, patientId, range),
    // The patient's stock counts: SIG-EARLY-REFILL/count (running out earlier than explained).
    stockCounts: await loadSignalStockCounts(ctx.db, patientId, range),
    // The signed plan in force: SIG-TAPER-FAST, SIG-WD-AFTER-STEP and SIG-POST-TAPER read it.
    taper: await signalTaperOf(ctx, patientId),
  });
}

const fields = (s: Signal) => ({
  severity: s.severity,
  severityRank: SEVERITY_RANK[s.severity],
  audience: s.audience,
  fingerprint: signalFingerprint(s),
  categories: signalCategories(s),
  title: s.title,
  evidence: [...s.evidence],
  sources: [...s.sources],
  clinicianText: s.clinicianText,
  patientText: s.patientText,
});

/** Nothing new since the resolution: same or fewer data points, no higher severity. */
function coveredBy(resolved: AlertRow, s: Signal): boolean {
  const seen = new Set(resolved.fingerprint);
  return (
    SEVERITY_RANK[s.severity] <= resolved.severityRank &&
    signalFingerprint(s).every((p) => seen.has(p))
  );
}

export interface RecomputeResult {
  readonly opened: number;
  readonly refreshed: number;
  readonly gone: number;
}

/** Recompute one patient's alerts and panel facts. Safe to repeat; unknown ids do nothing. */
export async function recomputeAlerts(
  ctx: AppContext,
  patientId: string,
): Promise<RecomputeResult> {
  const [patient] = await ctx.db
    .select({ zone: users.timeZone })
    .from(users)
    .where(and(eq(users.id, patientId), eq(users.role, 'patient')));
  if (patient === undefined) return { opened: 0, refreshed: 0, gone: 0 };
  const signals = await signalsFor(ctx, patientId, patient.zone);
  const now = ctx.now();
  let opened = 0;
  let refreshed = 0;
  let gone = 0;
  await ctx.db.transaction(async (tx) => {
    const stored = await tx
      .select()
      .from(alerts)
      .where(eq(alerts.patientId, patientId))
      .orderBy(asc(alerts.firstSeen));
    const unresolved = new Map<string, AlertRow>();
    const lastResolved = new Map<string, AlertRow>();
    for (const a of stored) {
      if (a.status === 'resolved') lastResolved.set(a.dedupeKey, a);
      else unresolved.set(a.dedupeKey, a);
    }
    const keys = new Set<string>();
    for (const s of signals) {
      keys.add(s.id);
      const current = unresolved.get(s.id);
      if (current !== undefined) {
        await tx
          .update(alerts)
          .set({ ...fields(s), present: true, lastSeen: now })
          .where(eq(alerts.id, current.id));
        refreshed += 1;
        continue;
      }
      const resolved = lastResolved.get(s.id);
      if (resolved !== undefined && coveredBy(resolved, s)) continue;
      const inserted = await tx
        .insert(alerts)
        .values({
          id: randomUUID(),
          patientId,
          signalId: s.id,
          dedupeKey: s.id,
          ...fields(s),
          status: 'open',
          present: true,
          firstSeen: now,
          lastSeen: now,
        })
        .onConflictDoNothing()
        .returning({ id: alerts.id });
      opened += inserted.length;
    }
    for (const [key, a] of unresolved) {
      if (keys.has(key) || !a.present) continue;
      await tx.update(alerts).set({ present: false }).where(eq(alerts.id, a.id));
      gone += 1;
    }
    await refreshActivity(tx, patientId, now);
  });
  return { opened, refreshed, gone };
}

async function refreshActivity(db: AppContext['db'], patientId: string, now: Date) {
  const [dose] = await db
    .select({ at: max(doseEvents.takenAt) })
    .from(doseEvents)
    .where(and(eq(doseEvents.patientId, patientId), ne(doseEvents.kind, 'skipped')));
  const [checkIn] = await db
    .select({ at: max(checkIns.at) })
    .from(checkIns)
    .where(eq(checkIns.patientId, patientId));
  const values = {
    lastDoseAt: dose?.at ?? null,
    lastCheckInAt: checkIn?.at ?? null,
    computedAt: now,
  };
  await db
    .insert(patientActivity)
    .values({ patientId, ...values })
    .onConflictDoUpdate({ target: patientActivity.patientId, set: values });
}
