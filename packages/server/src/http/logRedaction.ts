/**
 * What a log line may say about a request or an error: never a secret carried in a URL (an
 * invitation code, a calendar-feed token), never a query value (a searched name), never the
 * values a failed database query was given (health data). Used as pino serializers in app.ts.
 */
import type { FastifyRequest } from 'fastify';
import { stdSerializers } from 'pino';

/** Path patterns whose segment is itself a credential. */
const SECRET_SEGMENTS: readonly RegExp[] = [
  /^(\/api\/invitations\/)[^/?]+/,
  /^(\/calendar\/)[^/?]+?(?=\.ics(?:$|\?))/,
];

/**
 * A URL as it may be logged: credential segments replaced, query values dropped (keys kept).
 *
 * @example
 * logUrl('/calendar/abc.ics') // '/calendar/[redacted].ics'
 * logUrl('/api/clinician/patients?q=Ann') // '/api/clinician/patients?q=[redacted]'
 */
export function logUrl(url: string): string {
  const queryAt = url.indexOf('?');
  let path = queryAt === -1 ? url : url.slice(0, queryAt);
  for (const pattern of SECRET_SEGMENTS) path = path.replace(pattern, '$1[redacted]');
  if (queryAt === -1) return path;
  const keys = new URLSearchParams(url.slice(queryAt + 1)).keys();
  const query = [...new Set(keys)].map((k) => `${encodeURIComponent(k)}=[redacted]`).join('&');
  return query === '' ? path : `${path}?${query}`;
}

/** Fastify's request serializer, with the URL made safe to log. */
export function logRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: logUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}

/**
 * pino's error serializer without what a failed query carries: drizzle puts the statement's
 * parameters (a note, a name) in `params` and in the message after "params:", and the driver's
 * own message (in `detail`, or a "caused by" line) may quote a value. The stack keeps its frames
 * and error types only.
 */
export function logError(error: Error): {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
} {
  const {
    params: _params,
    detail: _detail,
    ...rest
  } = stdSerializers.err(error) as unknown as {
    type: string;
    message: string;
    stack: string;
    [key: string]: unknown;
  };
  const message = rest.message.replace(/\nparams:[\s\S]*/, '');
  const stack = rest.stack
    .split('\n')
    .flatMap((line) => {
      if (/^\s+at /.test(line)) return [line];
      const type = /^(caused by: )?([\w.]*Error)\b/.exec(line);
      return type === null ? [] : [`${type[1] ?? ''}${type[2] ?? ''}`];
    })
    .join('\n');
  return { ...rest, message, stack };
}
