/**
 * Clinician-facing warnings of the planner: stable codes, a plain message, and the sources.
 * Messages describe what the plan does; they never tell the patient to change a dose.
 */
import type { SourceRef } from '../sources.js';
import { SRC } from './guideline.js';
import type { TaperWarning, TaperWarningCode } from './types.js';

const SEVERITY: Readonly<Record<TaperWarningCode, TaperWarning['severity']>> = {
  TAPER_STEP_ABOVE_GUIDELINE: 'warning',
  TAPER_OVERRIDE_APPLIED: 'info',
  TAPER_REDUCTION_CAPPED: 'info',
  TAPER_STEP_ABOVE_DEFAULT_PACE: 'info',
  TAPER_ROUNDED_UP: 'warning',
  TAPER_ROUNDED_TO_ZERO: 'warning',
  TAPER_FINAL_STEP_NOT_DISPENSABLE: 'warning',
  TAPER_FINAL_STEP_FROM_LOWEST_DOSE: 'info',
  TAPER_SWITCHED_TO_LIQUID: 'info',
  TAPER_DOSES_CONSOLIDATED: 'info',
  TAPER_STEP_DELAYED: 'info',
  TAPER_GOAL_NOT_DISPENSABLE: 'warning',
  TAPER_MAX_STEPS_REACHED: 'warning',
  TAPER_INTERVAL_SHORT: 'info',
  TAPER_HALVES_ASSUMED: 'info',
};

const CODE_SOURCES: Readonly<Record<TaperWarningCode, readonly SourceRef[]>> = {
  TAPER_STEP_ABOVE_GUIDELINE: [SRC.rec6, SRC.algorithm],
  TAPER_OVERRIDE_APPLIED: [SRC.rec6, SRC.rec8],
  TAPER_REDUCTION_CAPPED: [SRC.rec6, SRC.algorithm],
  TAPER_STEP_ABOVE_DEFAULT_PACE: [SRC.rec6, SRC.takeaway5],
  TAPER_ROUNDED_UP: [SRC.rec6],
  TAPER_ROUNDED_TO_ZERO: [SRC.rec6, SRC.tabletStrengths],
  TAPER_FINAL_STEP_NOT_DISPENSABLE: [SRC.rec6, SRC.lowestDose, SRC.tabletStrengths, SRC.solution],
  TAPER_FINAL_STEP_FROM_LOWEST_DOSE: [SRC.lowestDose, SRC.rec6],
  TAPER_SWITCHED_TO_LIQUID: [SRC.solution, SRC.rec6],
  TAPER_DOSES_CONSOLIDATED: [SRC.rec6, SRC.rec8],
  TAPER_STEP_DELAYED: [SRC.rec6, SRC.algorithm],
  TAPER_GOAL_NOT_DISPENSABLE: [SRC.maintain, SRC.tabletStrengths],
  TAPER_MAX_STEPS_REACHED: [SRC.rec8, SRC.patientMonths],
  TAPER_INTERVAL_SHORT: [SRC.takeaway5, SRC.algorithm],
  TAPER_HALVES_ASSUMED: [SRC.splitScore, SRC.splitUnconfirmed],
};

/** Every source a warning code may cite. */
export function taperWarningSources(code: TaperWarningCode): readonly SourceRef[] {
  return CODE_SOURCES[code];
}

/** A warning with the code's sources; `severity` overrides the code's default (rounding within the ceiling is info). */
export function warning(
  code: TaperWarningCode,
  stepIndex: number | null,
  message: string,
  severity: TaperWarning['severity'] = SEVERITY[code],
): TaperWarning {
  return { code, stepIndex, severity, message, sources: CODE_SOURCES[code] };
}

export const fmtMg = (mg: number): string => `${String(Math.round(mg * 1000) / 1000)} mg`;
export const fmtPct = (pct: number): string => `${String(Math.round(pct * 10) / 10)} %`;

/** Message texts, kept together so that wording is reviewed in one place. */
export const MESSAGES = {
  aboveGuideline: (pct: number, limit: number): string =>
    `This step lowers the daily dose by ${fmtPct(pct)} within 14 days, above the guideline's ${fmtPct(limit)} every 2 weeks. ` +
    'Review before signing; a faster pace needs an override with a reason.',
  overrideApplied: (pct: number, limit: number, reason: string): string =>
    `This step lowers the daily dose by ${fmtPct(pct)} within 14 days, above the guideline's 25 % every 2 weeks, ` +
    `under the prescriber's override (up to ${fmtPct(limit)}): "${reason}".`,
  capped: (askedPct: number, limit: number): string =>
    `The requested reduction (${fmtPct(askedPct)}) was capped so that no more than ${fmtPct(limit)} is removed within 14 days.`,
  aboveDefaultPace: (pct: number): string =>
    `This step is ${fmtPct(pct)} of the previous daily dose, above the guideline's usual 5–10 % per step.`,
  roundedUp: (askedMg: number, actualMg: number): string =>
    `Rounding made this step larger than asked: ${fmtMg(actualMg)} instead of ${fmtMg(askedMg)} less per day, ` +
    'because smaller amounts cannot be dispensed with the chosen formulations.',
  roundedToZero: (fromMg: number, toMg: number): string =>
    `Rounding to a dispensable amount would have left this step with no reduction; the smallest dispensable ` +
    `reduction is used instead (${fmtMg(fromMg)} to ${fmtMg(toMg)} per day).`,
  finalNotDispensable: (fromMg: number): string =>
    `The final step stops ${fmtMg(fromMg)} per day at once: smaller amounts cannot be dispensed with the chosen ` +
    'formulations. The oral solution (1 mg/mL) allows smaller final steps.',
  finalFromLowest: (fromMg: number): string =>
    `The final step stops ${fmtMg(fromMg)} per day, the lowest amount that can be measured with the oral solution.`,
  consolidated: (time: string): string =>
    `From this step the whole daily amount is taken at ${time}: the doses spread over the day are too small to ` +
    'reduce as asked. Review the dose times before signing.',
  delayed: (days: number): string =>
    `This step starts ${String(days)} days later than the interval would put it, so that no more than the ceiling ` +
    'is removed within 14 days.',
  switched: (): string =>
    'From this step the plan uses the 1 mg/mL oral solution: tablets cannot make the step as asked.',
  goalNotDispensable: (goalMg: number, endMg: number): string =>
    `The maintenance dose of ${fmtMg(goalMg)} per day cannot be dispensed with the chosen formulations and dose times; ` +
    `the plan ends at ${fmtMg(endMg)} per day.`,
  maxSteps: (max: number): string =>
    `The plan stopped at ${String(max)} steps without reaching its goal; review the reduction and formulations.`,
  intervalShort: (days: number): string =>
    `Steps every ${String(days)} days are more frequent than the guideline's every 2–4 weeks; the 25 % ceiling is ` +
    'checked over every 14 days.',
  halves: (): string =>
    'The plan uses half tablets. Splitting guidance is unconfirmed: check with the pharmacist that the dispensed ' +
    'product can be split.',
} as const;
