import { addDays, isLocalDate, localDateOf } from './slots.js';
import type { DoseEvent, Instant, LocalDate } from './types.js';

/**
 * A dose event as the log stores it. `createdAt` (when it was recorded) and `supersedes`
 * (the id of the event it corrects) are optional so that plain `DoseEvent`s work too.
 */
export interface LoggedDoseEvent extends DoseEvent {
  readonly createdAt?: Instant;
  readonly supersedes?: string | null;
}

/**
 * The events that still count after corrections, in input order.
 *
 * Corrections never edit an event; they add a new one. Two rules resolve them:
 * 1. an event named by another event's `supersedes` is dropped (this also covers extra doses,
 *    which have no slot);
 * 2. of the remaining events that answer the same `slotKey`, only the latest counts: the one
 *    with the later `createdAt` when both have one, otherwise the one later in the input.
 *    Pass events in the order they were recorded.
 *
 * @example
 * effectiveDoseEvents([taken0800, correctedTo0830]) // → [correctedTo0830]
 */
export function effectiveDoseEvents<E extends LoggedDoseEvent>(events: readonly E[]): E[] {
  const superseded = new Set<string>();
  for (const e of events) if (e.supersedes != null) superseded.add(e.supersedes);

  const latestBySlot = new Map<string, { event: E; index: number }>();
  events.forEach((event, index) => {
    if (superseded.has(event.id) || event.slotKey === null) return;
    const current = latestBySlot.get(event.slotKey);
    if (current === undefined || isLater(event, index, current.event, current.index)) {
      latestBySlot.set(event.slotKey, { event, index });
    }
  });

  return events.filter((e) => {
    if (superseded.has(e.id)) return false;
    return e.slotKey === null || latestBySlot.get(e.slotKey)?.event === e;
  });
}

function isLater(a: LoggedDoseEvent, ai: number, b: LoggedDoseEvent, bi: number): boolean {
  if (a.createdAt !== undefined && b.createdAt !== undefined) {
    const diff = Date.parse(a.createdAt) - Date.parse(b.createdAt);
    if (diff !== 0) return diff > 0;
  }
  return ai > bi;
}

/** Round milligram sums so that 0.1 + 0.2 reads 0.3. */
function roundMg(mg: number): number {
  return Math.round(mg * 1000) / 1000;
}

/**
 * Milligrams of diazepam actually taken per local day of `zone` (by `takenAt`), after
 * corrections ({@link effectiveDoseEvents}); skipped events add nothing. Keys are in date
 * order. Without `period`, only days with at least one taken dose appear; with it, every day
 * from `period.from` to `period.to` appears (0 when nothing was taken) and nothing else.
 *
 * @example
 * dailyTakenTotals(events, 'Europe/Berlin').get('2026-03-29') // → 10
 */
export function dailyTakenTotals(
  events: readonly LoggedDoseEvent[],
  zone: string,
  period?: { readonly from: LocalDate; readonly to: LocalDate },
): Map<LocalDate, number> {
  const sums = new Map<LocalDate, number>();
  for (const e of effectiveDoseEvents(events)) {
    if (e.kind === 'skipped' || e.amountMg <= 0) continue;
    const day = localDateOf(e.takenAt, zone);
    sums.set(day, (sums.get(day) ?? 0) + e.amountMg);
  }
  if (period === undefined) {
    const days = [...sums.keys()].sort();
    return new Map(days.map((d) => [d, roundMg(sums.get(d) ?? 0)]));
  }
  if (!isLocalDate(period.from) || !isLocalDate(period.to)) {
    throw new RangeError(`Invalid period ${period.from}..${period.to}`);
  }
  const out = new Map<LocalDate, number>();
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    out.set(day, roundMg(sums.get(day) ?? 0));
  }
  return out;
}
