/** Run every rule over one patient's data. */
import { compareSignals } from './build.js';
import { adjustmentPeriodSignal, earlyRefillSignal, reviewDueSignal } from './care.js';
import { fallSignal, sideEffectSignal } from './checkIns.js';
import { coMedicationSignals } from './comedication.js';
import { sdsSignal, withdrawalRiskSignal } from './dependence.js';
import { doseCreepSignal, doseEscalationSignal, earlyDoseSignal } from './dose.js';
import { interdoseWithdrawalSignal, missedDoseSignal } from './missed.js';
import { alcoholSignal, otherPurposeSignal } from './otherPurpose.js';
import { postTaperSignal } from './postTaper.js';
import { conditionSignals } from './profile.js';
import { redFlagSignals } from './redFlags.js';
import { stockShortfallSignal } from './stock.js';
import { taperFastSignal, withdrawalAfterStepSignal } from './taper.js';
import { toleranceSignal } from './tolerance.js';
import type { Signal, SignalInput, SignalRule } from './types.js';

/** Every rule `computeSignals` runs, red flags first. */
export const SIGNAL_RULES: readonly SignalRule[] = [
  redFlagSignals,
  fallSignal,
  sideEffectSignal,
  coMedicationSignals,
  alcoholSignal,
  conditionSignals,
  doseEscalationSignal,
  doseCreepSignal,
  earlyDoseSignal,
  missedDoseSignal,
  interdoseWithdrawalSignal,
  toleranceSignal,
  withdrawalRiskSignal,
  sdsSignal,
  otherPurposeSignal,
  adjustmentPeriodSignal,
  taperFastSignal,
  withdrawalAfterStepSignal,
  postTaperSignal,
  reviewDueSignal,
  earlyRefillSignal,
  stockShortfallSignal,
];

/**
 * All signals for one patient, most severe first (urgent, warning, caution, info), then by id.
 * Pure: the same input gives the same output; `now` is the only notion of time.
 *
 * @example
 * computeSignals({ now: '2026-03-08T12:00:00Z', timeZone: 'Europe/Berlin', profile, regimenVersions,
 *   doses, checkIns, questionnaires: [], otherMedications: [], dispensing: [] })
 * // → [{ id: 'SIG-RED-FLAG/breathing', severity: 'urgent', audience: 'both', … }, …]
 * @throws RangeError for an invalid `now`, time zone or setting.
 */
export function computeSignals(input: SignalInput): Signal[] {
  return SIGNAL_RULES.flatMap((rule) => rule(input)).sort(compareSignals);
}
