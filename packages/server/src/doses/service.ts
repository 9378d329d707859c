import { randomUUID } from 'node:crypto';
import { addDays, doseSlots, localDateOf, type DoseKind } from '@steady/core';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { doseEvents } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { loadRegimenVersions } from '../regimen/service.js';
import {
  findByIdempotencyKey,
  findDoseEvent,
  liveSlotEvents,
  toView,
  type DoseEventView,
} from './repo.js';

export interface LogDoseInput {
  readonly idempotencyKey: string;
  readonly kind: DoseKind;
  readonly slotKey: string | null;
  readonly takenAt?: string | undefined;
  readonly amountMg?: number | undefined;
  readonly reason?: string | undefined;
  readonly confirmDuplicate?: boolean | undefined;
}

export interface Actor {
  readonly userId: string;
  readonly patientId: string;
  readonly timeZone: string;
}

/** Clock skew we accept between a phone and the server for "taken now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function checkTakenAt(takenAt: Date, now: Date): void {
  if (takenAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new AppError('STEADY_ERR_VALIDATION', [
      { path: '/body/takenAt', message: 'in the future' },
    ]);
  }
}

/** A retried request with the same key gets the first answer; a different request with it, 409. */
async function replay(
  ctx: AppContext,
  actor: Actor,
  input: LogDoseInput,
): Promise<DoseEventView | null> {
  const existing = await findByIdempotencyKey(ctx.db, actor.patientId, input.idempotencyKey);
  if (existing === null) return null;
  // An extra dose is stored without a slot, whatever slot key the client sent with it.
  const slotKey = input.kind === 'extra' ? null : input.slotKey;
  if (existing.kind !== input.kind || existing.slotKey !== slotKey) {
    throw new AppError('STEADY_ERR_IDEMPOTENCY_CONFLICT');
  }
  return toView(existing);
}

async function slotAmount(
  ctx: AppContext,
  actor: Actor,
  slotKey: string,
  now: Date,
): Promise<number> {
  const date = slotKey.slice(0, 10);
  const today = localDateOf(now.toISOString(), actor.timeZone);
  // Logging ahead is limited to tomorrow's slots (e.g. a late-night dose logged after midnight).
  if (date > addDays(today, 1)) throw new AppError('STEADY_ERR_UNKNOWN_SLOT');
  const versions = await loadRegimenVersions(ctx, actor.patientId);
  const slot = doseSlots(versions, date, date, actor.timeZone).find((s) => s.key === slotKey);
  if (slot === undefined) throw new AppError('STEADY_ERR_UNKNOWN_SLOT');
  return slot.amountMg;
}

/**
 * Log a dose. Idempotent by key. A slot already answered needs `confirmDuplicate`; the new
 * entry then supersedes the earlier one (history is kept). Nothing is stored on a 409.
 */
export async function logDose(
  ctx: AppContext,
  actor: Actor,
  input: LogDoseInput,
): Promise<{ event: DoseEventView; replayed: boolean }> {
  const replayed = await replay(ctx, actor, input);
  if (replayed !== null) return { event: replayed, replayed: true };

  const now = ctx.now();
  const takenAt = input.takenAt === undefined ? now : new Date(input.takenAt);
  checkTakenAt(takenAt, now);

  let amountMg: number;
  let supersedes: string | null = null;
  if (input.kind === 'extra') {
    if (input.amountMg === undefined) {
      throw new AppError('STEADY_ERR_VALIDATION', [
        { path: '/body/amountMg', message: 'required for an extra dose' },
      ]);
    }
    if (input.reason === undefined) {
      throw new AppError('STEADY_ERR_VALIDATION', [
        { path: '/body/reason', message: 'required for an extra dose' },
      ]);
    }
    amountMg = input.amountMg;
  } else {
    if (input.slotKey === null) {
      throw new AppError('STEADY_ERR_VALIDATION', [{ path: '/body/slotKey', message: 'required' }]);
    }
    const scheduled = await slotAmount(ctx, actor, input.slotKey, now);
    amountMg = input.kind === 'skipped' ? 0 : (input.amountMg ?? scheduled);
    const live = await liveSlotEvents(ctx.db, actor.patientId, input.slotKey);
    const latest = live.at(-1);
    if (latest !== undefined) {
      if (input.confirmDuplicate !== true)
        throw new AppError('STEADY_ERR_ALREADY_LOGGED', { existing: latest });
      supersedes = latest.id;
    }
  }

  const id = randomUUID();
  const inserted = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(doseEvents)
      .values({
        id,
        patientId: actor.patientId,
        kind: input.kind,
        slotKey: input.kind === 'extra' ? null : input.slotKey,
        takenAt,
        amountMg,
        reason: input.reason ?? null,
        supersedes,
        idempotencyKey: input.idempotencyKey,
        recordedBy: actor.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (rows.length === 1) {
      await audit(
        tx,
        {
          actorId: actor.userId,
          patientId: actor.patientId,
          action: 'dose.log',
          entityId: id,
          details: { kind: input.kind },
        },
        now,
      );
    }
    return rows;
  });
  const row = inserted[0];
  if (row !== undefined) return { event: toView(row), replayed: false };
  // Lost a race: the same key (a concurrent retry) or a concurrent entry for this slot won.
  const again = await replay(ctx, actor, input);
  if (again !== null) return { event: again, replayed: true };
  const live = await liveSlotEvents(ctx.db, actor.patientId, input.slotKey ?? '');
  throw new AppError('STEADY_ERR_ALREADY_LOGGED', { existing: live.at(-1) ?? null });
}

export interface CorrectDoseInput {
  readonly idempotencyKey: string;
  readonly kind?: DoseKind | undefined;
  readonly takenAt?: string | undefined;
  readonly amountMg?: number | undefined;
  readonly reason: string;
}

/** Correct a logged dose: a new event supersedes it; the original stays in history. */
export async function correctDose(
  ctx: AppContext,
  actor: Actor,
  doseId: string,
  input: CorrectDoseInput,
): Promise<{ event: DoseEventView; replayed: boolean }> {
  const original = await findDoseEvent(ctx.db, actor.patientId, doseId);
  if (original === null) throw new AppError('STEADY_ERR_NOT_FOUND');
  const kind = input.kind ?? original.kind;
  if ((kind === 'extra') !== (original.kind === 'extra')) {
    throw new AppError('STEADY_ERR_VALIDATION', [
      {
        path: '/body/kind',
        message: 'a scheduled dose cannot become an extra dose or the reverse',
      },
    ]);
  }
  const existing = await findByIdempotencyKey(ctx.db, actor.patientId, input.idempotencyKey);
  if (existing !== null) {
    if (existing.supersedes !== doseId) throw new AppError('STEADY_ERR_IDEMPOTENCY_CONFLICT');
    return { event: toView(existing), replayed: true };
  }
  const now = ctx.now();
  const takenAt = input.takenAt === undefined ? original.takenAt : new Date(input.takenAt);
  checkTakenAt(takenAt, now);
  // A skipped dose (0 mg) corrected to "taken" was taken at the scheduled amount unless told.
  const amountMg =
    kind === 'skipped'
      ? 0
      : (input.amountMg ??
        (original.kind === 'skipped' && original.slotKey !== null
          ? await slotAmount(ctx, actor, original.slotKey, now)
          : original.amountMg));
  const id = randomUUID();
  const rows = await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(doseEvents)
      .values({
        id,
        patientId: actor.patientId,
        kind,
        slotKey: original.slotKey,
        takenAt,
        amountMg,
        reason: input.reason,
        supersedes: original.id,
        idempotencyKey: input.idempotencyKey,
        recordedBy: actor.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 1) {
      await audit(
        tx,
        {
          actorId: actor.userId,
          patientId: actor.patientId,
          action: 'dose.correct',
          entityId: id,
          details: { supersedes: original.id },
        },
        now,
      );
    }
    return inserted;
  });
  const row = rows[0];
  if (row === undefined) throw new AppError('STEADY_ERR_ALREADY_CORRECTED');
  return { event: toView(row), replayed: false };
}
