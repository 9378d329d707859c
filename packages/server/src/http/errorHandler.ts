import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { messagesFor, type ErrorCode } from '../i18n/en.js';
import { AppError, ERROR_STATUS } from './errors.js';

export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly details?: unknown;
  };
}

/** Fastify's own error codes for requests it cannot parse, mapped to Steady codes. */
const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'STEADY_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'STEADY_ERR_BODY_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'STEADY_ERR_MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'STEADY_ERR_MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'STEADY_ERR_BAD_REQUEST',
  FST_ERR_VALIDATION: 'STEADY_ERR_VALIDATION',
};

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      // One path style for schema and handler errors: a JSON pointer such as `/body/doses/0/time`.
      path: `/${error.validationContext ?? ''}${v.instancePath === '/' ? '' : v.instancePath}`,
      message: v.message ?? 'invalid',
    }));
    return new AppError('STEADY_ERR_VALIDATION', details);
  }
  const fe = error as Partial<FastifyError>;
  if (error instanceof SyntaxError && fe.statusCode === 400) {
    return new AppError('STEADY_ERR_MALFORMED_JSON');
  }
  if (typeof fe.code === 'string' && fe.code in FASTIFY_CODES) {
    return new AppError(FASTIFY_CODES[fe.code] ?? 'STEADY_ERR_BAD_REQUEST');
  }
  if (fe.statusCode === 429) return new AppError('STEADY_ERR_RATE_LIMITED');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode === 404 ? 'STEADY_ERR_NOT_FOUND' : 'STEADY_ERR_BAD_REQUEST');
  }
  return null;
}

/** The JSON body for an error code, in the caller's language. */
export function errorBody(request: FastifyRequest, code: ErrorCode, details?: unknown): ErrorBody {
  const message = messagesFor(request.headers['accept-language'])[code];
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * One error handler for the whole app: known errors become their stable code and status;
 * anything else is logged (without request bodies) and answered with a generic 500.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const known = toAppError(error);
    if (known === null) {
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send(errorBody(request, 'STEADY_ERR_INTERNAL'));
    }
    if (known.status === 429) {
      const retry = (error as { headers?: Record<string, unknown> }).headers?.['retry-after'];
      if (retry !== undefined) void reply.header('retry-after', retry);
    }
    return reply
      .status(ERROR_STATUS[known.code])
      .send(errorBody(request, known.code, known.details));
  });
}
