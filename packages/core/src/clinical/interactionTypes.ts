/** Types and ids of interaction classes (see interactions.ts for the data). */
import type { SourceRef } from '../sources.js';

export type InteractionSeverity = 'critical' | 'high' | 'moderate' | 'low';

/** How the other medicine and diazepam affect each other. */
export type InteractionEffectKind =
  | 'additive-cns-depression'
  | 'raises-diazepam-exposure'
  | 'lowers-diazepam-exposure'
  | 'diazepam-affects-other'
  | 'duplication';

export const INTERACTION_CLASS_IDS = [
  'opioids',
  'alcohol',
  'gabapentinoids',
  'benzodiazepines',
  'cns-phenothiazines',
  'cns-antipsychotics',
  'cns-anxiolytics-sedatives',
  'cns-hypnotics',
  'cns-anticonvulsants',
  'cns-anesthetics',
  'cns-sedating-antihistamines',
  'cns-barbiturates',
  'cns-maois',
  'cns-antidepressants',
  'cyp-inhibitors-label',
  'cyp-inhibitors-smpc',
  'isoniazid',
  'rifampin',
  'enzyme-inducers',
  'phenytoin-levels',
  'cyp-substrates',
] as const;

export type InteractionClassId = (typeof INTERACTION_CLASS_IDS)[number];

export interface InteractionClass {
  readonly id: InteractionClassId;
  readonly name: string;
  readonly effectKind: InteractionEffectKind;
  /** What happens, in the reference's words (abridged). */
  readonly effect: string;
  /** Suggested severity, or null where the reference does not grade the class. */
  readonly severity: InteractionSeverity | null;
  readonly severityNote: string;
  /** Examples the reference names for this class (the matcher knows more names). */
  readonly referenceExamples: readonly string[];
  readonly patientText: string;
  readonly clinicianText: string;
  readonly sources: readonly SourceRef[];
}

export const GRADED_NOTE =
  'Suggested severity from source wording (REFERENCE §4.4; editorial, not a source grade).';
export const NOT_GRADED_NOTE = 'Not graded by the reference ("—" in REFERENCE §4.4).';
