/**
 * The supervised taper (issue 5; docs/taper-api.md). Category `medications`: every member with
 * that consent reads; only a linked prescriber signs (password confirmed) and answers requests;
 * only the patient asks for a pause or a slower pace.
 */
import { localDateOf } from '@steady/core';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { patientOf, type PatientAccess } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { notifyPrescribers } from './notify.js';
import { loadCurrentTaper } from './repository.js';
import { closeTaperRequestWithNote, findTaperRequest, insertTaperRequest } from './requests.js';
import {
  changeTaperBody,
  closeRequestBody,
  createTaperBody,
  taperInputsOf,
  taperRequestBody,
  taperRequestParams,
} from './schemas.js';
import { changeTaper, createTaper } from './service.js';
import { confirmSignature } from './signature.js';
import { isOngoing, taperStatus, taperView } from './view.js';

const READ = { policy: { kind: 'patient-data', category: 'medications', access: 'read' } } as const;
const PRESCRIBER = {
  policy: {
    kind: 'patient-data',
    category: 'medications',
    access: 'write',
    members: ['prescriber'],
  },
} as const;
/** Without `members`, only the patient writes. */
const PATIENT = {
  policy: { kind: 'patient-data', category: 'medications', access: 'write' },
} as const;

const TAGS = ['taper'];

/** The policy lets the patient in on every patient-data route; signing is the prescriber's. */
function requirePrescriber(access: PatientAccess): void {
  if (access.as !== 'prescriber') throw new AppError('STEADY_ERR_FORBIDDEN');
}

const todayOf = (ctx: AppContext, access: PatientAccess) =>
  localDateOf(ctx.now().toISOString(), access.timeZone);

async function viewFor(ctx: AppContext, access: PatientAccess) {
  return { taper: await taperView(ctx, access.patientId, todayOf(ctx, access)) };
}

/** Signed plans apply from the patient's today on: the days already lived keep their history. */
function notBeforeToday(date: string, today: string, path: string): void {
  if (date < today) {
    throw new AppError('STEADY_ERR_VALIDATION', [{ path, message: 'before today' }]);
  }
}

/**
 * What every signature checks: a prescriber, signing from `from.date` (the patient's today or
 * later), confirming with their password. Returns who signs for whom, and how it was confirmed.
 */
async function signature(
  ctx: AppContext,
  access: PatientAccess,
  from: { readonly date: string; readonly path: string },
  password: string,
) {
  requirePrescriber(access);
  notBeforeToday(from.date, todayOf(ctx, access), from.path);
  const signatureMethod = await confirmSignature(ctx, access.user, password);
  return { patientId: access.patientId, prescriberId: access.user.id, signatureMethod };
}

function inputsOf(body: z.infer<typeof createTaperBody>['inputs']) {
  try {
    return taperInputsOf(body);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new AppError('STEADY_ERR_VALIDATION', [
      { path: '/body/inputs/dispensing', message: error.message },
    ]);
  }
}

export function taperRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/taper',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: 'The taper in force: status, steps, progress, every signed version, requests',
        params: patientParams,
      },
    },
    async (request) => viewFor(ctx, patientOf(request)),
  );

  app.post(
    '/api/patients/:patientId/taper',
    {
      config: PRESCRIBER,
      schema: {
        tags: TAGS,
        summary:
          'Sign a new taper (a linked prescriber, password confirmed); planned by the server',
        params: patientParams,
        body: createTaperBody,
      },
    },
    async (request, reply) => {
      const access = patientOf(request);
      const { password, inputs, ...rest } = request.body;
      const from = { date: inputs.startDate, path: '/body/inputs/startDate' };
      const signed = await signature(ctx, access, from, password);
      await createTaper(ctx, { ...rest, ...signed, inputs: inputsOf(inputs) });
      return reply.status(201).send(await viewFor(ctx, access));
    },
  );

  app.post(
    '/api/patients/:patientId/taper/changes',
    {
      config: PRESCRIBER,
      schema: {
        tags: TAGS,
        summary:
          'Sign a change (hold, resume, slowDown, stepBack, endAtMaintenance) with its reason',
        params: patientParams,
        body: changeTaperBody,
      },
    },
    async (request, reply) => {
      const access = patientOf(request);
      const { password, ...change } = request.body;
      const signed = await signature(ctx, access, { date: change.on, path: '/body/on' }, password);
      await changeTaper(ctx, { ...change, ...signed });
      return reply.status(201).send(await viewFor(ctx, access));
    },
  );

  app.post(
    '/api/patients/:patientId/taper/requests',
    {
      config: PATIENT,
      schema: {
        tags: TAGS,
        summary: 'Ask the prescriber to pause or slow the taper (the patient), with a reason',
        params: patientParams,
        body: taperRequestBody,
      },
    },
    async (request, reply) => {
      const access = patientOf(request);
      const current = await loadCurrentTaper(ctx, access.patientId);
      if (current === null || !isOngoing(taperStatus(current, todayOf(ctx, access)))) {
        throw new AppError('STEADY_ERR_NO_TAPER');
      }
      const created = await insertTaperRequest(ctx, {
        patientId: access.patientId,
        taperId: current.taperId,
        kind: request.body.kind,
        reason: request.body.reason,
        createdBy: access.user.id,
      });
      await notifyPrescribers(ctx, access, created);
      return reply.status(201).send({ request: created });
    },
  );

  app.post(
    '/api/patients/:patientId/taper/requests/:taperRequestId/close',
    {
      config: PRESCRIBER,
      schema: {
        tags: TAGS,
        summary: 'Answer a patient request with a note, without changing the plan (prescriber)',
        params: taperRequestParams,
        body: closeRequestBody,
      },
    },
    async (request) => {
      const access = patientOf(request);
      const { taperRequestId } = request.params;
      // Unknown ids first, so the answer is the same 404 as anywhere else.
      await findTaperRequest(ctx, access.patientId, taperRequestId);
      requirePrescriber(access);
      const closed = await closeTaperRequestWithNote(ctx, {
        patientId: access.patientId,
        requestId: taperRequestId,
        closedBy: access.user.id,
        note: request.body.note,
      });
      return { request: closed };
    },
  );
}
