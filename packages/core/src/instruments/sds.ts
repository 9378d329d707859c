/**
 * Severity of Dependence Scale (Gossop et al. 1995), worded for diazepam. Five items 0–3,
 * total 0–15; ≥ 7 (">6", DELASCUEVAS-2000) raises a review flag for the clinician.
 * REFERENCE §7: EMBED WITH ATTRIBUTION (licence [U]). A flag for review, never a label.
 */
import { cite } from '../sources.js';
import { computeScore, sum } from './common.js';
import type {
  InstrumentAnswerOption,
  InstrumentDefinition,
  InstrumentFlag,
  InstrumentSpec,
} from './types.js';

const ITEMS_SOURCE = cite('SDS-ITEMS', 'C', 'Table 2');
const CUEVAS = cite('DELASCUEVAS-2000', 'C', 'Abstract: score higher than six');
const CHENG = cite('CHENG-2019', 'C', 'Abstract: optimal cut-off 5.5 in older inpatients');
const JCPG = cite('JCPG-2025', 'C', 'ASAM pocket guide p.4: dependence is not SUD');
const RECALL = cite(
  'SEC-WEB',
  'P',
  'Secondary account of Gossop 1995: respondents asked about the past year',
);

/** Total at or above which the SDS raises a review flag (benzodiazepine cut-off ">6"). */
export const SDS_REVIEW_AT = 7;
/** Optimal cut-off in hospitalised older adults on CNS depressants (shown as a note only). */
export const SDS_OLDER_INPATIENT_CUTOFF = 5.5;

const DRUG = 'diazepam';

const FREQUENCY: readonly InstrumentAnswerOption[] = [
  { value: 0, label: 'Never/almost never' },
  { value: 1, label: 'Sometimes' },
  { value: 2, label: 'Often' },
  { value: 3, label: 'Always/nearly always' },
];

const DIFFICULTY: readonly InstrumentAnswerOption[] = [
  { value: 0, label: 'Not difficult' },
  { value: 1, label: 'Quite difficult' },
  { value: 2, label: 'Very difficult' },
  { value: 3, label: 'Impossible' },
];

const QUESTIONS: readonly (readonly [string, string, readonly InstrumentAnswerOption[]])[] = [
  [`Do you think your use of ${DRUG} was out of control?`, 'Use out of control', FREQUENCY],
  [
    'Did the prospect of missing a dose make you anxious or worried?',
    'Anxious about missing a dose',
    FREQUENCY,
  ],
  [`Did you worry about your use of ${DRUG}?`, 'Worried about use', FREQUENCY],
  ['Did you wish you could stop?', 'Wished to stop', FREQUENCY],
  [
    `How difficult did you find it to stop or go without ${DRUG}?`,
    'Difficulty stopping',
    DIFFICULTY,
  ],
];

const spec: InstrumentSpec = {
  id: 'sds',
  title: 'Severity of Dependence Scale (SDS), diazepam wording',
  shortTitle: 'SDS',
  version: '1.0.0',
  kind: 'validated-scale',
  description:
    'Five questions on the psychological side of dependence (control, worry, wish to stop, ' +
    'difficulty stopping), each 0–3 (total 0–15).',
  recallPeriod: {
    text: 'the past month',
    confirmed: false,
    note:
      'Steady setting. The SDS asks about a stated period; Gossop et al. 1995 used the past year ' +
      '[P], other studies shorter periods. REFERENCE §7 does not fix one.',
    sources: [RECALL],
  },
  instructions: `These questions are about your use of ${DRUG} in the past month.`,
  items: QUESTIONS.map(([text, clinicianLabel, options], i) => ({
    id: `sds-${i + 1}`,
    linkId: `sds-${i + 1}`,
    text,
    clinicianLabel,
    required: true,
    scored: true,
    options,
  })),
  scoring: { method: 'sum', min: 0, max: 15, description: 'Sum of the five items (each 0–3).' },
  bands: [],
  notes: [
    {
      text:
        'Benzodiazepines: a total above 6 (≥ 7) had sensitivity 97.9 %, specificity 94.2 %, ' +
        'AUC 0.991 against a CIDI diagnosis of dependence in regular users (mental-health outpatients).',
      sources: [CUEVAS],
    },
    {
      text:
        'Hospitalised adults aged 65–90 on CNS depressants (opioids, benzodiazepines, z-hypnotics): ' +
        'optimal cut-off 5.5 (AUC 0.86). Steady flags at ≥ 7 and shows this as context only.',
      sources: [CHENG],
    },
  ],
  codes: { unit: '{score}', note: 'No LOINC codes found for the SDS (REFERENCE §8.1, [U]).' },
  derivedFrom: [],
  licence: {
    verdict: 'EMBED WITH ATTRIBUTION',
    status: 'U',
    attribution:
      'Severity of Dependence Scale: Gossop M, Darke S, Griffiths P, Hando J, Powis B, Hall W, ' +
      'Strang J. The Severity of Dependence Scale (SDS): psychometric properties of the SDS in ' +
      'English and Australian samples of heroin, cocaine and amphetamine users. Addiction ' +
      '1995;90(5):607–14. Benzodiazepine cut-off: de las Cuevas C et al. Addiction 2000;95:245–50.',
    clinicMayDisable: true,
    note: 'Project decision: widely reproduced in research; no licence restriction found [U].',
    sources: [ITEMS_SOURCE, CUEVAS],
  },
  wording: {
    text:
      'The five questions and both answer scales as printed in SDS-ITEMS Table 2, with ' +
      '"diazepam" in place of the drug name (the scale is worded for a named drug). Items 3–5 ' +
      'also match a verbatim quotation of Gossop 1995 in a secondary source.',
    sources: [ITEMS_SOURCE],
  },
  sources: [ITEMS_SOURCE, CUEVAS, CHENG],
};

function reviewFlag(total: number): InstrumentFlag {
  return {
    id: 'sds.review',
    kind: 'review',
    audience: 'clinician',
    title: `SDS total ${total} (≥ ${SDS_REVIEW_AT})`,
    patientText: null,
    clinicianText:
      `SDS total ${total}: at or above ${SDS_REVIEW_AT}, the benzodiazepine cut-off (">6"; ` +
      'sensitivity 97.9 %, specificity 94.2 %). In hospitalised older adults the optimal cut-off ' +
      `was ${SDS_OLDER_INPATIENT_CUTOFF}. Review with the patient. Physical dependence under a ` +
      'prescription is expected and is not a substance use disorder; do not presume one.',
    itemIds: [],
    sources: [CUEVAS, CHENG, JCPG],
  };
}

export const SDS: InstrumentDefinition = {
  ...spec,
  score: (answers) =>
    computeScore(spec, answers, {
      aggregate: sum,
      totalFlags: (total) => (total >= SDS_REVIEW_AT ? [reviewFlag(total)] : []),
    }),
};
