/**
 * Withdrawal-symptom checklist built from JCPG-2025 Table 3. NOT a validated scale: it reports
 * how many symptoms are present and a burden sum (none 0 … severe 3), overall and per domain,
 * with no bands. Red-flag symptoms (seizure, confusion/delirium, psychosis, suicidality/self-harm)
 * raise crisis or urgent flags from any answer above "None".
 */
import { cite } from '../sources.js';
import { DO_NOT_STOP_SUDDENLY, computeScore, sum } from './common.js';
import type {
  InstrumentAnswerOption,
  InstrumentDefinition,
  InstrumentItem,
  InstrumentSpec,
  InstrumentSubscore,
} from './types.js';
import {
  WITHDRAWAL_DOMAINS,
  WITHDRAWAL_RED_FLAGS,
  WITHDRAWAL_SYMPTOMS,
} from './withdrawalItems.js';

const TABLE3 = cite('JCPG-2025', 'C', 'Table 3 (ASAM pocket guide p.10)');
const POCKET = cite('ASAM-POCKET', 'C', 'p.10');
const RECS = cite(
  'JCPG-2025',
  'C',
  'Rec 9: evaluate taper-related symptoms with each dose reduction',
);

export const WITHDRAWAL_SEVERITY_OPTIONS: readonly InstrumentAnswerOption[] = [
  { value: 0, label: 'None' },
  { value: 1, label: 'Mild' },
  { value: 2, label: 'Moderate' },
  { value: 3, label: 'Severe' },
];

const items: readonly InstrumentItem[] = WITHDRAWAL_SYMPTOMS.map((s) => ({
  id: s.id,
  linkId: s.id,
  text: s.text,
  clinicianLabel: s.tableWording,
  required: true,
  scored: true,
  options: WITHDRAWAL_SEVERITY_OPTIONS,
  domain: s.domain,
  ...(s.redFlag === undefined ? {} : { safetyFlag: WITHDRAWAL_RED_FLAGS[s.redFlag] }),
}));

const MAX_SEVERITY = 3;

const spec: InstrumentSpec = {
  id: 'withdrawal',
  title: 'Withdrawal symptom checklist (JCPG-2025 Table 3)',
  shortTitle: 'Withdrawal checklist',
  version: '1.0.0',
  kind: 'checklist',
  description:
    'A checklist of the benzodiazepine withdrawal signs and symptoms listed in the Joint ' +
    'Clinical Practice Guideline (2025), Table 3. It is not a validated scale: the symptom count ' +
    'and burden have no cut-offs and are meant to be followed over time, e.g. after each taper step.',
  recallPeriod: {
    text: 'the past 24 hours',
    confirmed: false,
    note: 'Steady setting; the guideline table has no recall period.',
    sources: [TABLE3],
  },
  instructions:
    'In the past 24 hours, how much have you been bothered by each of these? Choose "None" if ' +
    `you have not had it. ${DO_NOT_STOP_SUDDENLY}`,
  items,
  scoring: {
    method: 'sum',
    min: 0,
    max: items.length * MAX_SEVERITY,
    description:
      `Burden: sum of severities (None 0, Mild 1, Moderate 2, Severe 3) over ${items.length} ` +
      'symptoms; also the number of symptoms present and the burden per domain. Not validated; ' +
      'no bands.',
  },
  bands: [],
  notes: [
    {
      text:
        'Checklist, not a validated scale: no score here has a clinical cut-off. Use it to see ' +
        'change, e.g. symptoms rising after a taper step (JCPG-2025 Rec 9).',
      sources: [RECS],
    },
    {
      text:
        'Seizures, confusion or delirium and psychosis typically follow abrupt cessation of high ' +
        'doses. In muscle spasm, withdrawal can mimic the original indication.',
      sources: [TABLE3],
    },
  ],
  codes: { unit: '{score}', note: 'Steady checklist: no LOINC codes.' },
  derivedFrom: [],
  licence: {
    verdict: 'EMBED',
    status: 'C',
    attribution:
      'Steady checklist. Symptom list from Table 3 of Brunner E, et al. Joint Clinical Practice ' +
      'Guideline on Benzodiazepine Tapering: Considerations When Risks Outweigh Benefits. ' +
      'J Gen Intern Med 2025. doi:10.1007/s11606-025-09499-2.',
    clinicMayDisable: false,
    note: "Steady's own content; the guideline's symptom list is cited, not a licensed instrument.",
    sources: [TABLE3, POCKET],
  },
  wording: {
    text:
      'Every sign and symptom of JCPG-2025 Table 3, one item each (grouped entries kept together ' +
      "as the table groups them). Patient wording is Steady's; the table wording is kept as the " +
      'clinician label.',
    sources: [TABLE3, POCKET],
  },
  sources: [TABLE3, POCKET],
};

function subscores(values: Readonly<Record<string, number>>): InstrumentSubscore[] {
  const present = items.filter((i) => (values[i.id] ?? 0) > 0).length;
  return [
    { id: 'symptom-count', label: 'Symptoms present', value: present, min: 0, max: items.length },
    ...WITHDRAWAL_DOMAINS.map(({ id, label }) => {
      const inDomain = items.filter((i) => i.domain === id);
      return {
        id: `domain-${id}`,
        label: `${label} burden`,
        value: sum(inDomain.map((i) => values[i.id] ?? 0)),
        min: 0,
        max: inDomain.length * MAX_SEVERITY,
      };
    }),
  ];
}

export const WITHDRAWAL_CHECKLIST: InstrumentDefinition = {
  ...spec,
  score: (answers) => computeScore(spec, answers, { aggregate: sum, subscores }),
};
