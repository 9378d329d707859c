/**
 * The planner's view of what a pharmacy can dispense, built on the clinical dispensing module
 * (`clinical/dispensing.ts`): `decomposeDose` decides how each single dose is made (whole
 * tablets, at most one half piece per strength where the unconfirmed `splittable` setting
 * allows, or whole steps of the oral solution, never both in one dose) and the local
 * `DispensingSettings` are the only source of splitting and oral-syringe resolution.
 * This file only tabulates those answers so the planner can step along the makeable amounts.
 * Arithmetic is in integer micrograms, so 2.5 + 5 is exactly 7.5.
 */
import { decomposeDose, dispensableUnits } from '../clinical/dispensing.js';
import type { DoseDecomposition } from '../clinical/dispensing.js';
import { SCALE, toUnits } from '../clinical/dispensingMath.js';
import type { DispensingSettings } from '../clinical/dispensingSettings.js';
import { FORMULATION_IDS, TABLET_FORMULATION_IDS } from '../clinical/product.js';
import type { FormulationId } from '../regimen/types.js';
import type { TaperDispense, TaperFormulationKind } from './types.js';

/** Milligrams to integer micrograms; throws when the amount is not a multiple of 0.001 mg. */
export function toUg(mg: number, what = 'amount'): number {
  const ug = Number.isFinite(mg) && mg >= 0 ? toUnits(mg) : null;
  if (ug === null) {
    throw new RangeError(`${what} must be a finite number >= 0 in steps of 0.001 mg, got ${mg}`);
  }
  return ug;
}

export function toMg(ug: number): number {
  return ug / SCALE;
}

/** What one formulation kind can make, for single doses up to the table's maximum. */
export interface Dispenser {
  readonly kind: TaperFormulationKind;
  /** True when the dose can be made (0 always can). */
  canMake(ug: number): boolean;
  /** The largest makeable dose at or below `ug` (0 when none). */
  floorTo(ug: number): number;
  /** The largest makeable dose strictly below `ug` (0 when none). */
  below(ug: number): number;
  /** The smallest makeable dose at or above `ug` (Infinity when none within the table). */
  atOrAbove(ug: number): number;
  /** The pieces for a makeable dose. */
  dispense(ug: number): TaperDispense;
}

export const EMPTY_DISPENSE: TaperDispense = {
  tab10: 0,
  tab5: 0,
  tab2: 0,
  halfTab10: 0,
  halfTab5: 0,
  halfTab2: 0,
  ml: 0,
};

const HALF_KEY = { tab10: 'halfTab10', tab5: 'halfTab5', tab2: 'halfTab2' } as const;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function toDispense(d: DoseDecomposition): TaperDispense {
  if (d.kind === 'solution') return { ...EMPTY_DISPENSE, ml: d.volumeMl };
  const counts: { -readonly [K in keyof TaperDispense]: number } = { ...EMPTY_DISPENSE };
  for (const p of d.portions) {
    counts[p.formulation] = p.wholeTablets;
    counts[HALF_KEY[p.formulation]] = p.halfTablets;
  }
  return counts;
}

/**
 * `decomposeDose` tabulated on the grid of the smallest common piece (the gcd of the
 * dispensable units), for every dose from 0 to `maxUg`.
 */
function tabulate(
  kind: TaperFormulationKind,
  formulations: readonly FormulationId[],
  settings: DispensingSettings,
  maxUg: number,
): Dispenser {
  const units = dispensableUnits(formulations, settings)
    .map((u) => toUnits(u.amountMg) ?? 0)
    .filter((u) => u > 0);
  const grid = units.reduce(gcd);
  const size = Math.floor(maxUg / grid) + 1;
  const options = { formulations, settings };
  const table = Array.from({ length: size }, (_, k) =>
    k === 0 ? null : decomposeDose((k * grid) / SCALE, options),
  );
  const makeable = (k: number): boolean => k === 0 || (table[k] ?? null) !== null;
  const prev = new Array<number>(size).fill(0);
  for (let k = 1; k < size; k++) prev[k] = makeable(k) ? k : (prev[k - 1] ?? 0);
  const next = new Array<number>(size + 1).fill(Infinity);
  for (let k = size - 1; k >= 0; k--) next[k] = makeable(k) ? k : (next[k + 1] ?? Infinity);

  const canMake = (ug: number): boolean => ug % grid === 0 && ug <= maxUg && makeable(ug / grid);
  const floorTo = (ug: number): number =>
    ug < 0 ? 0 : (prev[Math.min(size - 1, Math.floor(ug / grid))] ?? 0) * grid;
  return {
    kind,
    canMake,
    floorTo,
    below: (ug) => (ug <= 0 ? 0 : floorTo(Math.ceil(ug / grid) * grid - grid)),
    atOrAbove: (ug) => (next[Math.max(0, Math.ceil(ug / grid))] ?? Infinity) * grid,
    dispense: (ug) => {
      if (!canMake(ug)) {
        const what = kind === 'tablets' ? 'made with these tablets' : 'measured with this solution';
        throw new RangeError(`${toMg(ug)} mg cannot be ${what}`);
      }
      const d = table[ug / grid] ?? null;
      return d === null ? EMPTY_DISPENSE : toDispense(d);
    },
  };
}

/** Throws a RangeError when the formulations cannot describe anything dispensable. */
export function validateFormulations(
  formulations: readonly FormulationId[],
  settings: DispensingSettings,
): void {
  if (formulations.length === 0) throw new RangeError('no formulation given');
  if (new Set(formulations).size !== formulations.length)
    throw new RangeError('each formulation may appear once');
  for (const id of formulations) {
    if (!(FORMULATION_IDS as readonly string[]).includes(id))
      throw new RangeError(`unknown formulation ${id}`);
  }
  if (formulations.includes('sol1')) {
    const step = settings.solutionStepMl.value;
    const units = Number.isFinite(step) && step > 0 ? toUnits(step) : null;
    if (units === null || units <= 0) {
      throw new RangeError(`solutionStepMl must be > 0 and a multiple of 0.001 mL, got ${step}`);
    }
  }
}

/** Dispensers for the formulations at hand; tables cover single doses up to `maxUg`. */
export function dispensers(
  formulations: readonly FormulationId[],
  settings: DispensingSettings,
  maxUg: number,
): { readonly tablets: Dispenser | null; readonly solution: Dispenser | null } {
  const tabletIds = TABLET_FORMULATION_IDS.filter((id) => formulations.includes(id));
  return {
    tablets: tabletIds.length > 0 ? tabulate('tablets', tabletIds, settings, maxUg) : null,
    solution: formulations.includes('sol1')
      ? tabulate('solution', ['sol1'], settings, maxUg)
      : null,
  };
}
