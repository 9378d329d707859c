/**
 * The pharmacist's reading of a signed taper plan (issue 5 item 5), kept out of the components
 * so it can be tested: per interval and formulation what to supply (from each step's
 * `perIntervalDispense`), where the plan switches to the oral solution, the planner warnings a
 * pharmacist needs, and the dispensing settings the plan assumed (unconfirmed in the reference).
 */
import {
  currentStep,
  DISPENSED_SOLUTION_STEP_ML,
  nextStep,
  type FormulationId,
  type LocalDate,
  type SourceRef,
  type TaperDispense,
  type TaperPlan,
  type TaperStep,
  type TaperTabletId,
  type TaperWarning,
  type TaperWarningCode,
} from '@steady/core';

/**
 * Planner warnings about what can be dispensed and how it is taken; the others (pace, rounding
 * of the reduction) are the prescriber's.
 */
export const DISPENSE_WARNING_CODES: ReadonlySet<TaperWarningCode> = new Set<TaperWarningCode>([
  'TAPER_SWITCHED_TO_LIQUID',
  'TAPER_HALVES_ASSUMED',
  'TAPER_FINAL_STEP_NOT_DISPENSABLE',
  'TAPER_FINAL_STEP_FROM_LOWEST_DOSE',
  'TAPER_GOAL_NOT_DISPENSABLE',
  'TAPER_DOSES_CONSOLIDATED',
]);

const TABLETS: readonly { id: TaperTabletId; mg: 10 | 5 | 2; half: keyof TaperDispense }[] = [
  { id: 'tab10', mg: 10, half: 'halfTab10' },
  { id: 'tab5', mg: 5, half: 'halfTab5' },
  { id: 'tab2', mg: 2, half: 'halfTab2' },
];

/** One formulation to supply for an interval. */
export interface SupplyLine {
  readonly formulation: FormulationId;
  /** Tablets to supply (whole ones plus those to split), or mL of the 1 mg/mL solution. */
  readonly quantity: number;
  /** Tablets taken whole over the interval (0 for the solution). */
  readonly wholeTablets: number;
  /** Half pieces taken over the interval, and the tablets split to make them. */
  readonly halfPieces: number;
  readonly tabletsToSplit: number;
}

/** One piece of a single dose, in the order core's `describeTaperDispense` names them. */
export type DosePart =
  | { readonly kind: 'whole' | 'half'; readonly mg: 10 | 5 | 2; readonly count: number }
  | { readonly kind: 'solution'; readonly ml: number };

export interface DispenseInterval {
  readonly step: TaperStep;
  /** Days the supply covers: the step's length, or the plan's interval when open-ended. */
  readonly days: number;
  readonly lines: readonly SupplyLine[];
  /** Tablets cannot make this step: the plan moves to the oral solution here. */
  readonly switchesToLiquid: boolean;
  /** The dispensing warnings about this step, with their sources. */
  readonly warnings: readonly TaperWarning[];
}

export interface DispenseOverview {
  readonly current: DispenseInterval | null;
  readonly next: DispenseInterval | null;
  readonly all: readonly DispenseInterval[];
  /** Dispensing warnings about the whole plan (e.g. half tablets assumed). */
  readonly planWarnings: readonly TaperWarning[];
}

/** The pieces of one dose: whole and half tablets by strength (largest first), then mL. */
export function doseParts(d: TaperDispense): DosePart[] {
  const parts: DosePart[] = [];
  for (const { id, mg, half } of TABLETS) {
    if (d[id] > 0) parts.push({ kind: 'whole', mg, count: d[id] });
    if (d[half] > 0) parts.push({ kind: 'half', mg, count: d[half] });
  }
  if (d.ml > 0) parts.push({ kind: 'solution', ml: d.ml });
  return parts;
}

/** What to supply for a step's interval, by formulation (largest tablet first, then solution). */
export function supplyLines(step: TaperStep): SupplyLine[] {
  const { pieces, tabletsToSupply } = step.perIntervalDispense;
  const lines: SupplyLine[] = [];
  for (const { id, half } of TABLETS) {
    const quantity = tabletsToSupply[id];
    if (quantity <= 0) continue;
    const halfPieces = pieces[half];
    lines.push({
      formulation: id,
      quantity,
      wholeTablets: pieces[id],
      halfPieces,
      tabletsToSplit: Math.ceil(halfPieces / 2),
    });
  }
  if (pieces.ml > 0) {
    lines.push({
      formulation: 'sol1',
      quantity: pieces.ml,
      wholeTablets: 0,
      halfPieces: 0,
      tabletsToSplit: 0,
    });
  }
  return lines;
}

function intervalOf(plan: TaperPlan, step: TaperStep): DispenseInterval {
  const previous = step.index === 0 ? null : (plan.steps[step.index - 1] ?? null);
  const warnings = plan.warnings.filter(
    (w) => w.stepIndex === step.index && DISPENSE_WARNING_CODES.has(w.code),
  );
  const switched =
    warnings.some((w) => w.code === 'TAPER_SWITCHED_TO_LIQUID') ||
    (step.formulationUsed === 'solution' && previous?.formulationUsed === 'tablets');
  return {
    step,
    days: step.perIntervalDispense.days,
    lines: supplyLines(step),
    switchesToLiquid: switched,
    warnings,
  };
}

/**
 * The plan as a pharmacist reads it on `today` (the patient's local date): the current and
 * next intervals first, then every step.
 */
export function dispenseOverview(plan: TaperPlan, today: LocalDate): DispenseOverview {
  const all = plan.steps.map((s) => intervalOf(plan, s));
  const at = (s: TaperStep | null) => (s === null ? null : (all[s.index] ?? null));
  return {
    current: at(currentStep(plan, today)),
    next: at(nextStep(plan, today)),
    all,
    planWarnings: plan.warnings.filter(
      (w) => w.stepIndex === null && DISPENSE_WARNING_CODES.has(w.code),
    ),
  };
}

/** One dispensing setting the plan assumed, shown as the reference leaves it: unconfirmed. */
export type AssumedSetting =
  | {
      readonly kind: 'split';
      readonly formulation: TaperTabletId;
      readonly mg: number;
      readonly value: boolean;
      readonly confirmed: boolean;
      readonly note: string;
      readonly sources: readonly SourceRef[];
    }
  | {
      readonly kind: 'solutionStep';
      readonly value: number;
      readonly confirmed: boolean;
      readonly note: string;
      readonly sources: readonly SourceRef[];
    };

/** The splitting and oral-syringe settings behind the plan, for the formulations it uses. */
export function assumedSettings(plan: TaperPlan): AssumedSetting[] {
  const { formulations, dispensing } = plan.inputs;
  const out: AssumedSetting[] = [];
  for (const { id, mg } of TABLETS) {
    if (!formulations.includes(id)) continue;
    const p = dispensing.splittable[id];
    out.push({
      kind: 'split',
      formulation: id,
      mg,
      value: p.value,
      confirmed: p.confirmed,
      note: p.note ?? '',
      sources: p.sources,
    });
  }
  if (formulations.includes('sol1')) {
    const p = dispensing.solutionStepMl;
    out.push({
      kind: 'solutionStep',
      value: p.value,
      confirmed: p.confirmed,
      note: p.note ?? '',
      sources: p.sources,
    });
  }
  return out;
}

/**
 * The dispensing form's fields for one line of an interval: quantity as the pharmacy records
 * it (whole or half tablets; mL rounded up to the recordable step) and the days it covers.
 */
export function dispensingPrefill(
  interval: DispenseInterval,
  line: SupplyLine,
): { formulation: FormulationId; quantity: string; daysSupply: string } {
  const step = DISPENSED_SOLUTION_STEP_ML;
  const quantity =
    line.formulation === 'sol1'
      ? Math.round(Math.ceil(line.quantity / step - 1e-9) * step * 1000) / 1000
      : line.quantity;
  return {
    formulation: line.formulation,
    quantity: String(quantity),
    daysSupply: String(Math.min(365, Math.max(1, interval.days))),
  };
}
