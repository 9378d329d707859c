/**
 * Items of the withdrawal-symptom checklist: every sign and symptom of JCPG-2025 Table 3 (p.10),
 * grouped by its domain, in patient words with the table's wording as the clinician label.
 */
import { cite } from '../sources.js';
import { DO_NOT_STOP_SUDDENLY, EMERGENCY_GUIDANCE } from './common.js';
import type { InstrumentFlag, RedFlagKind } from './types.js';

export const WITHDRAWAL_DOMAINS = [
  { id: 'general', label: 'General' },
  { id: 'affective', label: 'Affective' },
  { id: 'cardiovascular', label: 'Cardiovascular' },
  { id: 'gastrointestinal', label: 'Gastrointestinal' },
  { id: 'neurological', label: 'Neurological' },
  { id: 'neuromuscular', label: 'Neuromuscular' },
  { id: 'neuropsychiatric', label: 'Neuropsychiatric' },
  { id: 'sleep', label: 'Sleep' },
] as const;

export type WithdrawalDomainId = (typeof WITHDRAWAL_DOMAINS)[number]['id'];

export interface WithdrawalSymptom {
  readonly id: string;
  readonly domain: WithdrawalDomainId;
  /** Patient wording. */
  readonly text: string;
  /** JCPG-2025 Table 3 wording. */
  readonly tableWording: string;
  readonly redFlag?: RedFlagKind;
}

const TABLE3 = cite('JCPG-2025', 'C', 'Table 3 (ASAM pocket guide p.10)');
const REC5 = cite(
  'JCPG-2025',
  'C',
  'Rec 5: inpatient care for suicidality, severe or complicated withdrawal',
);
const SEVERE_WD =
  'Marked * in JCPG-2025 Table 3 (typically after abrupt cessation of high doses). Assess today; ' +
  'severe or complicated withdrawal may need inpatient care (Rec 5).';

function redFlag(
  kind: RedFlagKind,
  flagKind: 'crisis' | 'urgent',
  title: string,
  patientText: string,
  clinicianText: string,
): InstrumentFlag {
  return {
    id: `withdrawal.red-flag.${kind}`,
    kind: flagKind,
    audience: 'patient-and-clinician',
    title,
    patientText,
    clinicianText,
    itemIds: [`wd-${kind}`],
    sources: [TABLE3, REC5],
  };
}

export const WITHDRAWAL_RED_FLAGS: Readonly<Record<RedFlagKind, InstrumentFlag>> = {
  suicidality: redFlag(
    'suicidality',
    'crisis',
    'Thoughts of self-harm or suicide',
    'You told us you have had thoughts of harming yourself or ending your life. You deserve ' +
      `support right away. ${EMERGENCY_GUIDANCE}`,
    'Withdrawal checklist: suicidality or self-harm reported (JCPG-2025 Table 3). Contact the ' +
      'patient today and assess risk; suicidality is a reason to consider inpatient care (Rec 5).',
  ),
  seizure: redFlag(
    'seizure',
    'crisis',
    'Seizure',
    'You reported a seizure. If a seizure is happening now or has just happened, call your local ' +
      'emergency number (for example 911 in the US or 112 in Europe). Contact your prescriber ' +
      `today. ${DO_NOT_STOP_SUDDENLY}`,
    `Withdrawal checklist: seizure reported. ${SEVERE_WD}`,
  ),
  confusion: redFlag(
    'confusion',
    'urgent',
    'Confusion',
    'You reported confusion. This can be a sign of serious withdrawal: contact your prescriber or ' +
      'care team today. If it is severe or getting worse, or you are not safe, call your local ' +
      `emergency number. ${DO_NOT_STOP_SUDDENLY}`,
    `Withdrawal checklist: confusion or delirium reported. ${SEVERE_WD}`,
  ),
  psychosis: redFlag(
    'psychosis',
    'urgent',
    'Seeing or hearing things, unusual beliefs',
    'You reported seeing or hearing things that others do not, or beliefs others find strange. ' +
      'This can be a sign of serious withdrawal: contact your prescriber or care team today. If ' +
      `you are not safe, call your local emergency number. ${DO_NOT_STOP_SUDDENLY}`,
    `Withdrawal checklist: psychotic symptoms reported. ${SEVERE_WD}`,
  ),
};

type Row = readonly [id: string, text: string, tableWording: string, redFlag?: RedFlagKind];

const ROWS: Readonly<Record<WithdrawalDomainId, readonly Row[]>> = {
  general: [
    ['high-blood-pressure', 'Higher blood pressure than usual (if you measure it)', 'Elevated BP'],
    ['headaches', 'Headaches', 'Headaches'],
    ['sweating', 'Sweating or night sweats', 'Sweating, night sweats'],
  ],
  affective: [
    ['anxiety', 'Anxiety or panic', 'Anxiety, panic'],
    ['low-mood', 'Low mood or feeling down', 'Depression, dysphoria'],
    [
      'irritability',
      'Irritability, agitation or aggression',
      'Irritability, agitation, aggression',
    ],
  ],
  cardiovascular: [
    ['chest-pain', 'Chest pain', 'Chest pain'],
    ['palpitations', 'Pounding or fluttering heartbeat (palpitations)', 'Palpitations'],
    ['fast-heartbeat', 'Fast heartbeat', 'Tachycardia'],
  ],
  gastrointestinal: [
    ['cramps', 'Stomach cramps', 'Cramps'],
    ['diarrhoea', 'Diarrhoea', 'Diarrhoea'],
    ['nausea', 'Nausea or vomiting', 'Nausea and vomiting'],
  ],
  neurological: [
    ['cognitive', 'Trouble thinking, remembering or concentrating', 'Cognitive impairment'],
    [
      'confusion',
      'Confusion (not knowing where you are or what is happening)',
      'Confusion or delirium*',
      'confusion',
    ],
    ['perception', 'Things look, sound or feel different or distorted', 'Perceptual disturbance'],
    ['seizure', 'A seizure (fit)', 'Seizures*', 'seizure'],
    [
      'hypersensitivity',
      'Unusual sensitivity to light, sound, touch or smell',
      'Sensory hypersensitivity',
    ],
    ['tingling', 'Tingling or numbness', 'Tingling, numbness'],
    ['tinnitus', 'Ringing or other noises in the ears', 'Tinnitus'],
  ],
  neuromuscular: [
    ['coordination', 'Problems with coordination or balance', 'Coordination and balance problems'],
    ['dysesthesia', 'Unpleasant or odd sensations on the skin', 'Dysesthesia'],
    [
      'muscle-pain',
      'Muscle pain, tension, weakness or spasms',
      'Muscle pain (tension, weakness, spasms)',
    ],
    ['twitches', 'Muscle twitches', 'Twitches, fasciculations'],
    ['tremor', 'Shaking or tremor', 'Tremor'],
  ],
  neuropsychiatric: [
    ['restlessness', 'Restlessness, unable to keep still', 'Akathisia, restlessness'],
    [
      'unreality',
      'Feeling unreal, or detached from yourself or your surroundings',
      'Depersonalisation, derealisation',
    ],
    [
      'psychosis',
      'Seeing or hearing things others do not, or unusual beliefs',
      'Psychosis*',
      'psychosis',
    ],
    [
      'suicidality',
      'Thoughts of harming yourself or ending your life',
      'Suicidality and self-harm',
      'suicidality',
    ],
  ],
  sleep: [
    ['hypersomnia', 'Sleeping much more than usual', 'Hypersomnia'],
    ['insomnia', 'Trouble falling or staying asleep', 'Insomnia'],
    ['nightmares', 'Nightmares', 'Nightmares'],
  ],
};

export const WITHDRAWAL_SYMPTOMS: readonly WithdrawalSymptom[] = WITHDRAWAL_DOMAINS.flatMap(
  ({ id: domain }) =>
    ROWS[domain].map(([id, text, tableWording, flag]) => ({
      id: `wd-${id}`,
      domain,
      text,
      tableWording,
      ...(flag === undefined ? {} : { redFlag: flag }),
    })),
);
