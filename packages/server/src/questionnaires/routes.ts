/**
 * Questionnaires (consent category `questionnaires`): a clinician assigns an instrument with a
 * cadence, the patient answers when it is due, the engine scores the answers, and everyone the
 * patient shares questionnaires with reads the trend. Instrument definitions are not served
 * here: the web app reads them from @steady/core, which runs in the browser.
 */
import { randomUUID } from 'node:crypto';
import {
  addDays,
  daysBetween,
  localDateOf,
  patientGuidance,
  type InstrumentScore,
} from '@steady/core';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { questionnaireAssignments, questionnaireResponses } from '../db/schema.js';
import { localDaysRange } from '../doses/today.js';
import { AppError } from '../http/errors.js';
import { patientOf, type PatientAccess } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import {
  activeAssignmentId,
  findResponses,
  listAssignments,
  responseByKey,
  scoreOrInvalid,
  toResponseView,
  type AssignmentView,
  type Reader,
} from './repo.js';
import {
  assignBody,
  assignmentParams,
  assignmentSchema,
  assignmentsQuery,
  dueItemSchema,
  guidanceSchema,
  MAX_CADENCE_DAYS,
  responseBody,
  responseSchema,
  responsesQuery,
} from './schemas.js';

/** The clinician disciplines that assign and end questionnaires (not pharmacists, not caregivers). */
const ASSIGNERS = ['prescriber', 'physical_therapist', 'psychologist'] as const;
const TAGS = ['questionnaires'];

const readerOf = (access: PatientAccess): Reader =>
  access.as === 'patient' ? 'patient' : 'member';

const todayOf = (ctx: AppContext, zone: string) => localDateOf(ctx.now().toISOString(), zone);

/** Answers as stored and compared: answered items only, in item-id order. */
function normalizeAnswers(answers: Readonly<Record<string, number | null>>) {
  return Object.fromEntries(
    Object.entries(answers)
      .filter((e): e is [string, number] => e[1] !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

export function questionnaireRoutes(app: TypedApp, ctx: AppContext): void {
  const read = {
    policy: { kind: 'patient-data', category: 'questionnaires', access: 'read' },
  } as const;
  const assign = {
    policy: {
      kind: 'patient-data',
      category: 'questionnaires',
      access: 'write',
      members: ASSIGNERS,
    },
  } as const;

  async function oneAssignment(access: PatientAccess, assignmentId: string) {
    const [found] = await listAssignments(ctx, access.patientId, access.timeZone, {
      assignmentId,
    });
    if (found === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
    return found;
  }

  app.post(
    '/api/patients/:patientId/questionnaire-assignments',
    {
      config: assign,
      schema: {
        tags: TAGS,
        summary: 'Assign a questionnaire with a cadence (a linked clinician)',
        params: patientParams,
        body: assignBody,
        response: { 201: z.object({ assignment: assignmentSchema }) },
      },
    },
    async (request, reply) => {
      const access = patientOf(request);
      if (access.as === 'patient') throw new AppError('STEADY_ERR_FORBIDDEN');
      const { instrumentId, cadenceDays, note } = request.body;
      const today = todayOf(ctx, access.timeZone);
      const startDate = request.body.startDate ?? today;
      if (startDate < today || daysBetween(today, startDate) > MAX_CADENCE_DAYS) {
        throw new AppError('STEADY_ERR_VALIDATION', [
          {
            path: '/body/startDate',
            message: `from today (${today}) to ${addDays(today, MAX_CADENCE_DAYS)}, the patient's dates`,
          },
        ]);
      }
      const now = ctx.now();
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        // One active assignment per instrument: the partial unique index decides, even in a race.
        const inserted = await tx
          .insert(questionnaireAssignments)
          .values({
            id,
            patientId: access.patientId,
            instrumentId,
            cadenceDays,
            startDate,
            note: note === '' ? null : note,
            assignedBy: access.user.id,
            assignedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: questionnaireAssignments.id });
        if (inserted.length === 0) throw new AppError('STEADY_ERR_ALREADY_ASSIGNED');
        await audit(
          tx,
          {
            actorId: access.user.id,
            patientId: access.patientId,
            action: 'questionnaire.assign',
            entityId: id,
            details: { instrumentId, cadenceDays },
          },
          now,
        );
      });
      return reply.status(201).send({ assignment: await oneAssignment(access, id) });
    },
  );

  app.get(
    '/api/patients/:patientId/questionnaire-assignments',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Assigned questionnaires with their due state (active first, then newest)',
        params: patientParams,
        querystring: assignmentsQuery,
        response: { 200: z.object({ assignments: z.array(assignmentSchema) }) },
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      const includeEnded = request.query.status === 'all';
      return { assignments: await listAssignments(ctx, patientId, timeZone, { includeEnded }) };
    },
  );

  app.post(
    '/api/patients/:patientId/questionnaire-assignments/:assignmentId/end',
    {
      config: assign,
      schema: {
        tags: TAGS,
        summary: 'End an assignment (kept for history); ending it again changes nothing',
        params: assignmentParams,
        response: { 200: z.object({ assignment: assignmentSchema }) },
      },
    },
    async (request) => {
      const access = patientOf(request);
      const { assignmentId } = request.params;
      // Unknown ids first, so the answer is the same 404 as anywhere else.
      const found = await oneAssignment(access, assignmentId);
      if (access.as === 'patient') throw new AppError('STEADY_ERR_FORBIDDEN');
      if (found.status === 'ended') return { assignment: found };
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const ended = await tx
          .update(questionnaireAssignments)
          .set({ endedAt: now, endedBy: access.user.id })
          .where(
            and(
              eq(questionnaireAssignments.id, assignmentId),
              eq(questionnaireAssignments.patientId, access.patientId),
              isNull(questionnaireAssignments.endedAt),
            ),
          )
          .returning({ id: questionnaireAssignments.id });
        if (ended.length === 0) return; // ended meanwhile by someone else
        await audit(
          tx,
          {
            actorId: access.user.id,
            patientId: access.patientId,
            action: 'questionnaire.assignment.end',
            entityId: assignmentId,
          },
          now,
        );
      });
      return { assignment: await oneAssignment(access, assignmentId) };
    },
  );

  app.get(
    '/api/patients/:patientId/questionnaires/due',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: "Questionnaires due today or overdue, in the patient's time zone",
        params: patientParams,
        response: {
          200: z.object({
            date: z.iso.date(),
            timeZone: z.string(),
            due: z.array(dueItemSchema),
          }),
        },
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      const today = todayOf(ctx, timeZone);
      const assignments = await listAssignments(ctx, patientId, timeZone);
      const due = assignments
        .filter((a): a is AssignmentView & { dueSince: string } => a.due && a.dueSince !== null)
        .sort((a, b) =>
          a.dueSince === b.dueSince
            ? a.instrumentId.localeCompare(b.instrumentId)
            : a.dueSince < b.dueSince
              ? -1
              : 1,
        )
        .map((a) => ({
          assignmentId: a.id,
          instrumentId: a.instrumentId,
          cadenceDays: a.cadenceDays,
          note: a.note,
          dueSince: a.dueSince,
          overdue: a.dueSince < today,
          lastAnsweredAt: a.lastAnsweredAt,
        }));
      return { date: today, timeZone, due };
    },
  );

  app.post(
    '/api/patients/:patientId/questionnaire-responses',
    {
      config: {
        policy: { kind: 'patient-data', category: 'questionnaires', access: 'write' },
      },
      schema: {
        tags: TAGS,
        summary:
          'Answer a questionnaire (the patient): scored at once, with the guidance the answers call for',
        params: patientParams,
        body: responseBody,
        response: {
          200: z.object({ response: responseSchema, guidance: z.array(guidanceSchema).readonly() }),
          201: z.object({ response: responseSchema, guidance: z.array(guidanceSchema).readonly() }),
        },
      },
    },
    async (request, reply) => {
      const { user, patientId } = patientOf(request);
      const { idempotencyKey, instrumentId } = request.body;
      const answers = normalizeAnswers(request.body.answers);

      const replay = async () => {
        const existing = await responseByKey(ctx.db, patientId, idempotencyKey);
        if (existing === undefined) return null;
        const same =
          existing.instrumentId === instrumentId &&
          JSON.stringify(normalizeAnswers(existing.answers)) === JSON.stringify(answers);
        if (!same) throw new AppError('STEADY_ERR_IDEMPOTENCY_CONFLICT');
        const score = existing.score as unknown as InstrumentScore;
        return {
          response: toResponseView(existing, 'patient'),
          guidance: patientGuidance(score.flags),
        };
      };
      const earlier = await replay();
      if (earlier !== null) return reply.status(200).send(earlier);

      const score = scoreOrInvalid(instrumentId, answers);
      const assignmentId = await assignmentFor(patientId, instrumentId, request.body.assignmentId);
      const now = ctx.now();
      const id = randomUUID();
      const inserted = await ctx.db.transaction(async (tx) => {
        const rows = await tx
          .insert(questionnaireResponses)
          .values({
            id,
            patientId,
            instrumentId,
            assignmentId,
            at: now,
            answers,
            total: score.total,
            score: score as unknown as Record<string, unknown>,
            idempotencyKey,
            recordedBy: user.id,
            createdAt: now,
          })
          .onConflictDoNothing()
          .returning();
        if (rows.length === 1) {
          await audit(
            tx,
            {
              actorId: user.id,
              patientId,
              action: 'questionnaire.response.create',
              entityId: id,
              details: { instrumentId },
            },
            now,
          );
        }
        return rows[0];
      });
      if (inserted === undefined) {
        // The same key arrived twice at once: answer as a replay.
        const again = await replay();
        if (again === null) throw new AppError('STEADY_ERR_INTERNAL');
        return reply.status(200).send(again);
      }
      ctx.alerts?.schedule(patientId, now);
      return reply.status(201).send({
        response: toResponseView(inserted, 'patient'),
        guidance: patientGuidance(score.flags),
      });
    },
  );

  /** The assignment a response belongs to: the one named (it must be this patient's and this instrument's), else the active one. */
  async function assignmentFor(
    patientId: string,
    instrumentId: string,
    named: string | null,
  ): Promise<string | null> {
    if (named === null) return activeAssignmentId(ctx.db, patientId, instrumentId);
    const [row] = await ctx.db
      .select({ instrumentId: questionnaireAssignments.instrumentId })
      .from(questionnaireAssignments)
      .where(
        and(
          eq(questionnaireAssignments.id, named),
          eq(questionnaireAssignments.patientId, patientId),
        ),
      );
    if (row?.instrumentId !== instrumentId) {
      throw new AppError('STEADY_ERR_VALIDATION', [
        { path: '/body/assignmentId', message: 'no such assignment of this instrument' },
      ]);
    }
    return named;
  }

  app.get(
    '/api/patients/:patientId/questionnaire-responses',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Answers with their scores between two local dates, oldest first (for trends)',
        params: patientParams,
        querystring: responsesQuery,
        response: { 200: z.object({ responses: z.array(responseSchema) }) },
      },
    },
    async (request) => {
      const access = patientOf(request);
      const to = request.query.to ?? todayOf(ctx, access.timeZone);
      const from = request.query.from ?? addDays(to, -364);
      const range = localDaysRange(from, to, access.timeZone);
      const rows = await findResponses(ctx.db, access.patientId, range, request.query.instrumentId);
      const reader = readerOf(access);
      return { responses: rows.map((r) => toResponseView(r, reader)) };
    },
  );
}
