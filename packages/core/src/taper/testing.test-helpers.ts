/**
 * Test helpers: fixtures and checks written independently of the planner's own arithmetic.
 */
import { addDays } from '../regimen/slots.js';
import type { FormulationId, LocalDate } from '../regimen/types.js';
import { DEFAULT_TAPER_FORMULATIONS } from './guideline.js';
import type { ResolvedTaperInputs, TaperDose, TaperInputs, TaperPlan, TaperStep } from './types.js';

export const TWICE_10: TaperInputs = {
  doses: [
    { time: '08:00', amountMg: 10 },
    { time: '20:00', amountMg: 10 },
  ],
  formulations: DEFAULT_TAPER_FORMULATIONS,
  method: { kind: 'percent', percent: 10 },
  startDate: '2026-03-02',
};

export const WITH_SOLUTION: readonly FormulationId[] = [...DEFAULT_TAPER_FORMULATIONS, 'sol1'];

const STRENGTH = { tab10: 10, tab5: 5, tab2: 2 } as const;

/** The pieces of one dose add up to its amount, using only what the formulations and settings allow. */
export function doseIsDispensable(
  dose: TaperDose,
  step: TaperStep,
  inputs: Pick<ResolvedTaperInputs, 'formulations' | 'dispensing'>,
): boolean {
  const d = dose.dispense;
  const ug = Math.round(dose.amountMg * 1000);
  const noTablets = d.tab10 + d.tab5 + d.tab2 + d.halfTab10 + d.halfTab5 + d.halfTab2 === 0;
  if (step.formulationUsed === 'solution') {
    if (!inputs.formulations.includes('sol1')) return false;
    const steps = d.ml / inputs.dispensing.solutionStepMl.value;
    return (
      noTablets &&
      Math.abs(steps - Math.round(steps)) < 1e-6 &&
      steps >= 1 - 1e-9 &&
      Math.round(d.ml * 1000) === ug // 1 mg/mL
    );
  }
  let sum = 0;
  for (const id of ['tab10', 'tab5', 'tab2'] as const) {
    const half = id === 'tab10' ? d.halfTab10 : id === 'tab5' ? d.halfTab5 : d.halfTab2;
    if ((d[id] > 0 || half > 0) && !inputs.formulations.includes(id)) return false;
    if (half > 1 || (half > 0 && !inputs.dispensing.splittable[id].value)) return false;
    sum += d[id] * STRENGTH[id] * 1000 + (half * STRENGTH[id] * 1000) / 2;
  }
  return d.ml === 0 && sum === ug;
}

/** Daily total in effect on a date, read from the plan (baseline before the first step). */
export function dailyTotalOn(plan: TaperPlan, date: LocalDate): number {
  const s = plan.steps.find(
    (x) => x.startDate <= date && (x.endDate === null || date <= x.endDate),
  );
  if (s !== undefined) return Math.round(s.dailyTotalMg * 1000);
  return plan.inputs.doses.reduce((sum, d) => sum + Math.round(d.amountMg * 1000), 0);
}

/** Percent below the highest daily total of the 14 days before the step, day by day. */
export function reductionWithin14Days(plan: TaperPlan, step: TaperStep): number {
  let highest = 0;
  for (let i = 1; i <= 14; i++)
    highest = Math.max(highest, dailyTotalOn(plan, addDays(step.startDate, -i)));
  return highest === 0 ? 0 : ((highest - Math.round(step.dailyTotalMg * 1000)) / highest) * 100;
}

export function codesOf(plan: TaperPlan, stepIndex: number | null): string[] {
  return plan.warnings.filter((w) => w.stepIndex === stepIndex).map((w) => w.code);
}
