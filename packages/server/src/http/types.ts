import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { isTimeZone } from '@steady/core';
import { z } from 'zod';

/** The Fastify instance as features see it: zod schemas type requests and replies. */
export type TypedApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * An IANA zone name (e.g. `Europe/Paris`, `UTC`). Luxon alone also takes fixed offsets such as
 * `UTC+25` or `+01:00`, which follow no daylight-saving rules; schedules need a real zone.
 */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone) || !isTimeZone(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Shared parameter and field schemas. */
export const patientParams = z.object({ patientId: z.uuid() });
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isIanaTimeZone, { message: 'unknown IANA time zone' });
export const localDateSchema = z.iso.date();
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
export const idempotencyKeySchema = z.string().min(8).max(100);
export const reasonSchema = z.string().trim().min(1).max(500);
