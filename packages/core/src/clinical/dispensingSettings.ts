/**
 * Dispensing settings that the reference leaves unconfirmed or that depend on local supplies.
 * Tablet splitting has no source beyond one generic's score line (REFERENCE §2, §10 (1)), so
 * each tablet's `splittable` flag is a named Parameter with `confirmed: false`. The smallest
 * measurable volume of the oral solution depends on the oral syringe: a local setting.
 */
import { cite } from '../sources.js';
import type { Parameter } from '../sources.js';
import { TABLET_FORMULATION_IDS } from './product.js';
import type { TabletFormulationId } from './product.js';

const SPLIT_NOTE =
  'Splitting guidance is unconfirmed: the reference has no source on splitting, only one generic ' +
  '2 mg tablet (Teva 3925) listed with one score line, and Valium scoring is unconfirmed. ' +
  'Check the dispensed product with the pharmacist before planning half tablets. ' +
  'Steady only ever plans halves, never quarters.';

const VALIUM_SCORING_U = cite(
  'SEC-PILLID',
  'U',
  'Scoring, Valium; Splitting (REFERENCE §2, §10 (1))',
);
const TEVA_SCORE_P = cite('SEC-PILLID', 'P', 'Teva 3925 "SCORE: 2", one score line (REFERENCE §2)');

function splitParameter(id: TabletFormulationId, value: boolean, note: string): Parameter<boolean> {
  return {
    name: `splittable.${id}`,
    value,
    confirmed: false,
    sources: id === 'tab2' ? [TEVA_SCORE_P, VALIUM_SCORING_U] : [VALIUM_SCORING_U],
    note,
  };
}

/** Local dispensing settings used by `dispensableUnits`, `decomposeDose` and friends. */
export interface DispensingSettings {
  /** Whether each tablet strength may be split into halves. Unconfirmed (default true). */
  readonly splittable: Readonly<Record<TabletFormulationId, Parameter<boolean>>>;
  /**
   * Smallest volume of the 1 mg/mL oral solution that the patient's oral syringe measures
   * reliably; solution doses are whole multiples of it. Local setting (default 0.5 mL).
   */
  readonly solutionStepMl: Parameter<number>;
}

const SOLUTION_STEP_DEFAULT_ML = 0.5;
const SOLUTION_STEP_NOTE =
  'Local setting: depends on the oral syringe supplied with the solution. Doses are planned in ' +
  'whole multiples of this volume.';

/** The defaults: tablets halvable (unconfirmed), solution in 0.5 mL steps (local setting). */
export const DEFAULT_DISPENSING_SETTINGS: DispensingSettings = {
  splittable: {
    tab10: splitParameter('tab10', true, SPLIT_NOTE),
    tab5: splitParameter('tab5', true, SPLIT_NOTE),
    tab2: splitParameter('tab2', true, SPLIT_NOTE),
  },
  solutionStepMl: {
    name: 'solution.smallestMeasurableVolume',
    value: SOLUTION_STEP_DEFAULT_ML,
    unit: 'mL',
    confirmed: false,
    sources: [cite('LABEL-SOL', 'C', 'oral solution 1 mg/mL (REFERENCE §2)')],
    note: SOLUTION_STEP_NOTE,
  },
};

/** Overrides a clinic (or a pharmacist for one patient) may set. */
export interface DispensingSettingsInput {
  readonly splittable?: Partial<Readonly<Record<TabletFormulationId, boolean>>>;
  /** Oral-syringe resolution in mL; > 0 and a multiple of 0.001 mL. */
  readonly solutionStepMl?: number;
}

/**
 * Dispensing settings with local overrides applied. Overridden values stay `confirmed: false`
 * (a local decision does not confirm the reference) and their note says they were set locally.
 *
 * @example
 * const settings = dispensingSettings({ splittable: { tab10: false }, solutionStepMl: 0.1 });
 * settings.splittable.tab10.value; // false
 */
export function dispensingSettings(input: DispensingSettingsInput = {}): DispensingSettings {
  const d = DEFAULT_DISPENSING_SETTINGS;
  const splittable = { ...d.splittable };
  for (const id of TABLET_FORMULATION_IDS) {
    const value = input.splittable?.[id];
    if (value !== undefined && value !== d.splittable[id].value) {
      splittable[id] = splitParameter(
        id,
        value,
        `Set locally (default ${String(d.splittable[id].value)}). ${SPLIT_NOTE}`,
      );
    }
  }
  let solutionStepMl = d.solutionStepMl;
  const step = input.solutionStepMl;
  if (step !== undefined && step !== d.solutionStepMl.value) {
    if (
      !Number.isFinite(step) ||
      step <= 0 ||
      Math.abs(step * 1000 - Math.round(step * 1000)) > 1e-6
    ) {
      throw new RangeError(`solutionStepMl must be > 0 and a multiple of 0.001 mL, got ${step}`);
    }
    solutionStepMl = {
      ...d.solutionStepMl,
      value: step,
      note: `Set locally (default ${SOLUTION_STEP_DEFAULT_ML} mL). ${SOLUTION_STEP_NOTE}`,
    };
  }
  return { splittable, solutionStepMl };
}
