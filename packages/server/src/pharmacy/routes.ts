/**
 * The pharmacist's workspace (issue 4 item 11): dispensing records (what, how much, when), which
 * feed the running-out-early signal and a supply estimate; the medication list with interaction
 * flags; medication reconciliation and interaction reviews. Category `medications`; pharmacists
 * and prescribers write, everyone with the consent reads (docs/care-team/pharmacy.md).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { dispensingRecords, taperVersions } from '../db/schema.js';
import type { Db } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { patientOf, type PatientAccess } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { checkQuantity, checkRecordedAt } from './checks.js';
import { medicationReview } from './flags.js';
import { listDispensings, listReviews, loadSupply } from './repo.js';
import { createReview } from './reviews.js';
import {
  dispensingBody,
  dispensingListResponse,
  dispensingParams,
  dispensingView,
  medicationReviewResponse,
  reviewBody,
  reviewView,
  voidBody,
  type DispensingInput,
} from './schemas.js';

const READ = { policy: { kind: 'patient-data', category: 'medications', access: 'read' } } as const;
const WRITE = {
  policy: {
    kind: 'patient-data',
    category: 'medications',
    access: 'write',
    members: ['pharmacist', 'prescriber'],
  },
} as const;

/** Pharmacy records are written by the care team, never by the patient. */
function requireMember(access: PatientAccess): void {
  if (access.as === 'patient') throw new AppError('STEADY_ERR_FORBIDDEN');
}

function checkDispensing(input: DispensingInput, now: Date): Date {
  checkQuantity(input.formulation, input.quantity);
  return checkRecordedAt(input.dispensedAt, now, '/body/dispensedAt');
}

/** A dispensing may name a taper only if it is one of this patient's (any version). */
async function checkTaperLink(db: Db, patientId: string, taperPlanId: string | null) {
  if (taperPlanId === null) return;
  const [found] = await db
    .select({ id: taperVersions.id })
    .from(taperVersions)
    .where(and(eq(taperVersions.taperId, taperPlanId), eq(taperVersions.patientId, patientId)))
    .limit(1);
  if (found === undefined) {
    throw new AppError('STEADY_ERR_VALIDATION', [
      { path: '/body/taperPlanId', message: "not one of this patient's tapers" },
    ]);
  }
}

export function pharmacyRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/dispensing',
    {
      config: READ,
      schema: {
        tags: ['pharmacy'],
        summary:
          'Diazepam dispensings (voided ones included), most recent first, and a supply estimate',
        params: patientParams,
        response: { 200: dispensingListResponse },
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      const [dispensings, supply] = await Promise.all([
        listDispensings(ctx.db, patientId),
        loadSupply(ctx, patientId, timeZone),
      ]);
      return { timeZone, dispensings, supply };
    },
  );

  app.post(
    '/api/patients/:patientId/dispensing',
    {
      config: WRITE,
      schema: {
        tags: ['pharmacy'],
        summary: 'Record diazepam dispensed to the patient (a pharmacist or prescriber)',
        params: patientParams,
        body: dispensingBody,
        response: { 201: z.object({ dispensing: dispensingView }) },
      },
    },
    async (request, reply) => {
      const access = patientOf(request);
      requireMember(access);
      const now = ctx.now();
      const dispensedAt = checkDispensing(request.body, now);
      const { formulation, quantity, daysSupply, note, taperPlanId } = request.body;
      await checkTaperLink(ctx.db, access.patientId, taperPlanId);
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await tx.insert(dispensingRecords).values({
          id,
          patientId: access.patientId,
          formulation,
          quantity,
          dispensedAt,
          daysSupply,
          note,
          taperPlanId,
          recordedBy: access.user.id,
          createdAt: now,
        });
        await audit(
          tx,
          {
            actorId: access.user.id,
            patientId: access.patientId,
            action: 'dispensing.create',
            entityId: id,
          },
          now,
        );
      });
      ctx.alerts?.schedule(access.patientId, now);
      const [dispensing] = await listDispensings(ctx.db, access.patientId, id);
      if (dispensing === undefined) throw new AppError('STEADY_ERR_INTERNAL');
      return reply.status(201).send({ dispensing });
    },
  );

  app.post(
    '/api/patients/:patientId/dispensing/:dispensingId/void',
    {
      config: WRITE,
      schema: {
        tags: ['pharmacy'],
        summary: 'Void a dispensing entered in error (kept, ignored by the signals)',
        params: dispensingParams,
        body: voidBody,
        response: { 200: z.object({ dispensing: dispensingView }) },
      },
    },
    async (request) => {
      const access = patientOf(request);
      const { dispensingId } = request.params;
      // Unknown ids first, so the answer is the same 404 as anywhere else.
      const [found] = await listDispensings(ctx.db, access.patientId, dispensingId);
      if (found === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
      requireMember(access);
      if (found.voided !== null) throw new AppError('STEADY_ERR_ALREADY_VOIDED');
      const now = ctx.now();
      const voided = await ctx.db.transaction(async (tx) => {
        const rows = await tx
          .update(dispensingRecords)
          .set({ voidedAt: now, voidedBy: access.user.id, voidReason: request.body.reason })
          .where(
            and(
              eq(dispensingRecords.id, dispensingId),
              eq(dispensingRecords.patientId, access.patientId),
              // Of two concurrent voids, one wins.
              isNull(dispensingRecords.voidedAt),
            ),
          )
          .returning({ id: dispensingRecords.id });
        if (rows.length === 0) return false;
        await audit(
          tx,
          {
            actorId: access.user.id,
            patientId: access.patientId,
            action: 'dispensing.void',
            entityId: dispensingId,
          },
          now,
        );
        return true;
      });
      if (!voided) throw new AppError('STEADY_ERR_ALREADY_VOIDED');
      ctx.alerts?.schedule(access.patientId, now);
      const [dispensing] = await listDispensings(ctx.db, access.patientId, dispensingId);
      if (dispensing === undefined) throw new AppError('STEADY_ERR_INTERNAL');
      return { dispensing };
    },
  );

  app.get(
    '/api/patients/:patientId/medications/review',
    {
      config: READ,
      schema: {
        tags: ['pharmacy'],
        summary:
          'Active medications with their interaction flags and last reviews (pharmacy workspace, chart)',
        params: patientParams,
        response: { 200: medicationReviewResponse },
      },
    },
    async (request) => medicationReview(ctx, patientOf(request)),
  );

  app.get(
    '/api/patients/:patientId/medication-reviews',
    {
      config: READ,
      schema: {
        tags: ['pharmacy'],
        summary: 'Medication reconciliations and interaction reviews, newest first',
        params: patientParams,
        response: { 200: z.object({ reviews: z.array(reviewView) }) },
      },
    },
    async (request) => ({ reviews: await listReviews(ctx.db, patientOf(request).patientId) }),
  );

  app.post(
    '/api/patients/:patientId/medication-reviews',
    {
      config: WRITE,
      schema: {
        tags: ['pharmacy'],
        summary:
          'Record a medication reconciliation (may stop or add list entries) or an interaction review',
        params: patientParams,
        body: reviewBody,
        response: { 201: z.object({ review: reviewView }) },
      },
    },
    async (request, reply) => {
      const access = patientOf(request);
      const review = await createReview(ctx, access, request.body, () => {
        requireMember(access);
      });
      return reply.status(201).send({ review });
    },
  );
}
