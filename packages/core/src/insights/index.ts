export {
  INSIGHT_MINIMUM_DATA,
  CONFIDENCE_LEVEL,
  binaryAssociation,
  numericAssociation,
  type AssociationOptions,
  type AssociationResult,
  type BinaryAssociation,
  type BinaryAssociationResult,
  type DaySeries,
  type InsufficientData,
  type ConfidenceInterval,
  type MinimumData,
  type NoVariation,
  type NumericAssociation,
  type NumericAssociationOptions,
  type NumericAssociationResult,
} from './association.js';
export { ASSOCIATION_DISCLAIMER, describeAssociation, type AssociationLabels } from './wording.js';
export {
  dailyActivityDone,
  dailyCheckInSeries,
  dailyCheckInValues,
  dailyMeanDoseOffset,
  dailySideEffectSeverity,
  lateDoseDays,
  type CheckInSeries,
  type DailyAggregate,
} from './series.js';
export { normalQuantile, studentTCdf, studentTQuantile } from './distributions.js';
