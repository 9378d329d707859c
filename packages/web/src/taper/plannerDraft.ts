/**
 * The taper planner's form state (strings as typed) and its translation into core
 * `TaperInputs`. Pure: the live preview and the signing both go through `readDraft`.
 */
import {
  DEFAULT_TAPER_FORMULATIONS,
  TAPER_DEFAULT_INTERVAL_DAYS,
  TAPER_DEFAULT_REDUCTION_PERCENT,
  TAPER_GUIDELINE_MAX_REDUCTION_PER_14_DAYS,
  isLocalDate,
  isLocalTime,
  planTaper,
  toDiazepamEquivalent,
} from '@steady/core';
import type {
  EquivalenceResult,
  EquivalenceTableId,
  FormulationId,
  LocalDate,
  ScheduledDose,
  TaperDistributionRule,
  TaperInputs,
  TaperPlan,
} from '@steady/core';
import { parseAmount } from '../shared/parse';
import type { CreateTaperBody, TaperConversion } from './types';

/** Steady defaults (not guideline numbers): adjustable by the prescriber. */
export const STEADY_CHECK_IN_DAYS = [2, 5, 10] as const;
export const STEADY_FOLLOW_UP_MONTHS = 6;
export const STEADY_FOLLOW_UP_INTERVAL_DAYS = 30;

export interface DoseRow {
  readonly rowId: number;
  readonly time: string;
  readonly amount: string;
}

export interface ConversionDraft {
  readonly enabled: boolean;
  readonly drug: string;
  readonly dailyMg: string;
  readonly tableId: EquivalenceTableId;
}

export interface PlannerDraft {
  readonly doses: readonly DoseRow[];
  readonly formulations: readonly FormulationId[];
  readonly methodKind: 'percent' | 'fixed';
  readonly percent: string;
  readonly fixedMg: string;
  readonly intervalDays: string;
  readonly goalKind: 'stop' | 'maintenance';
  readonly maintenanceMg: string;
  readonly startDate: string;
  readonly distribution: TaperDistributionRule;
  readonly switchToLiquid: boolean;
  readonly override: boolean;
  readonly overrideMax: string;
  readonly overrideReason: string;
  readonly checkInDays: string;
  readonly followUpMonths: string;
  readonly followUpIntervalDays: string;
  readonly conversion: ConversionDraft;
}

export type DraftField =
  | 'doses'
  | 'formulations'
  | 'percent'
  | 'fixedMg'
  | 'intervalDays'
  | 'maintenanceMg'
  | 'startDate'
  | 'overrideMax'
  | 'overrideReason'
  | 'checkInDays'
  | 'followUpMonths'
  | 'followUpIntervalDays'
  | 'conversionDrug'
  | 'conversionDailyMg';

export type DraftErrors = Partial<Record<DraftField, true>>;

export type DraftReading =
  | {
      readonly ok: true;
      readonly inputs: TaperInputs;
      readonly plan: TaperPlan;
      readonly body: Omit<CreateTaperBody, 'password'>;
    }
  /** `planError`: the engine refused the inputs (its message, clinician-facing). */
  | { readonly ok: false; readonly errors: DraftErrors; readonly planError: string | null };

/** A first draft: the regimen in force (or one empty row), the guideline defaults, today. */
export function initialDraft(
  doses: readonly ScheduledDose[],
  regimenFormulation: FormulationId | null,
  today: LocalDate,
): PlannerDraft {
  const rows = doses.length === 0 ? [{ time: '08:00', amountMg: null }] : doses;
  return {
    doses: rows.map((d, i) => ({
      rowId: i + 1,
      time: d.time,
      amount: d.amountMg === null ? '' : String(d.amountMg),
    })),
    formulations:
      regimenFormulation === 'sol1'
        ? [...DEFAULT_TAPER_FORMULATIONS, 'sol1']
        : [...DEFAULT_TAPER_FORMULATIONS],
    methodKind: 'percent',
    percent: String(TAPER_DEFAULT_REDUCTION_PERCENT.value),
    fixedMg: '1',
    intervalDays: String(TAPER_DEFAULT_INTERVAL_DAYS.value),
    goalKind: 'stop',
    maintenanceMg: '',
    startDate: today,
    distribution: 'largest-first',
    switchToLiquid: false,
    override: false,
    overrideMax: String(TAPER_GUIDELINE_MAX_REDUCTION_PER_14_DAYS.value),
    overrideReason: '',
    checkInDays: STEADY_CHECK_IN_DAYS.join(', '),
    followUpMonths: String(STEADY_FOLLOW_UP_MONTHS),
    followUpIntervalDays: String(STEADY_FOLLOW_UP_INTERVAL_DAYS),
    conversion: { enabled: false, drug: 'lorazepam', dailyMg: '', tableId: 'jcpg-t7-vadod' },
  };
}

function wholeNumber(text: string, min: number, max: number): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : null;
}

/** "2, 5, 10" → [2, 5, 10] (sorted, distinct, 1–60); null when any part is not such a day. */
export function parseCheckInDays(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter((p) => p !== '');
  const days = parts.map((p) => wholeNumber(p, 1, 60));
  if (days.length === 0 || days.some((d) => d === null)) return null;
  return [...new Set(days as number[])].sort((a, b) => a - b);
}

/** The table's estimate for the conversion section; null when the drug is not in that table. */
export function conversionEstimate(c: ConversionDraft): EquivalenceResult | null {
  const mg = parseAmount(c.dailyMg);
  return mg === null ? null : toDiazepamEquivalent(c.drug, mg, c.tableId);
}

function readDoses(rows: readonly DoseRow[]): ScheduledDose[] | null {
  const doses = rows.map((r) => ({ time: r.time, amountMg: parseAmount(r.amount) }));
  const valid = doses.every((d) => isLocalTime(d.time) && d.amountMg !== null);
  const distinct = new Set(doses.map((d) => d.time)).size === doses.length;
  return doses.length > 0 && valid && distinct ? (doses as ScheduledDose[]) : null;
}

function readConversion(draft: PlannerDraft, errors: DraftErrors, doses: ScheduledDose[] | null) {
  if (!draft.conversion.enabled) return null;
  const fromDailyMg = parseAmount(draft.conversion.dailyMg);
  if (fromDailyMg === null) errors.conversionDailyMg = true;
  const estimate = conversionEstimate(draft.conversion);
  if (fromDailyMg !== null && estimate === null) errors.conversionDrug = true;
  if (estimate === null || fromDailyMg === null || doses === null) return null;
  const conversion: TaperConversion = {
    fromDrug: estimate.drug,
    fromDailyMg,
    tableId: draft.conversion.tableId,
    estimateMinMg: estimate.range?.low ?? estimate.mgPerDay,
    estimateMaxMg: estimate.range?.high ?? estimate.mgPerDay,
    // The prescriber sets the actual starting dose: the doses of the form.
    chosenDailyMg: doses.reduce((s, d) => s + d.amountMg, 0),
  };
  return conversion;
}

/** Check the draft field by field, then let the engine plan it (it has the last word). */
export function readDraft(draft: PlannerDraft): DraftReading {
  const errors: DraftErrors = {};
  const doses = readDoses(draft.doses);
  if (doses === null) errors.doses = true;
  if (draft.formulations.length === 0) errors.formulations = true;
  const percent = Number(draft.percent.trim().replace(',', '.'));
  const percentOk = draft.percent.trim() !== '' && percent > 0 && percent < 100;
  const fixedMg = parseAmount(draft.fixedMg);
  if (draft.methodKind === 'percent' && !percentOk) errors.percent = true;
  if (draft.methodKind === 'fixed' && fixedMg === null) errors.fixedMg = true;
  const intervalDays = wholeNumber(draft.intervalDays, 1, 365);
  if (intervalDays === null) errors.intervalDays = true;
  const maintenanceMg = parseAmount(draft.maintenanceMg);
  if (draft.goalKind === 'maintenance' && maintenanceMg === null) errors.maintenanceMg = true;
  if (!isLocalDate(draft.startDate)) errors.startDate = true;
  const overrideMax = Number(draft.overrideMax.trim().replace(',', '.'));
  const overrideOk = draft.overrideMax.trim() !== '' && overrideMax > 0 && overrideMax <= 100;
  if (draft.override && !overrideOk) errors.overrideMax = true;
  if (draft.override && draft.overrideReason.trim() === '') errors.overrideReason = true;
  const checkInDays = parseCheckInDays(draft.checkInDays);
  if (checkInDays === null) errors.checkInDays = true;
  const followUpMonths = wholeNumber(draft.followUpMonths, 0, 24);
  if (followUpMonths === null) errors.followUpMonths = true;
  const followUpIntervalDays = wholeNumber(draft.followUpIntervalDays, 1, 180);
  if (followUpIntervalDays === null) errors.followUpIntervalDays = true;
  const conversion = readConversion(draft, errors, doses);

  if (Object.keys(errors).length > 0 || doses === null || intervalDays === null) {
    return { ok: false, errors, planError: null };
  }
  const inputs: TaperInputs = {
    doses,
    formulations: draft.formulations,
    method:
      draft.methodKind === 'percent'
        ? { kind: 'percent', percent }
        : { kind: 'fixed', mg: fixedMg ?? 0 },
    intervalDays,
    goal:
      draft.goalKind === 'stop'
        ? { kind: 'stop' }
        : { kind: 'maintenance', dailyMg: maintenanceMg ?? 0 },
    startDate: draft.startDate,
    switchToLiquid: draft.switchToLiquid,
    override: draft.override
      ? { maxReductionPer14Days: overrideMax, reason: draft.overrideReason.trim() }
      : null,
    distribution: draft.distribution,
  };
  try {
    const plan = planTaper(inputs);
    return {
      ok: true,
      inputs,
      plan,
      body: {
        inputs,
        conversion,
        checkInDays: checkInDays ?? [...STEADY_CHECK_IN_DAYS],
        followUpMonths: followUpMonths ?? STEADY_FOLLOW_UP_MONTHS,
        followUpIntervalDays: followUpIntervalDays ?? STEADY_FOLLOW_UP_INTERVAL_DAYS,
      },
    };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, errors: {}, planError: error.message };
  }
}
