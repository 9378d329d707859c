/**
 * "Since the last visit": what changed for the patient between a check-up and now — dose
 * changes, adherence and pain against the 30 days before, side effects that appeared or
 * worsened, alerts opened or resolved, and the questions still open. Each part needs the
 * consent its data needs; the parts the caller may not see are null and named in `hidden`.
 */
import {
  addDays,
  computeAdherence,
  localDateOf,
  regimenOn,
  SIDE_EFFECT_KEYS,
  type CheckIn,
  type LocalDate,
  type Severity4,
} from '@steady/core';
import { z } from 'zod';
import { DISCIPLINES, type DataCategory } from '../careteam/consent.js';
import { listAlerts, viewerOf } from '../alerts/repo.js';
import { findCheckIns } from '../checkins/repo.js';
import type { AppContext } from '../context.js';
import { findDoseEvents } from '../doses/repo.js';
import { dayBounds } from '../doses/today.js';
import { AppError } from '../http/errors.js';
import { maySee, patientOf, type PatientAccess } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { loadRegimenVersions, type RegimenVersionView } from '../regimen/service.js';
import { findAppointment, loadAppointments } from './appointments.js';
import { loadQuestions } from './questions.js';
import { summarySchema, type AppointmentView, type VisitSummary } from './schemas.js';

/** Any one of these lets a clinician in; each part then needs its own (see PART_CATEGORY). */
const CATEGORIES: readonly DataCategory[] = ['medications', 'checkins', 'questionnaires'];
const PART_CATEGORY = {
  doseChanges: 'medications',
  adherence: 'medications',
  pain: 'checkins',
  sideEffects: 'checkins',
} as const satisfies Record<VisitSummary['hidden'][number], DataCategory>;

/** Without a past check-up, the summary covers this many local days (today included). */
export const FALLBACK_DAYS = 30;
/** The comparison window: this many local days before the period. */
export const BEFORE_DAYS = 30;

const DAY_MS = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const SEVERITY_RANK: Readonly<Record<Severity4, number>> = {
  none: 0,
  mild: 1,
  moderate: 2,
  severe: 3,
};

const compare = (before: number | null, since: number | null, round: (n: number) => number) => ({
  before: before === null ? null : round(before),
  since: since === null ? null : round(since),
  change: before === null || since === null ? null : round(since - before),
});

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

const dailyMg = (v: RegimenVersionView) => v.doses.reduce((sum, d) => sum + d.amountMg, 0);

interface Period {
  readonly appointment: AppointmentView | null;
  readonly from: Date;
  readonly now: Date;
  readonly fromDate: LocalDate;
  readonly toDate: LocalDate;
  readonly beforeFromDate: LocalDate;
  /** Start of the comparison window (the first instant of `beforeFromDate`). */
  readonly beforeFrom: Date;
}

/**
 * The period: from the named check-up, else from the caller's most recent check-up that took
 * place (the patient's: any clinician's), else the last 30 local days.
 */
async function periodOf(
  ctx: AppContext,
  access: PatientAccess,
  appointmentId: string | undefined,
): Promise<Period> {
  const now = ctx.now();
  const zone = access.timeZone;
  let appointment: AppointmentView | null;
  if (appointmentId !== undefined) {
    appointment = await findAppointment(ctx, access, appointmentId);
    if (appointment === null) throw new AppError('STEADY_ERR_NOT_FOUND');
    if (appointment.status === 'cancelled' || Date.parse(appointment.startsAt) > now.getTime()) {
      throw new AppError('STEADY_ERR_VALIDATION', [
        { path: '/querystring/appointmentId', message: 'not a check-up that has taken place' },
      ]);
    }
  } else {
    const [last] = await loadAppointments(ctx.db, access.patientId, zone, now, {
      tookPlace: true,
      ...(access.as === 'patient' ? {} : { memberId: access.user.id }),
    });
    appointment = last ?? null;
  }
  const toDate = localDateOf(now.toISOString(), zone);
  const from =
    appointment === null
      ? dayBounds(addDays(toDate, 1 - FALLBACK_DAYS), zone).from
      : new Date(appointment.startsAt);
  const fromDate = localDateOf(from.toISOString(), zone);
  const beforeFromDate = addDays(fromDate, -BEFORE_DAYS);
  return {
    appointment,
    from,
    now,
    fromDate,
    toDate,
    beforeFromDate,
    beforeFrom: dayBounds(beforeFromDate, zone).from,
  };
}

/** Regimen versions recorded in the period, and the scheduled dose in force when it began. */
function doseChanges(versions: readonly RegimenVersionView[], p: Period, zone: string) {
  const recordedBefore = versions.filter((v) => Date.parse(v.createdAt) < p.from.getTime());
  const inForce = regimenOn(recordedBefore, p.fromDate, zone);
  const before = recordedBefore.find((v) => v.id === inForce?.id) ?? null;
  return {
    before: before === null ? null : { version: before.version, dailyMg: dailyMg(before) },
    versions: versions
      .filter((v) => {
        const at = Date.parse(v.createdAt);
        return at >= p.from.getTime() && at <= p.now.getTime();
      })
      .map((v) => ({
        id: v.id,
        version: v.version,
        createdAt: v.createdAt,
        startDate: v.startDate,
        endDate: v.endDate,
        dailyMg: dailyMg(v),
        doses: [...v.doses],
        asNeeded: v.asNeeded,
        reason: v.reason,
        enteredBy: v.enteredBy,
      })),
  };
}

/** Taken ÷ due in the period's local days against the 30 days before (core computeAdherence). */
async function adherence(
  ctx: AppContext,
  patientId: string,
  versions: readonly RegimenVersionView[],
  p: Period,
  zone: string,
) {
  if (versions.length === 0) return compare(null, null, round2);
  // A day's margin on each side for slots logged early or late.
  const events = await findDoseEvents(ctx.db, patientId, {
    from: new Date(p.beforeFrom.getTime() - DAY_MS),
    to: new Date(dayBounds(p.toDate, zone).to.getTime() + DAY_MS),
  });
  const share = (from: LocalDate, to: LocalDate) =>
    computeAdherence({ versions, events, zone, from, to, now: p.now.toISOString() }).takenShare;
  return compare(
    share(p.beforeFromDate, addDays(p.fromDate, -1)),
    share(p.fromDate, p.toDate),
    round2,
  );
}

function pain(before: readonly CheckIn[], since: readonly CheckIn[]) {
  return {
    ...compare(mean(before.map((c) => c.pain)), mean(since.map((c) => c.pain)), round1),
    checkIns: since.length,
    checkInsBefore: before.length,
  };
}

/** Rated side effects whose worst rating rose, and the other side effects described. */
function sideEffects(before: readonly CheckIn[], since: readonly CheckIn[]) {
  const worst = (list: readonly CheckIn[], key: (typeof SIDE_EFFECT_KEYS)[number]) =>
    list.length === 0
      ? null
      : list
          .map((c) => c.sideEffects[key])
          .reduce((a, b) => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a), 'none');
  const changes = SIDE_EFFECT_KEYS.flatMap((key) => {
    const then = worst(before, key);
    const now = worst(since, key);
    if (now === null || SEVERITY_RANK[now] <= SEVERITY_RANK[then ?? 'none']) return [];
    const change = then === null || then === 'none' ? 'appeared' : 'worsened';
    return [{ key, change, before: then, since: now } as const];
  });
  const other = since.flatMap((c) =>
    c.otherSideEffect === null || c.otherSideEffect.severity === 'none'
      ? []
      : [{ at: c.at, text: c.otherSideEffect.text, severity: c.otherSideEffect.severity }],
  );
  return { changes, other };
}

async function alertsIn(ctx: AppContext, access: PatientAccess, p: Period) {
  await ctx.alerts?.settled(access.patientId);
  const list = await listAlerts(ctx.db, access.patientId, viewerOf(access), { status: 'all' });
  const inPeriod = (at: string) =>
    Date.parse(at) >= p.from.getTime() && Date.parse(at) <= p.now.getTime();
  const brief = (a: (typeof list)[number], at: string) => ({
    id: a.id,
    signalId: a.signalId,
    severity: a.severity,
    title: a.title,
    status: a.status,
    at,
  });
  return {
    opened: list.filter((a) => inPeriod(a.firstSeen)).map((a) => brief(a, a.firstSeen)),
    resolved: list.flatMap((a) =>
      a.resolved !== null && inPeriod(a.resolved.at) ? [brief(a, a.resolved.at)] : [],
    ),
  };
}

export async function visitSummary(
  ctx: AppContext,
  access: PatientAccess,
  appointmentId: string | undefined,
): Promise<VisitSummary> {
  const { patientId, timeZone: zone } = access;
  const p = await periodOf(ctx, access, appointmentId);
  const shown = (part: keyof typeof PART_CATEGORY) => maySee(access, PART_CATEGORY[part]);
  const medications = shown('doseChanges');
  const checkins = shown('pain');
  const [versions, checkIns, alerts, questions] = await Promise.all([
    medications ? loadRegimenVersions(ctx, patientId) : [],
    checkins
      ? findCheckIns(ctx.db, patientId, { from: p.beforeFrom, to: new Date(p.now.getTime() + 1) })
      : [],
    alertsIn(ctx, access, p),
    loadQuestions(ctx.db, patientId, { open: true }),
  ]);
  const before = checkIns.filter((c) => Date.parse(c.at) < p.from.getTime());
  const since = checkIns.filter((c) => Date.parse(c.at) >= p.from.getTime());
  return {
    timeZone: zone,
    period: {
      basis: p.appointment === null ? 'last-30-days' : 'appointment',
      appointment: p.appointment,
      from: p.from.toISOString(),
      to: p.now.toISOString(),
      fromDate: p.fromDate,
      toDate: p.toDate,
      beforeFromDate: p.beforeFromDate,
    },
    doseChanges: medications ? doseChanges(versions, p, zone) : null,
    adherence: medications ? await adherence(ctx, patientId, versions, p, zone) : null,
    pain: checkins ? pain(before, since) : null,
    sideEffects: checkins ? sideEffects(before, since) : null,
    alerts,
    questions,
    hidden: (Object.keys(PART_CATEGORY) as (keyof typeof PART_CATEGORY)[]).filter(
      (part) => !shown(part),
    ),
  };
}

export function visitSummaryRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/visit-summary',
    {
      // A view of health data: any one category lets a clinician in (and the access log then
      // names each category read); each part checks its own. Caregivers: not a clinical view.
      config: {
        policy: {
          kind: 'patient-data',
          category: CATEGORIES,
          access: 'read',
          members: DISCIPLINES,
        },
      },
      schema: {
        tags: ['checkups'],
        summary:
          'What changed since a check-up (default: the caller’s most recent one that took place; none → the last 30 days); parts the caller may not see are null and listed in `hidden`',
        params: patientParams,
        querystring: z.object({ appointmentId: z.uuid().optional() }),
        response: { 200: summarySchema },
      },
    },
    async (request) => visitSummary(ctx, patientOf(request), request.query.appointmentId),
  );
}
