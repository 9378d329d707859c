/**
 * PHQ-9 (Kroenke, Spitzer, Williams). Nine items 0–3, total 0–27, plus the unscored difficulty
 * item. Item 9 > 0 raises a crisis flag at once. REFERENCE §7: EMBED (Pfizer statement).
 */
import { cite } from '../sources.js';
import {
  EMERGENCY_GUIDANCE,
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
  InstrumentItem,
  InstrumentSpec,
} from './types.js';
import { LOINC_SYSTEM } from './types.js';

const PCO = cite('HL7-PCO-IG', 'C', 'Questionnaire-PHQ9.json');
const KROENKE = cite('KROENKE-2001', 'C', 'REFERENCE §7');
const AHRQ = cite('AHRQ-PAIN-CQL', 'C', 'REFERENCE §8.1');
const USCORE = cite('USCORE-PHQ9', 'C', 'REFERENCE §8.1');
const STEM = cite('SEC-WEB', 'P', 'PHQ-9 form stem as reproduced in copies of the Pfizer form');

export const PHQ9_ITEM9_ID = 'phq9-9';
export const PHQ9_DIFFICULTY_ID = 'phq9-difficulty';
/** Total at or above which the PHQ-9 is screen-positive for clinician review. */
export const PHQ9_SCREEN_POSITIVE_AT = 10;

/** [id suffix, linkId, LOINC, text] verbatim from HL7-PCO-IG Questionnaire-PHQ9.json. */
const ITEMS: readonly (readonly [string, string, string, string])[] = [
  ['1', '14363', '44250-9', 'Little interest or pleasure in doing things'],
  ['2', '14364', '44255-8', 'Feeling down, depressed, or hopeless'],
  ['3', '14365', '44259-0', 'Trouble falling or staying asleep, or sleeping too much'],
  ['4', '14366', '44254-1', 'Feeling tired or having little energy'],
  ['5', '14367', '44251-7', 'Poor appetite or overeating'],
  [
    '6',
    '14368',
    '44258-2',
    'Feeling bad about yourself-or that you are a failure or have let yourself or your family down',
  ],
  [
    '7',
    '14369',
    '44252-5',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
  ],
  [
    '8',
    '14370',
    '44253-3',
    'Moving or speaking so slowly that other people could have noticed. Or the opposite-being so ' +
      'fidgety or restless that you have been moving around a lot more than usual',
  ],
  [
    '9',
    '14371',
    '44260-8',
    'Thoughts that you would be better off dead, or of hurting yourself in some way',
  ],
];

export const PHQ9_CRISIS_FLAG: InstrumentFlag = {
  id: 'phq9.item9-crisis',
  kind: 'crisis',
  audience: 'patient-and-clinician',
  title: 'Thoughts of death or self-harm (PHQ-9 item 9)',
  patientText:
    'You told us you have had thoughts that you would be better off dead, or of hurting ' +
    `yourself. You deserve support right away. ${EMERGENCY_GUIDANCE}`,
  clinicianText:
    'PHQ-9 item 9 answered above "Not at all" (thoughts of death or self-harm). Follow the ' +
    'safety workflow: contact the patient today and assess risk. Suicidality is a reason to ' +
    'consider inpatient care during a taper (JCPG-2025 Rec 5).',
  itemIds: [PHQ9_ITEM9_ID],
  sources: [
    cite('KROENKE-2001', 'C', 'REFERENCE §7: item 9 needs a safety workflow'),
    cite('JCPG-2025', 'C', 'Rec 5; Table 3 (suicidality and self-harm)'),
  ],
};

function band(id: string, label: string, min: number, max: number): InstrumentBand {
  return { id, label, min, max, status: 'C', sources: [KROENKE] };
}

const spec: InstrumentSpec = {
  id: 'phq9',
  title: 'Patient Health Questionnaire-9 (PHQ-9)',
  shortTitle: 'PHQ-9',
  version: '1.0.0',
  kind: 'validated-scale',
  description:
    'Nine depressive symptoms over the last 2 weeks, each 0–3 (total 0–27), plus how difficult ' +
    'the problems made daily life (not scored).',
  recallPeriod: { text: 'the last 2 weeks', confirmed: true, sources: [KROENKE] },
  instructions:
    'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: [
    ...ITEMS.map(([n, linkId, code, text]): InstrumentItem => ({
      id: `phq9-${n}`,
      linkId,
      text,
      code: { system: LOINC_SYSTEM, code },
      required: true,
      scored: true,
      options: PHQ_FREQUENCY_OPTIONS,
      ...(n === '9' ? { safetyFlag: PHQ9_CRISIS_FLAG } : {}),
    })),
    {
      id: PHQ9_DIFFICULTY_ID,
      linkId: '57492',
      text: 'How difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
      clinicianLabel: 'Functional difficulty',
      code: { system: LOINC_SYSTEM, code: '69722-7' },
      required: false,
      scored: false,
      options: [
        {
          value: 0,
          label: 'Not difficult at all',
          code: { system: LOINC_SYSTEM, code: 'LA6572-7' },
        },
        { value: 1, label: 'Somewhat difficult', code: { system: LOINC_SYSTEM, code: 'LA6573-5' } },
        { value: 2, label: 'Very difficult', code: { system: LOINC_SYSTEM, code: 'LA6575-0' } },
        {
          value: 3,
          label: 'Extremely difficult',
          code: { system: LOINC_SYSTEM, code: 'LA6574-3' },
        },
      ],
    },
  ],
  scoring: {
    method: 'sum',
    min: 0,
    max: 27,
    description: 'Sum of items 1–9 (each 0–3). The difficulty item is recorded, not scored.',
  },
  bands: [
    band('minimal', 'Minimal depressive symptoms', 0, 4),
    band('mild', 'Mild depressive symptoms', 5, 9),
    band('moderate', 'Moderate depressive symptoms', 10, 14),
    band('moderately-severe', 'Moderately severe depressive symptoms', 15, 19),
    band('severe', 'Severe depressive symptoms', 20, 27),
  ],
  notes: [
    {
      text:
        'Cut-points 5/10/15/20 = mild/moderate/moderately severe/severe. A total ≥ 10 had ' +
        'sensitivity 88 % and specificity 88 % for major depression. A screen, not a diagnosis.',
      sources: [KROENKE],
    },
  ],
  codes: {
    panel: {
      system: LOINC_SYSTEM,
      code: '44249-1',
      display: 'PHQ-9 quick depression assessment panel [Reported.PHQ]',
      source: USCORE,
    },
    total: {
      system: LOINC_SYSTEM,
      code: '44261-6',
      display: 'PHQ-9 total score [Reported]',
      source: AHRQ,
    },
    unit: '{score}',
    note: 'Item and answer codes [C] HL7-PCO-IG; PHQ-2 total 55758-7 [C] AHRQ-PAIN-CQL.',
  },
  derivedFrom: ['http://hl7.org/fhir/us/pco/Questionnaire/44249-1', 'http://loinc.org/q/44249-1'],
  licence: {
    verdict: 'EMBED',
    status: 'C',
    attribution:
      'PHQ-9: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression ' +
      'severity measure. J Gen Intern Med 2001;16:606–13.',
    copyright: PFIZER_COPYRIGHT,
    loincNotice: LOINC_NOTICE,
    clinicMayDisable: false,
    note: 'The Pfizer statement allows reproduction without permission; keep the copyright line.',
    sources: [PCO],
  },
  wording: {
    text:
      'Items, linkIds, LOINC codes and answer codes verbatim from HL7-PCO-IG ' +
      "Questionnaire-PHQ9.json (LOINC's current form 44249-1 differs only in the dash of item 8). " +
      "The stem is not in the IG; it is the Pfizer form's, seen in copies only [P]. The IG " +
      'marks items 1–8 required; Steady requires all nine because the total needs them.',
    sources: [PCO, STEM],
  },
  sources: [PCO, KROENKE],
};

function screenPositive(total: number): InstrumentFlag {
  return {
    id: 'phq9.screen-positive',
    kind: 'screen-positive',
    audience: 'clinician',
    title: `PHQ-9 total ${total} (≥ ${PHQ9_SCREEN_POSITIVE_AT})`,
    patientText: null,
    clinicianText:
      `PHQ-9 total ${total}: at or above ${PHQ9_SCREEN_POSITIVE_AT} (sensitivity 88 %, ` +
      'specificity 88 % for major depression). Review; a screen is not a diagnosis. During a ' +
      'taper, depression and dysphoria can also be withdrawal symptoms (JCPG-2025 Table 3). ' +
      'Optimise psychiatric treatment before or during a taper (JCPG-2025 Rec 24).',
    itemIds: [],
    sources: [KROENKE, cite('JCPG-2025', 'C', 'Rec 24; Table 3')],
  };
}

export const PHQ9: InstrumentDefinition = {
  ...spec,
  score: (answers) =>
    computeScore(spec, answers, {
      aggregate: sum,
      totalFlags: (total) => (total >= PHQ9_SCREEN_POSITIVE_AT ? [screenPositive(total)] : []),
      subscores: (values) => [
        {
          id: 'phq2',
          label: 'PHQ-2 (items 1–2)',
          value: (values['phq9-1'] ?? 0) + (values['phq9-2'] ?? 0),
          min: 0,
          max: 6,
          code: { system: LOINC_SYSTEM, code: '55758-7', source: AHRQ },
        },
      ],
    }),
};
