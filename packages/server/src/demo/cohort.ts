/**
 * The demo clinic's other patients: 29 people in varied situations, besides Dana Demo. Fixed
 * names, zones and plans; what happens day by day comes from a seeded generator (generate.ts).
 * The situations are what the issue asks the demo to show; none of it is clinical advice.
 */
import type { AsNeededRule, ScheduledDose } from '@steady/core';
import type { ConsentMap, Discipline } from '../careteam/consent.js';

export const SCENARIOS = [
  'stable',
  'taper',
  'opioid',
  'early-refill',
  'crisis',
  'poor-adherence',
  'falls',
  'side-effects',
  'worsening-pain',
  'recently-started',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Readonly<Record<Scenario, string>> = {
  stable: 'stable',
  taper: 'supervised taper (just started, in progress, paused, in follow-up)',
  opioid: 'opioid co-prescription',
  'early-refill': 'early refills',
  crisis: 'crisis answer',
  'poor-adherence': 'poor adherence',
  falls: 'falls',
  'side-effects': 'high side effects',
  'worsening-pain': 'worsening pain',
  'recently-started': 'recently started',
};

/** One demo clinician in the patient's care team, with the consent the patient chose. */
export interface DemoTeamMember {
  readonly kind: Discipline;
  /** Changes to the defaults of the member's kind (most patients keep the defaults). */
  readonly consent?: Partial<ConsentMap>;
  /** The patient removed this member again. */
  readonly revoked?: boolean;
}

export type DemoInstrument = 'peg' | 'gad7' | 'phq9';

export interface DemoPatient {
  /** Stable handle for tests and the summary, e.g. `taper-1`. */
  readonly key: string;
  readonly name: string;
  readonly zone: string;
  readonly scenario: Scenario;
  /** Days of history before today (the regimen starts then). */
  readonly days: number;
  readonly born: string | null;
  readonly formulation: 'tab2' | 'tab5' | 'tab10';
  /** The first regimen version (a taper steps down from it). */
  readonly doses: readonly ScheduledDose[];
  readonly asNeeded: AsNeededRule | null;
  readonly indication: string;
  readonly team: readonly DemoTeamMember[];
  readonly otherMedications: readonly {
    readonly name: string;
    readonly dose: string;
    readonly frequency: string;
  }[];
  /** Questionnaires the care team assigned (PEG weekly, GAD-7 and PHQ-9 monthly). */
  readonly questionnaires: readonly DemoInstrument[];
}

const SPASM = 'Muscle spasm with chronic low back pain';
const NECK = 'Neck and shoulder muscle spasm';
const SPINAL = 'Muscle spasm after spinal surgery';

const d = (time: string, amountMg: number): ScheduledDose => ({ time, amountMg });
const twice = (mg: number) => [d('08:00', mg), d('20:00', mg)];
const three = (mg: number) => [d('08:00', mg), d('14:00', mg), d('20:00', mg)];
const PRN = { amountMg: 2.5, minIntervalHours: 8, maxPerDay: 1 } as const;

const P: DemoTeamMember = { kind: 'prescriber' };
const PT: DemoTeamMember = { kind: 'physical_therapist' };
const PSY: DemoTeamMember = { kind: 'psychologist' };
const PH: DemoTeamMember = { kind: 'pharmacist' };

const base = {
  born: null,
  asNeeded: null,
  indication: SPASM,
  otherMedications: [],
  questionnaires: [],
} as const;

/** The 29 other patients, in the order they are created. */
export const DEMO_COHORT: readonly DemoPatient[] = [
  // Stable on a fixed dose, taking it as planned.
  {
    ...base,
    key: 'stable-1',
    name: 'Amelia Hughes',
    zone: 'Europe/London',
    scenario: 'stable',
    days: 75,
    formulation: 'tab5',
    doses: twice(5),
    team: [P, PT, PH],
    otherMedications: [{ name: 'Paracetamol', dose: '1 g', frequency: 'up to four times a day' }],
    questionnaires: ['peg'],
  },
  {
    ...base,
    key: 'stable-2',
    name: 'Marcus Bell',
    zone: 'America/New_York',
    scenario: 'stable',
    days: 120,
    born: '1958-04-17',
    formulation: 'tab2',
    doses: three(2),
    team: [P, PH],
    otherMedications: [{ name: 'Ibuprofen', dose: '400 mg', frequency: 'with food when needed' }],
    questionnaires: ['peg'],
  },
  {
    ...base,
    key: 'stable-3',
    name: 'Sofia Alvarez',
    zone: 'America/Los_Angeles',
    scenario: 'stable',
    days: 60,
    formulation: 'tab5',
    doses: [d('21:00', 5)],
    indication: NECK,
    team: [P, { kind: 'psychologist', consent: { notes: true } }],
    questionnaires: ['gad7'],
  },
  {
    ...base,
    key: 'stable-4',
    name: 'Jonas Weber',
    zone: 'Europe/Berlin',
    scenario: 'stable',
    days: 80,
    formulation: 'tab5',
    doses: three(5),
    asNeeded: PRN,
    team: [P, PT, PH],
    questionnaires: ['peg'],
  },
  {
    ...base,
    key: 'stable-5',
    name: 'Chloe Nguyen',
    zone: 'Australia/Sydney',
    scenario: 'stable',
    days: 70,
    formulation: 'tab2',
    doses: [d('09:00', 2), d('21:00', 2)],
    team: [P, PT],
    questionnaires: ['peg'],
  },
  {
    ...base,
    key: 'stable-6',
    name: 'Daniel Okafor',
    zone: 'Europe/London',
    scenario: 'stable',
    days: 85,
    formulation: 'tab10',
    doses: [d('22:00', 10)],
    indication: SPINAL,
    team: [P, PH, { kind: 'physical_therapist', revoked: true }],
  },
  {
    ...base,
    key: 'stable-7',
    name: 'Hannah Schmidt',
    zone: 'Europe/Berlin',
    scenario: 'stable',
    days: 65,
    formulation: 'tab5',
    doses: [d('08:00', 2.5), d('20:00', 5)],
    team: [P, PSY, PT],
    questionnaires: ['gad7', 'peg'],
  },
  {
    ...base,
    key: 'stable-8',
    name: 'Ethan Brooks',
    zone: 'America/New_York',
    scenario: 'stable',
    days: 55,
    formulation: 'tab5',
    doses: [d('07:30', 5), d('19:30', 5)],
    indication: NECK,
    team: [P, { kind: 'physical_therapist', consent: { messages: false } }],
    questionnaires: ['peg'],
  },
  {
    ...base,
    key: 'stable-9',
    name: 'Olivia Martin',
    zone: 'America/Los_Angeles',
    scenario: 'stable',
    days: 130,
    formulation: 'tab5',
    doses: twice(5),
    team: [P, PH],
    otherMedications: [{ name: 'Naproxen', dose: '250 mg', frequency: 'twice a day' }],
  },
  // Supervised tapers at different stages, signed by the prescriber (see tapers.ts).
  {
    ...base,
    key: 'taper-1',
    name: 'Grace Thompson',
    zone: 'Europe/London',
    scenario: 'taper',
    days: 84,
    formulation: 'tab5',
    doses: three(5),
    team: [P, { kind: 'psychologist', consent: { checkins: false } }, PH],
    questionnaires: ['peg', 'gad7'],
  },
  {
    ...base,
    key: 'taper-2',
    name: 'Lukas Fischer',
    zone: 'Europe/Berlin',
    scenario: 'taper',
    days: 90,
    formulation: 'tab5',
    doses: twice(10),
    indication: SPINAL,
    team: [P, PT, PH],
  },
  {
    ...base,
    key: 'taper-3',
    name: 'Mia Robinson',
    zone: 'America/New_York',
    scenario: 'taper',
    // A month on the dose, the whole taper, then follow-up (demo/tapers.ts).
    days: 280,
    formulation: 'tab2',
    doses: twice(4),
    team: [P, PSY],
    questionnaires: ['gad7'],
  },
  {
    ...base,
    key: 'taper-4',
    name: 'Noah Wilson',
    zone: 'Australia/Sydney',
    scenario: 'taper',
    days: 77,
    formulation: 'tab5',
    doses: twice(5),
    team: [P, PT],
  },
  // An opioid on the medication list.
  {
    ...base,
    key: 'opioid-1',
    name: 'Isabella Garcia',
    zone: 'America/Los_Angeles',
    scenario: 'opioid',
    days: 60,
    formulation: 'tab5',
    doses: twice(5),
    team: [P, PH, PT],
    otherMedications: [{ name: 'Oxycodone', dose: '5 mg', frequency: 'every 6 hours when needed' }],
    questionnaires: ['peg'],
  },
  {
    ...base,
    key: 'opioid-2',
    name: 'Samuel Carter',
    zone: 'America/New_York',
    scenario: 'opioid',
    days: 75,
    formulation: 'tab5',
    doses: [d('21:00', 5)],
    team: [{ kind: 'prescriber', consent: { questionnaires: false } }, PH],
    otherMedications: [
      { name: 'Tramadol', dose: '50 mg', frequency: 'twice a day' },
      { name: 'Ibuprofen', dose: '400 mg', frequency: 'when needed' },
    ],
  },
  {
    ...base,
    key: 'opioid-3',
    name: 'Ruth Evans',
    zone: 'Europe/London',
    scenario: 'opioid',
    days: 80,
    born: '1951-09-02',
    formulation: 'tab2',
    doses: twice(2),
    team: [P, PH, PT],
    otherMedications: [
      { name: 'Codeine', dose: '30 mg', frequency: 'four times a day' },
      { name: 'Paracetamol', dose: '1 g', frequency: 'four times a day' },
    ],
  },
  // Dispensed again well before the last supply could have run out.
  {
    ...base,
    key: 'early-refill-1',
    name: 'Tyler Reed',
    zone: 'America/New_York',
    scenario: 'early-refill',
    days: 90,
    formulation: 'tab5',
    doses: three(5),
    asNeeded: PRN,
    team: [P, PH],
  },
  {
    ...base,
    key: 'early-refill-2',
    name: 'Emma Clarke',
    zone: 'Europe/London',
    scenario: 'early-refill',
    days: 80,
    formulation: 'tab5',
    doses: twice(5),
    asNeeded: PRN,
    team: [P, PH, PSY],
  },
  // A PHQ-9 answer with item 9 above 0.
  {
    ...base,
    key: 'crisis-1',
    name: 'Leah Becker',
    zone: 'Europe/Berlin',
    scenario: 'crisis',
    days: 60,
    formulation: 'tab5',
    doses: twice(5),
    team: [P, PSY],
    questionnaires: ['phq9', 'gad7'],
  },
  {
    ...base,
    key: 'crisis-2',
    name: 'Owen Murphy',
    zone: 'America/Los_Angeles',
    scenario: 'crisis',
    days: 45,
    formulation: 'tab2',
    doses: three(2),
    team: [P, PSY, PT],
    questionnaires: ['phq9'],
  },
  // Many doses missed, and none logged for the last few.
  {
    ...base,
    key: 'poor-adherence-1',
    name: 'Zoe Turner',
    zone: 'America/New_York',
    scenario: 'poor-adherence',
    days: 60,
    formulation: 'tab5',
    doses: three(5),
    team: [{ kind: 'prescriber', consent: { questionnaires: false } }, PH],
  },
  {
    ...base,
    key: 'poor-adherence-2',
    name: 'Felix Wagner',
    zone: 'Europe/Berlin',
    scenario: 'poor-adherence',
    days: 50,
    formulation: 'tab5',
    doses: twice(5),
    team: [P, PT],
  },
  {
    ...base,
    key: 'poor-adherence-3',
    name: 'Jack Lewis',
    zone: 'Australia/Sydney',
    scenario: 'poor-adherence',
    days: 65,
    formulation: 'tab2',
    doses: twice(2),
    team: [P, PSY],
  },
  // Falls and near-falls reported in check-ins.
  {
    ...base,
    key: 'falls-1',
    name: 'Margaret Price',
    zone: 'Europe/London',
    scenario: 'falls',
    days: 80,
    born: '1944-01-23',
    formulation: 'tab2',
    doses: [d('08:00', 2), d('21:00', 2)],
    team: [P, PT, PH],
    questionnaires: ['peg'],
  },
  {
    ...base,
    key: 'falls-2',
    name: 'Walter Jensen',
    zone: 'America/New_York',
    scenario: 'falls',
    days: 70,
    born: '1949-06-11',
    formulation: 'tab5',
    doses: [d('21:00', 5)],
    team: [P, PT],
  },
  // Strong drowsiness and dizziness lately.
  {
    ...base,
    key: 'side-effects-1',
    name: 'Aisha Rahman',
    zone: 'Europe/London',
    scenario: 'side-effects',
    days: 40,
    formulation: 'tab5',
    doses: three(5),
    team: [P, { kind: 'physical_therapist', consent: { messages: false } }],
  },
  {
    ...base,
    key: 'side-effects-2',
    name: 'Ben Foster',
    zone: 'Australia/Sydney',
    scenario: 'side-effects',
    days: 50,
    formulation: 'tab10',
    doses: twice(10),
    indication: SPINAL,
    team: [P, PH],
  },
  // Pain rising over the last weeks at an unchanged dose.
  {
    ...base,
    key: 'worsening-pain-1',
    name: 'Nora Kelly',
    zone: 'America/Los_Angeles',
    scenario: 'worsening-pain',
    days: 75,
    formulation: 'tab5',
    doses: twice(5),
    team: [P, PT, PSY],
    questionnaires: ['peg'],
  },
  // Started a few days ago.
  {
    ...base,
    key: 'recently-started-1',
    name: 'Leo Martins',
    zone: 'Europe/Berlin',
    scenario: 'recently-started',
    days: 4,
    formulation: 'tab2',
    doses: [d('21:00', 2)],
    indication: NECK,
    team: [P, PH],
  },
];

/** The sign-in address of a demo patient (all share Dana's password). */
export function demoEmail(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@patients.steady.example`;
}
