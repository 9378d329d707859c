import { addDays, dailyTakenTotals, localDateOf } from '@steady/core';
import { z } from 'zod';
import { findCheckIns } from '../checkins/repo.js';
import type { AppContext } from '../context.js';
import { dayBounds } from '../doses/today.js';
import { maySee, patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { checkInsByDay, loadDoseLog, localCalendar, round1 } from './daily.js';

export function historyRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/history',
    {
      // Doses need `medications`, check-ins `checkins`: a member sees the parts consented.
      config: {
        policy: { kind: 'patient-data', category: ['medications', 'checkins'], access: 'read' },
      },
      schema: {
        tags: ['history'],
        summary:
          'Daily diazepam taken and mean pain per local day, and a timeline of doses and check-ins (the parts the caller may see; the others are listed in `hidden`)',
        params: patientParams,
        querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
      },
    },
    async (request) => {
      const access = patientOf(request);
      const { patientId, timeZone: zone } = access;
      const showDoses = maySee(access, 'medications');
      const showCheckIns = maySee(access, 'checkins');
      const to = localDateOf(ctx.now().toISOString(), zone);
      const from = addDays(to, 1 - request.query.days);
      const range = { from: dayBounds(from, zone).from, to: dayBounds(to, zone).to };
      // Superseded entries stay in the timeline but never count towards the daily total, also
      // when the correction moved the dose outside this window.
      const [{ events, counted }, checkIns] = await Promise.all([
        showDoses ? loadDoseLog(ctx.db, patientId, range) : { events: [], counted: [] },
        showCheckIns ? findCheckIns(ctx.db, patientId, range) : [],
      ]);
      const totals = dailyTakenTotals(counted, zone, { from, to });
      const pains = checkInsByDay(checkIns, localCalendar(from, to, zone).dayOf);
      const daily = [...totals].map(([date, doseMg]) => {
        const p = pains.get(date)?.map((c) => c.pain);
        return {
          date,
          doseMg: showDoses ? doseMg : null,
          pain: p === undefined ? null : round1(p.reduce((a, b) => a + b, 0) / p.length),
        };
      });
      const timeline = [
        ...events.map((event) => ({ type: 'dose' as const, at: event.takenAt, event })),
        ...checkIns.map((checkIn) => ({ type: 'checkin' as const, at: checkIn.at, checkIn })),
      ].sort((a, b) => b.at.localeCompare(a.at));
      const hidden = [
        ...(showDoses ? [] : (['medications'] as const)),
        ...(showCheckIns ? [] : (['checkins'] as const)),
      ];
      return { timeZone: zone, daily, timeline, hidden };
    },
  );
}
