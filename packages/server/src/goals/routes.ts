/**
 * Meaningful-activity goals (issue 8 item 5): the patient sets what, how often and by when, taps
 * "I did it", and sees weekly progress (Monday-start local weeks). Care-team members with
 * `techniques` consent read them. Function over time is the PEG series (`GET …/function`,
 * consent `questionnaires`, so the access log records a questionnaires read).
 */
import { randomUUID } from 'node:crypto';
import { addDays, localDateOf, PEG_ITEM_IDS, type LocalDate } from '@steady/core';
import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { questionnaireResponses } from '../db/careSchema.js';
import { goalEntries, goals } from '../db/techniquesSchema.js';
import { AppError } from '../http/errors.js';
import { patientOf } from '../http/policy.js';
import {
  idempotencyKeySchema,
  localDateSchema,
  patientParams,
  type TypedApp,
} from '../http/types.js';
import { countByWeek, weekWindow, WEEKS_SHOWN, type WeekWindow } from './weeks.js';

const goalParams = patientParams.extend({ goalId: z.uuid() });
const entryParams = goalParams.extend({ entryId: z.uuid() });
const what = z.string().trim().min(1).max(200);
const timesPerWeek = z.number().int().min(1).max(21);

const createBody = z
  .object({ what, timesPerWeek, byDate: localDateSchema.nullable().default(null) })
  .strict();
const patchBody = z
  .object({
    what: what.optional(),
    timesPerWeek: timesPerWeek.optional(),
    byDate: localDateSchema.nullable().optional(),
    achieved: z.boolean().optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
const entryBody = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    on: localDateSchema.optional(),
    note: z.string().trim().max(500).nullable().default(null),
  })
  .strict();

/** How far back "I did it" may be entered (the weeks shown). */
const BACKDATE_DAYS = WEEKS_SHOWN * 7;

type GoalRow = typeof goals.$inferSelect;
type EntryRow = typeof goalEntries.$inferSelect;

function entryView(e: EntryRow) {
  return { id: e.id, on: e.on, note: e.note, createdAt: e.createdAt.toISOString() };
}

function goalView(g: GoalRow, entries: readonly EntryRow[], window: WeekWindow) {
  const weeks = countByWeek(
    window,
    entries.map((e) => e.on),
  );
  return {
    id: g.id,
    what: g.what,
    timesPerWeek: g.timesPerWeek,
    byDate: g.byDate,
    createdAt: g.createdAt.toISOString(),
    achievedAt: g.achievedAt?.toISOString() ?? null,
    archivedAt: g.archivedAt?.toISOString() ?? null,
    status: g.archivedAt !== null ? 'archived' : g.achievedAt !== null ? 'achieved' : 'active',
    progress: { thisWeek: weeks.at(-1)?.count ?? 0, weeks },
    /** Today's entries, newest first (the patient may undo them). */
    today: entries
      .filter((e) => e.on === window.today)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map(entryView),
  };
}

async function loadGoals(ctx: AppContext, patientId: string, window: WeekWindow, goalId?: string) {
  const rows = await ctx.db
    .select()
    .from(goals)
    .where(
      and(eq(goals.patientId, patientId), goalId === undefined ? undefined : eq(goals.id, goalId)),
    )
    .orderBy(desc(goals.createdAt), desc(goals.id));
  if (rows.length === 0) return [];
  const entries = await ctx.db
    .select()
    .from(goalEntries)
    .where(
      and(
        eq(goalEntries.patientId, patientId),
        inArray(
          goalEntries.goalId,
          rows.map((g) => g.id),
        ),
        gte(goalEntries.on, window.weeks[0] ?? window.today),
      ),
    )
    .orderBy(asc(goalEntries.on));
  return rows.map((g) =>
    goalView(
      g,
      entries.filter((e) => e.goalId === g.id),
      window,
    ),
  );
}

export function goalRoutes(app: TypedApp, ctx: AppContext): void {
  const one = async (patientId: string, zone: string, goalId: string) => {
    const [found] = await loadGoals(ctx, patientId, weekWindow(ctx.now(), zone), goalId);
    if (found === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
    return found;
  };

  app.get(
    '/api/patients/:patientId/goals',
    {
      config: { policy: { kind: 'patient-data', category: 'techniques', access: 'read' } },
      schema: {
        tags: ['goals'],
        summary: 'Goals with weekly progress (local weeks, Monday start), newest first',
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
        goals: await loadGoals(ctx, patientId, window),
      };
    },
  );

  app.post(
    '/api/patients/:patientId/goals',
    {
      config: { policy: { kind: 'patient-data', category: 'techniques', access: 'write' } },
      schema: {
        tags: ['goals'],
        summary: 'Set a goal (the patient)',
        params: patientParams,
        body: createBody,
      },
    },
    async (request, reply) => {
      const { user, patientId, timeZone } = patientOf(request);
      const now = ctx.now();
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await tx.insert(goals).values({ id, patientId, ...request.body, createdAt: now });
        await audit(tx, { actorId: user.id, patientId, action: 'goal.create', entityId: id }, now);
      });
      return reply.status(201).send({ goal: await one(patientId, timeZone, id) });
    },
  );

  app.patch(
    '/api/patients/:patientId/goals/:goalId',
    {
      config: { policy: { kind: 'patient-data', category: 'techniques', access: 'write' } },
      schema: {
        tags: ['goals'],
        summary: 'Edit a goal, mark it achieved or archive it (the patient)',
        params: goalParams,
        body: patchBody,
      },
    },
    async (request) => {
      const { user, patientId, timeZone } = patientOf(request);
      const { goalId } = request.params;
      const current = await one(patientId, timeZone, goalId);
      const { achieved, archived, ...fields } = request.body;
      const now = ctx.now();
      const keep = (flag: boolean | undefined, at: string | null) =>
        flag === undefined ? undefined : flag ? (at === null ? now : new Date(at)) : null;
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(goals)
          .set({
            ...fields,
            achievedAt: keep(achieved, current.achievedAt),
            archivedAt: keep(archived, current.archivedAt),
          })
          .where(and(eq(goals.id, goalId), eq(goals.patientId, patientId)));
        await audit(
          tx,
          {
            actorId: user.id,
            patientId,
            action: 'goal.update',
            entityId: goalId,
            details: { fields: Object.keys(request.body) },
          },
          now,
        );
      });
      return { goal: await one(patientId, timeZone, goalId) };
    },
  );

  app.post(
    '/api/patients/:patientId/goals/:goalId/entries',
    {
      config: { policy: { kind: 'patient-data', category: 'techniques', access: 'write' } },
      schema: {
        tags: ['goals'],
        summary: '"I did it" on a local day (default today; the patient; idempotent)',
        params: goalParams,
        body: entryBody,
      },
    },
    async (request, reply) => {
      const { user, patientId, timeZone } = patientOf(request);
      const { goalId } = request.params;
      const { idempotencyKey, note } = request.body;
      const current = await one(patientId, timeZone, goalId);
      const [replay] = await ctx.db
        .select()
        .from(goalEntries)
        .where(
          and(eq(goalEntries.patientId, patientId), eq(goalEntries.idempotencyKey, idempotencyKey)),
        );
      if (replay !== undefined) {
        if (replay.goalId !== goalId) throw new AppError('STEADY_ERR_IDEMPOTENCY_CONFLICT');
        return reply.status(200).send({ entry: entryView(replay), goal: current });
      }
      if (current.status === 'archived') throw new AppError('STEADY_ERR_GOAL_ARCHIVED');
      const now = ctx.now();
      const today = localDateOf(now.toISOString(), timeZone);
      const on = request.body.on ?? today;
      if (on > today || on < addDays(today, -BACKDATE_DAYS)) {
        throw new AppError('STEADY_ERR_VALIDATION', [
          { path: '/body/on', message: `between ${addDays(today, -BACKDATE_DAYS)} and ${today}` },
        ]);
      }
      const id = randomUUID();
      const inserted = await ctx.db.transaction(async (tx) => {
        const rows = await tx
          .insert(goalEntries)
          .values({ id, goalId, patientId, on, note, idempotencyKey, createdAt: now })
          .onConflictDoNothing()
          .returning();
        if (rows[0] !== undefined) {
          await audit(
            tx,
            { actorId: user.id, patientId, action: 'goal.entry.create', entityId: id },
            now,
          );
        }
        return rows[0];
      });
      if (inserted === undefined) throw new AppError('STEADY_ERR_IDEMPOTENCY_CONFLICT');
      return reply
        .status(201)
        .send({ entry: entryView(inserted), goal: await one(patientId, timeZone, goalId) });
    },
  );

  app.delete(
    '/api/patients/:patientId/goals/:goalId/entries/:entryId',
    {
      config: { policy: { kind: 'patient-data', category: 'techniques', access: 'write' } },
      schema: {
        tags: ['goals'],
        summary: 'Undo an "I did it" made today (the patient)',
        params: entryParams,
      },
    },
    async (request, reply) => {
      const { user, patientId, timeZone } = patientOf(request);
      const { goalId, entryId } = request.params;
      const where = and(
        eq(goalEntries.id, entryId),
        eq(goalEntries.goalId, goalId),
        eq(goalEntries.patientId, patientId),
      );
      const [entry] = await ctx.db.select().from(goalEntries).where(where);
      if (entry === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
      const now = ctx.now();
      const today = localDateOf(now.toISOString(), timeZone);
      if (localDateOf(entry.createdAt.toISOString(), timeZone) !== today) {
        throw new AppError('STEADY_ERR_UNDO_TOO_LATE');
      }
      await ctx.db.transaction(async (tx) => {
        await tx.delete(goalEntries).where(where);
        await audit(
          tx,
          { actorId: user.id, patientId, action: 'goal.entry.delete', entityId: entryId },
          now,
        );
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/patients/:patientId/function',
    {
      config: { policy: { kind: 'patient-data', category: 'questionnaires', access: 'read' } },
      schema: {
        tags: ['goals'],
        summary: 'Function over time: PEG answers of the last year, oldest first',
        params: patientParams,
      },
    },
    async (request) => {
      const { patientId } = patientOf(request);
      const since = new Date(ctx.now().getTime() - 366 * 24 * 3600 * 1000);
      const rows = await ctx.db
        .select({
          at: questionnaireResponses.at,
          total: questionnaireResponses.total,
          answers: questionnaireResponses.answers,
        })
        .from(questionnaireResponses)
        .where(
          and(
            eq(questionnaireResponses.patientId, patientId),
            eq(questionnaireResponses.instrumentId, 'peg'),
            gte(questionnaireResponses.at, since),
          ),
        )
        .orderBy(asc(questionnaireResponses.at));
      const item = (answers: Record<string, number | null>, id: string) => answers[id] ?? null;
      return {
        instrumentId: 'peg',
        sources: ['KREBS-2009'],
        peg: rows.map((r) => ({
          at: r.at.toISOString(),
          total: r.total,
          pain: item(r.answers, PEG_ITEM_IDS.pain),
          enjoyment: item(r.answers, PEG_ITEM_IDS.enjoyment),
          activity: item(r.answers, PEG_ITEM_IDS.activity),
        })),
      };
    },
  );
}

export type GoalView = ReturnType<typeof goalView>;
export type { LocalDate };
