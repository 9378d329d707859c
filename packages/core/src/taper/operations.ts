/**
 * Changes to a running plan. Each returns a NEW plan (version + 1) with a history entry
 * {version, action, reason, at}; the given plan is never modified. Steps before the change
 * are kept as they were; later steps are regenerated. Each change needs a non-empty reason.
 *
 * Pausing or slowing is the first response to withdrawal symptoms, and a lower dose that is
 * kept is an acceptable outcome (JCPG-2025 Rec 11, algorithm; ASAM-POCKET Table 10 note).
 */
import { addDays } from '../regimen/slots.js';
import type { LocalDate } from '../regimen/types.js';
import { total } from './allocate.js';
import { toUg } from './dispense.js';
import { assemble, DERIVED_CODES } from './assemble.js';
import { generate, goalUg } from './engine.js';
import type { Context, Draft } from './engine.js';
import { checkMethod, contextOf, requireDate, requireReason } from './plan.js';
import type {
  TaperReductionMethod,
  ResolvedTaperInputs,
  TaperAction,
  TaperPlan,
  TaperStatus,
  TaperWarning,
} from './types.js';

export interface TaperChange {
  /** Local date the change applies from. */
  readonly on: LocalDate;
  readonly reason: string;
}

export interface TaperPaceChange extends TaperChange {
  readonly intervalDays?: number;
  readonly method?: TaperReductionMethod;
}

function fail(message: string): never {
  throw new RangeError(message);
}

interface Loaded {
  readonly ctx: Context;
  readonly drafts: readonly Draft[];
  /** Index of the step in effect on the change date. */
  readonly k: number;
  readonly reason: string;
}

function load(
  plan: TaperPlan,
  change: TaperChange,
  action: TaperAction,
  inputs = plan.inputs,
): Loaded {
  const reason = requireReason(change.reason, action);
  const on = requireDate(change.on, 'on');
  const ctx = contextOf(inputs);
  const drafts = plan.steps.map((s) => ({
    kind: s.kind,
    startDate: s.startDate,
    endDate: s.endDate,
    alloc: ctx.times.map((t) => toUg(s.doses.find((d) => d.time === t)?.amountMg ?? 0)),
    formulation: s.formulationUsed,
  }));
  const k = drafts.findIndex((d) => d.startDate <= on && (d.endDate === null || on <= d.endDate));
  if (k < 0) fail(`no step of the plan is in effect on ${on}`);
  return { ctx, drafts, k, reason };
}

/** Generation warnings of the steps kept (indices below `keep`); derived ones are recomputed. */
function keptWarnings(plan: TaperPlan, keep: number): TaperWarning[] {
  return plan.warnings.filter(
    (w) => !DERIVED_CODES.has(w.code) && w.stepIndex !== null && w.stepIndex < keep,
  );
}

function finish(
  plan: TaperPlan,
  l: Loaded,
  action: TaperAction,
  on: LocalDate,
  drafts: readonly Draft[],
  warnings: readonly TaperWarning[],
  status: TaperStatus,
): TaperPlan {
  const version = plan.version + 1;
  return assemble(l.ctx, drafts, warnings, {
    version,
    status,
    history: [...plan.history, { version, action, reason: l.reason, at: on }],
  });
}

function regenerateFrom(
  l: Loaded,
  plan: TaperPlan,
  keep: number,
  date: LocalDate,
): ReturnType<typeof generate> {
  const from = l.drafts[keep - 1] as Draft;
  const start = {
    alloc: from.alloc,
    formulation: from.formulation ?? l.ctx.baselineFormulation,
    date,
  };
  const g = generate(l.ctx, l.drafts.slice(0, keep), start);
  return { drafts: g.drafts, warnings: [...keptWarnings(plan, keep), ...g.warnings] };
}

function atGoal(l: Loaded): boolean {
  return l.k === l.drafts.length - 1 && total((l.drafts[l.k] as Draft).alloc) <= goalUg(l.ctx);
}

/**
 * Pause: the step in effect on `on` continues until the plan is resumed; later steps are dropped.
 *
 * @example holdTaper(plan, { on: '2026-04-10', reason: 'Insomnia and anxiety since last step' })
 */
export function holdTaper(plan: TaperPlan, change: TaperChange): TaperPlan {
  if (plan.status !== 'active') fail(`cannot hold a plan that is ${plan.status}`);
  const l = load(plan, change, 'hold');
  if (atGoal(l)) fail('the plan has already reached its goal');
  const drafts = [...l.drafts.slice(0, l.k), { ...(l.drafts[l.k] as Draft), endDate: null }];
  return finish(plan, l, 'hold', change.on, drafts, keptWarnings(plan, l.k + 1), 'paused');
}

function pace(plan: TaperPlan, change: TaperPaceChange): ResolvedTaperInputs {
  return {
    ...plan.inputs,
    method: change.method === undefined ? plan.inputs.method : checkMethod(change.method),
    intervalDays: change.intervalDays ?? plan.inputs.intervalDays,
  };
}

function checkInterval(days: number | undefined): void {
  if (days !== undefined && (!Number.isInteger(days) || days < 1))
    fail('intervalDays must be a whole number >= 1');
}

/**
 * Resume a paused plan: the held step ends the day before `on`, reductions continue from its
 * dose, optionally at a new (typically slower) pace — "If paused, consider slower taper when
 * ready to resume" (algorithm).
 *
 * @example resumeTaper(held, { on: '2026-05-01', reason: 'Symptoms settled', method: { kind: 'percent', percent: 5 } })
 */
export function resumeTaper(plan: TaperPlan, change: TaperPaceChange): TaperPlan {
  if (plan.status !== 'paused') fail('only a paused plan can be resumed');
  checkInterval(change.intervalDays);
  const l = load(plan, change, 'resume', pace(plan, change));
  if (l.k !== l.drafts.length - 1 || (l.drafts[l.k] as Draft).startDate === change.on) {
    fail('resume must fall after the start of the held step');
  }
  const g = regenerateFrom(l, plan, l.k + 1, change.on);
  return finish(plan, l, 'resume', change.on, g.drafts, g.warnings, 'active');
}

function askedUg(method: TaperReductionMethod, currentUg: number): number {
  return method.kind === 'percent' ? (currentUg * method.percent) / 100 : toUg(method.mg);
}

/**
 * Slow down from the step in effect on `on`: a longer interval and/or a smaller reduction.
 * That step lasts the new interval; later steps are regenerated. Never speeds a plan up.
 *
 * @example slowDownTaper(plan, { on: '2026-04-10', reason: 'Muscle spasm worse', intervalDays: 28 })
 */
export function slowDownTaper(plan: TaperPlan, change: TaperPaceChange): TaperPlan {
  if (plan.status !== 'active')
    fail(`cannot slow down a plan that is ${plan.status}; resume it with a slower pace`);
  if (change.intervalDays === undefined && change.method === undefined)
    fail('slowDown needs intervalDays or method');
  checkInterval(change.intervalDays);
  const inputs = pace(plan, change);
  const l = load(plan, change, 'slowDown', inputs);
  if (atGoal(l)) fail('the plan has already reached its goal');
  const current = total((l.drafts[l.k] as Draft).alloc);
  if (inputs.intervalDays < plan.inputs.intervalDays) fail('slowDown cannot shorten the interval');
  if (askedUg(inputs.method, current) > askedUg(plan.inputs.method, current) + 1e-6) {
    fail('slowDown cannot ask for a larger reduction');
  }
  const step = l.drafts[l.k] as Draft;
  // The step lasts at least the new interval, and never ends earlier than already planned.
  const byInterval = addDays(step.startDate, inputs.intervalDays);
  const planned = step.endDate === null ? byInterval : addDays(step.endDate, 1);
  const g = regenerateFrom(l, plan, l.k + 1, planned > byInterval ? planned : byInterval);
  return finish(plan, l, 'slowDown', change.on, g.drafts, g.warnings, 'active');
}

/**
 * Step back to the last higher dose (or the dose before the plan) from `on`, and hold there:
 * the plan is paused until resumed, typically at a slower pace.
 *
 * @example stepBackTaper(plan, { on: '2026-04-12', reason: 'Withdrawal symptoms after step 3' })
 */
export function stepBackTaper(plan: TaperPlan, change: TaperChange): TaperPlan {
  const l = load(plan, change, 'stepBack');
  const current = total((l.drafts[l.k] as Draft).alloc);
  const earlier = l.drafts.slice(0, l.k).findLast((d) => total(d.alloc) > current);
  const back =
    earlier ??
    (total(l.ctx.baseline) > current
      ? { alloc: l.ctx.baseline, formulation: l.ctx.baselineFormulation }
      : fail('there is no higher previous dose to step back to'));
  const step = l.drafts[l.k] as Draft;
  const keep = step.startDate === change.on ? l.k : l.k + 1;
  const kept = l.drafts.slice(0, keep);
  const prior = kept.at(-1);
  if (prior !== undefined) kept[kept.length - 1] = { ...prior, endDate: addDays(change.on, -1) };
  const drafts: Draft[] = [
    ...kept,
    {
      kind: 'stepBack',
      startDate: change.on,
      endDate: null,
      alloc: back.alloc,
      formulation: back.formulation,
    },
  ];
  return finish(plan, l, 'stepBack', change.on, drafts, keptWarnings(plan, keep), 'paused');
}

/**
 * End the taper at the dose in effect on `on`, kept as maintenance: "Consider maintaining on
 * lower dose if further dose reductions are not tolerated" (algorithm).
 *
 * @example endTaperAtMaintenance(plan, { on: '2026-06-01', reason: 'Further reductions not tolerated' })
 */
export function endTaperAtMaintenance(plan: TaperPlan, change: TaperChange): TaperPlan {
  if (plan.status === 'maintenance') fail('the plan already ends at maintenance');
  const l = load(plan, change, 'endAtMaintenance');
  const step = l.drafts[l.k] as Draft;
  const dailyUg = total(step.alloc);
  if (dailyUg === 0) fail('a maintenance dose must be above 0 mg');
  const inputs: ResolvedTaperInputs = {
    ...plan.inputs,
    goal: { kind: 'maintenance', dailyMg: dailyUg / 1000 },
  };
  const drafts = [...l.drafts.slice(0, l.k), { ...step, endDate: null }];
  return finish(
    plan,
    { ...l, ctx: { ...l.ctx, inputs } },
    'endAtMaintenance',
    change.on,
    drafts,
    keptWarnings(plan, l.k + 1),
    'maintenance',
  );
}
