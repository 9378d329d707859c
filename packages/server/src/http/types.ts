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

/** Shared parameter and field schemas. */
export const patientParams = z.object({ patientId: z.uuid() });
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'unknown IANA time zone' });
export const localDateSchema = z.iso.date();
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
export const idempotencyKeySchema = z.string().min(8).max(100);
export const reasonSchema = z.string().trim().min(1).max(500);
