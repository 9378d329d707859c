/**
 * Refills, stock and missed doses (issue 7 items 5 and 6; docs/supply.md). Category
 * `medications`. The patient counts what they hold and sets their refill-reminder days;
 * everyone with the consent reads the stock report. The prescriber sets the missed-dose
 * instruction the patient sees; its text never advises a double dose or stopping.
 */
import { randomUUID } from 'node:crypto';
import { missedDoseTextProblem } from '@steady/core';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { missedDoseInstructions, stockCounts } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { checkQuantity, checkRecordedAt } from '../pharmacy/checks.js';
import { instructionInstant, listCounts, saveReminderDays } from './repo.js';
import {
  instructionBody,
  instructionResponse,
  stockCountBody,
  stockCountView,
  stockResponse,
  stockSettingsBody,
  type StockCountInput,
} from './schemas.js';
import { loadInstruction, loadStock } from './service.js';

const READ = { policy: { kind: 'patient-data', category: 'medications', access: 'read' } } as const;
/** Only the patient counts their stock and sets their reminder. */
const PATIENT_WRITE = {
  policy: { kind: 'patient-data', category: 'medications', access: 'write' },
} as const;
const PRESCRIBER_WRITE = {
  policy: {
    kind: 'patient-data',
    category: 'medications',
    access: 'write',
    members: ['prescriber'],
  },
} as const;

function checkCount(input: StockCountInput, now: Date): Date {
  if (input.quantity !== 0) checkQuantity(input.formulation, input.quantity);
  return checkRecordedAt(input.countedAt, now, '/body/countedAt');
}

export function supplyRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/stock',
    {
      config: READ,
      schema: {
        tags: ['supply'],
        summary:
          'Stock on hand per formulation (last count − doses since + dispensings since), run-out forecast and refill reminder',
        params: patientParams,
        response: { 200: stockResponse },
      },
    },
    async (request) => {
      const { patientId, timeZone } = patientOf(request);
      return loadStock(ctx, patientId, timeZone);
    },
  );

  app.post(
    '/api/patients/:patientId/stock/counts',
    {
      config: PATIENT_WRITE,
      schema: {
        tags: ['supply'],
        summary: 'Record how many tablets (or mL) of a formulation the patient has on hand',
        params: patientParams,
        body: stockCountBody,
        response: { 201: z.object({ count: stockCountView }) },
      },
    },
    async (request, reply) => {
      const { user, patientId } = patientOf(request);
      const now = ctx.now();
      const { formulation, quantity, note } = request.body;
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        // Of two counts of one formulation at the same instant, either may be taken as newest.
        const countedAt = checkCount(request.body, now);
        await tx.insert(stockCounts).values({
          id,
          patientId,
          formulation,
          quantity,
          countedAt,
          recordedBy: user.id,
          note,
        });
        await audit(tx, { actorId: user.id, patientId, action: 'stock.count', entityId: id }, now);
      });
      ctx.alerts?.schedule(patientId, now);
      const [count] = await listCounts(ctx.db, patientId, id);
      if (count === undefined) throw new AppError('STEADY_ERR_INTERNAL');
      return reply.status(201).send({ count });
    },
  );

  app.put(
    '/api/patients/:patientId/stock/settings',
    {
      config: PATIENT_WRITE,
      schema: {
        tags: ['supply'],
        summary: 'Set how many days ahead the refill reminder appears (0 turns it off)',
        params: patientParams,
        body: stockSettingsBody,
        response: { 200: stockResponse },
      },
    },
    async (request) => {
      const { user, patientId, timeZone } = patientOf(request);
      const now = ctx.now();
      const days = request.body.refillReminderDays;
      await ctx.db.transaction(async (tx) => {
        await saveReminderDays(tx, patientId, days, now);
        await audit(
          tx,
          {
            actorId: user.id,
            patientId,
            action: 'stock.settings',
            details: { refillReminderDays: days },
          },
          now,
        );
      });
      return loadStock(ctx, patientId, timeZone);
    },
  );

  app.get(
    '/api/patients/:patientId/missed-dose-instruction',
    {
      config: READ,
      schema: {
        tags: ['supply'],
        summary:
          "The missed-dose instruction in force (the prescriber's newest, else Steady's sourced default) and earlier ones",
        params: patientParams,
        response: { 200: instructionResponse },
      },
    },
    async (request) => loadInstruction(ctx, patientOf(request).patientId),
  );

  app.post(
    '/api/patients/:patientId/missed-dose-instruction',
    {
      config: PRESCRIBER_WRITE,
      schema: {
        tags: ['supply'],
        summary:
          'Set the missed-dose instruction shown to the patient (a prescriber); never a double dose or stopping',
        params: patientParams,
        body: instructionBody,
        response: { 201: instructionResponse },
      },
    },
    async (request, reply) => {
      const access = patientOf(request);
      if (access.as !== 'prescriber') throw new AppError('STEADY_ERR_FORBIDDEN');
      const { text } = request.body;
      const problem = missedDoseTextProblem(text);
      if (problem !== null) {
        throw new AppError('STEADY_ERR_UNSAFE_INSTRUCTION', [
          { path: '/body/text', message: problem },
        ]);
      }
      const now = ctx.now();
      const id = randomUUID();
      const { patientId } = access;
      await ctx.db.transaction(async (tx) => {
        const setAt = await instructionInstant(tx, patientId, now);
        await tx
          .insert(missedDoseInstructions)
          .values({ id, patientId, text, setBy: access.user.id, setAt });
        await audit(
          tx,
          {
            actorId: access.user.id,
            patientId,
            action: 'missed-dose-instruction.set',
            entityId: id,
          },
          now,
        );
      });
      return reply.status(201).send(await loadInstruction(ctx, patientId));
    },
  );
}
