/**
 * The step generator. From a starting allocation it proposes one reduction per interval until
 * the goal is reached, rounding every step to amounts the formulations can make:
 *
 * 1. target = the larger of: the asked amount (percent of the CURRENT daily dose, or fixed mg),
 *    the guideline floor (no more than 25 % — or the override — below the highest daily dose
 *    of the previous 14 days), and the goal.
 * 2. Round toward the smaller reduction: the dispensable allocation with the smallest total at
 *    or above the target, strictly below the current total.
 * 3. If the tablets cannot make that, and switching is allowed, the oral solution is tried.
 * 4. If nothing can, the smallest dispensable reduction is forced, with warnings; from the
 *    lowest dispensable dose that is the final step to 0.
 */
import { addDays } from '../regimen/slots.js';
import type { LocalDate, LocalTime } from '../regimen/types.js';
import { allocateTowards, consolidate, smallestReduction, total } from './allocate.js';
import type { Allocation } from './allocate.js';
import type { Dispenser } from './dispense.js';
import { toMg } from './dispense.js';
import { TAPER_GUIDELINE_MAX_REDUCTION_PER_14_DAYS, GUIDELINE_WINDOW_DAYS } from './guideline.js';
import { MESSAGES, warning } from './warnings.js';
import type { TaperFormulationKind, ResolvedTaperInputs, TaperWarning } from './types.js';

/** A step before its derived fields (dispense, percentages) are computed. */
export interface Draft {
  readonly kind: 'reduction' | 'stepBack';
  readonly startDate: LocalDate;
  readonly endDate: LocalDate | null;
  readonly alloc: Allocation;
  readonly formulation: TaperFormulationKind | null;
}

/** Everything derived once from the inputs. */
export interface Context {
  readonly inputs: ResolvedTaperInputs;
  readonly times: readonly LocalTime[];
  readonly baseline: Allocation;
  readonly baselineFormulation: TaperFormulationKind;
  readonly tablets: Dispenser | null;
  readonly solution: Dispenser | null;
}

export function goalUg(ctx: Context): number {
  const g = ctx.inputs.goal;
  return g.kind === 'stop' ? 0 : Math.round(g.dailyMg * 1000);
}

export function limitPct(ctx: Context): number {
  return (
    ctx.inputs.override?.maxReductionPer14Days ?? TAPER_GUIDELINE_MAX_REDUCTION_PER_14_DAYS.value
  );
}

/** Highest daily total in effect on any of the 14 days before `date` (the baseline before the plan). */
export function windowMax(ctx: Context, prior: readonly Draft[], date: LocalDate): number {
  const from = addDays(date, -GUIDELINE_WINDOW_DAYS);
  const to = addDays(date, -1);
  const first = prior[0];
  let max = first === undefined || first.startDate > from ? total(ctx.baseline) : 0;
  for (const d of prior) {
    if (d.startDate <= to && (d.endDate === null || d.endDate >= from))
      max = Math.max(max, total(d.alloc));
  }
  return max;
}

export function dispenserFor(ctx: Context, kind: TaperFormulationKind): Dispenser | null {
  return kind === 'tablets' ? ctx.tablets : ctx.solution;
}

function askedTarget(ctx: Context, current: number): number {
  const m = ctx.inputs.method;
  const raw = m.kind === 'percent' ? (current * (100 - m.percent)) / 100 : current - m.mg * 1000;
  return Math.max(0, Math.ceil(raw - 1e-6));
}

interface Choice {
  readonly alloc: number[];
  readonly formulation: TaperFormulationKind;
  readonly forced: boolean;
}

/**
 * In order: the asked step with the current formulation; with the solution (when switching
 * is allowed); the same with the day's amount gathered into one dose; else the smallest
 * dispensable reduction (forced).
 */
function choose(
  ctx: Context,
  prev: Allocation,
  form: TaperFormulationKind,
  target: number,
): Choice | null {
  const rule = ctx.inputs.distribution;
  const P = total(prev);
  const own = dispenserFor(ctx, form);
  const liquid = form === 'tablets' && ctx.inputs.switchToLiquid ? ctx.solution : null;
  const options: [Dispenser | null, TaperFormulationKind][] = [
    [own, form],
    [liquid, 'solution'],
  ];
  for (const walk of [allocateTowards, consolidate]) {
    for (const [d, formulation] of options) {
      const alloc = d === null ? null : walk(prev, P, target, d, rule);
      if (alloc !== null) return { alloc, formulation, forced: false };
    }
  }
  const a = own === null ? null : smallestReduction(prev, P, own, rule);
  const b = liquid === null ? null : smallestReduction(prev, P, liquid, rule);
  if (b !== null && (a === null || total(b) > total(a)))
    return { alloc: b, formulation: 'solution', forced: true };
  return a === null ? null : { alloc: a, formulation: form, forced: true };
}

export interface Generated {
  readonly drafts: readonly Draft[];
  /** Warnings raised while generating the new steps (and plan-level ones). */
  readonly warnings: readonly TaperWarning[];
}

interface Start {
  readonly alloc: Allocation;
  readonly formulation: TaperFormulationKind;
  readonly date: LocalDate;
}

/** Warnings about how a chosen step was rounded. */
function roundingWarnings(
  ctx: Context,
  index: number,
  prev: Allocation,
  choice: Choice,
  from: TaperFormulationKind,
  asked: number,
  aboveCeiling: boolean,
): TaperWarning[] {
  const P = total(prev);
  const Q = total(choice.alloc);
  const out: TaperWarning[] = [];
  if (choice.formulation !== from && Q > 0)
    out.push(warning('TAPER_SWITCHED_TO_LIQUID', index, MESSAGES.switched()));
  const gathered = choice.alloc.findIndex((x, i) => x > (prev[i] ?? 0));
  if (gathered >= 0) {
    out.push(
      warning('TAPER_DOSES_CONSOLIDATED', index, MESSAGES.consolidated(ctx.times[gathered] ?? '')),
    );
  }
  if (choice.forced && Q === 0) {
    out.push(
      from === 'solution'
        ? warning('TAPER_FINAL_STEP_FROM_LOWEST_DOSE', index, MESSAGES.finalFromLowest(toMg(P)))
        : warning('TAPER_FINAL_STEP_NOT_DISPENSABLE', index, MESSAGES.finalNotDispensable(toMg(P))),
    );
  } else if (choice.forced) {
    const severity = aboveCeiling ? 'warning' : 'info';
    out.push(
      warning('TAPER_ROUNDED_TO_ZERO', index, MESSAGES.roundedToZero(toMg(P), toMg(Q)), severity),
    );
    if (Q < asked) {
      out.push(
        warning(
          'TAPER_ROUNDED_UP',
          index,
          MESSAGES.roundedUp(toMg(P - asked), toMg(P - Q)),
          severity,
        ),
      );
    }
  }
  return out;
}

/**
 * Keep `kept` (its last step ends the day before the first new one) and append reductions
 * from `start`, one every `intervalDays`, until the goal or the step limit. A step whose
 * only dispensable reduction would exceed the ceiling because a higher dose is still within
 * the 14-day window is delayed by an interval instead. The last step is open-ended.
 */
export function generate(ctx: Context, kept: readonly Draft[], start: Start): Generated {
  const drafts: Draft[] = [...kept];
  const open = drafts.at(-1);
  if (open !== undefined) drafts[drafts.length - 1] = { ...open, endDate: null }; // until the next step
  const warnings: TaperWarning[] = [];
  const goal = goalUg(ctx);
  const limit = limitPct(ctx);
  let prev = start.alloc;
  let form = start.formulation;
  let date = start.date;
  let delayedBy = 0;
  while (total(prev) > goal) {
    if (drafts.length >= ctx.inputs.maxSteps) {
      warnings.push(
        warning('TAPER_MAX_STEPS_REACHED', null, MESSAGES.maxSteps(ctx.inputs.maxSteps)),
      );
      break;
    }
    const P = total(prev);
    const asked = askedTarget(ctx, P);
    const highest = windowMax(ctx, drafts, date);
    const cap = Math.ceil((highest * (100 - limit)) / 100 - 1e-6);
    const choice = choose(ctx, prev, form, Math.max(asked, cap, goal));
    if (choice === null || total(choice.alloc) < goal) {
      warnings.push(
        warning(
          'TAPER_GOAL_NOT_DISPENSABLE',
          null,
          MESSAGES.goalNotDispensable(toMg(goal), toMg(P)),
        ),
      );
      break;
    }
    const Q = total(choice.alloc);
    if (choice.forced && Q < cap && highest > P) {
      date = addDays(date, ctx.inputs.intervalDays);
      delayedBy += ctx.inputs.intervalDays;
      continue;
    }
    const index = drafts.length;
    if (delayedBy > 0) {
      warnings.push(warning('TAPER_STEP_DELAYED', index, MESSAGES.delayed(delayedBy)));
    }
    if (cap > Math.max(asked, goal)) {
      warnings.push(
        warning('TAPER_REDUCTION_CAPPED', index, MESSAGES.capped(((P - asked) / P) * 100, limit)),
      );
    }
    warnings.push(...roundingWarnings(ctx, index, prev, choice, form, asked, Q < cap));
    const last = drafts.at(-1);
    if (last !== undefined) drafts[index - 1] = { ...last, endDate: addDays(date, -1) };
    drafts.push({
      kind: 'reduction',
      startDate: date,
      endDate: null,
      alloc: choice.alloc,
      formulation: Q > 0 ? choice.formulation : null,
    });
    prev = choice.alloc;
    form = choice.formulation;
    date = addDays(date, ctx.inputs.intervalDays);
    delayedBy = 0;
  }
  const last = drafts.at(-1);
  if (last !== undefined) drafts[drafts.length - 1] = { ...last, endDate: null };
  return { drafts, warnings };
}
