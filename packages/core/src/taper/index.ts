export type * from './types.js';
export { TAPER_WARNING_CODES } from './types.js';
export {
  TAPER_DEFAULT_INTERVAL_DAYS,
  TAPER_DEFAULT_MAX_STEPS,
  TAPER_DEFAULT_PACE_MAX_PERCENT,
  TAPER_DEFAULT_REDUCTION_PERCENT,
  DEFAULT_TAPER_FORMULATIONS,
  TAPER_GUIDELINE_MAX_REDUCTION_PER_14_DAYS,
} from './guideline.js';
export { planTaper } from './plan.js';
export {
  endTaperAtMaintenance,
  holdTaper,
  resumeTaper,
  slowDownTaper,
  stepBackTaper,
} from './operations.js';
export type { TaperChange, TaperPaceChange } from './operations.js';
export { currentStep, nextStep } from './query.js';
export { describeTaperDispense, explainTaperStep, TAPER_EXPLANATIONS } from './explain.js';
export type { TaperExplanation } from './explain.js';
export { taperWarningSources } from './warnings.js';
export {
  DEFAULT_TAPER_CHECK_IN_SETTINGS,
  TAPER_CHECK_IN_DAYS,
  TAPER_CHECK_IN_OPEN_DAYS,
  TAPER_FOLLOW_UP_INTERVAL_DAYS,
  TAPER_FOLLOW_UP_MONTHS,
  taperCheckInSchedule,
  taperCheckInStates,
  taperFollowUp,
  withdrawalByStep,
} from './checkins.js';
export type {
  TaperCheckInAnswer,
  TaperCheckInKind,
  TaperCheckInScoreInput,
  TaperCheckInSettings,
  TaperCheckInSlot,
  TaperCheckInState,
  TaperCheckInStatus,
  TaperFollowUp,
  TaperStepScores,
} from './checkins.js';
