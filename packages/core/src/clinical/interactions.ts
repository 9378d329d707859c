/**
 * Interaction and caution classes (REFERENCE §4.4, §4.1, §6.4). Each class states its effect,
 * a severity, patient and clinician wording, and its sources.
 *
 * Severity: the reference grades only some rows, and calls its grades "an editorial suggestion
 * from source wording" (§1 rule 4). Where §4.4 shows "—" the class has `severity: null`
 * ("not graded"), never a guessed grade; `severityNote` says which case applies. Patient text
 * never suggests a dose change and always points to the prescriber or pharmacist.
 */
import { cite } from '../sources.js';
import { CNS_DEPRESSANT_CLASSES } from './interactionsCns.js';
import { GRADED_NOTE, NOT_GRADED_NOTE } from './interactionTypes.js';
import { INTERACTION_CLASS_IDS } from './interactionTypes.js';
import type {
  InteractionClass,
  InteractionClassId,
  InteractionSeverity,
} from './interactionTypes.js';

const DONT_CHANGE = 'Do not stop or change either medicine on your own.';

const CORE_CLASSES: readonly InteractionClass[] = [
  {
    id: 'opioids',
    name: 'Opioids',
    effectKind: 'additive-cns-depression',
    effect:
      'Concomitant use may result in profound sedation, respiratory depression, coma, and death.',
    severity: 'critical',
    severityNote: GRADED_NOTE,
    referenceExamples: [],
    patientText:
      'Taking diazepam together with an opioid pain or cough medicine can cause dangerous sleepiness ' +
      'and slowed breathing, and can be life-threatening. Tell your prescriber and pharmacist that you ' +
      `take both. ${DONT_CHANGE} If someone cannot wake you, or your breathing becomes very slow or ` +
      'shallow, call emergency services.',
    clinicianText:
      'Boxed warning: benzodiazepine + opioid may cause profound sedation, respiratory depression, coma ' +
      'and death; reserve for patients whose alternatives are inadequate, use minimum doses and ' +
      'durations, follow for respiratory depression and sedation. VA/DoD 2017: recommends against ' +
      'concurrent use (strong); consider tapering one or both when risks exceed benefits. Joint CPG ' +
      'Recs 16–18: review at least every 3 months or at each related encounter/renewal, offer naloxone, ' +
      'lowest effective doses of both.',
    sources: [
      cite('LABEL-TAB', 'C', 'Boxed Warning; Drug Interactions (REFERENCE §4.1, §4.4)'),
      cite('FDA-DSC-2016', 'C', 'opioid + benzodiazepine boxed warnings (REFERENCE §4.4)'),
      cite('VADOD-OPIOID-2017', 'C', 'Rec 5 (REFERENCE §4.4)'),
      cite('JCPG-2025', 'C', 'Recs 16–18 (REFERENCE §6.1)'),
    ],
  },
  {
    id: 'alcohol',
    name: 'Alcohol',
    effectKind: 'additive-cns-depression',
    effect: 'The label warns against alcohol; abuse and misuse often involve alcohol.',
    severity: 'high',
    severityNote: GRADED_NOTE,
    referenceExamples: [],
    patientText:
      'Alcohol adds to the effects of diazepam, such as drowsiness. The diazepam label warns against ' +
      'drinking alcohol while taking it. Talk with your prescriber or pharmacist about alcohol.',
    clinicianText:
      'Label warns against concomitant alcohol; boxed warning: abuse and misuse of benzodiazepines ' +
      'often involve alcohol and can lead to overdose or death.',
    sources: [cite('LABEL-TAB', 'C', 'Boxed Warning; Precautions (REFERENCE §4.4)')],
  },
  {
    id: 'gabapentinoids',
    name: 'Gabapentinoids (gabapentin, pregabalin)',
    effectKind: 'additive-cns-depression',
    effect:
      'Serious breathing difficulties in patients with risk factors, including other drugs that ' +
      'depress the central nervous system (e.g. anti-anxiety medicines), opioids, COPD and older age.',
    severity: 'high',
    severityNote: GRADED_NOTE,
    referenceExamples: ['gabapentin', 'Neurontin', 'pregabalin'],
    patientText:
      'Gabapentin or pregabalin taken with diazepam can cause serious breathing problems in some ' +
      'people, especially with an opioid, a lung disease such as COPD, or older age. Tell your ' +
      `prescriber and pharmacist that you take both. ${DONT_CHANGE} Get help right away for ` +
      'confusion, extreme sleepiness, or slow, shallow or difficult breathing.',
    clinicianText:
      'FDA DSC 2019: serious breathing difficulties with gabapentinoids in patients with respiratory ' +
      'risk factors, including opioids and other CNS depressants (anti-anxiety medicines, ' +
      'antidepressants, antihistamines), COPD, older age. Start at the lowest dose; monitor for ' +
      'confusion, extreme sleepiness, slowed, shallow or difficult breathing.',
    sources: [cite('FDA-DSC-2019-GABA', 'C', 'DSC 19 Dec 2019 (REFERENCE §4.4)')],
  },
  {
    id: 'benzodiazepines',
    name: 'Other benzodiazepines (or a second diazepam product)',
    effectKind: 'duplication',
    effect:
      'Therapeutic duplication: a second benzodiazepine adds CNS depression (anxiolytics/sedatives). ' +
      'Relevant to switching, where doses are compared on an equivalence table.',
    severity: null,
    severityNote: NOT_GRADED_NOTE,
    referenceExamples: [],
    patientText:
      'This medicine is also a benzodiazepine, like diazepam, so taking both adds to effects such as ' +
      `drowsiness. Tell your prescriber and pharmacist that you take both. ${DONT_CHANGE}`,
    clinicianText:
      'Second benzodiazepine: check for duplication (additive CNS depression, anxiolytics/sedatives ' +
      '[P]). For switching, Joint CPG Table 7 gives diazepam equivalents (VA/DoD and Ashton columns ' +
      'differ); conversion is not straightforward.',
    sources: [
      cite('SEC-MONO', 'P', 'Drug Interactions: anxiolytics/sedatives (REFERENCE §4.4)'),
      cite('JCPG-2025', 'C', 'Table 7; Rec 7 (REFERENCE §6.4)'),
      cite('ASAM-POCKET', 'C', 'Table 7 p.19 (REFERENCE §6.4)'),
    ],
  },
];

function metabolic(
  c: Omit<InteractionClass, 'severityNote' | 'patientText'> & { readonly patientLead: string },
): InteractionClass {
  const { patientLead, ...rest } = c;
  return {
    ...rest,
    severityNote: c.severity === null ? NOT_GRADED_NOTE : GRADED_NOTE,
    patientText: `${patientLead} Tell your prescriber and pharmacist that you take both. ${DONT_CHANGE}`,
  };
}

const METABOLIC_CLASSES: readonly InteractionClass[] = [
  metabolic({
    id: 'cyp-inhibitors-label',
    name: 'CYP3A4/CYP2C19 inhibitors (label)',
    effectKind: 'raises-diazepam-exposure',
    effect: 'May lead to increased and prolonged sedation.',
    severity: 'moderate',
    referenceExamples: ['cimetidine', 'ketoconazole', 'fluvoxamine', 'fluoxetine', 'omeprazole'],
    patientLead:
      'This medicine can slow the breakdown of diazepam in the body, which may make sleepiness from ' +
      'diazepam stronger and last longer.',
    clinicianText:
      'Label: CYP3A4/CYP2C19 inhibitors (cimetidine, ketoconazole, fluvoxamine, fluoxetine, omeprazole) ' +
      '"may lead to increased and prolonged sedation". Omeprazole and its sulphone inhibit diazepam ' +
      'metabolism in vitro; the interaction is well documented.',
    sources: [
      cite('MGS-CYP2C19', 'C', 'Table 1 (2020 FDA label) (REFERENCE §4.4)'),
      cite('ZOMORODI-1996', 'C', 'omeprazole (REFERENCE §4.4)'),
    ],
  }),
  metabolic({
    id: 'cyp-inhibitors-smpc',
    name: 'Other CYP inhibitors (SmPC-type)',
    effectKind: 'raises-diazepam-exposure',
    effect: 'Listed as inhibitors of diazepam metabolism in SmPC-type text (partly confirmed).',
    severity: null,
    referenceExamples: [
      'clarithromycin',
      'erythromycin',
      'ritonavir',
      'verapamil',
      'diltiazem',
      'idelalisib',
    ],
    patientLead:
      'Some product information lists this medicine as one that may slow the breakdown of diazepam ' +
      'in the body, which could make diazepam’s effects stronger.',
    clinicianText:
      'SmPC-type text lists clarithromycin, erythromycin, ritonavir, verapamil, diltiazem and idelalisib ' +
      'as inhibitors of diazepam metabolism (partly confirmed; verify against the primary SmPC).',
    sources: [cite('SEC-SMPC', 'P', 'Interactions (REFERENCE §4.4)')],
  }),
  metabolic({
    id: 'isoniazid',
    name: 'Isoniazid',
    effectKind: 'raises-diazepam-exposure',
    effect: 'Diazepam half-life 34 → 45 h; clearance 0.54 → 0.40 mL/min/kg.',
    severity: null,
    referenceExamples: ['isoniazid'],
    patientLead:
      'Isoniazid can slow the clearance of diazepam, so diazepam stays in the body longer.',
    clinicianText:
      'Isoniazid prolonged diazepam t½ from 34 to 45 h and lowered clearance from 0.54 to 0.40 mL/min/kg.',
    sources: [cite('OCHS-1981', 'C', 'isoniazid (REFERENCE §4.4)')],
  }),
  metabolic({
    id: 'rifampin',
    name: 'Rifampin (rifampicin)',
    effectKind: 'lowers-diazepam-exposure',
    effect:
      'Enzyme induction: in TB patients on isoniazid + ethambutol + rifampin, diazepam t½ 14 vs 58 h ' +
      'and clearance 1.50 vs 0.37 mL/min/kg (controls).',
    severity: null,
    referenceExamples: ['rifampin', 'rifampicin'],
    patientLead:
      'Rifampin can make the body clear diazepam much faster, which can change how diazepam works for you.',
    clinicianText:
      'TB patients on isoniazid + ethambutol + rifampin: diazepam t½ 14 h vs 58 h, clearance 1.50 vs ' +
      '0.37 mL/min/kg [C]. Rifampicin 600 mg/day raised clearance about 4-fold [P].',
    sources: [
      cite('OCHS-1981', 'C', 'rifampin (REFERENCE §4.4)'),
      cite('SEC-SMPC', 'P', 'rifampicin 600 mg/day (REFERENCE §4.4)'),
    ],
  }),
  metabolic({
    id: 'enzyme-inducers',
    name: 'Enzyme inducers (carbamazepine, phenytoin, barbiturates)',
    effectKind: 'lowers-diazepam-exposure',
    effect: 'An increase in diazepam clearance should be anticipated with strong enzyme inducers.',
    severity: null,
    referenceExamples: ['carbamazepine', 'phenytoin', 'barbiturates'],
    patientLead:
      'This medicine can make the body clear diazepam faster, which can change how diazepam works for you.',
    clinicianText:
      'Trinka 2015: "an increase in the clearance of … diazepam … should be anticipated in patients ' +
      'co-medicated with strong enzyme inducers" [C]; carbamazepine about 3-fold faster metabolism [P].',
    sources: [
      cite('TRINKA-2015', 'C', 'ch. 30 (REFERENCE §4.4)'),
      cite('SEC-SMPC', 'P', 'carbamazepine (REFERENCE §4.4)'),
    ],
  }),
  metabolic({
    id: 'phenytoin-levels',
    name: 'Phenytoin levels (diazepam as precipitant)',
    effectKind: 'diazepam-affects-other',
    effect: 'Phenytoin levels may rise; monitor phenytoin when starting or stopping diazepam.',
    severity: null,
    referenceExamples: ['phenytoin'],
    patientLead:
      'Diazepam may raise the amount of phenytoin in the blood; your prescriber may want to check your phenytoin level.',
    clinicianText:
      'SmPC-type text: phenytoin levels may rise; monitor phenytoin when starting or stopping diazepam (partly confirmed).',
    sources: [cite('SEC-SMPC', 'P', 'phenytoin (object) (REFERENCE §4.4)')],
  }),
  metabolic({
    id: 'cyp-substrates',
    name: 'CYP2C19/CYP3A4 substrates (diazepam as precipitant)',
    effectKind: 'diazepam-affects-other',
    effect: 'Diazepam may interfere with the metabolism of these drugs (gel label).',
    severity: null,
    referenceExamples: [
      'omeprazole',
      'propranolol',
      'imipramine',
      'cyclosporine',
      'paclitaxel',
      'terfenadine',
      'theophylline',
      'warfarin',
    ],
    patientLead: 'Diazepam may affect how your body breaks down this medicine.',
    clinicianText:
      'Diazepam (gel label) may interfere with metabolism of CYP2C19 substrates (omeprazole, ' +
      'propranolol, imipramine) and CYP3A4 substrates (cyclosporine, paclitaxel, terfenadine, ' +
      'theophylline, warfarin).',
    sources: [cite('MGS-CYP2C19', 'C', 'diazepam as precipitant (REFERENCE §4.4)')],
  }),
];

/** Every class, in the order of INTERACTION_CLASS_IDS. */
export const INTERACTION_CLASSES: readonly InteractionClass[] = [
  ...CORE_CLASSES,
  ...CNS_DEPRESSANT_CLASSES,
  ...METABOLIC_CLASSES,
];

const SEVERITY_RANK: Readonly<Record<InteractionSeverity, number>> = {
  critical: 0,
  high: 1,
  moderate: 2,
  low: 3,
};

/** Sort key: critical 0 … low 3, ungraded 4. */
export function severityRank(severity: InteractionSeverity | null): number {
  return severity === null ? 4 : SEVERITY_RANK[severity];
}

/**
 * The class with this id.
 *
 * @example interactionClass('opioids').severity // 'critical'
 */
export function interactionClass(id: InteractionClassId): InteractionClass {
  const found = INTERACTION_CLASSES.find((c) => c.id === id);
  if (found === undefined) throw new RangeError(`Unknown interaction class ${id}`);
  return found;
}

/** True when the string is a known class id (for validating clinic configuration). */
export function isInteractionClassId(value: string): value is InteractionClassId {
  return (INTERACTION_CLASS_IDS as readonly string[]).includes(value);
}
