import {
  addDays,
  daysBetween,
  doseSlots,
  effectiveDoseEvents,
  localToInstant,
  regimenOn,
  type AsNeededRule,
  type LocalDate,
} from '@steady/core';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { loadRegimenVersions, type RegimenVersionView } from '../regimen/service.js';
import { findDoseEvents, supersededIds, type DoseEventView } from './repo.js';

export interface TodaySlot {
  readonly key: string;
  readonly localTime: string;
  readonly dueAt: string;
  readonly amountMg: number;
  readonly status: 'due' | 'taken' | 'skipped';
  readonly event: DoseEventView | null;
}

export interface TodayView {
  readonly date: LocalDate;
  readonly timeZone: string;
  readonly regimen: RegimenVersionView | null;
  readonly slots: readonly TodaySlot[];
  readonly extras: readonly DoseEventView[];
  readonly asNeeded: {
    readonly rule: AsNeededRule;
    readonly takenToday: number;
    readonly nextAllowedAt: string | null;
  } | null;
}

/** The instants bounding a local day; a DST day is 23 or 25 hours long. */
export function dayBounds(date: LocalDate, zone: string): { from: Date; to: Date } {
  return {
    from: new Date(localToInstant(date, '00:00', zone)),
    to: new Date(localToInstant(addDays(date, 1), '00:00', zone)),
  };
}

/** Longest span a list request may cover, so one request cannot read a whole account at once. */
export const MAX_RANGE_DAYS = 400;

/**
 * The instants covering local days `from`..`to` (inclusive) of a query string, validated:
 * `to` not before `from`, at most MAX_RANGE_DAYS days.
 */
export function localDaysRange(
  from: LocalDate,
  to: LocalDate,
  zone: string,
): { from: Date; to: Date } {
  if (to < from) {
    throw new AppError('STEADY_ERR_VALIDATION', [
      { path: '/querystring/to', message: 'before from' },
    ]);
  }
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) {
    throw new AppError('STEADY_ERR_VALIDATION', [
      { path: '/querystring/to', message: `at most ${String(MAX_RANGE_DAYS)} days` },
    ]);
  }
  return { from: dayBounds(from, zone).from, to: dayBounds(to, zone).to };
}

/**
 * The day's scheduled doses in the patient's local time, each with what was logged for it
 * (after corrections), plus extra doses and the as-needed allowance.
 */
export async function todayView(
  ctx: AppContext,
  patientId: string,
  date: LocalDate,
  zone: string,
): Promise<TodayView> {
  const versions = await loadRegimenVersions(ctx, patientId);
  const inForce = regimenOn(versions, date, zone);
  const regimen = versions.find((v) => v.id === inForce?.id) ?? null;
  const slots = doseSlots(versions, date, date, zone);
  const bounds = dayBounds(date, zone);
  const fetched = await findDoseEvents(
    ctx.db,
    patientId,
    bounds,
    slots.map((s) => s.key),
  );
  const superseded = await supersededIds(
    ctx.db,
    patientId,
    fetched.map((e) => e.id),
  );
  const events = effectiveDoseEvents(fetched.filter((e) => !superseded.has(e.id)));
  const bySlot = new Map(events.filter((e) => e.slotKey !== null).map((e) => [e.slotKey, e]));
  const extras = events.filter((e) => e.kind === 'extra' && e.slotKey === null);
  return {
    date,
    timeZone: zone,
    regimen,
    slots: slots.map((s) => {
      const event = bySlot.get(s.key) ?? null;
      const status = event === null ? 'due' : event.kind === 'skipped' ? 'skipped' : 'taken';
      return {
        key: s.key,
        localTime: s.localTime,
        dueAt: s.dueAt,
        amountMg: s.amountMg,
        status,
        event,
      };
    }),
    extras,
    asNeeded:
      regimen?.asNeeded == null
        ? null
        : asNeededToday(regimen.asNeeded, extras, bounds.to, ctx.now()),
  };
}

function asNeededToday(
  rule: AsNeededRule,
  extras: readonly DoseEventView[],
  endOfDay: Date,
  now: Date,
) {
  const takenToday = extras.length;
  if (takenToday >= rule.maxPerDay) {
    return { rule, takenToday, nextAllowedAt: endOfDay.toISOString() };
  }
  const last = extras.map((e) => Date.parse(e.takenAt)).reduce((a, b) => Math.max(a, b), -Infinity);
  const next = last + rule.minIntervalHours * 3_600_000;
  return {
    rule,
    takenToday,
    nextAllowedAt:
      Number.isFinite(next) && next > now.getTime() ? new Date(next).toISOString() : null,
  };
}
