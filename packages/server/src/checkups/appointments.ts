/**
 * Check-ups: appointments of the patient with one clinician of their care team. Every linked
 * member reads them (it helps the team coordinate); the patient books with any linked
 * clinician, a clinician books, moves and closes only their own check-ups.
 */
import { randomUUID } from 'node:crypto';
import { localDateOf, localTimeOf } from '@steady/core';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { DISCIPLINES } from '../careteam/consent.js';
import { findActiveLink } from '../careteam/repo.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { appointments, users, visitQuestions } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { patientOf, type PatientAccess } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import {
  APPOINTMENT_SCOPES,
  appointmentBody,
  appointmentPatch,
  appointmentSchema,
  type AppointmentView,
} from './schemas.js';

const MINUTE_MS = 60_000;
const appointmentParams = patientParams.extend({ appointmentId: z.uuid() });

/** SQL: the end of a check-up (start + duration). */
const endsAt = sql`(${appointments.startsAt} + ${appointments.durationMinutes} * interval '1 minute')`;

export interface AppointmentFilter {
  readonly scope?: (typeof APPOINTMENT_SCOPES)[number];
  readonly id?: string;
  /** Only check-ups with this clinician. */
  readonly memberId?: string;
  /** Only check-ups that took place by `now`: done, or scheduled and over (not cancelled). */
  readonly tookPlace?: boolean;
}

/**
 * Check-ups of a patient, each with the clinician and who booked it. Upcoming (not yet over,
 * whatever the status) soonest first; past (over) and all, most recent first.
 */
export async function loadAppointments(
  db: Db,
  patientId: string,
  zone: string,
  now: Date,
  filter: AppointmentFilter = {},
): Promise<AppointmentView[]> {
  const member = alias(users, 'member');
  const creator = alias(users, 'creator');
  const at = now.toISOString();
  const over = sql`${endsAt} <= ${at}::timestamptz`;
  const conditions: (SQL | undefined)[] = [
    eq(appointments.patientId, patientId),
    filter.id === undefined ? undefined : eq(appointments.id, filter.id),
    filter.memberId === undefined ? undefined : eq(appointments.memberId, filter.memberId),
    filter.scope === 'upcoming' ? sql`${endsAt} > ${at}::timestamptz` : undefined,
    filter.scope === 'past' ? over : undefined,
    filter.tookPlace === true
      ? sql`(${appointments.status} = 'done' or (${appointments.status} = 'scheduled' and ${over}))`
      : undefined,
  ];
  const order =
    filter.scope === 'upcoming'
      ? [asc(appointments.startsAt), asc(appointments.id)]
      : [desc(appointments.startsAt), desc(appointments.id)];
  const rows = await db
    .select({
      a: appointments,
      memberName: member.displayName,
      discipline: member.discipline,
      creatorName: creator.displayName,
    })
    .from(appointments)
    .innerJoin(member, eq(member.id, appointments.memberId))
    .innerJoin(creator, eq(creator.id, appointments.createdBy))
    .where(and(...conditions))
    .orderBy(...order);
  return rows.map(({ a, memberName, discipline, creatorName }) => {
    const startsAt = a.startsAt.toISOString();
    return {
      id: a.id,
      startsAt,
      endsAt: new Date(a.startsAt.getTime() + a.durationMinutes * MINUTE_MS).toISOString(),
      localDate: localDateOf(startsAt, zone),
      localTime: localTimeOf(startsAt, zone),
      durationMinutes: a.durationMinutes,
      mode: a.mode,
      location: a.location,
      note: a.note,
      status: a.status,
      member: { id: a.memberId, displayName: memberName, discipline },
      createdBy: { id: a.createdBy, displayName: creatorName },
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    };
  });
}

export async function findAppointment(
  ctx: AppContext,
  access: PatientAccess,
  appointmentId: string,
): Promise<AppointmentView | null> {
  const [found] = await loadAppointments(ctx.db, access.patientId, access.timeZone, ctx.now(), {
    id: appointmentId,
  });
  return found ?? null;
}

/** Whether the caller may change this check-up: the patient, or the clinician it is with. */
export function mayChange(access: PatientAccess, appointment: AppointmentView): boolean {
  return access.as === 'patient' || appointment.member.id === access.user.id;
}

const invalid = (path: string, message: string) =>
  new AppError('STEADY_ERR_VALIDATION', [{ path, message }]);

export function appointmentRoutes(app: TypedApp, ctx: AppContext): void {
  const write = {
    policy: { kind: 'patient-data', category: 'care-team', access: 'write', members: DISCIPLINES },
  } as const;

  app.get(
    '/api/patients/:patientId/appointments',
    {
      config: { policy: { kind: 'patient-data', category: 'care-team', access: 'read' } },
      schema: {
        tags: ['checkups'],
        summary:
          "The patient's check-ups (every linked member reads them): upcoming soonest first, past most recent first",
        params: patientParams,
        querystring: z.object({ scope: z.enum(APPOINTMENT_SCOPES).default('upcoming') }),
        response: {
          200: z.object({ timeZone: z.string(), appointments: z.array(appointmentSchema) }),
        },
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      const list = await loadAppointments(ctx.db, patientId, timeZone, ctx.now(), {
        scope: request.query.scope,
      });
      return { timeZone, appointments: list };
    },
  );

  app.post(
    '/api/patients/:patientId/appointments',
    {
      config: write,
      schema: {
        tags: ['checkups'],
        summary:
          'Book a check-up: the patient with any linked clinician, a clinician with themself',
        params: patientParams,
        body: appointmentBody,
        response: { 201: z.object({ appointment: appointmentSchema }) },
      },
    },
    async (request, reply) => {
      const access = patientOf(request);
      const { user, patientId } = access;
      const body = request.body;
      if (access.as !== 'patient' && body.memberId !== user.id) {
        throw new AppError('STEADY_ERR_FORBIDDEN');
      }
      const memberLink = await findActiveLink(ctx.db, body.memberId, patientId);
      if (memberLink === null || memberLink.memberKind === 'caregiver') {
        throw invalid('/body/memberId', 'not a clinician of the care team');
      }
      const now = ctx.now();
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await tx.insert(appointments).values({
          id,
          patientId,
          memberId: body.memberId,
          startsAt: new Date(body.startsAt),
          durationMinutes: body.durationMinutes,
          mode: body.mode,
          location: body.location ?? null,
          note: body.note ?? null,
          status: 'scheduled',
          createdBy: user.id,
          createdAt: now,
          updatedAt: now,
        });
        await audit(
          tx,
          { actorId: user.id, patientId, action: 'appointment.create', entityId: id },
          now,
        );
      });
      const created = await findAppointment(ctx, access, id);
      if (created === null) throw new AppError('STEADY_ERR_INTERNAL');
      return reply.status(201).send({ appointment: created });
    },
  );

  app.patch(
    '/api/patients/:patientId/appointments/:appointmentId',
    {
      config: write,
      schema: {
        tags: ['checkups'],
        summary:
          'Move, change, cancel or mark done a scheduled check-up (the patient, or the clinician it is with)',
        params: appointmentParams,
        body: appointmentPatch,
        response: { 200: z.object({ appointment: appointmentSchema }) },
      },
    },
    async (request) => {
      const access = patientOf(request);
      const { user, patientId } = access;
      const { appointmentId } = request.params;
      const found = await findAppointment(ctx, access, appointmentId);
      if (found === null) throw new AppError('STEADY_ERR_NOT_FOUND');
      if (!mayChange(access, found)) throw new AppError('STEADY_ERR_FORBIDDEN');
      if (found.status !== 'scheduled') throw new AppError('STEADY_ERR_APPOINTMENT_CLOSED');
      const body = request.body;
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const changed = await tx
          .update(appointments)
          .set({
            ...(body.startsAt === undefined ? {} : { startsAt: new Date(body.startsAt) }),
            ...(body.durationMinutes === undefined
              ? {}
              : { durationMinutes: body.durationMinutes }),
            ...(body.mode === undefined ? {} : { mode: body.mode }),
            ...(body.location === undefined ? {} : { location: body.location }),
            ...(body.note === undefined ? {} : { note: body.note }),
            ...(body.status === undefined ? {} : { status: body.status }),
            updatedAt: now,
          })
          .where(
            and(
              eq(appointments.id, appointmentId),
              eq(appointments.patientId, patientId),
              eq(appointments.status, 'scheduled'),
            ),
          )
          .returning({ id: appointments.id });
        // Closed by someone else in the meantime.
        if (changed.length === 0) throw new AppError('STEADY_ERR_APPOINTMENT_CLOSED');
        // Questions for a cancelled check-up are not lost: they wait for the next visit.
        if (body.status === 'cancelled') {
          await tx
            .update(visitQuestions)
            .set({ appointmentId: null })
            .where(
              and(
                eq(visitQuestions.patientId, patientId),
                eq(visitQuestions.appointmentId, appointmentId),
                sql`${visitQuestions.answeredAt} is null`,
              ),
            );
        }
        await audit(
          tx,
          {
            actorId: user.id,
            patientId,
            action: 'appointment.update',
            entityId: appointmentId,
            details: {
              fields: Object.keys(body).filter((k) => body[k as keyof typeof body] !== undefined),
              status: body.status ?? 'scheduled',
            },
          },
          now,
        );
      });
      const updated = await findAppointment(ctx, access, appointmentId);
      if (updated === null) throw new AppError('STEADY_ERR_INTERNAL');
      return { appointment: updated };
    },
  );
}
