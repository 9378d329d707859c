/**
 * Alerts of one patient: the patient reads their patient-facing ones; a linked clinician reads
 * the clinician-facing ones their consent covers, and acknowledges or resolves them (audited).
 * Caregivers are not among the members here: alerts are clinical flags for review.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { DISCIPLINES, type DataCategory } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import { alerts } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { patientOf, type PatientAccess } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { listAlerts, STATUS_FILTERS, viewerOf, type AlertView } from './repo.js';

/** Any one of these lets a clinician in; the alerts shown are those all of whose categories they hold. */
const CATEGORIES: readonly DataCategory[] = ['medications', 'checkins', 'questionnaires'];
const alertParams = patientParams.extend({ alertId: z.uuid() });

export function alertRoutes(app: TypedApp, ctx: AppContext): void {
  const write = {
    policy: { kind: 'patient-data', category: CATEGORIES, access: 'write', members: DISCIPLINES },
  } as const;

  app.get(
    '/api/patients/:patientId/alerts',
    {
      config: {
        policy: {
          kind: 'patient-data',
          category: CATEGORIES,
          access: 'read',
          members: DISCIPLINES,
        },
      },
      schema: {
        tags: ['alerts'],
        summary:
          'Alerts the caller may see, most serious first (default: not resolved); the patient sees the patient-facing ones that hold now',
        params: patientParams,
        querystring: z.object({ status: z.enum(STATUS_FILTERS).default('unresolved') }),
      },
    },
    async (request) => {
      const access = patientOf(request);
      await ctx.alerts?.settled(access.patientId);
      const status = request.query.status;
      return { alerts: await listAlerts(ctx.db, access.patientId, viewerOf(access), { status }) };
    },
  );

  /** The alert as the (member) caller sees it; 404 when unknown or not theirs to see, 403 for the patient. */
  async function target(access: PatientAccess, alertId: string): Promise<AlertView> {
    if (access.as === 'patient') {
      const [row] = await ctx.db
        .select({ id: alerts.id })
        .from(alerts)
        .where(and(eq(alerts.id, alertId), eq(alerts.patientId, access.patientId)));
      throw new AppError(row === undefined ? 'STEADY_ERR_NOT_FOUND' : 'STEADY_ERR_FORBIDDEN');
    }
    const [found] = await listAlerts(ctx.db, access.patientId, viewerOf(access), {
      status: 'all',
      alertId,
    });
    if (found === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
    if (found.status === 'resolved') throw new AppError('STEADY_ERR_ALERT_RESOLVED');
    return found;
  }

  async function reload(access: PatientAccess, alertId: string) {
    const [alert] = await listAlerts(ctx.db, access.patientId, viewerOf(access), {
      status: 'all',
      alertId,
    });
    if (alert === undefined) throw new AppError('STEADY_ERR_INTERNAL');
    return { alert };
  }

  app.post(
    '/api/patients/:patientId/alerts/:alertId/acknowledge',
    {
      config: write,
      schema: {
        tags: ['alerts'],
        summary: 'Acknowledge an alert (a linked clinician); repeating it changes nothing',
        params: alertParams,
      },
    },
    async (request) => {
      const access = patientOf(request);
      const { alertId } = request.params;
      const found = await target(access, alertId);
      if (found.status === 'open') {
        const now = ctx.now();
        await ctx.db.transaction(async (tx) => {
          await tx
            .update(alerts)
            .set({ status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: access.user.id })
            .where(and(eq(alerts.id, alertId), eq(alerts.status, 'open')));
          await audit(
            tx,
            {
              actorId: access.user.id,
              patientId: access.patientId,
              action: 'alert.acknowledge',
              entityId: alertId,
            },
            now,
          );
        });
      }
      return reload(access, alertId);
    },
  );

  app.post(
    '/api/patients/:patientId/alerts/:alertId/resolve',
    {
      config: write,
      schema: {
        tags: ['alerts'],
        summary: 'Resolve an alert with a note (a linked clinician)',
        params: alertParams,
        body: z.object({ note: z.string().trim().min(1).max(2000) }),
      },
    },
    async (request) => {
      const access = patientOf(request);
      const { alertId } = request.params;
      const found = await target(access, alertId);
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(alerts)
          .set({
            status: 'resolved',
            resolvedAt: now,
            resolvedBy: access.user.id,
            resolutionNote: request.body.note,
            // Resolving an open alert acknowledges it too.
            ...(found.status === 'open'
              ? { acknowledgedAt: now, acknowledgedBy: access.user.id }
              : {}),
          })
          .where(eq(alerts.id, alertId));
        await audit(
          tx,
          {
            actorId: access.user.id,
            patientId: access.patientId,
            action: 'alert.resolve',
            entityId: alertId,
          },
          now,
        );
      });
      return reload(access, alertId);
    },
  );
}
