/**
 * Per-page facts of the clinician panel, for the listed patients only, in a constant number of
 * queries whatever the page size: today's scheduled dose and 7-day adherence (core
 * `computeAdherence`, in each patient's zone) from one regimen and one dose query, and the pain
 * trend (mean of the last 7 days against the 7 before, rolling 24-hour days) from one aggregate.
 */
import {
  addDays,
  computeAdherence,
  localDateOf,
  regimenOn,
  type RegimenVersion,
} from '@steady/core';
import { and, asc, gte, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { checkIns, doseEvents, regimenVersions } from '../db/schema.js';
import { toView, type DoseEventView } from '../doses/repo.js';

const DAY_MS = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

export interface DoseFacts {
  /** Scheduled diazepam per day in today's regimen; null without one. */
  readonly currentDailyDoseMg: number | null;
  /** Doses taken ÷ doses due over the last 7 local days (today included); null when none due. */
  readonly adherence7d: number | null;
}

export interface PainTrend {
  /** Mean pain (NRS 0–10) of check-ins in the last 7 days, null without any. */
  readonly recent: number | null;
  /** Mean pain of the 7 days before. */
  readonly previous: number | null;
  /** recent − previous; null unless both exist. Positive = more pain. */
  readonly change: number | null;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/** Dose facts for patients (id → zone). */
export async function doseFacts(
  ctx: AppContext,
  zones: ReadonlyMap<string, string>,
): Promise<Map<string, DoseFacts>> {
  const ids = [...zones.keys()];
  const result = new Map<string, DoseFacts>();
  if (ids.length === 0) return result;
  const now = ctx.now();
  const [versionRows, eventRows] = await Promise.all([
    ctx.db
      .select()
      .from(regimenVersions)
      .where(inArray(regimenVersions.patientId, ids))
      .orderBy(asc(regimenVersions.version)),
    // 7 local days plus a margin for zones and slots logged late.
    ctx.db
      .select()
      .from(doseEvents)
      .where(
        and(
          inArray(doseEvents.patientId, ids),
          gte(doseEvents.takenAt, new Date(now.getTime() - 9 * DAY_MS)),
        ),
      )
      .orderBy(asc(doseEvents.createdAt), asc(doseEvents.id)),
  ]);
  const versionsBy = groupBy(versionRows, (r) => r.patientId);
  const eventsBy = groupBy(eventRows, (r) => r.patientId);
  for (const [patientId, zone] of zones) {
    const versions: RegimenVersion[] = (versionsBy.get(patientId) ?? []).map((v) => ({
      ...v,
      createdAt: v.createdAt.toISOString(),
    }));
    const events: DoseEventView[] = (eventsBy.get(patientId) ?? []).map(toView);
    const today = localDateOf(now.toISOString(), zone);
    const regimen = regimenOn(versions, today, zone);
    const adherence =
      versions.length === 0
        ? null
        : computeAdherence({
            versions,
            events,
            zone,
            from: addDays(today, -6),
            to: today,
            now: now.toISOString(),
          }).takenShare;
    result.set(patientId, {
      currentDailyDoseMg:
        regimen === null ? null : regimen.doses.reduce((s, d) => s + d.amountMg, 0),
      adherence7d: adherence === null ? null : round2(adherence),
    });
  }
  return result;
}

/** Pain trends for patients, from one grouped aggregate over the last 14 days of check-ins. */
export async function painTrends(
  ctx: AppContext,
  patientIds: readonly string[],
): Promise<Map<string, PainTrend>> {
  const result = new Map<string, PainTrend>();
  if (patientIds.length === 0) return result;
  const now = ctx.now().getTime();
  const weekAgo = new Date(now - 7 * DAY_MS);
  const rows = await ctx.db
    .select({
      patientId: checkIns.patientId,
      recent: sql<
        string | null
      >`avg(${checkIns.pain}) filter (where ${checkIns.at} >= ${weekAgo.toISOString()}::timestamptz)`,
      previous: sql<
        string | null
      >`avg(${checkIns.pain}) filter (where ${checkIns.at} < ${weekAgo.toISOString()}::timestamptz)`,
    })
    .from(checkIns)
    .where(
      and(
        inArray(checkIns.patientId, [...patientIds]),
        gte(checkIns.at, new Date(now - 14 * DAY_MS)),
        sql`${checkIns.at} <= ${new Date(now).toISOString()}::timestamptz`,
      ),
    )
    .groupBy(checkIns.patientId);
  for (const r of rows) {
    const recent = r.recent === null ? null : round1(Number(r.recent));
    const previous = r.previous === null ? null : round1(Number(r.previous));
    result.set(r.patientId, {
      recent,
      previous,
      change: recent === null || previous === null ? null : round1(recent - previous),
    });
  }
  return result;
}
