import { halfLifeHours, ratesOf, resolveParams } from './params.js';
import type { PkParams, Rates } from './params.js';
import { applyWhatIfs } from './whatif.js';
import type { WhatIf } from './whatif.js';
import { PK_CAVEATS } from './caveats.js';
import type { PkCaveat } from './caveats.js';

/** Weights of the illustrative combined curve; normalised to sum to 1. */
export interface CombinedWeights {
  readonly parent: number;
  readonly metabolite: number;
}

/** Equal relative weighting (illustrative; relative potency is not modelled). */
export const DEFAULT_COMBINED_WEIGHTS: CombinedWeights = { parent: 0.5, metabolite: 0.5 };

/** Options shared by every PK function. */
export interface PkOptions {
  /** Overrides of the default parameters (REFERENCE §5.2). */
  readonly params?: Partial<PkParams>;
  /** What-ifs applied on top of the parameters (REFERENCE §5.4). */
  readonly whatIf?: readonly WhatIf[];
  readonly combinedWeights?: CombinedWeights;
}

export interface ResolvedModel {
  /** Effective parameters, what-ifs applied. */
  readonly params: PkParams;
  readonly rates: Rates;
  readonly weights: CombinedWeights;
  readonly whatIfs: readonly WhatIf[];
}

export function resolveModel(options: PkOptions = {}): ResolvedModel {
  const whatIfs = options.whatIf ?? [];
  const params = applyWhatIfs(resolveParams(options.params), whatIfs);
  const w = options.combinedWeights ?? DEFAULT_COMBINED_WEIGHTS;
  const sum = w.parent + w.metabolite;
  if (!(w.parent >= 0 && w.metabolite >= 0 && sum > 0 && Number.isFinite(sum))) {
    throw new RangeError('Combined weights must be ≥ 0 with a positive finite sum');
  }
  return {
    params,
    rates: ratesOf(params),
    weights: { parent: w.parent / sum, metabolite: w.metabolite / sum },
    whatIfs,
  };
}

export const NORMALISATION =
  'Each analyte is divided by its own mean level over a dosing day at steady state under the ' +
  'prescribed (reference) regimen, in the same model and what-ifs: 1.0 = that mean. The mean ' +
  'steady-state amount is F·D_day/(24 h·k) for diazepam and fm·F·D_day/(24 h·km) for ' +
  'nordiazepam (AUC over a dosing interval = F·D/CL), so F, V, Vm and fm cancel and only the ' +
  'daily total of the reference matters.';

export const COMBINED_NOTE =
  'Illustrative: a weighted mean of the two relative levels (default equal weights), so it is ' +
  'also 1.0 at steady state. Not a measure of effect: relative potency, receptor binding and ' +
  'other metabolites (temazepam, oxazepam) are not modelled.';

/** Metadata returned with every series so the UI can show how it was made. */
export interface ModelMeta {
  readonly normalisation: string;
  readonly combined: { readonly weights: CombinedWeights; readonly note: string };
  readonly params: PkParams;
  readonly halfLivesHours: {
    readonly absorption: number;
    readonly parent: number;
    readonly metabolite: number;
  };
  readonly whatIfs: readonly WhatIf[];
  readonly caveats: readonly PkCaveat[];
}

export function modelMeta(m: ResolvedModel): ModelMeta {
  return {
    normalisation: NORMALISATION,
    combined: { weights: m.weights, note: COMBINED_NOTE },
    params: m.params,
    halfLivesHours: {
      absorption: halfLifeHours(m.rates.ka),
      parent: halfLifeHours(m.rates.k),
      metabolite: halfLifeHours(m.rates.km),
    },
    whatIfs: m.whatIfs,
    caveats: PK_CAVEATS,
  };
}

/** Weighted combination of two relative levels. */
export function combine(w: CombinedWeights, parent: number, metabolite: number): number {
  return w.parent * parent + w.metabolite * metabolite;
}
