/**
 * What a pharmacy can dispense and a patient can take: whole tablets, half tablets (where the
 * unconfirmed `splittable` setting allows) and measured volumes of the 1 mg/mL solution.
 * Shared with the taper planner so that every proposed step is something a patient can take.
 *
 * Arithmetic is done in integer micrograms to avoid floating-point drift (2.5 + 5 === 7.5).
 */
import type { Parameter } from '../sources.js';
import type { FormulationId } from '../regimen/types.js';
import { DIAZEPAM_PRODUCTS, TABLET_FORMULATION_IDS } from './product.js';
import type { TabletFormulationId } from './product.js';
import { DEFAULT_DISPENSING_SETTINGS } from './dispensingSettings.js';
import type { DispensingSettings } from './dispensingSettings.js';
import { SCALE, checkAmount, toUnits } from './dispensingMath.js';

/** Which formulations are at hand, and the local settings. */
export interface DispensingOptions {
  readonly formulations: readonly FormulationId[];
  /** Defaults to DEFAULT_DISPENSING_SETTINGS. */
  readonly settings?: DispensingSettings;
}

/** One amount a patient can take as a single piece or measure. */
export interface DispensableUnit {
  readonly formulation: FormulationId;
  readonly kind: 'tablet' | 'half-tablet' | 'solution-step';
  readonly amountMg: number;
  /** Solution only: the volume of one step. */
  readonly volumeMl: number | null;
  readonly label: string;
  /** The unconfirmed/local setting this unit depends on, for the UI to show; null for whole tablets. */
  readonly assumption: Parameter<boolean> | Parameter<number> | null;
}

/** Tablets of one strength within a decomposed dose. */
export interface TabletPortion {
  readonly formulation: TabletFormulationId;
  readonly strengthMg: number;
  readonly wholeTablets: number;
  readonly halfTablets: 0 | 1;
  /** Pharmacy count: wholeTablets + halfTablets / 2 (1.5 = "1½ tablets"). */
  readonly tablets: number;
  readonly amountMg: number;
}

export interface TabletDecomposition {
  readonly kind: 'tablets';
  readonly amountMg: number;
  /** Strengths used, largest first; strengths not needed are left out. */
  readonly portions: readonly TabletPortion[];
  /** Pieces swallowed (whole tablets plus half pieces). */
  readonly pieces: number;
  /** Half-tablet pieces (each needs one tablet split). */
  readonly halves: number;
  /** Tablet count per strength, 0 where unused: { tab10: 1, tab5: 0.5, tab2: 0 }. */
  readonly tabletsByFormulation: Readonly<Record<TabletFormulationId, number>>;
  /** Unconfirmed settings this decomposition relies on (splitting), for the UI to show. */
  readonly assumptions: readonly Parameter<boolean>[];
}

export interface SolutionDecomposition {
  readonly kind: 'solution';
  readonly formulation: 'sol1';
  readonly amountMg: number;
  readonly volumeMl: number;
  readonly concentrationMgPerMl: number;
  readonly assumptions: readonly Parameter<number>[];
}

export type DoseDecomposition = TabletDecomposition | SolutionDecomposition;

function tabletIds(formulations: readonly FormulationId[]): TabletFormulationId[] {
  return TABLET_FORMULATION_IDS.filter((id) => formulations.includes(id));
}

function fmt(mg: number): string {
  return String(Math.round(mg * SCALE) / SCALE);
}

/**
 * Every single piece or measure available from the given formulations, largest amount first:
 * whole tablets, half tablets where splitting is allowed, and one solution step.
 *
 * @example
 * dispensableUnits(['tab5', 'tab2']).map((u) => `${u.kind} ${u.amountMg}`);
 * // ['tablet 5', 'half-tablet 2.5', 'tablet 2', 'half-tablet 1']
 */
export function dispensableUnits(
  formulations: readonly FormulationId[],
  settings: DispensingSettings = DEFAULT_DISPENSING_SETTINGS,
): DispensableUnit[] {
  const units: DispensableUnit[] = [];
  for (const id of tabletIds(formulations)) {
    const strength = DIAZEPAM_PRODUCTS[id].strengthMg;
    units.push({
      formulation: id,
      kind: 'tablet',
      amountMg: strength,
      volumeMl: null,
      label: `${fmt(strength)} mg tablet`,
      assumption: null,
    });
    const split = settings.splittable[id];
    if (split.value) {
      units.push({
        formulation: id,
        kind: 'half-tablet',
        amountMg: strength / 2,
        volumeMl: null,
        label: `half of a ${fmt(strength)} mg tablet (${fmt(strength / 2)} mg)`,
        assumption: split,
      });
    }
  }
  if (formulations.includes('sol1')) {
    const step = settings.solutionStepMl;
    const mg = step.value * DIAZEPAM_PRODUCTS.sol1.concentrationMgPerMl;
    units.push({
      formulation: 'sol1',
      kind: 'solution-step',
      amountMg: mg,
      volumeMl: step.value,
      label: `${fmt(step.value)} mL of 1 mg/mL oral solution (${fmt(mg)} mg)`,
      assumption: step,
    });
  }
  return units.sort((a, b) => b.amountMg - a.amountMg);
}

interface Candidate {
  readonly whole: number[];
  readonly half: number[];
}

/**
 * Lexicographic cost: fewest halves, then fewest pieces, then fewest strengths. Remaining ties
 * keep the first candidate found, and the search tries more of the larger strengths first.
 */
function better(a: Candidate, b: Candidate): boolean {
  const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
  const used = (c: Candidate): number => c.whole.filter((w, i) => w + (c.half[i] ?? 0) > 0).length;
  const keyA = [sum(a.half), sum(a.whole) + sum(a.half), used(a)];
  const keyB = [sum(b.half), sum(b.whole) + sum(b.half), used(b)];
  for (let i = 0; i < keyA.length; i++) {
    const x = keyA[i] ?? 0;
    const y = keyB[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

function decomposeTablets(
  target: number,
  ids: readonly TabletFormulationId[],
  settings: DispensingSettings,
): TabletDecomposition | null {
  const strengths = ids.map((id) => DIAZEPAM_PRODUCTS[id].strengthMg * SCALE);
  const halvable = ids.map((id) => settings.splittable[id].value);
  const state: { best: Candidate | null } = { best: null };
  const whole = ids.map(() => 0);
  const half = ids.map(() => 0);

  // Enumerate half (0/1) and whole counts per strength; the last strength's count is implied.
  const visit = (i: number, remaining: number): void => {
    const s = strengths[i] ?? 1;
    for (const h of halvable[i] === true ? [0, 1] : [0]) {
      const rest = remaining - (h * s) / 2;
      if (rest < 0) continue;
      half[i] = h;
      if (i === ids.length - 1) {
        if (rest % s !== 0) continue;
        whole[i] = rest / s;
        const c = { whole: [...whole], half: [...half] };
        if (state.best === null || better(c, state.best)) state.best = c;
      } else {
        for (let w = Math.floor(rest / s); w >= 0; w--) {
          whole[i] = w;
          visit(i + 1, rest - w * s);
        }
      }
    }
  };
  if (ids.length > 0) visit(0, target);
  const found = state.best;
  if (found === null) return null;

  const portions: TabletPortion[] = [];
  const assumptions: Parameter<boolean>[] = [];
  ids.forEach((id, i) => {
    const w = found.whole[i] ?? 0;
    const h = found.half[i] === 1 ? 1 : 0;
    if (w + h === 0) return;
    const strengthMg = DIAZEPAM_PRODUCTS[id].strengthMg;
    portions.push({
      formulation: id,
      strengthMg,
      wholeTablets: w,
      halfTablets: h,
      tablets: w + h / 2,
      amountMg: (w + h / 2) * strengthMg,
    });
    if (h === 1) assumptions.push(settings.splittable[id]);
  });
  const halves = portions.reduce((s, p) => s + p.halfTablets, 0);
  const pieces = portions.reduce((s, p) => s + p.wholeTablets, 0) + halves;
  const tabletsByFormulation = { tab10: 0, tab5: 0, tab2: 0 };
  for (const p of portions) tabletsByFormulation[p.formulation] = p.tablets;
  return {
    kind: 'tablets',
    amountMg: target / SCALE,
    portions,
    pieces,
    halves,
    tabletsByFormulation,
    assumptions,
  };
}

function decomposeSolution(
  target: number,
  settings: DispensingSettings,
): SolutionDecomposition | null {
  const conc = DIAZEPAM_PRODUCTS.sol1.concentrationMgPerMl;
  const stepUnits = toUnits(settings.solutionStepMl.value * conc);
  if (stepUnits === null || stepUnits <= 0 || target % stepUnits !== 0) return null;
  return {
    kind: 'solution',
    formulation: 'sol1',
    amountMg: target / SCALE,
    volumeMl: target / conc / SCALE,
    concentrationMgPerMl: conc,
    assumptions: [settings.solutionStepMl],
  };
}

/**
 * Break a single dose into what the patient takes, or null when the amount cannot be made
 * from the formulations at hand. Tablets are tried first (fewest half tablets, then fewest
 * pieces, then fewest strengths, then larger tablets first); the solution is used when no tablet
 * formulation can make the amount. Tablets and solution are never mixed in one dose.
 * Halves come only from tablets whose `splittable` setting is true (default, unconfirmed).
 *
 * @example
 * decomposeDose(7.5, { formulations: ['tab5', 'tab2'] });
 * // { kind: 'tablets', portions: [{ formulation: 'tab5', wholeTablets: 1, halfTablets: 1, tablets: 1.5, … }], halves: 1, pieces: 2, … }
 * decomposeDose(2.5, { formulations: ['sol1'] }); // { kind: 'solution', volumeMl: 2.5, … }
 * decomposeDose(0.7, { formulations: ['tab2'] }); // null
 * @throws RangeError when amountMg is negative or not finite.
 */
export function decomposeDose(
  amountMg: number,
  options: DispensingOptions,
): DoseDecomposition | null {
  checkAmount(amountMg);
  const settings = options.settings ?? DEFAULT_DISPENSING_SETTINGS;
  const target = toUnits(amountMg);
  if (target === null) return null;
  const ids = tabletIds(options.formulations);
  const tablets = ids.length > 0 ? decomposeTablets(target, ids, settings) : null;
  if (tablets !== null) return tablets;
  return options.formulations.includes('sol1') ? decomposeSolution(target, settings) : null;
}

/**
 * True when `decomposeDose` can make the amount from the formulations at hand. 0 mg is
 * dispensable (nothing to take) whenever at least one formulation is given.
 *
 * @example
 * isDispensable(3, { formulations: ['tab2'] }); // true: 1½ × 2 mg
 * isDispensable(3, { formulations: ['tab2'], settings: dispensingSettings({ splittable: { tab2: false } }) }); // false
 */
export function isDispensable(amountMg: number, options: DispensingOptions): boolean {
  return decomposeDose(amountMg, options) !== null;
}
