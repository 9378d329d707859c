/**
 * GAD-7 (Spitzer, Kroenke, Williams, Löwe). Seven items 0–3, total 0–21.
 * REFERENCE §7: EMBED (Pfizer statement); cut-points 5/10/15 and ≥ 10 screen-positive are [P].
 */
import { cite } from '../sources.js';
import {
  LOINC_NOTICE,
  PFIZER_COPYRIGHT,
  PHQ_FREQUENCY_OPTIONS,
  computeScore,
  sum,
} from './common.js';
import type {
  InstrumentBand,
  InstrumentDefinition,
  InstrumentFlag,
  InstrumentSpec,
} from './types.js';
import { LOINC_SYSTEM } from './types.js';

const PCO = cite('HL7-PCO-IG', 'C', 'Questionnaire-GAD7.json');
const AHRQ = cite('AHRQ-PAIN-CQL', 'C', 'REFERENCE §8.1');
const CUTS = cite('SEC-CODE', 'P', 'REFERENCE §7, citing Spitzer 2006; check against the primary');
const FORM = cite(
  'SEC-WEB',
  'P',
  'GAD-7 form (stem, item 2) as reproduced in copies of the Pfizer form',
);
const LOINC_FORM = cite(
  'SEC-CODE',
  'P',
  'LOINC Questionnaire http://loinc.org/q/69737-5, Feb 2026 (copy in jmandel/ktc-questionnaire-starters)',
);

/** Total at or above which the GAD-7 is screen-positive for clinician review ([P]). */
export const GAD7_SCREEN_POSITIVE_AT = 10;

/** [id suffix, linkId, LOINC, text]; all but item 2 verbatim from HL7-PCO-IG. */
const ITEMS: readonly (readonly [string, string, string, string])[] = [
  ['1', '57541', '69725-0', 'Feeling nervous, anxious or on edge'],
  // Form wording: the IG shows LOINC's term name here instead ("Over the past 2 weeks have you
  // not been able to stop or control worrying"), which does not read as an answer to the stem.
  ['2', '57542', '68509-9', 'Not being able to stop or control worrying'],
  ['3', '57543', '69733-4', 'Worrying too much about different things'],
  ['4', '57544', '69734-2', 'Trouble relaxing'],
  ['5', '57545', '69735-9', 'Being so restless that it is hard to sit still'],
  ['6', '57546', '69689-8', 'Becoming easily annoyed or irritable.'],
  ['7', '57547', '69736-7', 'Feeling afraid as if something awful might happen'],
];

function band(id: string, label: string, min: number, max: number): InstrumentBand {
  return { id, label, min, max, status: 'P', sources: [CUTS] };
}

const spec: InstrumentSpec = {
  id: 'gad7',
  title: 'Generalized Anxiety Disorder 7-item scale (GAD-7)',
  shortTitle: 'GAD-7',
  version: '1.0.0',
  kind: 'validated-scale',
  description: 'Seven anxiety symptoms over the last 2 weeks, each 0–3 (total 0–21).',
  recallPeriod: {
    text: 'the last 2 weeks',
    confirmed: true,
    sources: [
      cite('HL7-PCO-IG', 'C', 'Questionnaire-GAD7.json, item 68509-9 "Over the past 2 weeks"'),
    ],
  },
  instructions:
    'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: ITEMS.map(([n, linkId, code, text]) => ({
    id: `gad7-${n}`,
    linkId,
    text,
    ...(n === '2'
      ? {
          code: {
            system: LOINC_SYSTEM,
            code,
            display: 'Over the past 2 weeks have you not been able to stop or control worrying',
          },
        }
      : { code: { system: LOINC_SYSTEM, code } }),
    required: true,
    scored: true,
    options: PHQ_FREQUENCY_OPTIONS,
  })),
  scoring: { method: 'sum', min: 0, max: 21, description: 'Sum of the seven items (each 0–3).' },
  bands: [
    band('minimal', 'Minimal anxiety symptoms', 0, 4),
    band('mild', 'Mild anxiety symptoms', 5, 9),
    band('moderate', 'Moderate anxiety symptoms', 10, 14),
    band('severe', 'Severe anxiety symptoms', 15, 21),
  ],
  notes: [
    {
      text:
        'Cut-points 5/10/15 = mild/moderate/severe and ≥ 10 screen-positive are partly confirmed ' +
        '[P] (secondary source citing Spitzer 2006). A screen, not a diagnosis.',
      sources: [CUTS],
    },
  ],
  codes: {
    panel: {
      system: LOINC_SYSTEM,
      code: '69737-5',
      display: 'Generalized anxiety disorder 7 item (GAD-7)',
      source: PCO,
    },
    total: {
      system: LOINC_SYSTEM,
      code: '70274-6',
      display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
      source: AHRQ,
    },
    unit: '{score}',
    note: 'Item and answer codes [C] HL7-PCO-IG.',
  },
  derivedFrom: ['http://hl7.org/fhir/us/pco/Questionnaire/69737-5', 'http://loinc.org/q/69737-5'],
  licence: {
    verdict: 'EMBED',
    status: 'C',
    attribution:
      'GAD-7: Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing ' +
      'generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092–7.',
    copyright: PFIZER_COPYRIGHT,
    loincNotice: LOINC_NOTICE,
    clinicMayDisable: false,
    note: 'The Pfizer statement allows reproduction without permission; keep the copyright line.',
    sources: [PCO],
  },
  wording: {
    text:
      'Items 1 and 3–7, linkIds and LOINC codes verbatim from HL7-PCO-IG Questionnaire-GAD7.json. ' +
      'Item 2: the IG (and LOINC) show the LOINC term name and, in the IG, the answer "More days ' +
      'than not" (LA18938-3); Steady shows the form wording "Not being able to stop or control ' +
      'worrying" [P] with the same four answers as every other item, as REFERENCE §7/§8.1 state ' +
      "and as LOINC's current published form 69737-5 codes them (LA6570-1). The stem is the " +
      "form's, seen in copies only [P].",
    sources: [PCO, FORM, LOINC_FORM],
  },
  sources: [PCO, CUTS, AHRQ],
};

function screenPositive(total: number): InstrumentFlag {
  return {
    id: 'gad7.screen-positive',
    kind: 'screen-positive',
    audience: 'clinician',
    title: `GAD-7 total ${total} (≥ ${GAD7_SCREEN_POSITIVE_AT})`,
    patientText: null,
    clinicianText:
      `GAD-7 total ${total}: at or above ${GAD7_SCREEN_POSITIVE_AT}, screen-positive for ` +
      'clinician review (cut-off partly confirmed [P]). A screen is not a diagnosis. During a ' +
      'taper, anxiety and irritability can also be withdrawal symptoms (JCPG-2025 Table 3). ' +
      'Optimise psychiatric treatment before or during a taper (JCPG-2025 Rec 24).',
    itemIds: [],
    sources: [CUTS, cite('JCPG-2025', 'C', 'Rec 24; Table 3')],
  };
}

export const GAD7: InstrumentDefinition = {
  ...spec,
  score: (answers) =>
    computeScore(spec, answers, {
      aggregate: sum,
      totalFlags: (total) => (total >= GAD7_SCREEN_POSITIVE_AT ? [screenPositive(total)] : []),
    }),
};
