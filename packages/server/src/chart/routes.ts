/**
 * The patient chart (clinician workspace, issue 4 item 6): per local day, the scheduled and
 * taken diazepam, pain, side effects, falls and breathing problems, and the illustrative
 * relative-level curve of diazepam and nordiazepam, over a window of the patient's days. Like
 * history, a member sees the parts consented: doses and levels need `medications`, check-ins
 * `checkins`; the rest is null and named in `hidden`.
 */
import { SIDE_EFFECT_KEYS, addDays, localDateOf, type LocalDate } from '@steady/core';
import { and, eq, gt, min, ne } from 'drizzle-orm';
import { z } from 'zod';
import { findCheckIns } from '../checkins/repo.js';
import type { AppContext } from '../context.js';
import { doseEvents } from '../db/schema.js';
import { localDaysRange } from '../doses/today.js';
import { calendarFrom, checkInsByDay, loadDoseLog, localCalendar } from '../history/daily.js';
import { maySee, patientOf } from '../http/policy.js';
import { localDateSchema, patientParams, type TypedApp } from '../http/types.js';
import { loadRegimenVersions } from '../regimen/service.js';
import { checkInDay, doseDays, regimensByDay } from './days.js';
import { WARM_UP_DAYS, chartLevels } from './levels.js';

/** Arrays the handler builds as readonly (core's shapes are readonly). */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const severity = z.enum(['none', 'mild', 'moderate', 'severe']);
const source = z.object({
  id: z.string(),
  status: z.enum(['C', 'P', 'U']),
  locator: z.string().optional(),
});

const chartResponse = z.object({
  timeZone: z.string(),
  from: localDateSchema,
  to: localDateSchema,
  hidden: list(z.enum(['medications', 'checkins'])),
  days: list(
    z.object({
      date: localDateSchema,
      doses: z
        .object({
          scheduledMg: z.number().nullable(),
          takenMg: z.number(),
          extraDoses: z.number().int(),
          extraMg: z.number(),
        })
        .nullable(),
      checkIns: z
        .object({
          count: z.number().int().positive(),
          painMean: z.number(),
          painMax: z.number(),
          sideEffects: z.object(
            Object.fromEntries(SIDE_EFFECT_KEYS.map((k) => [k, severity])) as Record<
              (typeof SIDE_EFFECT_KEYS)[number],
              typeof severity
            >,
          ),
          otherSideEffects: list(z.object({ text: z.string(), severity })),
          fall: z.enum(['none', 'near_fall', 'fall']),
          breathingProblem: z.boolean(),
        })
        .nullable(),
    }),
  ),
  levels: z
    .object({
      resolution: z.enum(['hourly', 'daily-mean']),
      warmUpDays: z.number().int(),
      reference: z
        .object({
          basis: z.enum(['regimen', 'largest-day']),
          dailyMg: z.number(),
          date: localDateSchema,
        })
        .nullable(),
      logStart: localDateSchema.nullable(),
      completeFrom: localDateSchema.nullable(),
      points: list(z.object({ at: z.string(), parent: z.number(), metabolite: z.number() })),
      halfLivesHours: z.object({ parent: z.number(), metabolite: z.number() }),
      parameters: list(
        z.object({
          name: z.string(),
          value: z.number(),
          unit: z.string().optional(),
          confirmed: z.boolean(),
          sources: list(source),
          note: z.string().optional(),
        }),
      ),
      caveats: list(z.object({ id: z.string(), text: z.string(), sources: list(source) })),
    })
    .nullable(),
});

/** Local day of the patient's first logged dose (taken or extra), or null. */
async function firstDoseDay(
  ctx: AppContext,
  patientId: string,
  zone: string,
): Promise<LocalDate | null> {
  const [row] = await ctx.db
    .select({ first: min(doseEvents.takenAt) })
    .from(doseEvents)
    .where(
      and(
        eq(doseEvents.patientId, patientId),
        ne(doseEvents.kind, 'skipped'),
        gt(doseEvents.amountMg, 0),
      ),
    );
  const first = row?.first ?? null;
  return first === null ? null : localDateOf(new Date(first).toISOString(), zone);
}

export function chartRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/chart',
    {
      // Doses and levels need `medications`, check-ins `checkins`: a member sees the parts consented.
      config: {
        policy: { kind: 'patient-data', category: ['medications', 'checkins'], access: 'read' },
      },
      schema: {
        tags: ['chart'],
        summary:
          'Per local day: scheduled and taken diazepam, pain and side effects, and the illustrative relative-level curve, between two local dates (at most 400 days; the parts the caller may not see are null and listed in `hidden`)',
        params: patientParams,
        querystring: z.object({ from: localDateSchema, to: localDateSchema }),
        response: { 200: chartResponse },
      },
    },
    async (request) => {
      const access = patientOf(request);
      const { patientId, timeZone: zone } = access;
      const { from, to } = request.query;
      const range = localDaysRange(from, to, zone);
      const showDoses = maySee(access, 'medications');
      const showCheckIns = maySee(access, 'checkins');
      const now = ctx.now();

      // One calendar of the patient's days, from the model's warm-up to the window's end.
      const warmFrom = addDays(from, -WARM_UP_DAYS);
      const calendar = localCalendar(warmFrom, to, zone);
      const windowCalendar = calendarFrom(calendar, WARM_UP_DAYS);

      const loadDoses = async () => {
        const versions = await loadRegimenVersions(ctx, patientId);
        // A dose answering one of the last day's slots may have been taken after the window.
        const lastDaySlots = (regimensByDay(versions, [to], zone)[0]?.doses ?? []).map(
          (d) => `${to}T${d.time}`,
        );
        const warmRange = { from: new Date(calendar.bounds[0] ?? 0), to: range.to };
        const { counted } = await loadDoseLog(ctx.db, patientId, warmRange, lastDaySlots);
        const logStart = await firstDoseDay(ctx, patientId, zone);
        return {
          days: doseDays(versions, counted, windowCalendar, zone),
          levels: chartLevels({
            versions,
            events: counted,
            zone,
            calendar,
            from,
            to,
            now,
            logStart,
          }),
        };
      };
      const [doses, checkIns] = await Promise.all([
        showDoses ? loadDoses() : null,
        showCheckIns ? findCheckIns(ctx.db, patientId, range) : [],
      ]);
      const byDay = checkInsByDay(checkIns, windowCalendar.dayOf);
      const days = windowCalendar.dates.map((date, i) => {
        const dayCheckIns = byDay.get(date);
        return {
          date,
          doses: doses?.days[i] ?? null,
          checkIns: dayCheckIns === undefined ? null : checkInDay(dayCheckIns),
        };
      });
      const hidden = [
        ...(showDoses ? [] : (['medications'] as const)),
        ...(showCheckIns ? [] : (['checkins'] as const)),
      ];
      return { timeZone: zone, from, to, hidden, days, levels: doses?.levels ?? null };
    },
  );
}
