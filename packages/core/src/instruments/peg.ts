/**
 * PEG: Pain average, interference with Enjoyment of life, interference with General activity
 * (KREBS-2009). Score = mean of the three items, 0–10. REFERENCE §7: EMBED WITH ATTRIBUTION.
 */
import { cite } from '../sources.js';
import { LOINC_NOTICE, computeScore, sum, zeroToTenOptions } from './common.js';
import type { InstrumentDefinition, InstrumentSpec } from './types.js';
import { LOINC_SYSTEM } from './types.js';

const KREBS = cite('KREBS-2009', 'C', 'REFERENCE §7');
const REED = cite('REED-2024', 'C', 'REFERENCE §7 (MID)');
const AHRQ = cite('AHRQ-PAIN-CQL', 'C', 'REFERENCE §8.1');
const PANEL = cite('SEC-CODE', 'P', 'REFERENCE §8.1: 91148-7, verify at loinc.org/91148-7');
const LOINC_FORM = cite(
  'SEC-CODE',
  'P',
  'LOINC Questionnaire http://loinc.org/q/91148-7 (copy in jmandel/ktc-questionnaire-starters)',
);
const CDC = cite('SEC-WEB', 'P', 'CDC 2022 guideline reproduces and recommends the PEG');

export const PEG_ITEM_IDS = { pain: 'peg-p', enjoyment: 'peg-e', activity: 'peg-g' } as const;

const INTERFERENCE = ['Does not interfere', 'Completely interferes'] as const;

const spec: InstrumentSpec = {
  id: 'peg',
  title: 'PEG three-item pain scale (Pain, Enjoyment of life, General activity)',
  shortTitle: 'PEG',
  version: '1.0.0',
  kind: 'validated-scale',
  description:
    'Average pain and pain interference with enjoyment of life and with general activity over ' +
    'the past week, each 0–10; the score is their mean (0–10).',
  recallPeriod: { text: 'the past week', confirmed: true, sources: [KREBS] },
  instructions: 'Please choose the number from 0 to 10 that best describes your answer.',
  items: [
    {
      id: PEG_ITEM_IDS.pain,
      linkId: '108518',
      text: 'What number best describes your pain on average in the past week?',
      clinicianLabel: 'P: average pain',
      code: { system: LOINC_SYSTEM, code: '75893-8' },
      required: true,
      scored: true,
      // LOINC's form asks this item as a decimal with no answer codes.
      options: zeroToTenOptions('No pain', 'Pain as bad as you can imagine', false),
    },
    {
      id: PEG_ITEM_IDS.enjoyment,
      linkId: '108514',
      text: 'What number best describes how, during the past week, pain has interfered with your enjoyment of life?',
      clinicianLabel: 'E: interference with enjoyment of life',
      code: { system: LOINC_SYSTEM, code: '91145-3' },
      required: true,
      scored: true,
      options: zeroToTenOptions(...INTERFERENCE, true),
    },
    {
      id: PEG_ITEM_IDS.activity,
      linkId: '108515',
      text: 'What number best describes how, during the past week, pain has interfered with your general activity?',
      clinicianLabel: 'G: interference with general activity',
      code: { system: LOINC_SYSTEM, code: '91146-1' },
      required: true,
      scored: true,
      options: zeroToTenOptions(...INTERFERENCE, true),
    },
  ],
  scoring: {
    method: 'mean',
    min: 0,
    max: 10,
    description: 'Mean of the three items (0–10), not rounded.',
  },
  bands: [],
  notes: [
    {
      text:
        'Minimal important difference about 1 point: distribution-based 0.60–1.1 (0.35 SD) and ' +
        '0.78–1.22 (1 SEM); anchor-based mostly 1.0–1.75 (1,710 participants, 6 trials). ' +
        'No severity bands: follow the change over time.',
      sources: [REED],
    },
    {
      text: 'Reliability α = 0.73 and 0.89 in the two development samples; responsive to change.',
      sources: [KREBS],
    },
  ],
  codes: {
    panel: {
      system: LOINC_SYSTEM,
      code: '91148-7',
      display: 'Pain intensity, Enjoyment of life, General activity (PEG) 3 item pain scale',
      source: PANEL,
    },
    total: { system: LOINC_SYSTEM, code: '91147-9', display: 'Mean score [PEG]', source: AHRQ },
    unit: '{score}',
    note: 'Item codes 75893-8, 91145-3, 91146-1 [C] AHRQ-PAIN-CQL; panel code 91148-7 is [P].',
  },
  derivedFrom: ['http://loinc.org/q/91148-7'],
  licence: {
    verdict: 'EMBED WITH ATTRIBUTION',
    status: 'U',
    attribution:
      'PEG: Krebs EE, Lorenz KA, Bair MJ, Damush TM, Wu J, Sutherland JM, Asch SM, Kroenke K. ' +
      'Development and initial validation of the PEG, a three-item scale assessing pain intensity ' +
      'and interference. J Gen Intern Med 2009;24(6):733–8. doi:10.1007/s11606-009-0981-1. ' +
      'Derived from the Brief Pain Inventory.',
    loincNotice: LOINC_NOTICE,
    clinicMayDisable: true,
    note:
      'Project decision. Open-access article, widely distributed free, reproduced and recommended ' +
      'by the 2022 CDC guideline (a US government work) [P]; no explicit licence found [U]. ' +
      'Derived from the copyrighted BPI, so keep the attribution and this status visible.',
    sources: [KREBS, CDC],
  },
  wording: {
    text:
      "Item wording and anchors of KREBS-2009, checked against LOINC's published form 91148-7 " +
      '(identical item text) and the copies reproduced with the CDC guideline; the article figure ' +
      "itself was not seen, hence [P]. Answer codes for E and G as in LOINC's form.",
    sources: [KREBS, LOINC_FORM],
  },
  sources: [KREBS, REED, AHRQ],
};

export const PEG: InstrumentDefinition = {
  ...spec,
  score: (answers) => computeScore(spec, answers, { aggregate: (xs) => sum(xs) / xs.length }),
};
