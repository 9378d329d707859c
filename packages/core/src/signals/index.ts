export type {
  Signal,
  SignalAudience,
  SignalDispensing,
  SignalEvidence,
  SignalEvidenceKind,
  SignalInput,
  SignalInstrumentId,
  SignalMedication,
  SignalMedicationClassifier,
  SignalQuestionnaire,
  SignalRule,
  SignalSeverity,
  SignalStockCount,
  SignalTaperPlan,
  SignalTaperStep,
} from './types.js';
export { DEFAULT_SIGNAL_SETTINGS, resolveSignalSettings, SIGNAL_SETTINGS } from './settings.js';
export type { SignalSettingKey, SignalSettings } from './settings.js';
export { compareSignals, signalBaseId, signalSeverityRank } from './build.js';
export { defaultMedicationClassifier } from './context.js';
export { computeSignals, SIGNAL_RULES } from './compute.js';
export { doseCreepSignal, doseEscalationSignal, earlyDoseSignal } from './dose.js';
export { interdoseWithdrawalSignal, missedDoseSignal } from './missed.js';
export { toleranceSignal, pegScore } from './tolerance.js';
export { sdsSignal, withdrawalRiskClass, withdrawalRiskSignal } from './dependence.js';
export type {
  WithdrawalDoseBand,
  WithdrawalDurationBand,
  WithdrawalRisk,
  WithdrawalRiskInput,
  WithdrawalRiskResult,
} from './dependence.js';
export { CO_MEDICATION_GROUPS, coMedicationSignals } from './comedication.js';
export { conditionSignals } from './profile.js';
export { PHQ9_ITEM9_KEYS, phq9Item9, redFlagSignals } from './redFlags.js';
export { fallSignal, sideEffectSignal } from './checkIns.js';
export { checkInGuidance } from './guidance.js';
export type { CheckInGuidance, GuidanceCode, GuidanceLevel } from './guidance.js';
export { ALCOHOL_RE, alcoholSignal, otherPurposeSignal } from './otherPurpose.js';
export { taperFastSignal, withdrawalAfterStepSignal } from './taper.js';
export { postTaperSignal } from './postTaper.js';
export { adjustmentPeriodSignal, earlyRefillSignal, reviewDueSignal } from './care.js';
export { stockShortfallSignal } from './stock.js';
