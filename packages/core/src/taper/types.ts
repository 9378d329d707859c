/**
 * Shapes of the taper planner. A plan is a proposal for a prescriber to review and sign:
 * Steady never decides a dose. Plans are immutable; every operation returns a new version.
 */
import type { SourceRef } from '../sources.js';
import type { DispensingSettings } from '../clinical/dispensingSettings.js';
import type { TabletFormulationId } from '../clinical/product.js';
import type { FormulationId, LocalDate, LocalTime, ScheduledDose } from '../regimen/types.js';

/** Tablet strengths, as in the clinical product profile. */
export type TaperTabletId = TabletFormulationId;

/** How much to reduce at each step: a share of the CURRENT daily dose, or fixed milligrams. */
export type TaperReductionMethod =
  | { readonly kind: 'percent'; readonly percent: number }
  | { readonly kind: 'fixed'; readonly mg: number };

export type TaperGoal =
  { readonly kind: 'stop' } | { readonly kind: 'maintenance'; readonly dailyMg: number };

/**
 * How a daily reduction is spread over the dose times.
 * - `largest-first` (default): each notch comes off the largest dose; among equal doses the
 *   earliest is reduced first, so the last dose of the day (often bedtime) is kept longest.
 * - `last-dose-longest`: earlier doses are reduced (largest first) until they are stopped; the
 *   last dose of the day is reduced only after that.
 */
export type TaperDistributionRule = 'largest-first' | 'last-dose-longest';

/** A prescriber's explicit permission for faster steps than the guideline's 25 % per 2 weeks. */
export interface TaperOverride {
  /** Largest reduction within any 14 days, in percent of the highest dose of those 14 days. */
  readonly maxReductionPer14Days: number;
  readonly reason: string;
}

export interface TaperInputs {
  /** Current doses over the day; the daily total is their sum. */
  readonly doses: readonly ScheduledDose[];
  /** What the pharmacy can dispense for this patient (2, 5, 10 mg tablets, 1 mg/mL solution). */
  readonly formulations: readonly FormulationId[];
  /**
   * Tablet splitting and oral-syringe resolution, from the clinical module
   * (`dispensingSettings(...)`); defaults to DEFAULT_DISPENSING_SETTINGS (unconfirmed).
   */
  readonly dispensing?: DispensingSettings;
  /** Defaults to 10 % of the current dose (guideline 5–10 %). */
  readonly method?: TaperReductionMethod;
  /** Days between steps; defaults to 14 (guideline 2–4 weeks). */
  readonly intervalDays?: number;
  /** Defaults to stop. */
  readonly goal?: TaperGoal;
  /** First day of the first reduced step. */
  readonly startDate: LocalDate;
  /** Allow moving to the oral solution when tablets cannot make the next step as asked. */
  readonly switchToLiquid?: boolean;
  readonly override?: TaperOverride | null;
  readonly distribution?: TaperDistributionRule;
  /** Guard against endless plans; defaults to 300 steps. */
  readonly maxSteps?: number;
  /** Why the plan was drafted (history); defaults to "Initial plan". */
  readonly reason?: string;
}

/** `TaperInputs` with every default filled in, as stored on the plan. */
export interface ResolvedTaperInputs {
  readonly doses: readonly ScheduledDose[];
  readonly formulations: readonly FormulationId[];
  /** The dispensing settings the plan assumed, so the UI can show them as unconfirmed. */
  readonly dispensing: DispensingSettings;
  readonly method: TaperReductionMethod;
  readonly intervalDays: number;
  readonly goal: TaperGoal;
  readonly startDate: LocalDate;
  readonly switchToLiquid: boolean;
  readonly override: TaperOverride | null;
  readonly distribution: TaperDistributionRule;
  readonly maxSteps: number;
}

/** Pieces for one dose: whole tablets per strength, half-tablet pieces per strength, millilitres. */
export interface TaperDispense {
  readonly tab10: number;
  readonly tab5: number;
  readonly tab2: number;
  readonly halfTab10: number;
  readonly halfTab5: number;
  readonly halfTab2: number;
  readonly ml: number;
}

/** What the pharmacy supplies for one interval of a step. */
export interface TaperIntervalDispense {
  readonly days: number;
  /** Pieces taken over the interval (whole tablets and half pieces), and total mL. */
  readonly pieces: TaperDispense;
  /** Tablets to supply per strength: whole tablets plus the tablets split into halves. */
  readonly tabletsToSupply: Readonly<Record<TaperTabletId, number>>;
}

export interface TaperDose {
  readonly time: LocalTime;
  readonly amountMg: number;
  readonly dispense: TaperDispense;
}

export type TaperFormulationKind = 'tablets' | 'solution';

export interface TaperStep {
  readonly index: number;
  /** `stepBack` is the only kind whose dose may be higher than the step before. */
  readonly kind: 'reduction' | 'stepBack';
  readonly startDate: LocalDate;
  /** Last day (inclusive); null when open-ended (final goal, pause, maintenance). */
  readonly endDate: LocalDate | null;
  readonly dailyTotalMg: number;
  /** Doses with an amount above 0, in time order. */
  readonly doses: readonly TaperDose[];
  /** Percent of the previous daily total (negative after a step back). */
  readonly reductionFromPreviousPct: number;
  /** Percent below the highest daily total of the 14 days before this step. */
  readonly reductionWithin14DaysPct: number;
  readonly perIntervalDispense: TaperIntervalDispense;
  /** null when the dose is 0. */
  readonly formulationUsed: TaperFormulationKind | null;
}

export const TAPER_WARNING_CODES = [
  'TAPER_STEP_ABOVE_GUIDELINE',
  'TAPER_OVERRIDE_APPLIED',
  'TAPER_REDUCTION_CAPPED',
  'TAPER_STEP_ABOVE_DEFAULT_PACE',
  'TAPER_ROUNDED_UP',
  'TAPER_ROUNDED_TO_ZERO',
  'TAPER_FINAL_STEP_NOT_DISPENSABLE',
  'TAPER_FINAL_STEP_FROM_LOWEST_DOSE',
  'TAPER_SWITCHED_TO_LIQUID',
  'TAPER_DOSES_CONSOLIDATED',
  'TAPER_STEP_DELAYED',
  'TAPER_GOAL_NOT_DISPENSABLE',
  'TAPER_MAX_STEPS_REACHED',
  'TAPER_INTERVAL_SHORT',
  'TAPER_HALVES_ASSUMED',
] as const;
export type TaperWarningCode = (typeof TAPER_WARNING_CODES)[number];

export interface TaperWarning {
  readonly code: TaperWarningCode;
  /** Step the warning is about; null for the whole plan. */
  readonly stepIndex: number | null;
  readonly severity: 'info' | 'warning';
  /** Clinician-facing. */
  readonly message: string;
  readonly sources: readonly SourceRef[];
}

export type TaperAction =
  'created' | 'hold' | 'resume' | 'slowDown' | 'stepBack' | 'endAtMaintenance';

export interface TaperHistoryEntry {
  readonly version: number;
  readonly action: TaperAction;
  readonly reason: string;
  /** Local date the change applies from. */
  readonly at: LocalDate;
}

export type TaperStatus = 'active' | 'paused' | 'maintenance';

export interface TaperPlan {
  readonly version: number;
  readonly status: TaperStatus;
  /** The inputs in force now (operations such as slowDown update method and interval). */
  readonly inputs: ResolvedTaperInputs;
  readonly steps: readonly TaperStep[];
  /** First day of the goal dose; null while paused or when the goal is not reached. */
  readonly projectedEndDate: LocalDate | null;
  readonly warnings: readonly TaperWarning[];
  /** Every source the plan rests on (deduplicated). */
  readonly sources: readonly SourceRef[];
  readonly history: readonly TaperHistoryEntry[];
}
