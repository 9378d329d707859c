/**
 * The medication sections of the visit summary: the regimen versions of the period with their
 * reasons, adherence (core `computeAdherence`), doses beyond the plan and the daily dose of the
 * trend chart — one read of the regimen and of the dose log.
 */
import { computeAdherence, localDateOf, scheduledDailyTotal, type LocalDate } from '@steady/core';
import type { AppContext } from '../context.js';
import { doseDays, regimensByDay } from '../chart/days.js';
import { loadDoseLog, type LocalCalendar } from '../history/daily.js';
import { loadRegimenVersions, type RegimenVersionView } from '../regimen/service.js';
import type { AdherenceFacts, ExtraDoseDay, RegimenRow } from './model.js';

const DAY_MS = 86_400_000;

export interface DoseFacts {
  readonly regimen: RegimenRow[];
  readonly adherence: AdherenceFacts | null;
  readonly extraDays: ExtraDoseDay[];
  /** The as-needed allowance per day of the regimen in force at the end, if any. */
  readonly asNeededMg: number | null;
  /** Milligrams taken per day of the period (the trend chart's bars). */
  readonly takenMg: ReadonlyMap<LocalDate, number>;
}

interface Period {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly zone: string;
  readonly calendar: LocalCalendar;
  /** Instants bounding the period's local days. */
  readonly range: { readonly from: Date; readonly to: Date };
}

/** Versions in force at some point of the period, or recorded within it, oldest first. */
function regimenRows(versions: readonly RegimenVersionView[], p: Period): RegimenRow[] {
  const recordedBy = p.range.to.getTime();
  return versions
    .filter(
      (v) =>
        Date.parse(v.createdAt) < recordedBy &&
        v.startDate <= p.to &&
        (v.endDate === null || v.endDate >= p.from),
    )
    .map((v) => ({
      version: v.version,
      recordedAt: v.createdAt,
      startDate: v.startDate,
      endDate: v.endDate,
      schedule: v.doses.map((d) => ({ time: d.time, amountMg: d.amountMg })),
      dailyMg: scheduledDailyTotal(v),
      asNeeded: v.asNeeded,
      formulation: v.formulation,
      reason: v.reason,
      enteredBy: v.enteredBy.displayName,
      changedInPeriod: Date.parse(v.createdAt) >= p.range.from.getTime(),
    }));
}

export async function loadDoseFacts(
  ctx: AppContext,
  patientId: string,
  p: Period,
): Promise<DoseFacts> {
  const versions = await loadRegimenVersions(ctx, patientId);
  // A dose answering one of the last day's slots may have been taken after the period.
  const lastDaySlots = (regimensByDay(versions, [p.to], p.zone)[0]?.doses ?? []).map(
    (d) => `${p.to}T${d.time}`,
  );
  const { counted } = await loadDoseLog(
    ctx.db,
    patientId,
    {
      from: new Date(p.range.from.getTime() - DAY_MS),
      to: new Date(p.range.to.getTime() + DAY_MS),
    },
    lastDaySlots,
  );
  const days = doseDays(versions, counted, p.calendar, p.zone);
  const report =
    versions.length === 0
      ? null
      : computeAdherence({
          versions,
          events: counted,
          zone: p.zone,
          from: p.from,
          to: p.to,
          now: ctx.now().toISOString(),
        });
  const atEnd = regimensByDay(versions, [p.to], p.zone)[0] ?? null;
  const asNeeded = atEnd?.asNeeded ?? null;
  return {
    regimen: regimenRows(versions, p),
    adherence:
      report === null
        ? null
        : {
            due: report.due,
            taken: report.taken,
            takenOnTime: report.takenOnTime,
            skipped: report.skipped,
            missed: report.missed,
            takenShare: report.takenShare,
            onTimeShare: report.onTimeShare,
            daysAssessed: report.daysAssessed,
            daysCovered: report.daysCovered,
            onTimeWindowMinutes: report.onTimeWindowMinutes,
          },
    extraDays: p.calendar.dates.flatMap((date, i) => {
      const d = days[i];
      return d === undefined || d.extraDoses === 0
        ? []
        : [
            {
              date,
              count: d.extraDoses,
              mg: d.extraMg,
              scheduledMg: d.scheduledMg,
              takenMg: d.takenMg,
            },
          ];
    }),
    asNeededMg: asNeeded === null ? null : asNeeded.amountMg * asNeeded.maxPerDay,
    takenMg: new Map(p.calendar.dates.map((date, i) => [date, days[i]?.takenMg ?? 0])),
  };
}

/** The patient's local date of an instant. */
export const localDay = (at: Date | string, zone: string): LocalDate =>
  localDateOf(typeof at === 'string' ? at : at.toISOString(), zone);
