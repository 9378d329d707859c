import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/**
 * The JSON pointer of the first string (value or key) holding a NUL character, or null.
 * Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function findNulByte(value: unknown, root: string): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (key.includes('\u0000')) return path;
        stack.push([child, `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`]);
      }
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL byte in any parameter, query value or body string
 * would fail deep in a query (a 500). No Steady field has a use for it, so every request
 * carrying one is refused up front as a validation error naming where it was.
 */
export function installNulByteGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const parts = { params: request.params, querystring: request.query, body: request.body };
    for (const [part, value] of Object.entries(parts)) {
      const path = findNulByte(value, `/${part}`);
      if (path !== null) {
        done(
          new AppError('STEADY_ERR_VALIDATION', [
            { path, message: 'Text may not contain a NUL character' },
          ]),
        );
        return;
      }
    }
    done();
  });
}
