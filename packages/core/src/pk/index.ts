/**
 * Relative-level pharmacokinetic model of diazepam and nordiazepam (REFERENCE §5).
 * Illustrative only: never a basis for a dose.
 */
export { expConvolution } from './expconv.js';
export {
  BIOAVAILABILITY,
  DEFAULT_PK_PARAMS,
  FM,
  KA,
  K_PARENT,
  KM_DMDZ,
  KM_POST_DMDZ,
  LAG_HOURS,
  halfLifeHours,
  rateFromHalfLife,
} from './params.js';
export type { PkParams } from './params.js';
export { WHAT_IFS, applyWhatIfs, hepaticLabelWhatIf, olderAgeLabelRuleWhatIf } from './whatif.js';
export type { HalfLifeComparison, WhatIf, WhatIfId } from './whatif.js';
export { PK_CAVEATS } from './caveats.js';
export type { PkCaveat } from './caveats.js';
export { COMBINED_NOTE, DEFAULT_COMBINED_WEIGHTS, NORMALISATION } from './model.js';
export type { CombinedWeights, ModelMeta, PkOptions } from './model.js';
export { PK_MAX_POINTS, bodyAmounts, dosesFromEvents, relativeLevels } from './levels.js';
export type {
  AmountPoint,
  DoseInput,
  LevelPoint,
  LevelsMeta,
  ReferenceRegimen,
  RelativeLevels,
  RelativeLevelsInput,
  TimeGrid,
} from './levels.js';
export { singleDoseAmounts, singleDosePeakHours } from './single.js';
export type { PeakTimes, SingleDoseAmounts } from './single.js';
export {
  accumulationFraction,
  steadyStateProfile,
  timeToSteadyState,
  washoutTime,
} from './steady.js';
export type {
  AnalyteDurations,
  AnalyteFractions,
  PkDuration,
  ProfilePoint,
  LevelRange,
  SteadyStateProfile,
} from './steady.js';
export { dailyMeanLevels, summariseByDay } from './daily.js';
export type { DailyLevel, DailyLevelsInput, DailySummary } from './daily.js';
