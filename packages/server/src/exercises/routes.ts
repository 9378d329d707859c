/**
 * Therapist assignments (issue 8 item 3): a physical therapist's home exercises, a
 * psychologist's CBT homework, or a library technique a clinician suggests. The patient marks
 * them done (a `technique_sessions` row of kind `assignment`); the care team sees completion per
 * local week (Monday start, the patient's zone). Consent category `techniques`.
 */
import { randomUUID } from 'node:crypto';
import { localDateOf, TECHNIQUE_IDS, type LocalDate } from '@steady/core';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { MemberKind } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import { users } from '../db/schema.js';
import { techniqueAssignments, techniqueSessions } from '../db/techniquesSchema.js';
import { AppError } from '../http/errors.js';
import { patientOf } from '../http/policy.js';
import {
  idempotencyKeySchema,
  localDateSchema,
  patientParams,
  type TypedApp,
} from '../http/types.js';
import { countByWeek, weekWindow, type WeekWindow } from '../goals/weeks.js';

const KINDS = ['exercise', 'cbt', 'technique'] as const;
type AssignmentKind = (typeof KINDS)[number];

/** Who may assign what: each discipline its own homework; a prescriber anything. */
export const KINDS_BY_MEMBER: Readonly<Partial<Record<MemberKind, readonly AssignmentKind[]>>> = {
  physical_therapist: ['exercise', 'technique'],
  psychologist: ['cbt', 'technique'],
  prescriber: ['exercise', 'cbt', 'technique'],
};
const ASSIGNERS: readonly MemberKind[] = ['physical_therapist', 'psychologist', 'prescriber'];

const exerciseParams = patientParams.extend({ exerciseId: z.uuid() });
const count = (max: number) => z.number().int().min(1).max(max).nullable().default(null);

const createBody = z
  .object({
    kind: z.enum(KINDS),
    /** A library technique id (@steady/core `TECHNIQUE_IDS`); required for kind `technique`. */
    techniqueId: z.enum(TECHNIQUE_IDS).nullable().default(null),
    title: z.string().trim().min(1).max(120),
    description: z.string().trim().max(2000).nullable().default(null),
    sets: count(50),
    reps: count(500),
    minutes: count(240),
    timesPerWeek: z.number().int().min(1).max(21),
    startDate: localDateSchema.nullable().default(null),
    endDate: localDateSchema.nullable().default(null),
  })
  .strict();

const doneBody = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    note: z.string().trim().max(2000).nullable().default(null),
    minutes: z.number().int().min(1).max(240).nullable().default(null),
  })
  .strict();

type AssignmentRow = typeof techniqueAssignments.$inferSelect;

export interface ExerciseView {
  readonly id: string;
  readonly kind: AssignmentKind;
  readonly techniqueId: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly sets: number | null;
  readonly reps: number | null;
  readonly minutes: number | null;
  readonly timesPerWeek: number;
  readonly startDate: LocalDate;
  readonly endDate: LocalDate | null;
  /** `scheduled` before startDate; `ended` once ended or past endDate. */
  readonly status: 'active' | 'scheduled' | 'ended';
  readonly assignedBy: { readonly id: string; readonly displayName: string };
  readonly assignedAt: string;
  readonly endedAt: string | null;
  readonly completion: {
    readonly thisWeek: number;
    readonly doneToday: boolean;
    readonly lastDoneAt: string | null;
    /** Oldest first; the last is this week. */
    readonly weeks: readonly { weekStart: LocalDate; count: number }[];
  };
}

function statusOf(a: AssignmentRow, today: LocalDate): ExerciseView['status'] {
  if (a.endedAt !== null || (a.endDate !== null && a.endDate < today)) return 'ended';
  return a.startDate > today ? 'scheduled' : 'active';
}

/** The patient's assignments with completion over the window (one query each). */
export async function loadExercises(
  ctx: AppContext,
  patientId: string,
  zone: string,
  window: WeekWindow,
  exerciseId?: string,
): Promise<ExerciseView[]> {
  const rows = await ctx.db
    .select({ a: techniqueAssignments, assignerName: users.displayName })
    .from(techniqueAssignments)
    .innerJoin(users, eq(users.id, techniqueAssignments.assignedBy))
    .where(
      and(
        eq(techniqueAssignments.patientId, patientId),
        exerciseId === undefined ? undefined : eq(techniqueAssignments.id, exerciseId),
      ),
    )
    .orderBy(desc(techniqueAssignments.assignedAt), desc(techniqueAssignments.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.a.id);
  const sessions = await ctx.db
    .select({ assignmentId: techniqueSessions.assignmentId, at: techniqueSessions.startedAt })
    .from(techniqueSessions)
    .where(
      and(
        eq(techniqueSessions.patientId, patientId),
        isNotNull(techniqueSessions.assignmentId),
        inArray(techniqueSessions.assignmentId, ids),
      ),
    )
    .orderBy(asc(techniqueSessions.startedAt));
  const byAssignment = new Map<string, Date[]>();
  for (const s of sessions) {
    if (s.assignmentId === null) continue;
    const list = byAssignment.get(s.assignmentId) ?? [];
    list.push(s.at);
    byAssignment.set(s.assignmentId, list);
  }
  return rows.map(({ a, assignerName }) => {
    const done = byAssignment.get(a.id) ?? [];
    const inWindow = done.filter((at) => at >= window.from && at < window.to);
    const dates = inWindow.map((at) => localDateOf(at.toISOString(), zone));
    const weeks = countByWeek(window, dates);
    const last = done.at(-1);
    return {
      id: a.id,
      kind: a.kind,
      techniqueId: a.techniqueId,
      title: a.title,
      description: a.description,
      sets: a.sets,
      reps: a.reps,
      minutes: a.minutes,
      timesPerWeek: a.timesPerWeek,
      startDate: a.startDate,
      endDate: a.endDate,
      status: statusOf(a, window.today),
      assignedBy: { id: a.assignedBy, displayName: assignerName },
      assignedAt: a.assignedAt.toISOString(),
      endedAt: a.endedAt?.toISOString() ?? null,
      completion: {
        thisWeek: weeks.at(-1)?.count ?? 0,
        doneToday: dates.includes(window.today),
        lastDoneAt: last?.toISOString() ?? null,
        weeks,
      },
    };
  });
}

export function exerciseRoutes(app: TypedApp, ctx: AppContext): void {
  const one = async (patientId: string, zone: string, exerciseId: string) => {
    const [found] = await loadExercises(
      ctx,
      patientId,
      zone,
      weekWindow(ctx.now(), zone),
      exerciseId,
    );
    if (found === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
    return found;
  };

  app.post(
    '/api/patients/:patientId/exercises',
    {
      config: {
        policy: {
          kind: 'patient-data',
          category: 'techniques',
          access: 'write',
          members: ASSIGNERS,
        },
      },
      schema: {
        tags: ['exercises'],
        summary: 'Assign a home exercise, CBT homework or a technique (a clinician)',
        params: patientParams,
        body: createBody,
      },
    },
    async (request, reply) => {
      const { user, patientId, as, timeZone } = patientOf(request);
      if (as === 'patient') throw new AppError('STEADY_ERR_FORBIDDEN');
      const body = request.body;
      if (!(KINDS_BY_MEMBER[as] ?? []).includes(body.kind)) {
        throw new AppError('STEADY_ERR_KIND_NOT_ALLOWED', { kind: body.kind });
      }
      if (body.kind === 'technique' && body.techniqueId === null) {
        throw new AppError('STEADY_ERR_VALIDATION', [
          { path: '/body/techniqueId', message: 'required for a technique' },
        ]);
      }
      const now = ctx.now();
      const startDate = body.startDate ?? localDateOf(now.toISOString(), timeZone);
      if (body.endDate !== null && body.endDate < startDate) {
        throw new AppError('STEADY_ERR_VALIDATION', [
          { path: '/body/endDate', message: 'before startDate' },
        ]);
      }
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await tx.insert(techniqueAssignments).values({
          id,
          patientId,
          ...body,
          startDate,
          assignedBy: user.id,
          assignedAt: now,
        });
        await audit(
          tx,
          {
            actorId: user.id,
            patientId,
            action: 'exercise.assign',
            entityId: id,
            details: { kind: body.kind },
          },
          now,
        );
      });
      return reply.status(201).send({ exercise: await one(patientId, timeZone, id) });
    },
  );

  app.get(
    '/api/patients/:patientId/exercises',
    {
      config: { policy: { kind: 'patient-data', category: 'techniques', access: 'read' } },
      schema: {
        tags: ['exercises'],
        summary: 'Assignments with completion per local week (Monday start)',
        params: patientParams,
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      const window = weekWindow(ctx.now(), timeZone);
      return {
        timeZone,
        today: window.today,
        weeks: window.weeks,
        exercises: await loadExercises(ctx, patientId, timeZone, window),
      };
    },
  );

  app.post(
    '/api/patients/:patientId/exercises/:exerciseId/end',
    {
      config: {
        policy: {
          kind: 'patient-data',
          category: 'techniques',
          access: 'write',
          members: ASSIGNERS,
        },
      },
      schema: {
        tags: ['exercises'],
        summary: 'End an assignment (a clinician); ending again changes nothing',
        params: exerciseParams,
      },
    },
    async (request) => {
      const { user, patientId, as, timeZone } = patientOf(request);
      const { exerciseId } = request.params;
      const current = await one(patientId, timeZone, exerciseId);
      if (as === 'patient') throw new AppError('STEADY_ERR_FORBIDDEN');
      if (current.endedAt !== null) return { exercise: current };
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(techniqueAssignments)
          .set({ endedAt: now, endedBy: user.id })
          .where(
            and(
              eq(techniqueAssignments.id, exerciseId),
              eq(techniqueAssignments.patientId, patientId),
            ),
          );
        await audit(
          tx,
          { actorId: user.id, patientId, action: 'exercise.end', entityId: exerciseId },
          now,
        );
      });
      return { exercise: await one(patientId, timeZone, exerciseId) };
    },
  );

  app.post(
    '/api/patients/:patientId/exercises/:exerciseId/done',
    {
      config: { policy: { kind: 'patient-data', category: 'techniques', access: 'write' } },
      schema: {
        tags: ['exercises'],
        summary: 'Mark an assignment done now (the patient; idempotent)',
        params: exerciseParams,
        body: doneBody,
      },
    },
    async (request, reply) => {
      const { user, patientId, timeZone } = patientOf(request);
      const { exerciseId } = request.params;
      const { idempotencyKey, note, minutes } = request.body;
      const current = await one(patientId, timeZone, exerciseId);
      const [replay] = await ctx.db
        .select({ assignmentId: techniqueSessions.assignmentId })
        .from(techniqueSessions)
        .where(
          and(
            eq(techniqueSessions.patientId, patientId),
            eq(techniqueSessions.idempotencyKey, idempotencyKey),
          ),
        );
      if (replay !== undefined) {
        if (replay.assignmentId !== exerciseId) {
          throw new AppError('STEADY_ERR_IDEMPOTENCY_CONFLICT');
        }
        return reply.status(200).send({ exercise: current });
      }
      if (current.status !== 'active') throw new AppError('STEADY_ERR_EXERCISE_ENDED');
      const now = ctx.now();
      const id = randomUUID();
      const inserted = await ctx.db.transaction(async (tx) => {
        const rows = await tx
          .insert(techniqueSessions)
          .values({
            id,
            patientId,
            techniqueId: current.techniqueId ?? current.kind,
            kind: 'assignment',
            assignmentId: exerciseId,
            startedAt: now,
            durationMinutes: minutes ?? current.minutes,
            note,
            idempotencyKey,
            createdAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: techniqueSessions.id });
        if (rows.length === 1) {
          await audit(
            tx,
            { actorId: user.id, patientId, action: 'exercise.done', entityId: exerciseId },
            now,
          );
        }
        return rows.length === 1;
      });
      return reply
        .status(inserted ? 201 : 200)
        .send({ exercise: await one(patientId, timeZone, exerciseId) });
    },
  );
}
