/**
 * Label facts that rules use (REFERENCE §3.1, §3.3, §4.1), as data with their sources.
 * Numbers here describe the label; they are context for clinicians, never dose instructions.
 */
import { cite } from '../sources.js';
import type { SourceRef } from '../sources.js';

/** A dose range per administration and how often per day. */
export interface LabelDoseRange {
  readonly id: string;
  readonly population: string;
  readonly minMgPerDose: number;
  readonly maxMgPerDose: number;
  readonly minTimesPerDay: number;
  readonly maxTimesPerDay: number;
  /** The label wording, abridged. */
  readonly text: string;
  readonly sources: readonly SourceRef[];
}

const DOSING_OPENFDA = cite('OPENFDA-LABEL', 'C', 'Dosage and Administration (REFERENCE §3.1)');
const DOSING_LABEL = cite('LABEL-TAB', 'C', 'Dosage and Administration (REFERENCE §3.1)');

/** Indication quoted from the label (adjunct in skeletal muscle spasm). */
export const SPASM_INDICATION = {
  text:
    'A useful adjunct for the relief of skeletal muscle spasm due to reflex spasm to local pathology ' +
    '(such as inflammation of the muscles or joints, or secondary to trauma), spasticity caused by ' +
    'upper motor neuron disorders, athetosis, and stiff-man syndrome.',
  sources: [
    cite('OPENFDA-LABEL', 'C', 'Indications and Usage (REFERENCE §3.1)'),
    cite('LABEL-TAB', 'C', 'Indications and Usage (REFERENCE §3.1)'),
  ],
} as const;

/** Usual adult dose as an adjunct in skeletal muscle spasm: 2–10 mg, 3 or 4 times daily. */
export const SPASM_USUAL_DOSE: LabelDoseRange = {
  id: 'label.spasm.usual',
  population: 'adults, skeletal muscle spasm (adjunct)',
  minMgPerDose: 2,
  maxMgPerDose: 10,
  minTimesPerDay: 3,
  maxTimesPerDay: 4,
  text: '2–10 mg, 3 or 4 times daily. Dosage should be individualized for maximum beneficial effect.',
  sources: [DOSING_OPENFDA, DOSING_LABEL],
};

/** Geriatric or debilitated patients: 2–2.5 mg, 1 or 2 times daily initially. */
export const GERIATRIC_INITIAL_DOSE: LabelDoseRange = {
  id: 'label.geriatric.initial',
  population: 'geriatric patients or patients with debilitating disease',
  minMgPerDose: 2,
  maxMgPerDose: 2.5,
  minTimesPerDay: 1,
  maxTimesPerDay: 2,
  text: '2–2.5 mg, 1 or 2 times daily initially; increase gradually as needed and tolerated.',
  sources: [
    DOSING_OPENFDA,
    cite('SEC-LABEL', 'P', 'Dosage and Administration, geriatric (REFERENCE §3.1)'),
  ],
};

/**
 * The label states no maximum daily dose. 40 mg/day (10 mg × 4) is the top of the usual spasm
 * range by arithmetic, not a ceiling; rules flag intake above the *prescribed* regimen instead.
 */
export const NO_FIXED_MAXIMUM = {
  labelMaximumMgPerDay: null,
  usualSpasmTopMgPerDay: 40,
  text:
    'The label states no fixed maximum daily dose. 40 mg/day is the top of the usual spasm range ' +
    '(arithmetic, not a label ceiling). Steady flags intake above the prescribed regimen.',
  sources: [DOSING_OPENFDA, DOSING_LABEL],
} as const;

/** Long-term use: effectiveness beyond 4 months not assessed by systematic clinical studies. */
export const DURATION_NOTE = {
  text:
    'Effectiveness beyond 4 months has not been assessed by systematic clinical studies; the ' +
    'physician should periodically reassess the usefulness of the drug (label). The Joint CPG lists ' +
    'spasticity among the limited indications for longer-term use.',
  sources: [
    cite('SEC-LABEL', 'P', 'Indications and Usage, duration (REFERENCE §3.1)'),
    cite('JCPG-2025', 'C', 'longer-term indications (REFERENCE §3.1)'),
  ],
} as const;

export interface BoxedWarningItem {
  readonly id: 'opioids' | 'abuse-misuse-addiction' | 'dependence-withdrawal';
  readonly heading: string;
  readonly summary: string;
}

/** The 2020 class boxed warning, summarised. Some generic labels carry only the 2016 opioid box. */
export const BOXED_WARNING = {
  title:
    'WARNING: RISKS FROM CONCOMITANT USE WITH OPIOIDS; ABUSE, MISUSE, AND ADDICTION; and DEPENDENCE AND WITHDRAWAL REACTIONS',
  items: [
    {
      id: 'opioids',
      heading: 'Concomitant use with opioids',
      summary:
        'May result in profound sedation, respiratory depression, coma, and death. Reserve for patients ' +
        'whose alternatives are inadequate; use minimum doses and durations; follow for respiratory ' +
        'depression and sedation.',
    },
    {
      id: 'abuse-misuse-addiction',
      heading: 'Abuse, misuse, and addiction',
      summary:
        'Benzodiazepines expose users to risks of abuse, misuse, and addiction, which can lead to overdose ' +
        'or death, often with other medicines, alcohol or illicit substances. Assess each patient’s risk ' +
        'before prescribing and throughout treatment.',
    },
    {
      id: 'dependence-withdrawal',
      heading: 'Dependence and withdrawal reactions',
      summary:
        'Continued use may lead to clinically significant physical dependence; risk increases with longer ' +
        'treatment and higher daily dose. Abrupt discontinuation or rapid dosage reduction may precipitate ' +
        'acute withdrawal reactions, which can be life-threatening. Use a gradual taper to discontinue or ' +
        'reduce the dosage.',
    },
  ] satisfies readonly BoxedWarningItem[],
  versionNote:
    'Labels in circulation differ: some generic labels carry only the 2016 opioid boxed warning. ' +
    'Re-check against the current DailyMed label before release.',
  sources: [
    cite('LABEL-TAB', 'C', 'Boxed Warning (2020 class update) (REFERENCE §4.1)'),
    cite('LABEL-SOL', 'C', 'Boxed Warning (REFERENCE §4.1)'),
    cite('FDA-DSC-2020', 'C', '23 Sep 2020 (REFERENCE §4.1)'),
    cite('FDA-DSC-2016', 'C', '31 Aug 2016 (REFERENCE §4.1)'),
    cite('LABEL-TAB-2024', 'C', '2016 opioid box only (REFERENCE §4.1)'),
  ],
} as const;
