/**
 * Questionnaire instruments (REFERENCE §7, §8.1): Pain NRS, PEG, PHQ-9, GAD-7, SDS and the
 * withdrawal-symptom checklist. Pure: no I/O, no clock. See README.md in this folder.
 */
export * from './types.js';
export { patientGuidance, type PatientGuidance } from './guidance.js';
export {
  DO_NOT_STOP_SUDDENLY,
  EMERGENCY_GUIDANCE,
  LOINC_NOTICE,
  PFIZER_COPYRIGHT,
  validateAnswers,
  type ValidatedAnswers,
} from './common.js';
export {
  NRS_ITEM_ID,
  NRS_MCID_PERCENT,
  NRS_MCID_POINTS,
  PAIN_NRS,
  isClinicallyImportantChange,
  painChange,
  type PainChange,
} from './nrs.js';
export { PEG, PEG_ITEM_IDS } from './peg.js';
export {
  PHQ9,
  PHQ9_CRISIS_FLAG,
  PHQ9_DIFFICULTY_ID,
  PHQ9_ITEM9_ID,
  PHQ9_SCREEN_POSITIVE_AT,
} from './phq9.js';
export { GAD7, GAD7_SCREEN_POSITIVE_AT } from './gad7.js';
export { SDS, SDS_OLDER_INPATIENT_CUTOFF, SDS_REVIEW_AT } from './sds.js';
export { WITHDRAWAL_CHECKLIST, WITHDRAWAL_SEVERITY_OPTIONS } from './withdrawal.js';
export {
  WITHDRAWAL_DOMAINS,
  WITHDRAWAL_RED_FLAGS,
  WITHDRAWAL_SYMPTOMS,
  type WithdrawalDomainId,
  type WithdrawalSymptom,
} from './withdrawalItems.js';
export {
  INSTRUMENTS,
  INSTRUMENT_IDS,
  getInstrument,
  isInstrumentId,
  scoreInstrument,
} from './registry.js';
export {
  instrumentFhirDescription,
  type FhirAnswerOptionDescription,
  type FhirItemDescription,
  type FhirQuestionnaireDescription,
} from './fhir.js';
