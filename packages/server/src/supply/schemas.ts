/**
 * Request and response shapes of the supply routes (docs/supply.md): stock counts, the stock
 * report with its run-out forecast and refill reminder, the reminder setting, and the
 * missed-dose instruction.
 */
import {
  MAX_DISPENSED_QUANTITY,
  MAX_MISSED_DOSE_TEXT,
  MAX_REFILL_REMINDER_DAYS,
} from '@steady/core';
import { z } from 'zod';
import { formulationSchema, sourceSchema } from '../pharmacy/schemas.js';

const person = z.object({ id: z.string(), displayName: z.string() });

export const stockCountBody = z.object({
  formulation: formulationSchema,
  /** Tablets (whole or half) or mL of the solution (0.1 mL steps) on hand; 0 when none. */
  quantity: z.number().min(0).max(MAX_DISPENSED_QUANTITY),
  /** When counted; default now. Not in the future. */
  countedAt: z.iso.datetime({ offset: true }).optional(),
  note: z.string().trim().max(500).nullable().default(null),
});
export type StockCountInput = z.infer<typeof stockCountBody>;

export const stockSettingsBody = z
  .object({ refillReminderDays: z.number().int().min(0).max(MAX_REFILL_REMINDER_DAYS) })
  .strict();

export const stockCountView = z.object({
  id: z.string(),
  formulation: formulationSchema,
  quantity: z.number(),
  countedAt: z.string(),
  note: z.string().nullable(),
  recordedBy: person,
});
export type StockCountView = z.infer<typeof stockCountView>;

const formulationStock = z.object({
  formulation: formulationSchema,
  mgPerUnit: z.number(),
  counted: z.object({ quantity: z.number(), at: z.string() }),
  usedSince: z.number(),
  dispensedSince: z.number(),
  onHand: z.number(),
  recountSuggested: z.boolean(),
  dailyUse: z.number().nullable(),
  daysCovered: z.number().nullable(),
  runsOutOn: z.string().nullable(),
  refillDue: z.boolean(),
});

export const stockResponse = z.object({
  /** The patient's IANA zone: days and times are the patient's. */
  timeZone: z.string(),
  settings: z.object({
    refillReminderDays: z.number(),
    /** Says the reminder days are a Steady default, adjustable by the patient. */
    note: z.string(),
  }),
  report: z.object({
    today: z.string(),
    reminderDays: z.number(),
    formulations: z.array(formulationStock),
    uncounted: formulationSchema.nullable(),
    refillDue: z.boolean(),
    note: z.string(),
    sources: z.array(sourceSchema),
  }),
  /** The latest counts, newest first. */
  counts: z.array(stockCountView),
});
export type StockResponse = z.infer<typeof stockResponse>;

export const instructionBody = z.object({
  text: z.string().trim().min(1).max(MAX_MISSED_DOSE_TEXT),
});

export const instructionView = z.object({
  text: z.string(),
  /** True for Steady's default text (then `sources` cite it and `setBy`/`setAt` are null). */
  isDefault: z.boolean(),
  sources: z.array(sourceSchema),
  setBy: person.nullable(),
  setAt: z.string().nullable(),
});
export type InstructionView = z.infer<typeof instructionView>;

export const instructionResponse = z.object({
  instruction: instructionView,
  /** Earlier instructions the prescriber set, newest first (the default is never listed). */
  history: z.array(instructionView),
});
export type InstructionResponse = z.infer<typeof instructionResponse>;
