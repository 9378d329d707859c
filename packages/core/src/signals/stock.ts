/**
 * Running out earlier than the regimen explains, from the patient's own stock counts
 * (SIG-EARLY-REFILL/count): the count-based companion of the dispensing-based rule in care.ts.
 */
import type { FormulationId, LocalDate } from '../regimen/types.js';
import { makeSignal, NEUTRAL } from './build.js';
import { EARLY_REFILL_SOURCES } from './care.js';
import { contextOf, daysAgo, daysFromTo, round2, type SignalContext } from './context.js';
import type { Signal, SignalEvidence, SignalInput, SignalStockCount } from './types.js';

const EPS = 1e-6;

const between = (at: string, after: string, until: string): boolean => {
  const ms = Date.parse(at);
  return ms > Date.parse(after) && ms <= Date.parse(until);
};

/** Units of a formulation the regimen allows at most on a day (scheduled + as-needed). */
function allowedUnits(ctx: SignalContext, f: FormulationId, day: LocalDate, unit: number): number {
  const p = ctx.prescribed(day);
  return p.version?.formulation === f ? p.maxMg / unit : 0;
}

/**
 * Between two counts of one formulation, the later one is lower than the earlier count plus
 * what was dispensed in between less the most use the regimen allows over those days (both
 * count days included, so the allowance is generous), by more than `refillGraceDays` of that
 * allowance. Only a later count within `refillLookbackDays`. Caution; warning from two such
 * counts. Clinician only.
 */
function shortfalls(ctx: SignalContext, counts: readonly SignalStockCount[]): SignalEvidence[] {
  const s = ctx.settings;
  const since = daysAgo(ctx, s.refillLookbackDays);
  const found: SignalEvidence[] = [];
  for (let i = 1; i < counts.length; i++) {
    const prev = counts[i - 1];
    const next = counts[i];
    if (prev === undefined || next === undefined || !(next.mgPerUnit > 0)) continue;
    const unit = next.mgPerUnit;
    const f = next.formulation;
    const [from, to] = [ctx.dayOf(prev.at), ctx.dayOf(next.at)];
    if (to < since) continue;
    const allowance = daysFromTo(from, to).map((day) => allowedUnits(ctx, f, day, unit));
    const allowed = allowance.reduce((a, b) => a + b, 0);
    const dispensed = ctx.dispensing
      .filter((d) => d.formulation === f && between(d.at, prev.at, next.at))
      .reduce((sum, d) => sum + Math.max(0, d.quantity), 0);
    const expectedAtLeast = prev.quantity + dispensed - allowed;
    const daily = allowance.at(-1) ?? 0;
    const short = expectedAtLeast - next.quantity;
    if (daily <= 0 || short / daily <= s.refillGraceDays + EPS) continue;
    found.push({
      kind: 'metric',
      ids: [prev.id, next.id].filter((id): id is string => id !== undefined),
      dates: [prev.at, next.at],
      values: {
        formulation: f,
        earlierCount: prev.quantity,
        dispensedBetween: round2(dispensed),
        allowedUse: round2(allowed),
        laterCount: next.quantity,
        daysShort: round2(short / daily),
      },
      note: 'Counted stock below the lowest the regimen explains',
    });
  }
  return found;
}

/**
 * SIG-EARLY-REFILL/count: the patient's stock counts fall faster than the most use the regimen
 * allows explains (see `shortfalls`). Reuses the early-refill settings.
 *
 * @example stockShortfallSignal(input)[0]?.id // → 'SIG-EARLY-REFILL/count'
 */
export function stockShortfallSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const counts = (input.stockCounts ?? [])
    .filter((c) => !Number.isNaN(Date.parse(c.at)) && Date.parse(c.at) <= ctx.nowMs)
    .filter((c) => Number.isFinite(c.quantity))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const byFormulation = new Map<FormulationId, SignalStockCount[]>();
  for (const c of counts)
    byFormulation.set(c.formulation, [...(byFormulation.get(c.formulation) ?? []), c]);
  const evidence = [...byFormulation.values()].flatMap((list) => shortfalls(ctx, list));
  if (evidence.length === 0) return [];
  const list = evidence
    .map(
      (e) =>
        `${ctx.dayOf(e.dates?.[1] ?? ctx.now)} (about ${String(e.values?.['daysShort'])} days short)`,
    )
    .join(', ');
  return [
    makeSignal(ctx, {
      id: 'SIG-EARLY-REFILL/count',
      severity: evidence.length >= 2 ? 'warning' : 'caution',
      audience: 'clinician',
      title: 'Counted supply lower than the regimen explains',
      evidence,
      sources: EARLY_REFILL_SOURCES,
      clinicianText:
        `Patient's stock count on ${list}: lower than the earlier count plus dispensings less the most use the ` +
        'regimen allows. Many explanations are possible (a miscount, lost or damaged medicine, doses not logged, ' +
        `intake above the plan); discuss with the patient and check the PDMP. ${NEUTRAL}`,
      settingKeys: ['refillGraceDays', 'refillLookbackDays'],
    }),
  ];
}
