/**
 * Withdrawal check-ins of a taper (issue 5 items 3 and 6): the schedule the clinical engine
 * derives from the signed plan (days after each step, then the follow-up phase), each
 * check-in's state from the withdrawal checklists answered, and the totals per step. Answers
 * are questionnaire responses of the `withdrawal` instrument with `taper_step_index` set.
 */
import { randomUUID } from 'node:crypto';
import {
  localDateOf,
  patientGuidance,
  taperCheckInSchedule,
  taperCheckInStates,
  taperFollowUp,
  withdrawalByStep,
  type InstrumentScore,
  type LocalDate,
  type TaperCheckInSettings,
  type TaperCheckInState,
  type TaperStepScores,
} from '@steady/core';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { questionnaireResponses } from '../db/schema.js';
import { dayBounds } from '../doses/today.js';
import { AppError } from '../http/errors.js';
import {
  findResponses,
  responseByKey,
  scoreOrInvalid,
  toResponseView,
  type ResponseView,
} from '../questionnaires/repo.js';
import { loadCurrentTaper, type TaperVersionRow } from './repository.js';

const INSTRUMENT = 'withdrawal';

/** One check-in as the API shows it: follow-up check-ins name no step. */
export interface CheckInView {
  readonly date: LocalDate;
  readonly kind: 'step' | 'followUp';
  readonly stepIndex: number | null;
  readonly daysAfterStep: number;
  readonly status: TaperCheckInState['status'];
  readonly openUntil: LocalDate;
  readonly responseId: string | null;
}

export interface CheckInsView {
  readonly schedule: readonly CheckInView[];
  readonly byStep: readonly TaperStepScores[];
}

/** The check-in settings a signed version carries. */
export function checkInSettingsOf(row: TaperVersionRow): Partial<TaperCheckInSettings> {
  return {
    checkInDays: row.checkInDays,
    followUpMonths: row.followUpMonths,
    followUpIntervalDays: row.followUpIntervalDays,
  };
}

/**
 * What the signal engine needs of the taper in force: its steps, and the end of the
 * follow-up phase when the plan has reached 0 mg. Null without a taper.
 */
export async function signalTaperOf(ctx: Pick<AppContext, 'db'>, patientId: string) {
  const row = await loadCurrentTaper(ctx, patientId);
  if (row === null) return null;
  return {
    steps: row.plan.steps.map((s) => ({
      index: s.index,
      startDate: s.startDate,
      dailyTotalMg: s.dailyTotalMg,
    })),
    followUpEndDate: taperFollowUp(row.plan, checkInSettingsOf(row))?.endDate ?? null,
  };
}

async function withdrawalRows(ctx: AppContext, row: TaperVersionRow, zone: string) {
  const first = row.plan.steps[0];
  if (first === undefined) return [];
  const today = localDateOf(ctx.now().toISOString(), zone);
  const range = { from: dayBounds(first.startDate, zone).from, to: dayBounds(today, zone).to };
  return findResponses(ctx.db, row.patientId, range, INSTRUMENT);
}

function states(
  row: TaperVersionRow,
  answers: { id: string; at: Date }[],
  zone: string,
  today: LocalDate,
) {
  const slots = taperCheckInSchedule(row.plan, checkInSettingsOf(row));
  return taperCheckInStates(
    slots,
    answers.map((a) => ({ id: a.id, date: localDateOf(a.at.toISOString(), zone) })),
    today,
  );
}

/** The check-ins of the taper in force and the checklist totals per step, as of now. */
export async function checkInsView(
  ctx: AppContext,
  patientId: string,
  zone: string,
): Promise<CheckInsView> {
  const row = await loadCurrentTaper(ctx, patientId);
  if (row === null) return { schedule: [], byStep: [] };
  const today = localDateOf(ctx.now().toISOString(), zone);
  const answers = await withdrawalRows(ctx, row, zone);
  const schedule = states(row, answers, zone, today).map((s): CheckInView => ({
    date: s.date,
    kind: s.kind,
    stepIndex: s.kind === 'followUp' ? null : s.stepIndex,
    daysAfterStep: s.daysAfterStep,
    status: s.status,
    openUntil: s.openUntil,
    responseId: s.responseId,
  }));
  const byStep = withdrawalByStep(
    row.plan,
    answers.map((a) => ({
      at: a.at.toISOString(),
      total: a.total,
      taperStepIndex: a.taperStepIndex,
    })),
    zone,
    today,
  );
  return { schedule, byStep };
}

export interface CheckInAnswer {
  readonly idempotencyKey: string;
  readonly date: LocalDate;
  readonly answers: Readonly<Record<string, number>>;
}

export interface SavedCheckIn {
  readonly created: boolean;
  readonly response: ResponseView;
  readonly guidance: ReturnType<typeof patientGuidance>;
}

const saved = (
  row: typeof questionnaireResponses.$inferSelect,
  created: boolean,
): SavedCheckIn => ({
  created,
  response: toResponseView(row, 'patient'),
  guidance: patientGuidance((row.score as unknown as InstrumentScore).flags),
});

/** A replay of the same key: the same answers give the stored response, others a conflict. */
function replayed(
  row: typeof questionnaireResponses.$inferSelect,
  answers: Readonly<Record<string, number>>,
): SavedCheckIn {
  const same =
    row.instrumentId === INSTRUMENT &&
    JSON.stringify(Object.entries(row.answers).sort()) ===
      JSON.stringify(Object.entries(answers).sort());
  if (!same) throw new AppError('STEADY_ERR_IDEMPOTENCY_CONFLICT');
  return saved(row, false);
}

/**
 * The patient answers the check-in of `date`, which must be open today: scored by the engine
 * (the withdrawal checklist), stored with the step it follows, audited; alerts recomputed.
 */
export async function answerCheckIn(
  ctx: AppContext,
  patient: { readonly id: string; readonly timeZone: string },
  body: CheckInAnswer,
): Promise<SavedCheckIn> {
  const earlier = await responseByKey(ctx.db, patient.id, body.idempotencyKey);
  if (earlier !== undefined) return replayed(earlier, body.answers);
  const row = await loadCurrentTaper(ctx, patient.id);
  if (row === null) throw new AppError('STEADY_ERR_NO_TAPER');
  const today = localDateOf(ctx.now().toISOString(), patient.timeZone);
  const answers = await withdrawalRows(ctx, row, patient.timeZone);
  const slot = states(row, answers, patient.timeZone, today).find((s) => s.date === body.date);
  if (slot?.status !== 'due') throw new AppError('STEADY_ERR_TAPER_CHECK_IN_NOT_DUE');

  const score = scoreOrInvalid(INSTRUMENT, body.answers);
  const now = ctx.now();
  const id = randomUUID();
  const inserted = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(questionnaireResponses)
      .values({
        id,
        patientId: patient.id,
        instrumentId: INSTRUMENT,
        assignmentId: null,
        at: now,
        answers: body.answers,
        total: score.total,
        score: score as unknown as Record<string, unknown>,
        taperStepIndex: slot.stepIndex,
        idempotencyKey: body.idempotencyKey,
        recordedBy: patient.id,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (created !== undefined) {
      await audit(
        tx,
        {
          actorId: patient.id,
          patientId: patient.id,
          action: 'taper.checkIn.create',
          entityId: id,
          details: { date: body.date, kind: slot.kind, stepIndex: slot.stepIndex },
        },
        now,
      );
    }
    return created;
  });
  if (inserted === undefined) {
    // The same key arrived twice at once: answer as a replay.
    const again = await responseByKey(ctx.db, patient.id, body.idempotencyKey);
    if (again === undefined) throw new AppError('STEADY_ERR_INTERNAL');
    return replayed(again, body.answers);
  }
  ctx.alerts?.schedule(patient.id, now);
  return saved(inserted, true);
}
