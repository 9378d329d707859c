/**
 * Reading a plan by date.
 */
import type { LocalDate } from '../regimen/types.js';
import type { TaperPlan, TaperStep } from './types.js';

/**
 * The step in effect on `date`, or null before the plan starts.
 *
 * @example currentStep(plan, '2026-03-10')?.dailyTotalMg // 18
 */
export function currentStep(plan: TaperPlan, date: LocalDate): TaperStep | null {
  return (
    plan.steps.find((s) => s.startDate <= date && (s.endDate === null || date <= s.endDate)) ?? null
  );
}

/**
 * The first step that starts after `date`, or null when none is planned (final step, pause,
 * maintenance).
 *
 * @example nextStep(plan, '2026-03-10')?.startDate // '2026-03-16'
 */
export function nextStep(plan: TaperPlan, date: LocalDate): TaperStep | null {
  return plan.steps.find((s) => s.startDate > date) ?? null;
}
