/**
 * Withdrawal check-ins of a taper (consent category `medications`): the patient answers the
 * one that is due; the patient and members who share medications read the schedule and the
 * checklist totals per step. See docs/taper-patient.md.
 */
import { z } from 'zod';
import { guidanceSchema, responseSchema } from '../questionnaires/schemas.js';
import { patientOf } from '../http/policy.js';
import {
  idempotencyKeySchema,
  localDateSchema,
  patientParams,
  type TypedApp,
} from '../http/types.js';
import type { AppContext } from '../context.js';
import { answerCheckIn, checkInsView } from './checkIns.js';

const TAGS = ['taper'];
/** The withdrawal checklist has 31 items; leave room, refuse floods. */
const MAX_ANSWERS = 100;

const checkInSchema = z.object({
  date: localDateSchema,
  kind: z.enum(['step', 'followUp']),
  /** The step it follows; null for follow-up check-ins after the last step. */
  stepIndex: z.number().int().nullable(),
  daysAfterStep: z.number().int(),
  status: z.enum(['due', 'answered', 'upcoming', 'missed']),
  /** Last local day it can be answered. */
  openUntil: localDateSchema,
  responseId: z.uuid().nullable(),
});

const stepScoresSchema = z.object({
  stepIndex: z.number().int(),
  startDate: localDateSchema,
  dailyTotalMg: z.number(),
  scores: z
    .array(z.object({ at: z.string(), total: z.number(), daysAfterStep: z.number().int() }))
    .readonly(),
});

const checkInsResponse = z.object({
  schedule: z.array(checkInSchema).readonly(),
  byStep: z.array(stepScoresSchema).readonly(),
});

export const checkInAnswerBody = z.object({
  idempotencyKey: idempotencyKeySchema,
  /** The check-in answered: its date, as in the schedule (the patient's local date). */
  date: localDateSchema,
  /** Withdrawal-checklist item id → severity (0 none … 3 severe). */
  answers: z
    .record(z.string().min(1).max(64), z.number().int().min(0).max(3))
    .refine((a) => Object.keys(a).length <= MAX_ANSWERS, {
      message: `at most ${String(MAX_ANSWERS)} answers`,
    }),
});

const answerResponse = z.object({
  response: responseSchema,
  guidance: z.array(guidanceSchema).readonly(),
});

export function taperCheckInRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/taper/check-ins',
    {
      config: { policy: { kind: 'patient-data', category: 'medications', access: 'read' } },
      schema: {
        tags: TAGS,
        summary:
          'Withdrawal check-ins of the taper in force (after each step, then follow-up) and checklist totals per step',
        params: patientParams,
        response: { 200: checkInsResponse },
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      return checkInsView(ctx, patientId, timeZone);
    },
  );

  app.post(
    '/api/patients/:patientId/taper/check-ins',
    {
      config: { policy: { kind: 'patient-data', category: 'medications', access: 'write' } },
      schema: {
        tags: TAGS,
        summary:
          'Answer the withdrawal check-in that is due (the patient): scored at once, with the guidance the answers call for',
        params: patientParams,
        body: checkInAnswerBody,
        response: { 200: answerResponse, 201: answerResponse },
      },
    },
    async (request, reply) => {
      const { patientId, timeZone } = patientOf(request);
      const { created, response, guidance } = await answerCheckIn(
        ctx,
        { id: patientId, timeZone },
        request.body,
      );
      return reply.status(created ? 201 : 200).send({ response, guidance });
    },
  );
}
