/**
 * Diazepam product profile (REFERENCE §2, §8.2): the formulations Steady knows, their
 * strengths, dye, RxNorm codes and schedule, plus the dispensing settings that the reference
 * leaves unconfirmed (tablet splitting) or that are local (oral-syringe resolution).
 */
import { cite } from '../sources.js';
import type { Parameter, SourceRef } from '../sources.js';
import type { FormulationId } from '../regimen/types.js';

export type TabletFormulationId = Exclude<FormulationId, 'sol1'>;
export type SolutionFormulationId = Extract<FormulationId, 'sol1'>;

/** All formulations a regimen may use, tablets from the largest strength down. */
export const FORMULATION_IDS = [
  'tab10',
  'tab5',
  'tab2',
  'sol1',
] as const satisfies readonly FormulationId[];
export const TABLET_FORMULATION_IDS = [
  'tab10',
  'tab5',
  'tab2',
] as const satisfies readonly TabletFormulationId[];

const RXNORM = cite(
  'CDC-OPIOIDCDS',
  'C',
  'ValueSet benzodiazepine-medications, expansion 2025-02-24 (REFERENCE §8.2)',
);
const STRENGTHS = cite(
  'LABEL-TAB-2024',
  'C',
  'How Supplied: "available as 2 mg, 5 mg, and 10 mg tablets" (REFERENCE §2)',
);
const STRENGTHS_OPENFDA = cite('OPENFDA-LABEL', 'C', 'diazepam tablets (REFERENCE §2)');
const DYE = cite(
  'LABEL-TAB-2024',
  'C',
  'Description: 5 mg yellow dye, 10 mg blue dye, 2 mg no dye (REFERENCE §2)',
);
const DYE_OPENFDA = cite('OPENFDA-LABEL', 'C', 'Description: dyes (REFERENCE §2)');
const TEVA_EXAMPLE = cite(
  'LABEL-TAB-2024',
  'P',
  'Teva 3925/3926/3927 colours and imprints (REFERENCE §2)',
);

export interface TabletProduct {
  readonly id: TabletFormulationId;
  readonly kind: 'tablet';
  readonly strengthMg: number;
  readonly label: string;
  /** Dye in the tablet per the label: the 2 mg tablet has none. */
  readonly dye: 'none' | 'yellow' | 'blue';
  /** One marketed example, for pill identification only (colours differ between makers). */
  readonly example: {
    readonly manufacturer: string;
    readonly code: string;
    readonly colour: string;
    readonly imprint: string;
  };
  readonly rxnorm: { readonly scd: string; readonly sbdValium: string };
  readonly sources: readonly SourceRef[];
}

export interface SolutionProduct {
  readonly id: SolutionFormulationId;
  readonly kind: 'solution';
  readonly concentrationMgPerMl: number;
  readonly label: string;
  readonly rxnorm: { readonly scd: string };
  readonly sources: readonly SourceRef[];
}

export type DiazepamProduct = TabletProduct | SolutionProduct;

function tablet(
  id: TabletFormulationId,
  strengthMg: number,
  dye: TabletProduct['dye'],
  example: TabletProduct['example'],
  rxnorm: TabletProduct['rxnorm'],
): TabletProduct {
  return {
    id,
    kind: 'tablet',
    strengthMg,
    label: `Diazepam ${strengthMg} mg tablet`,
    dye,
    example,
    rxnorm,
    sources: [STRENGTHS, STRENGTHS_OPENFDA, DYE, DYE_OPENFDA, TEVA_EXAMPLE, RXNORM],
  };
}

export interface DiazepamProducts {
  readonly tab2: TabletProduct;
  readonly tab5: TabletProduct;
  readonly tab10: TabletProduct;
  readonly sol1: SolutionProduct;
}

/** The four formulations Steady offers, keyed by id. */
export const DIAZEPAM_PRODUCTS: DiazepamProducts = {
  tab2: tablet(
    'tab2',
    2,
    'none',
    { manufacturer: 'Teva', code: '3925', colour: 'white', imprint: '3925;TEVA' },
    { scd: '197590', sbdValium: '104699' },
  ),
  tab5: tablet(
    'tab5',
    5,
    'yellow',
    { manufacturer: 'Teva', code: '3926', colour: 'yellow', imprint: '3926;TEVA' },
    { scd: '197591', sbdValium: '104700' },
  ),
  tab10: tablet(
    'tab10',
    10,
    'blue',
    { manufacturer: 'Teva', code: '3927', colour: 'blue', imprint: '3927;TEVA' },
    { scd: '197589', sbdValium: '104701' },
  ),
  sol1: {
    id: 'sol1',
    kind: 'solution',
    concentrationMgPerMl: 1,
    label: 'Diazepam oral solution 1 mg/mL (5 mg/5 mL)',
    rxnorm: { scd: '309843' },
    sources: [cite('LABEL-SOL', 'C', 'oral solution 1 mg/mL (REFERENCE §2)'), RXNORM],
  },
};

/**
 * The 5 mg/mL concentrate ("Diazepam Intensol"). Known, so imported records can be read,
 * but not offered for tapering by default: that is a Steady product decision (small
 * volumes are hard to measure), not a clinical fact.
 */
export const DIAZEPAM_CONCENTRATE = {
  name: 'Diazepam Intensol',
  kind: 'solution',
  concentrationMgPerMl: 5,
  rxnorm: { scd: '309844' },
  offeredForTaperingByDefault: false,
  sources: [cite('OPENFDA-LABEL', 'C', '"Diazepam Intensol" 5 mg/mL (REFERENCE §2)'), RXNORM],
} as const;

/** US controlled-substance schedule. */
export const DIAZEPAM_SCHEDULE = {
  us: 'C-IV',
  description: 'US DEA Schedule IV',
  sources: [cite('OPENFDA-NDC', 'C', 'DEA schedule (REFERENCE §2)')],
} as const;

/**
 * Diazepam ingredient RxCUI. Partly confirmed only: found in several third-party codebases,
 * not checked in NLM RxNav (REFERENCE §8.2).
 */
export const DIAZEPAM_INGREDIENT_RXCUI: Parameter<string> = {
  name: 'diazepam-ingredient-rxcui',
  value: '3322',
  confirmed: false,
  sources: [cite('SEC-CODE', 'P', 'ingredient 3322 (REFERENCE §8.2)')],
  note: 'Partly confirmed (third-party codebases only). Check RxNav /REST/rxcui.json?name=diazepam before shipping.',
};

/** Codes that circulate for "Diazepam 5 MG Oral Tablet" but are wrong (REFERENCE §8.2). Never emit these for a tablet. */
export const WRONG_TABLET_RXCUIS: readonly string[] = [
  '314249',
  '312961',
  '309845',
  '3322',
  '197593',
];

/**
 * The formulation an RxNorm SCD/SBD code stands for, or null for any other code
 * (including the concentrate and the injectable, which Steady does not schedule).
 *
 * @example formulationForRxcui('197591') // 'tab5'
 */
export function formulationForRxcui(rxcui: string): FormulationId | null {
  for (const id of FORMULATION_IDS) {
    const p = DIAZEPAM_PRODUCTS[id];
    if (p.rxnorm.scd === rxcui) return id;
    if (p.kind === 'tablet' && p.rxnorm.sbdValium === rxcui) return id;
  }
  return null;
}
