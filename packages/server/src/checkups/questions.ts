/**
 * The patient's questions for a visit, tied to one check-up or kept for "my next visit". The
 * patient writes and edits them; the clinician of the check-up a question is for may mark it
 * answered at the visit. Read by the patient and the linked clinicians (not caregivers: they
 * are the patient's words to their clinicians).
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { DISCIPLINES } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { users, visitQuestions } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { patientOf, type PatientAccess } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { reloaded } from './reloaded.js';
import { findAppointment } from './appointments.js';
import { questionBody, questionPatch, questionSchema, type QuestionView } from './schemas.js';

const questionParams = patientParams.extend({ questionId: z.uuid() });

/** Questions of a patient, newest first; `open` keeps those not answered yet. */
export async function loadQuestions(
  db: Db,
  patientId: string,
  filter: { readonly id?: string; readonly open?: boolean } = {},
): Promise<QuestionView[]> {
  const conditions: (SQL | undefined)[] = [
    eq(visitQuestions.patientId, patientId),
    filter.id === undefined ? undefined : eq(visitQuestions.id, filter.id),
    filter.open === true ? isNull(visitQuestions.answeredAt) : undefined,
  ];
  const rows = await db
    .select({ q: visitQuestions, answererName: users.displayName })
    .from(visitQuestions)
    .leftJoin(users, eq(users.id, visitQuestions.answeredBy))
    .where(and(...conditions))
    .orderBy(desc(visitQuestions.createdAt), desc(visitQuestions.id));
  return rows.map(({ q, answererName }) => ({
    id: q.id,
    text: q.text,
    appointmentId: q.appointmentId,
    createdAt: q.createdAt.toISOString(),
    answered:
      q.answeredAt === null || q.answeredBy === null
        ? null
        : {
            at: q.answeredAt.toISOString(),
            by: { id: q.answeredBy, displayName: answererName ?? '' },
          },
  }));
}

/** A check-up a question may be for: one of the patient's, still scheduled. */
async function checkTarget(
  ctx: AppContext,
  access: PatientAccess,
  appointmentId: string | null | undefined,
): Promise<void> {
  if (appointmentId === undefined || appointmentId === null) return;
  const appointment = await findAppointment(ctx, access, appointmentId);
  if (appointment?.status !== 'scheduled') {
    throw new AppError('STEADY_ERR_VALIDATION', [
      { path: '/body/appointmentId', message: 'not a scheduled check-up of this patient' },
    ]);
  }
}

/** The answered columns for a change of the flag (marking again keeps who and when). */
function answeredChange(answered: boolean | undefined, found: QuestionView, by: string, at: Date) {
  if (answered === false) return { answeredAt: null, answeredBy: null };
  if (answered === true && found.answered === null) return { answeredAt: at, answeredBy: by };
  return {};
}

export function visitQuestionRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/visit-questions',
    {
      config: {
        policy: {
          kind: 'patient-data',
          category: 'care-team',
          access: 'read',
          members: DISCIPLINES,
        },
      },
      schema: {
        tags: ['checkups'],
        summary: "The patient's questions for their visits, newest first",
        params: patientParams,
        response: { 200: z.object({ questions: z.array(questionSchema) }) },
      },
    },
    async (request) => ({ questions: await loadQuestions(ctx.db, patientOf(request).patientId) }),
  );

  app.post(
    '/api/patients/:patientId/visit-questions',
    {
      config: { policy: { kind: 'patient-data', category: 'care-team', access: 'write' } },
      schema: {
        tags: ['checkups'],
        summary: 'Write a question for a check-up, or for the next visit (the patient)',
        params: patientParams,
        body: questionBody,
        response: { 201: z.object({ question: questionSchema }) },
      },
    },
    async (request, reply) => {
      const access = patientOf(request);
      const { user, patientId } = access;
      const appointmentId = request.body.appointmentId ?? null;
      await checkTarget(ctx, access, appointmentId);
      const now = ctx.now();
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await tx.insert(visitQuestions).values({
          id,
          patientId,
          appointmentId,
          text: request.body.text,
          createdAt: now,
        });
        await audit(
          tx,
          { actorId: user.id, patientId, action: 'visit-question.create', entityId: id },
          now,
        );
      });
      const created = await reloaded(loadQuestions(ctx.db, patientId, { id }));
      return reply.status(201).send({ question: created });
    },
  );

  app.patch(
    '/api/patients/:patientId/visit-questions/:questionId',
    {
      config: {
        policy: {
          kind: 'patient-data',
          category: 'care-team',
          access: 'write',
          members: DISCIPLINES,
        },
      },
      schema: {
        tags: ['checkups'],
        summary:
          'Edit or move a question (the patient), or mark it answered (the patient, or the clinician of its check-up)',
        params: questionParams,
        body: questionPatch,
        response: { 200: z.object({ question: questionSchema }) },
      },
    },
    async (request) => {
      const access = patientOf(request);
      const { user, patientId } = access;
      const { questionId } = request.params;
      const body = request.body;
      const [found] = await loadQuestions(ctx.db, patientId, { id: questionId });
      if (found === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
      if (access.as !== 'patient') {
        // A clinician only marks answered, and only questions for their own check-up.
        const onlyAnswered = body.text === undefined && body.appointmentId === undefined;
        const appointment =
          found.appointmentId === null
            ? null
            : await findAppointment(ctx, access, found.appointmentId);
        if (!onlyAnswered || appointment?.member.id !== user.id) {
          throw new AppError('STEADY_ERR_FORBIDDEN');
        }
      }
      await checkTarget(ctx, access, body.appointmentId);
      const now = ctx.now();
      const changes = {
        ...(body.text === undefined ? {} : { text: body.text }),
        ...(body.appointmentId === undefined ? {} : { appointmentId: body.appointmentId }),
        ...answeredChange(body.answered, found, user.id, now),
      };
      await ctx.db.transaction(async (tx) => {
        // Marking an answered question answered again changes nothing (and is still audited).
        if (Object.keys(changes).length > 0) {
          await tx
            .update(visitQuestions)
            .set(changes)
            .where(and(eq(visitQuestions.id, questionId), eq(visitQuestions.patientId, patientId)));
        }
        await audit(
          tx,
          {
            actorId: user.id,
            patientId,
            action: 'visit-question.update',
            entityId: questionId,
            details: {
              fields: Object.keys(body).filter((k) => body[k as keyof typeof body] !== undefined),
              ...(body.answered === undefined ? {} : { answered: body.answered }),
            },
          },
          now,
        );
      });
      const updated = await reloaded(loadQuestions(ctx.db, patientId, { id: questionId }));
      return { question: updated };
    },
  );
}
