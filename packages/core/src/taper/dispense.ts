/**
 * Which amounts a pharmacy can dispense and a patient can take: whole tablets, at most one
 * half piece per strength in a dose, or measured volumes of solution (never both in one
 * dose). Arithmetic is in integer micrograms, so 2.5 + 5 is exactly 7.5.
 */
import type { FormulationId } from '../regimen/types.js';
import { TAPER_TABLET_STRENGTH_MG } from './guideline.js';
import type {
  TaperDispense,
  TaperFormulationKind,
  TaperTabletId,
  TaperFormulations,
  TaperSolution,
} from './types.js';

const UG_PER_MG = 1000;

/** Milligrams to integer micrograms; throws when the amount is not a multiple of 0.001 mg. */
export function toUg(mg: number, what = 'amount'): number {
  const ug = Math.round(mg * UG_PER_MG);
  if (!Number.isFinite(mg) || mg < 0 || Math.abs(ug - mg * UG_PER_MG) > 1e-6) {
    throw new RangeError(`${what} must be a finite number >= 0 in steps of 0.001 mg, got ${mg}`);
  }
  return ug;
}

export function toMg(ug: number): number {
  return ug / UG_PER_MG;
}

/** What one formulation kind can make, for single doses. */
export interface Dispenser {
  readonly kind: TaperFormulationKind;
  /** True when the dose can be made (0 always can). */
  canMake(ug: number): boolean;
  /** The largest makeable dose at or below `ug` (0 when none). */
  floorTo(ug: number): number;
  /** The largest makeable dose strictly below `ug` (0 when none). */
  below(ug: number): number;
  /** The smallest makeable dose at or above `ug` (Infinity when none). */
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
const TABLET_ORDER: readonly TaperTabletId[] = ['tab10', 'tab5', 'tab2'];

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Tablets: dynamic programme over the grid of the smallest common piece, up to `maxUg`. */
function tabletDispenser(formulations: TaperFormulations, maxUg: number): Dispenser {
  const tabs = TABLET_ORDER.flatMap((id) => formulations.tablets.filter((t) => t.id === id));
  const wholes = tabs.map((t) => TAPER_TABLET_STRENGTH_MG[t.id] * UG_PER_MG);
  const halfIdx = tabs.flatMap((t, i) => (t.halvable ? [i] : []));
  const grid = [...wholes, ...halfIdx.map((i) => (wholes[i] ?? 0) / 2)].reduce(gcd);
  const size = Math.floor(maxUg / grid) + 1;

  // Fewest whole pieces per amount; strict < keeps the larger strength on ties.
  const pieces = new Array<number>(size).fill(Infinity);
  const last = new Array<number>(size).fill(-1);
  pieces[0] = 0;
  for (let k = 1; k < size; k++) {
    wholes.forEach((w, i) => {
      const prev = pieces[k - w / grid] ?? Infinity;
      if (prev + 1 < (pieces[k] ?? Infinity)) {
        pieces[k] = prev + 1;
        last[k] = i;
      }
    });
  }
  // Best half-piece subset per amount: fewest halves (splitting is unconfirmed), then fewest pieces.
  const masks = Array.from({ length: 1 << halfIdx.length }, (_, m) => m);
  const halfSum = (m: number): number =>
    halfIdx.reduce((s, i, b) => s + ((m >> b) & 1 ? (wholes[i] ?? 0) / 2 : 0), 0);
  const bits = (m: number): number => halfIdx.filter((_, b) => (m >> b) & 1).length;
  const bestMask = new Array<number>(size).fill(-1);
  const prevMakeable = new Array<number>(size).fill(0);
  const nextMakeable = new Array<number>(size + 1).fill(Infinity);
  for (let k = 0; k < size; k++) {
    let best = -1;
    let bestKey = Infinity;
    for (const m of masks) {
      const rest = k - halfSum(m) / grid;
      const p = rest >= 0 ? (pieces[rest] ?? Infinity) : Infinity;
      const key = bits(m) * 1e6 + p + bits(m);
      if (p < Infinity && key < bestKey) {
        best = m;
        bestKey = key;
      }
    }
    bestMask[k] = best;
    prevMakeable[k] = best >= 0 ? k : (prevMakeable[k - 1] ?? 0);
  }
  for (let k = size - 1; k >= 0; k--) {
    nextMakeable[k] = (bestMask[k] ?? -1) >= 0 ? k : (nextMakeable[k + 1] ?? Infinity);
  }
  const index = (ug: number): number => Math.min(size - 1, Math.floor(ug / grid));
  const canMake = (ug: number): boolean =>
    ug % grid === 0 && ug <= maxUg && (bestMask[ug / grid] ?? -1) >= 0;
  const floorTo = (ug: number): number => (prevMakeable[index(ug)] ?? 0) * grid;
  return {
    kind: 'tablets',
    canMake,
    floorTo,
    below: (ug) => (ug <= 0 ? 0 : floorTo(Math.ceil(ug / grid) * grid - grid)),
    atOrAbove: (ug) => (nextMakeable[Math.max(0, Math.ceil(ug / grid))] ?? Infinity) * grid,
    dispense: (ug) => {
      if (!canMake(ug)) throw new RangeError(`${toMg(ug)} mg cannot be made with these tablets`);
      const counts: { -readonly [K in keyof TaperDispense]: number } = { ...EMPTY_DISPENSE };
      const m = bestMask[ug / grid] ?? 0;
      halfIdx.forEach((i, b) => {
        const t = tabs[i];
        if (t !== undefined && (m >> b) & 1) counts[HALF_KEY[t.id]] = 1;
      });
      for (let k = (ug - halfSum(m)) / grid; k > 0;) {
        const i = last[k] ?? -1;
        const t = tabs[i];
        if (t === undefined) break; // unreachable: k is makeable by construction
        counts[t.id] += 1;
        k -= (wholes[i] ?? 0) / grid;
      }
      return counts;
    },
  };
}

function solutionDispenser(s: TaperSolution): Dispenser {
  const ugPerMl = s.mgPerMl * UG_PER_MG;
  const step = Math.round(s.stepMl * ugPerMl);
  const min = Math.max(step, Math.ceil((s.minMeasurableMl * ugPerMl) / step - 1e-9) * step);
  const canMake = (ug: number): boolean => ug === 0 || (ug % step === 0 && ug >= min);
  const floorTo = (ug: number): number => {
    const f = Math.floor(ug / step) * step;
    return f >= min ? f : 0;
  };
  return {
    kind: 'solution',
    canMake,
    floorTo,
    below: (ug) => (ug <= 0 ? 0 : floorTo(ug - 1)),
    atOrAbove: (ug) => (ug <= 0 ? 0 : Math.max(min, Math.ceil(ug / step) * step)),
    dispense: (ug) => {
      if (!canMake(ug))
        throw new RangeError(`${toMg(ug)} mg cannot be measured with this solution`);
      return { ...EMPTY_DISPENSE, ml: Math.round((ug / ugPerMl) * 1000) / 1000 };
    },
  };
}

/** Throws a RangeError when the formulations cannot describe anything dispensable. */
export function validateFormulations(f: TaperFormulations): void {
  const ids = f.tablets.map((t) => t.id);
  if (new Set(ids).size !== ids.length)
    throw new RangeError('each tablet strength may appear once');
  for (const id of ids) {
    if (!(id in TAPER_TABLET_STRENGTH_MG)) throw new RangeError(`unknown tablet ${id}`);
  }
  if (f.solution !== null) {
    const { mgPerMl, minMeasurableMl, stepMl } = f.solution;
    const positive = [mgPerMl, minMeasurableMl, stepMl].every((x) => Number.isFinite(x) && x > 0);
    const stepUg = stepMl * mgPerMl * UG_PER_MG;
    if (!positive || Math.abs(stepUg - Math.round(stepUg)) > 1e-6) {
      throw new RangeError(
        'solution mgPerMl, minMeasurableMl and stepMl must be > 0, step a multiple of 0.001 mg',
      );
    }
  }
  if (ids.length === 0 && f.solution === null) throw new RangeError('no formulation given');
}

/** Dispensers for the formulations at hand; tablet tables cover single doses up to `maxUg`. */
export function dispensers(
  f: TaperFormulations,
  maxUg: number,
): { readonly tablets: Dispenser | null; readonly solution: Dispenser | null } {
  return {
    tablets: f.tablets.length > 0 ? tabletDispenser(f, maxUg) : null,
    solution: f.solution !== null ? solutionDispenser(f.solution) : null,
  };
}

/**
 * Adapt the clinical product profile's dispensing settings (or any object of the same shape)
 * to the planner's formulations. The clinical settings measure solution in whole steps, so
 * the smallest measurable volume defaults to one step.
 *
 * @example
 * taperFormulationsFrom(['tab5', 'tab2', 'sol1'], DEFAULT_DISPENSING_SETTINGS);
 */
export function taperFormulationsFrom(
  ids: readonly FormulationId[],
  settings: {
    readonly splittable: Readonly<Record<TaperTabletId, { readonly value: boolean }>>;
    readonly solutionStepMl: { readonly value: number };
  },
  minMeasurableMl: number = settings.solutionStepMl.value,
): TaperFormulations {
  return {
    tablets: TABLET_ORDER.filter((id) => ids.includes(id)).map((id) => ({
      id,
      halvable: settings.splittable[id].value,
    })),
    solution: ids.includes('sol1')
      ? { mgPerMl: 1, minMeasurableMl, stepMl: settings.solutionStepMl.value }
      : null,
  };
}
