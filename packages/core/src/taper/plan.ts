/**
 * `planTaper`: validate the inputs, fill in the guideline defaults, generate the steps.
 */
import { DEFAULT_DISPENSING_SETTINGS } from '../clinical/dispensingSettings.js';
import { isLocalDate, isLocalTime } from '../regimen/slots.js';
import { dispensers, toUg, validateFormulations } from './dispense.js';
import { assemble } from './assemble.js';
import { generate } from './engine.js';
import type { Context } from './engine.js';
import {
  TAPER_DEFAULT_INTERVAL_DAYS,
  TAPER_DEFAULT_MAX_STEPS,
  TAPER_DEFAULT_REDUCTION_PERCENT,
} from './guideline.js';
import type { TaperFormulationKind, ResolvedTaperInputs, TaperInputs, TaperPlan } from './types.js';

function fail(message: string): never {
  throw new RangeError(message);
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1)
    fail(`${what} must be a whole number >= 1, got ${value}`);
  return value;
}

export function requireReason(reason: string | undefined, what: string): string {
  const r = (reason ?? '').trim();
  if (r === '') fail(`${what} needs a reason`);
  return r;
}

export function requireDate(date: string, what: string): string {
  if (!isLocalDate(date)) fail(`${what} must be a date "YYYY-MM-DD", got ${JSON.stringify(date)}`);
  return date;
}

/** Check a reduction method; returns it unchanged. */
export function checkMethod(method: ResolvedTaperInputs['method']): ResolvedTaperInputs['method'] {
  if (method.kind === 'percent') {
    if (!Number.isFinite(method.percent) || method.percent <= 0 || method.percent >= 100) {
      fail(`percent must be > 0 and < 100, got ${method.percent}`);
    }
  } else if (toUg(method.mg, 'fixed reduction') === 0) {
    fail('fixed reduction must be > 0 mg');
  }
  return method;
}

/** Check the inputs and fill in the defaults; throws a RangeError on anything invalid. */
export function resolveInputs(input: TaperInputs): ResolvedTaperInputs {
  if (input.doses.length === 0) fail('at least one dose is needed');
  const times = input.doses.map((d) => d.time);
  if (!times.every(isLocalTime)) fail('dose times must be "HH:mm"');
  if (new Set(times).size !== times.length) fail('dose times must be distinct');
  if (input.doses.some((d) => toUg(d.amountMg, 'dose amount') === 0))
    fail('dose amounts must be > 0');
  const dispensing = input.dispensing ?? DEFAULT_DISPENSING_SETTINGS;
  validateFormulations(input.formulations, dispensing);
  const baselineMg = input.doses.reduce((s, d) => s + d.amountMg, 0);
  const goal = input.goal ?? { kind: 'stop' };
  if (
    goal.kind === 'maintenance' &&
    (toUg(goal.dailyMg, 'maintenance dose') === 0 || goal.dailyMg >= baselineMg)
  ) {
    fail(`maintenance dose must be > 0 and below the current ${baselineMg} mg/day`);
  }
  const override = input.override ?? null;
  if (override !== null) {
    requireReason(override.reason, 'an override');
    const max = override.maxReductionPer14Days;
    if (!Number.isFinite(max) || max <= 0 || max > 100)
      fail('override maxReductionPer14Days must be > 0 and <= 100');
  }
  return {
    doses: [...input.doses].sort((a, b) => a.time.localeCompare(b.time)),
    formulations: input.formulations,
    dispensing,
    method: checkMethod(
      input.method ?? { kind: 'percent', percent: TAPER_DEFAULT_REDUCTION_PERCENT.value },
    ),
    intervalDays: positiveInteger(
      input.intervalDays ?? TAPER_DEFAULT_INTERVAL_DAYS.value,
      'intervalDays',
    ),
    goal,
    startDate: requireDate(input.startDate, 'startDate'),
    switchToLiquid: input.switchToLiquid ?? false,
    override,
    distribution: input.distribution ?? 'largest-first',
    maxSteps: positiveInteger(input.maxSteps ?? TAPER_DEFAULT_MAX_STEPS.value, 'maxSteps'),
  };
}

/** Derive dispensers and the baseline allocation; throws when the current doses cannot be made. */
export function contextOf(inputs: ResolvedTaperInputs): Context {
  const baseline = inputs.doses.map((d) => toUg(d.amountMg));
  // Tables cover the whole daily amount: near the end doses may be gathered into one.
  const { tablets, solution } = dispensers(
    inputs.formulations,
    inputs.dispensing,
    baseline.reduce((s, x) => s + x, 0),
  );
  const makes = (kind: TaperFormulationKind): boolean => {
    const d = kind === 'tablets' ? tablets : solution;
    return d !== null && baseline.every((ug) => d.canMake(ug));
  };
  const baselineFormulation: TaperFormulationKind | null = makes('tablets')
    ? 'tablets'
    : makes('solution')
      ? 'solution'
      : null;
  if (baselineFormulation === null)
    fail('the current doses cannot be made with the chosen formulations');
  return {
    inputs,
    times: inputs.doses.map((d) => d.time),
    baseline,
    baselineFormulation,
    tablets,
    solution,
  };
}

/**
 * Propose a taper: one reduction every `intervalDays` from `startDate` until the goal, each
 * step dispensable with the chosen formulations. A proposal for the prescriber to sign.
 *
 * @example
 * const plan = planTaper({
 *   doses: [{ time: '08:00', amountMg: 10 }, { time: '20:00', amountMg: 10 }],
 *   formulations: DEFAULT_TAPER_FORMULATIONS,
 *   method: { kind: 'percent', percent: 10 },
 *   startDate: '2026-03-02',
 * });
 * plan.steps[0].dailyTotalMg; // 18 (08:00 9 mg = 5 + 2 + 2; 20:00 9 mg)
 * @throws RangeError on invalid inputs.
 */
export function planTaper(input: TaperInputs): TaperPlan {
  const inputs = resolveInputs(input);
  const ctx = contextOf(inputs);
  const start = {
    alloc: ctx.baseline,
    formulation: ctx.baselineFormulation,
    date: inputs.startDate,
  };
  const { drafts, warnings } = generate(ctx, [], start);
  if (drafts.length === 0) fail('no dispensable step leads towards the goal');
  const reason = input.reason?.trim() ?? '';
  return assemble(ctx, drafts, warnings, {
    version: 1,
    status: 'active',
    history: [
      {
        version: 1,
        action: 'created',
        reason: reason === '' ? 'Initial plan' : reason,
        at: inputs.startDate,
      },
    ],
  });
}
