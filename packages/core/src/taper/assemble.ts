/**
 * Turning drafts into plan steps: doses with their pieces, percentages, per-interval supply,
 * and the warnings that follow from the finished steps (guideline ceiling, override, pace,
 * half tablets, short interval).
 */
import { daysBetween } from '../regimen/slots.js';
import type { SourceRef } from '../sources.js';
import { total } from './allocate.js';
import { EMPTY_DISPENSE, toMg } from './dispense.js';
import { dispenserFor, limitPct, windowMax } from './engine.js';
import type { Context, Draft } from './engine.js';
import {
  TAPER_DEFAULT_PACE_MAX_PERCENT,
  TAPER_GUIDELINE_MAX_REDUCTION_PER_14_DAYS,
  SRC,
} from './guideline.js';
import { MESSAGES, warning } from './warnings.js';
import type {
  TaperDispense,
  TaperIntervalDispense,
  TaperDose,
  TaperHistoryEntry,
  TaperPlan,
  TaperStatus,
  TaperStep,
  TaperWarning,
  TaperWarningCode,
} from './types.js';

const EPS = 1e-9;
const round2 = (x: number): number => Math.round(x * 100) / 100;
const pct = (from: number, to: number): number => (from > 0 ? ((from - to) / from) * 100 : 0);

/** Codes computed from the finished steps; all others come from generation and are kept with their step. */
export const DERIVED_CODES: ReadonlySet<TaperWarningCode> = new Set([
  'TAPER_STEP_ABOVE_GUIDELINE',
  'TAPER_OVERRIDE_APPLIED',
  'TAPER_STEP_ABOVE_DEFAULT_PACE',
  'TAPER_INTERVAL_SHORT',
  'TAPER_HALVES_ASSUMED',
]);

const FINAL_CODES: ReadonlySet<TaperWarningCode> = new Set([
  'TAPER_FINAL_STEP_NOT_DISPENSABLE',
  'TAPER_FINAL_STEP_FROM_LOWEST_DOSE',
]);

const ROUNDED: ReadonlySet<TaperWarningCode> = new Set(['TAPER_ROUNDED_UP']);

function intervalDispense(doses: readonly TaperDose[], days: number): TaperIntervalDispense {
  const sum = (k: keyof TaperDispense): number =>
    doses.reduce((s, d) => s + d.dispense[k], 0) * days;
  const pieces: TaperDispense = {
    tab10: sum('tab10'),
    tab5: sum('tab5'),
    tab2: sum('tab2'),
    halfTab10: sum('halfTab10'),
    halfTab5: sum('halfTab5'),
    halfTab2: sum('halfTab2'),
    ml: Math.round(sum('ml') * 1000) / 1000,
  };
  return {
    days,
    pieces,
    tabletsToSupply: {
      tab10: pieces.tab10 + Math.ceil(pieces.halfTab10 / 2),
      tab5: pieces.tab5 + Math.ceil(pieces.halfTab5 / 2),
      tab2: pieces.tab2 + Math.ceil(pieces.halfTab2 / 2),
    },
  };
}

function toStep(ctx: Context, drafts: readonly Draft[], i: number): TaperStep {
  const d = drafts[i] as Draft;
  const dispenser = d.formulation === null ? null : dispenserFor(ctx, d.formulation);
  const doses: TaperDose[] = [];
  d.alloc.forEach((ug, j) => {
    if (ug <= 0) return;
    doses.push({
      time: ctx.times[j] ?? '',
      amountMg: toMg(ug),
      dispense: dispenser === null ? EMPTY_DISPENSE : dispenser.dispense(ug),
    });
  });
  const previous = i === 0 ? ctx.baseline : (drafts[i - 1] as Draft).alloc;
  const days =
    d.endDate === null ? ctx.inputs.intervalDays : daysBetween(d.startDate, d.endDate) + 1;
  return {
    index: i,
    kind: d.kind,
    startDate: d.startDate,
    endDate: d.endDate,
    dailyTotalMg: toMg(total(d.alloc)),
    doses,
    reductionFromPreviousPct: round2(pct(total(previous), total(d.alloc))),
    reductionWithin14DaysPct: round2(
      pct(windowMax(ctx, drafts.slice(0, i), d.startDate), total(d.alloc)),
    ),
    perIntervalDispense: intervalDispense(doses, days),
    formulationUsed: d.formulation,
  };
}

function derivedWarnings(
  ctx: Context,
  drafts: readonly Draft[],
  steps: readonly TaperStep[],
  generated: readonly TaperWarning[],
): TaperWarning[] {
  const out: TaperWarning[] = [];
  const has = (i: number, codes: ReadonlySet<TaperWarningCode>): boolean =>
    generated.some((w) => w.stepIndex === i && codes.has(w.code));
  const guideline = TAPER_GUIDELINE_MAX_REDUCTION_PER_14_DAYS.value;
  const override = ctx.inputs.override;
  for (const s of steps) {
    if (s.kind !== 'reduction' || has(s.index, FINAL_CODES)) continue;
    const prior = drafts.slice(0, s.index);
    const now = total((drafts[s.index] as Draft).alloc);
    const exact = pct(windowMax(ctx, prior, s.startDate), now);
    const stepPct = pct(total(prior.at(-1)?.alloc ?? ctx.baseline), now);
    const above = exact > guideline + EPS;
    if (above && override !== null && exact <= limitPct(ctx) + EPS) {
      out.push(
        warning(
          'TAPER_OVERRIDE_APPLIED',
          s.index,
          MESSAGES.overrideApplied(exact, override.maxReductionPer14Days, override.reason),
        ),
      );
    } else if (above) {
      out.push(
        warning('TAPER_STEP_ABOVE_GUIDELINE', s.index, MESSAGES.aboveGuideline(exact, guideline)),
      );
    } else if (stepPct > TAPER_DEFAULT_PACE_MAX_PERCENT.value + EPS && !has(s.index, ROUNDED)) {
      out.push(
        warning('TAPER_STEP_ABOVE_DEFAULT_PACE', s.index, MESSAGES.aboveDefaultPace(stepPct)),
      );
    }
  }
  if (ctx.inputs.intervalDays < 14) {
    out.push(
      warning('TAPER_INTERVAL_SHORT', null, MESSAGES.intervalShort(ctx.inputs.intervalDays)),
    );
  }
  const halves = steps.some((s) =>
    s.doses.some((d) => d.dispense.halfTab10 + d.dispense.halfTab5 + d.dispense.halfTab2 > 0),
  );
  if (halves) out.push(warning('TAPER_HALVES_ASSUMED', null, MESSAGES.halves()));
  return out;
}

function dedupe(refs: readonly SourceRef[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const r of refs) seen.set(`${r.id}|${r.status}|${r.locator ?? ''}`, r);
  return [...seen.values()];
}

const BASE_SOURCES: readonly SourceRef[] = [
  SRC.rec6,
  SRC.takeaway5,
  SRC.algorithm,
  SRC.rec2,
  SRC.rec9,
];

/** Build the plan: steps, warnings in step order (plan-level last), sources, projected end. */
export function assemble(
  ctx: Context,
  drafts: readonly Draft[],
  generated: readonly TaperWarning[],
  meta: {
    readonly version: number;
    readonly status: TaperStatus;
    readonly history: readonly TaperHistoryEntry[];
  },
): TaperPlan {
  const steps = drafts.map((_, i) => toStep(ctx, drafts, i));
  const order = (w: TaperWarning): number => w.stepIndex ?? Number.MAX_SAFE_INTEGER;
  const warnings = [...generated, ...derivedWarnings(ctx, drafts, steps, generated)]
    .map((w, n) => ({ w, n }))
    .sort((a, b) => order(a.w) - order(b.w) || a.n - b.n)
    .map(({ w }) => w);
  const last = steps.at(-1);
  const incomplete = generated.some((w) => w.code === 'TAPER_MAX_STEPS_REACHED');
  const projectedEndDate =
    last !== undefined && meta.status !== 'paused' && !incomplete ? last.startDate : null;
  const goalSources =
    ctx.inputs.goal.kind === 'maintenance' || meta.status === 'maintenance' ? [SRC.maintain] : [];
  const pauseSources = meta.history.length > 1 ? [SRC.rec11, SRC.pauseSlow, SRC.rec8] : [];
  return {
    version: meta.version,
    status: meta.status,
    inputs: ctx.inputs,
    steps,
    projectedEndDate,
    warnings,
    sources: dedupe([
      ...BASE_SOURCES,
      ...goalSources,
      ...pauseSources,
      ...warnings.flatMap((w) => w.sources),
    ]),
    history: meta.history,
  };
}
