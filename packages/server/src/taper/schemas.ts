/**
 * Request shapes of the taper routes (docs/taper-api.md). The plan itself is never taken from
 * the client: the body carries the planner's `TaperInputs` and the server runs `planTaper`.
 */
import {
  dispensingSettings,
  FORMULATION_IDS,
  type DispensingSettings,
  type TaperInputs,
} from '@steady/core';
import { z } from 'zod';
import { localDateSchema, localTimeSchema, patientParams, reasonSchema } from '../http/types.js';

/** Upper bound against typing mistakes (e.g. 50 instead of 5), not a clinical limit. */
const doseMg = z.number().positive().max(100);

const methodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), percent: z.number().gt(0).lt(100) }),
  z.object({ kind: z.literal('fixed'), mg: z.number().positive().max(100) }),
]);

const goalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stop') }),
  z.object({ kind: z.literal('maintenance'), dailyMg: z.number().positive().max(300) }),
]);

/**
 * A setting sent either as a plain value (`{ tab10: false }`) or as the core `Parameter` the
 * planner works with (`{ tab10: { value: false, … } }`); only the value is kept, the sources
 * and notes are rebuilt on the server.
 */
const settingOf = <T extends z.ZodType>(value: T) =>
  z.union([value, z.looseObject({ value })]).optional();

const dispensingSchema = z.object({
  splittable: z
    .object({
      tab10: settingOf(z.boolean()),
      tab5: settingOf(z.boolean()),
      tab2: settingOf(z.boolean()),
    })
    .optional(),
  solutionStepMl: settingOf(z.number().positive().max(10)),
});

export const taperInputsSchema = z.object({
  doses: z
    .array(z.object({ time: localTimeSchema, amountMg: doseMg }))
    .min(1)
    .max(12),
  formulations: z.array(z.enum(FORMULATION_IDS)).min(1).max(FORMULATION_IDS.length),
  dispensing: dispensingSchema.optional(),
  method: methodSchema.optional(),
  intervalDays: z.number().int().min(1).max(365).optional(),
  goal: goalSchema.optional(),
  startDate: localDateSchema,
  switchToLiquid: z.boolean().optional(),
  override: z
    .object({ maxReductionPer14Days: z.number().gt(0).max(100), reason: reasonSchema })
    .nullable()
    .optional(),
  distribution: z.enum(['largest-first', 'last-dose-longest']).optional(),
  maxSteps: z.number().int().min(1).max(300).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type TaperInputsBody = z.infer<typeof taperInputsSchema>;

const valueOf = <T>(setting: T | { readonly value: T } | undefined): T | undefined =>
  setting !== null && typeof setting === 'object' && 'value' in setting ? setting.value : setting;

/** The dispensing settings a body names, rebuilt by the clinical module (sources included). */
function settingsOf(body: TaperInputsBody['dispensing']): DispensingSettings | undefined {
  if (body === undefined) return undefined;
  const s = body.splittable;
  return dispensingSettings({
    splittable: {
      tab10: valueOf(s?.tab10),
      tab5: valueOf(s?.tab5),
      tab2: valueOf(s?.tab2),
    },
    solutionStepMl: valueOf(body.solutionStepMl),
  });
}

/** The core planner's inputs from a request body (throws RangeError on bad settings). */
export function taperInputsOf(body: TaperInputsBody): TaperInputs {
  const { dispensing, ...rest } = body;
  return { ...rest, dispensing: settingsOf(dispensing) };
}

export const conversionSchema = z.object({
  fromDrug: z.string().trim().min(1).max(100),
  fromDailyMg: z.number().positive().max(1000),
  tableId: z.string().trim().min(1).max(100),
  estimateMinMg: z.number().nonnegative().max(1000),
  estimateMaxMg: z.number().nonnegative().max(1000),
  chosenDailyMg: z.number().positive().max(300),
});

/** The prescriber's password, confirming the signature. */
const passwordSchema = z.string().min(1).max(200);

export const createTaperBody = z.object({
  inputs: taperInputsSchema,
  conversion: conversionSchema.nullable().optional(),
  /** Days after each step's start on which a withdrawal check-in is due. */
  checkInDays: z.array(z.number().int().min(1).max(60)).min(1).max(10).optional(),
  followUpMonths: z.number().int().min(0).max(24).optional(),
  followUpIntervalDays: z.number().int().min(7).max(120).optional(),
  password: passwordSchema,
});

export const TAPER_CHANGE_ACTIONS = [
  'hold',
  'resume',
  'slowDown',
  'stepBack',
  'endAtMaintenance',
] as const;
export type TaperChangeAction = (typeof TAPER_CHANGE_ACTIONS)[number];

export const changeTaperBody = z.object({
  action: z.enum(TAPER_CHANGE_ACTIONS),
  on: localDateSchema,
  reason: reasonSchema,
  intervalDays: z.number().int().min(1).max(365).optional(),
  method: methodSchema.optional(),
  /** The patient request this version answers (closed by it). */
  requestId: z.uuid().optional(),
  password: passwordSchema,
});

export const taperRequestBody = z.object({
  kind: z.enum(['pause', 'slower']),
  reason: z.string().trim().min(1).max(2000),
});

export const closeRequestBody = z.object({ note: z.string().trim().min(1).max(2000) });

export const taperRequestParams = patientParams.extend({ taperRequestId: z.uuid() });
