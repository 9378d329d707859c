/** Comparing check-in ratings: which side-effect rating or fall report is the stronger. */
import type { FallReport, Severity4 } from './types.js';

/** Side-effect ratings in order, none = 0 to severe = 3. */
export const SEVERITY_RANK: Readonly<Record<Severity4, number>> = {
  none: 0,
  mild: 1,
  moderate: 2,
  severe: 3,
};

const FALL_RANK: Readonly<Record<FallReport, number>> = { none: 0, near_fall: 1, fall: 2 };

/** The stronger of two side-effect ratings. */
export const strongerSeverity = (a: Severity4, b: Severity4): Severity4 =>
  SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;

/** The more serious of two fall reports (a fall over a near fall over none). */
export const strongerFall = (a: FallReport, b: FallReport): FallReport =>
  FALL_RANK[b] > FALL_RANK[a] ? b : a;
