/**
 * Diazepam-equivalent conversions (REFERENCE §6.4). Every result names its table, carries the
 * table's caveat and sources, and keeps the table's range where it gives one.
 */
import type { SourceRef } from '../sources.js';
import { EQUIVALENCE_DRUGS, EQUIVALENCE_TABLES } from './equivalenceTables.js';
import type { EquivalenceDrug, EquivalenceTableId } from './equivalenceTables.js';
import { matchMedication } from './matcher.js';

export interface EquivalenceResult {
  readonly drug: EquivalenceDrug;
  readonly table: EquivalenceTableId;
  readonly tableName: string;
  /** The amount converted from (mg/day of `drug` for toDiazepamEquivalent, of diazepam for the reverse). */
  readonly fromMgPerDay: number;
  /**
   * The converted amount in mg/day. Where the table gives a range this is the midpoint of
   * `range` (arithmetic, not a table figure): show the range.
   */
  readonly mgPerDay: number;
  /** The converted range in mg/day where the table gives a range; null for a single figure. */
  readonly range: { readonly low: number; readonly high: number } | null;
  /** "10–20 mg/day diazepam (Joint CPG Table 7, Ashton column)". */
  readonly summary: string;
  readonly caveat: string;
  readonly sources: readonly SourceRef[];
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * The Table 7 drug a name stands for: a generic or brand name, in any case, with strengths
 * or forms in the text ("Xanax XR 1mg" → 'alprazolam'); null when it is none of them.
 *
 * @example resolveEquivalenceDrug('Klonopin 0.5 mg') // 'clonazepam'
 */
export function resolveEquivalenceDrug(name: string): EquivalenceDrug | null {
  const benzo = matchMedication(name).find((m) => m.interactionClass.id === 'benzodiazepines');
  for (const n of benzo?.names ?? []) {
    const drug = EQUIVALENCE_DRUGS.find((d) => d === n.generic);
    if (drug !== undefined) return drug;
  }
  return null;
}

function convert(
  drugName: string,
  fromMg: number,
  table: EquivalenceTableId,
  direction: 'to-diazepam' | 'from-diazepam',
): EquivalenceResult | null {
  if (!Number.isFinite(fromMg) || fromMg < 0) {
    throw new RangeError(`daily dose must be a finite number >= 0, got ${fromMg}`);
  }
  const t = EQUIVALENCE_TABLES[table];
  const drug = resolveEquivalenceDrug(drugName);
  const dose = drug === null ? undefined : t.doses[drug];
  if (drug === null || dose === undefined) return null;
  const ref = t.diazepamReferenceMg;
  // to diazepam: fromMg × ref / dose (a larger table dose gives a smaller equivalent)
  const [low, high] =
    direction === 'to-diazepam'
      ? [round((fromMg * ref) / dose.high), round((fromMg * ref) / dose.low)]
      : [round((fromMg * dose.low) / ref), round((fromMg * dose.high) / ref)];
  const isRange = dose.low !== dose.high;
  const mgPerDay = isRange ? round((low + high) / 2) : low;
  const target = direction === 'to-diazepam' ? 'diazepam' : drug;
  const amount = isRange ? `${low}–${high}` : `${low}`;
  return {
    drug,
    table,
    tableName: t.name,
    fromMgPerDay: fromMg,
    mgPerDay,
    range: isRange ? { low, high } : null,
    summary: `${amount} mg/day ${target} (${t.name})`,
    caveat: t.caveat,
    sources: t.sources,
  };
}

/**
 * Diazepam mg/day equivalent to a daily dose of another benzodiazepine, on the named table;
 * null when the table has no figure for the drug (NHS Scotland covers four drugs only).
 *
 * @example
 * toDiazepamEquivalent('lorazepam', 2, 'jcpg-t7-vadod').mgPerDay; // 10
 * toDiazepamEquivalent('lorazepam', 2, 'jcpg-t7-ashton').mgPerDay; // 20
 * toDiazepamEquivalent('flurazepam', 30, 'jcpg-t7-ashton').range; // { low: 10, high: 20 }
 * @throws RangeError when dailyMg is negative or not finite.
 */
export function toDiazepamEquivalent(
  drug: string,
  dailyMg: number,
  table: EquivalenceTableId,
): EquivalenceResult | null {
  return convert(drug, dailyMg, table, 'to-diazepam');
}

/**
 * The reverse: mg/day of `drug` equivalent to a diazepam daily dose, on the named table.
 *
 * @example fromDiazepamEquivalent('clonazepam', 20, 'jcpg-t7-vadod')?.mgPerDay // 2
 */
export function fromDiazepamEquivalent(
  drug: string,
  diazepamMgPerDay: number,
  table: EquivalenceTableId,
): EquivalenceResult | null {
  return convert(drug, diazepamMgPerDay, table, 'from-diazepam');
}
