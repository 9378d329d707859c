/**
 * What GET /taper answers (docs/taper-api.md): the taper in force with its status on the
 * patient's day, the current and next step, progress, the follow-up phase, every signed
 * version (oldest first) and the patient's requests (open first).
 */
import {
  currentStep,
  nextStep,
  taperFollowUp,
  type LocalDate,
  type TaperAction,
  type TaperFollowUp,
  type TaperPlan,
  type TaperStep,
} from '@steady/core';
import { displayNamesOf } from '../auth/users.js';
import type { AppContext } from '../context.js';
import type { TaperConversion } from '../db/schema.js';
import { loadTaperVersions, type TaperVersionRow } from './repository.js';
import { loadTaperRequests, type TaperRequestView } from './requests.js';

export type TaperViewStatus = 'active' | 'paused' | 'maintenance' | 'followUp' | 'finished';

export interface PersonRef {
  readonly id: string;
  readonly displayName: string;
}

export interface TaperVersionView {
  readonly version: number;
  readonly action: TaperAction;
  readonly reason: string;
  readonly effectiveDate: LocalDate;
  readonly plan: TaperPlan;
  readonly conversion: TaperConversion | null;
  readonly checkInDays: readonly number[];
  readonly followUpMonths: number;
  readonly followUpIntervalDays: number;
  readonly requestId: string | null;
  readonly signedBy: PersonRef;
  readonly signatureMethod: string;
  readonly signedAt: string;
}

export interface TaperView {
  readonly id: string;
  readonly status: TaperViewStatus;
  readonly today: LocalDate;
  readonly currentStep: TaperStep | null;
  readonly nextStep: TaperStep | null;
  readonly progress: {
    readonly stepsDone: number;
    readonly stepsTotal: number;
    readonly startDailyMg: number;
    readonly currentDailyMg: number;
    readonly goalDailyMg: number;
  };
  readonly followUp: TaperFollowUp | null;
  readonly current: TaperVersionView;
  readonly versions: readonly TaperVersionView[];
  readonly requests: readonly TaperRequestView[];
}

/**
 * The follow-up phase after a taper to stop: from the first day without diazepam for
 * `followUpMonths` months (null while paused, at maintenance, or with no end in sight).
 */
export function followUpOf(
  row: Pick<TaperVersionRow, 'plan' | 'followUpMonths' | 'followUpIntervalDays'>,
): TaperFollowUp | null {
  return taperFollowUp(row.plan, {
    followUpMonths: row.followUpMonths,
    followUpIntervalDays: row.followUpIntervalDays,
  });
}

/**
 * Where the taper stands on `today`: paused and maintenance as signed (a plan that reaches its
 * planned maintenance dose is at maintenance too); a taper to stop is in follow-up from its
 * projected end until the follow-up ends, then finished; otherwise active.
 */
export function taperStatus(
  row: Pick<TaperVersionRow, 'plan' | 'followUpMonths' | 'followUpIntervalDays'>,
  today: LocalDate,
): TaperViewStatus {
  const { plan } = row;
  if (plan.status === 'paused') return 'paused';
  if (plan.status === 'maintenance') return 'maintenance';
  const end = plan.projectedEndDate;
  if (end === null || today < end) return 'active';
  if (plan.inputs.goal.kind === 'maintenance') return 'maintenance';
  const followUp = followUpOf(row);
  return followUp !== null && today <= followUp.endDate ? 'followUp' : 'finished';
}

/** Whether the taper still runs (a new one may start only once it is in follow-up or done). */
export function isOngoing(status: TaperViewStatus): boolean {
  return status === 'active' || status === 'paused' || status === 'maintenance';
}

function progressOf(plan: TaperPlan, today: LocalDate): TaperView['progress'] {
  const startDailyMg = plan.inputs.doses.reduce((sum, d) => sum + d.amountMg, 0);
  const started = plan.steps.filter((s) => s.startDate <= today);
  return {
    stepsDone: started.length,
    stepsTotal: plan.steps.length,
    startDailyMg,
    currentDailyMg: currentStep(plan, today)?.dailyTotalMg ?? startDailyMg,
    goalDailyMg: plan.inputs.goal.kind === 'maintenance' ? plan.inputs.goal.dailyMg : 0,
  };
}

export function versionView(row: TaperVersionRow, signerName: string): TaperVersionView {
  return {
    version: row.version,
    action: row.action,
    reason: row.reason,
    effectiveDate: row.effectiveDate,
    plan: row.plan,
    conversion: row.conversion,
    checkInDays: row.checkInDays,
    followUpMonths: row.followUpMonths,
    followUpIntervalDays: row.followUpIntervalDays,
    requestId: row.requestId,
    signedBy: { id: row.signedBy, displayName: signerName },
    signatureMethod: row.signatureMethod,
    signedAt: row.signedAt.toISOString(),
  };
}

/** The patient's newest taper as GET /taper shows it on the patient's local `today`, or null. */
export async function taperView(
  ctx: Pick<AppContext, 'db'>,
  patientId: string,
  today: LocalDate,
): Promise<TaperView | null> {
  const rows = await loadTaperVersions(ctx, patientId);
  const last = rows.at(-1);
  if (last === undefined) return null;
  const names = await displayNamesOf(
    ctx.db,
    rows.map((r) => r.signedBy),
  );
  const versions = rows.map((r) => versionView(r, names.get(r.signedBy) ?? ''));
  const current = versions.at(-1) ?? versionView(last, '');
  return {
    id: last.taperId,
    status: taperStatus(last, today),
    today,
    currentStep: currentStep(last.plan, today),
    nextStep: nextStep(last.plan, today),
    progress: progressOf(last.plan, today),
    followUp: followUpOf(last),
    current,
    versions,
    requests: await loadTaperRequests(ctx, patientId, last.taperId),
  };
}
