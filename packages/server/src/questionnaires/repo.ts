/**
 * Questionnaire assignments and responses of one patient: loading and the views the API
 * returns. The patient's local dates decide what is due (see due.ts).
 */
import {
  getInstrument,
  localDateOf,
  scoreInstrument,
  type InstrumentAnswers,
  type InstrumentScore,
  type LocalDate,
  type SignalQuestionnaire,
  type SourceRef,
} from '@steady/core';
import { and, asc, desc, eq, gte, isNull, lt, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { questionnaireAssignments, questionnaireResponses, users } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { dueState } from './due.js';

type AssignmentRow = typeof questionnaireAssignments.$inferSelect;
type ResponseRow = typeof questionnaireResponses.$inferSelect;

export interface PersonRef {
  readonly id: string;
  readonly displayName: string;
}

export interface AssignmentView {
  readonly id: string;
  readonly instrumentId: string;
  readonly cadenceDays: number;
  readonly startDate: LocalDate;
  readonly note: string | null;
  readonly status: 'active' | 'ended';
  readonly assignedBy: PersonRef;
  readonly assignedAt: string;
  readonly endedAt: string | null;
  readonly endedBy: PersonRef | null;
  /** Whether an answer is expected now (due today or overdue); false once ended. */
  readonly due: boolean;
  /** The first due date not answered since, when due. */
  readonly dueSince: LocalDate | null;
  /** When the next answer is expected (the patient's local date); null once ended. */
  readonly nextDue: LocalDate | null;
  /** The latest answer to this instrument, whether given for this assignment or not. */
  readonly lastAnsweredAt: string | null;
}

export interface FlagView {
  readonly id: string;
  readonly kind: 'crisis' | 'urgent' | 'screen-positive' | 'review';
  readonly title: string;
  readonly patientText: string | null;
  /** Null for the patient (clinician wording is for the care team, as with alerts). */
  readonly clinicianText: string | null;
  readonly sources: readonly SourceRef[];
}

export interface ScoreView {
  /** Version of the instrument definition that scored the answers. */
  readonly version: string;
  readonly total: number;
  /** The range of the total (PEG is a mean 0–10, PHQ-9 a sum 0–27, …). */
  readonly min: number;
  readonly max: number;
  readonly band: {
    readonly id: string;
    readonly label: string;
    readonly min: number;
    readonly max: number;
  } | null;
  readonly flags: readonly FlagView[];
  readonly subscores: readonly {
    readonly id: string;
    readonly label: string;
    readonly value: number;
    readonly min: number;
    readonly max: number;
  }[];
  readonly sources: readonly SourceRef[];
}

export interface ResponseView {
  readonly id: string;
  readonly instrumentId: string;
  readonly assignmentId: string | null;
  readonly at: string;
  readonly answers: Readonly<Record<string, number | null>>;
  readonly score: ScoreView;
  readonly taperStepIndex: number | null;
}

/** Who reads: the patient gets only patient-facing flags and no clinician wording. */
export type Reader = 'patient' | 'member';

const person = (id: string | null, name: string | null): PersonRef | null =>
  id === null ? null : { id, displayName: name ?? '' };

/** The stored engine score as the reader may see it. */
export function scoreView(instrumentId: string, score: InstrumentScore, reader: Reader): ScoreView {
  const scoring = getInstrument(instrumentId)?.scoring;
  const flags = score.flags.filter(
    (f) => reader === 'member' || f.audience === 'patient-and-clinician',
  );
  return {
    version: score.version,
    total: score.total,
    min: scoring?.min ?? 0,
    max: scoring?.max ?? score.total,
    band:
      score.band === null
        ? null
        : { id: score.band.id, label: score.band.label, min: score.band.min, max: score.band.max },
    flags: flags.map((f) => ({
      id: f.id,
      kind: f.kind,
      title: f.title,
      patientText: f.patientText,
      clinicianText: reader === 'member' ? f.clinicianText : null,
      sources: f.sources,
    })),
    subscores: score.subscores.map((s) => ({
      id: s.id,
      label: s.label,
      value: s.value,
      min: s.min,
      max: s.max,
    })),
    sources: score.sources,
  };
}

/** The stored score column holds the engine's `InstrumentScore` as it was at answer time. */
const storedScore = (row: ResponseRow) => row.score as unknown as InstrumentScore;

export function toResponseView(row: ResponseRow, reader: Reader): ResponseView {
  return {
    id: row.id,
    instrumentId: row.instrumentId,
    assignmentId: row.assignmentId,
    at: row.at.toISOString(),
    answers: row.answers,
    score: scoreView(row.instrumentId, storedScore(row), reader),
    taperStepIndex: row.taperStepIndex,
  };
}

/** The latest answer per instrument of a patient. */
export async function lastAnswers(db: Db, patientId: string): Promise<Map<string, Date>> {
  const rows = await db
    .select({
      instrumentId: questionnaireResponses.instrumentId,
      at: max(questionnaireResponses.at),
    })
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.patientId, patientId))
    .groupBy(questionnaireResponses.instrumentId);
  const found = new Map<string, Date>();
  for (const r of rows) if (r.at !== null) found.set(r.instrumentId, r.at);
  return found;
}

interface AssignmentQuery {
  readonly includeEnded?: boolean;
  readonly assignmentId?: string;
}

/** A patient's assignments with their due state on `today`: active first, then newest. */
export async function listAssignments(
  ctx: AppContext,
  patientId: string,
  zone: string,
  query: AssignmentQuery = {},
): Promise<AssignmentView[]> {
  const assigner = alias(users, 'assigner');
  const ender = alias(users, 'ender');
  const a = questionnaireAssignments;
  const [rows, answered] = await Promise.all([
    ctx.db
      .select({ a, assignerName: assigner.displayName, enderName: ender.displayName })
      .from(a)
      .innerJoin(assigner, eq(assigner.id, a.assignedBy))
      .leftJoin(ender, eq(ender.id, a.endedBy))
      .where(
        and(
          eq(a.patientId, patientId),
          query.assignmentId === undefined ? undefined : eq(a.id, query.assignmentId),
          query.includeEnded === true || query.assignmentId !== undefined
            ? undefined
            : isNull(a.endedAt),
        ),
      )
      .orderBy(desc(a.assignedAt), asc(a.id)),
    lastAnswers(ctx.db, patientId),
  ]);
  const today = localDateOf(ctx.now().toISOString(), zone);
  const views = rows.map(({ a: row, assignerName, enderName }) =>
    assignmentView(row, assignerName, enderName, answered.get(row.instrumentId) ?? null, {
      today,
      zone,
    }),
  );
  // Active ones first (stable: newest first within each group).
  return [
    ...views.filter((v) => v.status === 'active'),
    ...views.filter((v) => v.status === 'ended'),
  ];
}

function assignmentView(
  row: AssignmentRow,
  assignerName: string,
  enderName: string | null,
  lastAnswered: Date | null,
  when: { readonly today: LocalDate; readonly zone: string },
): AssignmentView {
  const ended = row.endedAt !== null;
  const state = ended
    ? null
    : dueState({
        startDate: row.startDate,
        cadenceDays: row.cadenceDays,
        today: when.today,
        lastAnsweredOn:
          lastAnswered === null ? null : localDateOf(lastAnswered.toISOString(), when.zone),
      });
  return {
    id: row.id,
    instrumentId: row.instrumentId,
    cadenceDays: row.cadenceDays,
    startDate: row.startDate,
    note: row.note,
    status: ended ? 'ended' : 'active',
    assignedBy: { id: row.assignedBy, displayName: assignerName },
    assignedAt: row.assignedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    endedBy: person(row.endedBy, enderName),
    due: state?.due ?? false,
    dueSince: state?.dueSince ?? null,
    nextDue: state?.nextDue ?? null,
    lastAnsweredAt: lastAnswered?.toISOString() ?? null,
  };
}

/** The active assignment of an instrument, if any (at most one: a unique index says so). */
export async function activeAssignmentId(
  db: Db,
  patientId: string,
  instrumentId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: questionnaireAssignments.id })
    .from(questionnaireAssignments)
    .where(
      and(
        eq(questionnaireAssignments.patientId, patientId),
        eq(questionnaireAssignments.instrumentId, instrumentId),
        isNull(questionnaireAssignments.endedAt),
      ),
    );
  return row?.id ?? null;
}

/** A patient's responses in [from, to), oldest first (the order of a trend). */
export async function findResponses(
  db: Db,
  patientId: string,
  range: { readonly from: Date; readonly to: Date },
  instrumentId?: string,
): Promise<ResponseRow[]> {
  const r = questionnaireResponses;
  return db
    .select()
    .from(r)
    .where(
      and(
        eq(r.patientId, patientId),
        instrumentId === undefined ? undefined : eq(r.instrumentId, instrumentId),
        gte(r.at, range.from),
        lt(r.at, range.to),
      ),
    )
    .orderBy(asc(r.at), asc(r.id));
}

/**
 * The patient's answers as the signal engine reads them (PHQ-9 item 9, SDS, PEG, the
 * withdrawal checklist, …), oldest first. Used by the alerts recompute.
 */
export async function loadSignalQuestionnaires(
  ctx: AppContext,
  patientId: string,
  range: { readonly from: Date; readonly to: Date },
): Promise<SignalQuestionnaire[]> {
  const rows = await findResponses(ctx.db, patientId, range);
  return rows.map((row) => ({
    id: row.id,
    instrumentId: row.instrumentId,
    at: row.at.toISOString(),
    total: row.total,
    itemScores: storedScore(row).itemScores,
    taperStepIndex: row.taperStepIndex,
  }));
}

/** The response the patient stored under an idempotency key, if any. */
export async function responseByKey(
  db: Db,
  patientId: string,
  idempotencyKey: string,
): Promise<ResponseRow | undefined> {
  const [row] = await db
    .select()
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.patientId, patientId),
        eq(questionnaireResponses.idempotencyKey, idempotencyKey),
      ),
    );
  return row;
}

/** The engine's score of the answers; a validation error naming each refused answer otherwise. */
export function scoreOrInvalid(instrumentId: string, answers: InstrumentAnswers): InstrumentScore {
  const outcome = scoreInstrument(instrumentId, answers);
  if (outcome.ok) return outcome.score;
  throw new AppError(
    'STEADY_ERR_VALIDATION',
    outcome.errors.map((e) => ({
      path: e.itemId === null ? '/body/answers' : `/body/answers/${e.itemId}`,
      message: e.message,
      code: e.code,
    })),
  );
}
