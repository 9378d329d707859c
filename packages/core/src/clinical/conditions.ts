/**
 * Contraindications and cautions from the patient profile (REFERENCE §4.2, §4.3, §3.3, §6.1).
 * Findings are flags for the prescriber; patient wording never suggests a dose change.
 */
import { DateTime } from 'luxon';
import { cite } from '../sources.js';
import type { SourceRef } from '../sources.js';
import type { LocalDate, PatientProfile } from '../regimen/types.js';

export type ConditionFindingKind = 'contraindication' | 'caution';

export type ConditionFindingId =
  | 'ci.sleep-apnea'
  | 'ci.myasthenia-gravis'
  | 'ci.severe-respiratory-insufficiency'
  | 'ci.severe-hepatic-insufficiency'
  | 'ci.acute-narrow-angle-glaucoma'
  | 'caution.chronic-respiratory'
  | 'caution.substance-use-history'
  | 'caution.pregnancy'
  | 'caution.older-adult';

export interface ConditionFinding {
  readonly id: ConditionFindingId;
  readonly kind: ConditionFindingKind;
  /** The profile field that triggered it ('dateOfBirth' for age). */
  readonly field: keyof PatientProfile;
  readonly title: string;
  readonly patientText: string;
  readonly clinicianText: string;
  readonly sources: readonly SourceRef[];
}

/** Age from which the older-adult caution applies (Joint CPG Takeaway 1d: "≥65 years"). */
export const OLDER_ADULT_AGE_YEARS = 65;

const CI_SOURCE = cite('OPENFDA-LABEL', 'C', 'Contraindications (REFERENCE §4.2)');
const NOT_ALONE =
  'Please talk with your prescriber about this soon. Do not stop diazepam suddenly on your own.';

type BooleanField = Exclude<keyof PatientProfile, 'dateOfBirth'>;

interface Rule {
  readonly id: ConditionFindingId;
  readonly kind: ConditionFindingKind;
  readonly field: BooleanField;
  readonly title: string;
  readonly patientText: string;
  readonly clinicianText: string;
  readonly sources: readonly SourceRef[];
}

function contraindication(id: ConditionFindingId, field: BooleanField, condition: string): Rule {
  return {
    id,
    kind: 'contraindication',
    field,
    title: `Contraindication: ${condition}`,
    patientText:
      `Your profile says you have ${condition}. The diazepam label lists ${condition} as a condition ` +
      `in which diazepam should not be used. ${NOT_ALONE}`,
    clinicianText: `US label contraindication: ${condition}. Review whether diazepam remains appropriate.`,
    sources: [CI_SOURCE],
  };
}

const RULES: readonly Rule[] = [
  contraindication('ci.sleep-apnea', 'sleepApnea', 'sleep apnea'),
  contraindication('ci.myasthenia-gravis', 'myastheniaGravis', 'myasthenia gravis'),
  contraindication(
    'ci.severe-respiratory-insufficiency',
    'severeRespiratoryInsufficiency',
    'severe respiratory insufficiency',
  ),
  contraindication(
    'ci.severe-hepatic-insufficiency',
    'severeHepaticInsufficiency',
    'severe hepatic (liver) insufficiency',
  ),
  contraindication(
    'ci.acute-narrow-angle-glaucoma',
    'acuteNarrowAngleGlaucoma',
    'acute narrow-angle glaucoma',
  ),
  {
    id: 'caution.chronic-respiratory',
    kind: 'caution',
    field: 'copd',
    title: 'Caution: COPD / chronic respiratory disease',
    patientText:
      'Your profile says you have COPD or another long-term lung condition. Diazepam can affect ' +
      'breathing, so your prescriber should know about it. Tell your prescriber if your breathing ' +
      'gets worse, and do not stop diazepam suddenly on your own.',
    clinicianText:
      'Warning for chronic respiratory insufficiency [P]; contraindicated only when severe [C]. COPD is ' +
      'also a risk factor for serious breathing problems with gabapentinoids (FDA 2019).',
    sources: [
      cite('SEC-MONO', 'P', 'Warnings: chronic respiratory insufficiency (REFERENCE §4.3)'),
      CI_SOURCE,
      cite('FDA-DSC-2019-GABA', 'C', 'risk factors: COPD (REFERENCE §4.4)'),
    ],
  },
  {
    id: 'caution.substance-use-history',
    kind: 'caution',
    field: 'substanceUseDisorderHistory',
    title: 'Caution: history of substance use disorder',
    patientText:
      'Your profile mentions a past or current substance use problem. Your care team takes this into ' +
      'account when reviewing diazepam with you; talk with your prescriber about any concerns.',
    clinicianText:
      'Boxed warning: assess each patient’s risk for abuse, misuse and addiction before prescribing and ' +
      'throughout treatment. Joint CPG Recs 19–23: with SUD, assess more often, treat SUD alongside any ' +
      'taper, do not disrupt buprenorphine or methadone, monitor after taper, offer harm reduction.',
    sources: [
      cite('LABEL-TAB', 'C', 'Boxed Warning: abuse, misuse, and addiction (REFERENCE §4.1)'),
      cite('JCPG-2025', 'C', 'Recs 19–23 (REFERENCE §6.1)'),
    ],
  },
  {
    id: 'caution.pregnancy',
    kind: 'caution',
    field: 'pregnancy',
    title: 'Caution: pregnancy',
    patientText:
      'Your profile says you are pregnant. Please talk with your prescriber about diazepam during ' +
      'pregnancy soon. Do not stop diazepam suddenly on your own.',
    clinicianText:
      'Neonatal sedation and withdrawal syndrome reported; monitor neonates exposed during pregnancy or ' +
      'labour [P]. Joint CPG Recs 28–29: weigh maternal–fetal risks; communicate with the infant’s clinician.',
    sources: [
      cite('SEC-MONO', 'P', 'Pregnancy (REFERENCE §4.3)'),
      cite('JCPG-2025', 'C', 'Recs 28–29 (REFERENCE §6.1)'),
    ],
  },
];

const OLDER_ADULT = {
  id: 'caution.older-adult',
  kind: 'caution',
  field: 'dateOfBirth',
  title: `Caution: age ${OLDER_ADULT_AGE_YEARS} or older`,
  patientText:
    'People aged 65 and over can be more sensitive to diazepam, for example to drowsiness and ' +
    'unsteadiness, which can lead to falls. Tell your prescriber about any falls or near-falls, and ' +
    'do not stop or change diazepam on your own.',
  clinicianText:
    'Joint CPG Takeaway 1d / Rec 27: taper BZDs in most older adults (≥65) unless there are compelling ' +
    'reasons for continuation. Label: geriatric initial dose 2–2.5 mg once or twice daily; falls and ' +
    'fractures reported, risk increased in the elderly and with concomitant sedatives [P].',
  sources: [
    cite('JCPG-2025', 'C', 'Takeaway 1d; Rec 27 (REFERENCE §3.3, §6.1)'),
    cite('ASAM-POCKET', 'C', 'Rec 27 p.12 (REFERENCE §6.1)'),
    cite('OPENFDA-LABEL', 'C', 'Dosage and Administration, geriatric (REFERENCE §3.1)'),
    cite('SEC-LABEL', 'P', 'Postmarketing: falls and fractures (REFERENCE §4.3)'),
  ],
} as const satisfies ConditionFinding;

function parseDate(value: LocalDate, what: string): DateTime {
  const dt = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone: 'UTC' }) : null;
  if (dt?.isValid !== true)
    throw new RangeError(`${what} must be a valid YYYY-MM-DD date, got "${value}"`);
  return dt;
}

/**
 * Completed years of age on `today` (birthdays count on the day; 29 Feb birthdays on 28 Feb in
 * common years, as luxon does).
 *
 * @example ageInYears('1960-05-10', '2026-05-09') // 65
 * @throws RangeError for malformed dates or a birth date after `today`.
 */
export function ageInYears(dateOfBirth: LocalDate, today: LocalDate): number {
  const dob = parseDate(dateOfBirth, 'dateOfBirth');
  const now = parseDate(today, 'today');
  if (dob > now) throw new RangeError(`dateOfBirth ${dateOfBirth} is after today ${today}`);
  return Math.floor(now.diff(dob, 'years').years);
}

/**
 * Contraindications and cautions that the profile triggers, contraindications first. Fields
 * that are null (not answered) trigger nothing; see `unansweredConditionFields`.
 *
 * @example
 * conditionFindings({ ...profile, sleepApnea: true }, '2026-03-08').map((f) => f.id); // ['ci.sleep-apnea', …]
 * @throws RangeError when `today` or a non-null dateOfBirth is malformed.
 */
export function conditionFindings(profile: PatientProfile, today: LocalDate): ConditionFinding[] {
  parseDate(today, 'today');
  const findings: ConditionFinding[] = RULES.filter((r) => profile[r.field] === true).map((r) => ({
    ...r,
  }));
  if (
    profile.dateOfBirth !== null &&
    ageInYears(profile.dateOfBirth, today) >= OLDER_ADULT_AGE_YEARS
  ) {
    findings.push(OLDER_ADULT);
  }
  return findings;
}

/**
 * Profile fields this module reads that are still null, so the UI can ask about them
 * (contraindication questions first).
 *
 * @example unansweredConditionFields(emptyProfile)[0] // 'sleepApnea'
 */
export function unansweredConditionFields(profile: PatientProfile): (keyof PatientProfile)[] {
  const fields: (keyof PatientProfile)[] = RULES.map((r) => r.field);
  fields.push('dateOfBirth');
  return fields.filter((f) => profile[f] === null);
}
