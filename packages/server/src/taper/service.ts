/**
 * Signing taper versions (issue 5, docs/taper-api.md). A version is immutable: creating a
 * taper writes version 1, each change (hold, resume, slowDown, stepBack, endAtMaintenance)
 * writes the next one with its reason. Every version is materialized as regimen versions in
 * the same transaction, so the schedule follows the signed plan. The password confirmation is
 * the route's job; these functions are also used by the demo data.
 */
import { randomUUID } from 'node:crypto';
import {
  endTaperAtMaintenance,
  holdTaper,
  localDateOf,
  planTaper,
  resumeTaper,
  slowDownTaper,
  stepBackTaper,
  type LocalDate,
  type TaperInputs,
  type TaperPlan,
  type TaperReductionMethod,
} from '@steady/core';
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { taperRequests, taperVersions, users, type TaperConversion } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { materializeTaperVersion } from './materialize.js';
import { loadTaperVersions, type TaperVersionRow } from './repository.js';
import { closeTaperRequestRow } from './requests.js';
import type { TaperChangeAction } from './schemas.js';
import { isOngoing, taperStatus } from './view.js';

export { taperView } from './view.js';
export type { TaperView } from './view.js';

/** Steady defaults (adjustable per taper): check-ins 2, 5 and 10 days after each step. */
export const DEFAULT_CHECK_IN_DAYS: readonly number[] = [2, 5, 10];
export const DEFAULT_FOLLOW_UP_MONTHS = 6;
export const DEFAULT_FOLLOW_UP_INTERVAL_DAYS = 30;

export interface CreateTaperInput {
  readonly patientId: string;
  readonly prescriberId: string;
  readonly inputs: TaperInputs;
  readonly conversion?: TaperConversion | null;
  readonly checkInDays?: readonly number[];
  readonly followUpMonths?: number;
  readonly followUpIntervalDays?: number;
  /** How the signature was confirmed; defaults to 'password'. */
  readonly signatureMethod?: string;
}

export interface ChangeTaperInput {
  readonly patientId: string;
  readonly prescriberId: string;
  readonly action: TaperChangeAction;
  readonly on: LocalDate;
  readonly reason: string;
  readonly intervalDays?: number;
  readonly method?: TaperReductionMethod;
  /** The open patient request this version answers; it is closed by the version. */
  readonly requestId?: string;
  readonly signatureMethod?: string;
}

/** The core engine refuses with a RangeError; the message is clinician-facing English. */
function engineRefusal<T>(run: () => T, toError: (message: string) => AppError): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) throw toError(error.message);
    throw error;
  }
}

/**
 * Lock the patient's row for the transaction: signing versions for one patient happens one at
 * a time (no two tapers, no two "version 2"s, consecutive regimen version numbers).
 */
async function lockPatient(tx: Db, patientId: string): Promise<string> {
  const [patient] = await tx
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, patientId))
    .for('update');
  if (patient === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
  return patient.timeZone;
}

type NewVersion = Omit<typeof taperVersions.$inferInsert, 'id' | 'signedAt' | 'signatureMethod'>;

/** Insert a signed version, write its regimen versions and audit it, inside `tx`. */
async function signVersion(
  tx: Db,
  ctx: AppContext,
  zone: string,
  row: NewVersion & { readonly signatureMethod: string },
): Promise<TaperVersionRow> {
  const now = ctx.now();
  const [inserted] = await tx
    .insert(taperVersions)
    .values({ ...row, id: randomUUID(), signedAt: now })
    .returning();
  if (inserted === undefined) throw new AppError('STEADY_ERR_INTERNAL');
  const regimenVersions = await materializeTaperVersion(tx, {
    patientId: row.patientId,
    zone,
    taperId: row.taperId,
    version: row.version,
    action: row.action,
    reason: row.reason,
    plan: row.plan,
    on: row.effectiveDate,
    signedBy: row.signedBy,
    signedAt: now,
  });
  await audit(
    tx,
    {
      actorId: row.signedBy,
      patientId: row.patientId,
      action: row.action === 'created' ? 'taper.create' : 'taper.change',
      entityId: inserted.id,
      details: {
        taperId: row.taperId,
        version: row.version,
        action: row.action,
        regimenVersions,
      },
    },
    now,
  );
  return inserted;
}

/**
 * Sign a new taper: the server plans it with the clinical engine (never trusting a client
 * plan), refuses when a taper is still running, and materializes the steps.
 *
 * @example await createTaper(ctx, { patientId, prescriberId, inputs: { doses, formulations, startDate } })
 */
export async function createTaper(
  ctx: AppContext,
  input: CreateTaperInput,
): Promise<TaperVersionRow> {
  const plan = engineRefusal(
    () => planTaper(input.inputs),
    (message) => new AppError('STEADY_ERR_VALIDATION', [{ path: '/body/inputs', message }]),
  );
  const history = plan.history[0];
  const created = await ctx.db.transaction(async (tx) => {
    const zone = await lockPatient(tx, input.patientId);
    const today = localDateOf(ctx.now().toISOString(), zone);
    const last = (await loadTaperVersions({ db: tx }, input.patientId)).at(-1);
    if (last !== undefined && isOngoing(taperStatus(last, today))) {
      throw new AppError('STEADY_ERR_TAPER_EXISTS');
    }
    return signVersion(tx, ctx, zone, {
      taperId: randomUUID(),
      patientId: input.patientId,
      version: plan.version,
      action: 'created',
      reason: history?.reason ?? 'Initial plan',
      effectiveDate: plan.inputs.startDate,
      plan,
      conversion: input.conversion ?? null,
      checkInDays: [...(input.checkInDays ?? DEFAULT_CHECK_IN_DAYS)].sort((a, b) => a - b),
      followUpMonths: input.followUpMonths ?? DEFAULT_FOLLOW_UP_MONTHS,
      followUpIntervalDays: input.followUpIntervalDays ?? DEFAULT_FOLLOW_UP_INTERVAL_DAYS,
      requestId: null,
      signedBy: input.prescriberId,
      signatureMethod: input.signatureMethod ?? 'password',
    });
  });
  ctx.alerts?.schedule(input.patientId, ctx.now());
  return created;
}

/** The next plan for a change, from the clinical engine. */
function changedPlan(plan: TaperPlan, input: ChangeTaperInput): TaperPlan {
  const change = { on: input.on, reason: input.reason };
  const pace = { ...change, intervalDays: input.intervalDays, method: input.method };
  switch (input.action) {
    case 'hold':
      return holdTaper(plan, change);
    case 'resume':
      return resumeTaper(plan, pace);
    case 'slowDown':
      return slowDownTaper(plan, pace);
    case 'stepBack':
      return stepBackTaper(plan, change);
    case 'endAtMaintenance':
      return endTaperAtMaintenance(plan, change);
  }
}

async function requireOpenRequest(
  tx: Db,
  patientId: string,
  taperId: string,
  requestId: string,
): Promise<void> {
  const [open] = await tx
    .select({ id: taperRequests.id })
    .from(taperRequests)
    .where(
      and(
        eq(taperRequests.id, requestId),
        eq(taperRequests.patientId, patientId),
        eq(taperRequests.taperId, taperId),
        isNull(taperRequests.closedAt),
      ),
    );
  if (open === undefined) {
    throw new AppError('STEADY_ERR_VALIDATION', [
      { path: '/body/requestId', message: 'no open request of this taper has this id' },
    ]);
  }
}

/**
 * Sign a change to the patient's taper from local date `on`: the engine
 * computes the next version; a `requestId` closes that patient request with this version.
 *
 * @example await changeTaper(ctx, { patientId, prescriberId, action: 'hold', on: '2026-10-01', reason: 'Insomnia since the last step' })
 */
export async function changeTaper(
  ctx: AppContext,
  input: ChangeTaperInput,
): Promise<TaperVersionRow> {
  const signed = await ctx.db.transaction(async (tx) => {
    const zone = await lockPatient(tx, input.patientId);
    const last = (await loadTaperVersions({ db: tx }, input.patientId)).at(-1);
    if (last === undefined) throw new AppError('STEADY_ERR_NO_TAPER');
    if (input.requestId !== undefined) {
      await requireOpenRequest(tx, input.patientId, last.taperId, input.requestId);
    }
    const plan = engineRefusal(
      () => changedPlan(last.plan, input),
      (message) => new AppError('STEADY_ERR_TAPER_CHANGE_REFUSED', [{ path: '/body', message }]),
    );
    const version = await signVersion(tx, ctx, zone, {
      taperId: last.taperId,
      patientId: input.patientId,
      version: plan.version,
      action: input.action,
      reason: input.reason.trim(),
      effectiveDate: input.on,
      plan,
      conversion: last.conversion,
      checkInDays: last.checkInDays,
      followUpMonths: last.followUpMonths,
      followUpIntervalDays: last.followUpIntervalDays,
      requestId: input.requestId ?? null,
      signedBy: input.prescriberId,
      signatureMethod: input.signatureMethod ?? 'password',
    });
    if (input.requestId !== undefined) {
      await closeTaperRequestRow(tx, {
        patientId: input.patientId,
        requestId: input.requestId,
        closedBy: input.prescriberId,
        at: version.signedAt,
        version: version.version,
        note: null,
      });
    }
    return version;
  });
  ctx.alerts?.schedule(input.patientId, ctx.now());
  return signed;
}
