/** Listening helpers shared by the HTTP benchmarks. */
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';

/** Listen on a free port of 127.0.0.1 and return the base URL. */
export async function listenLocal(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address !== 'object') throw new Error('no TCP address');
  return `http://127.0.0.1:${String(address.port)}`;
}

/**
 * The baseline: a bare Fastify app (defaults, no logger) with one POST route that parses the
 * JSON body and answers 201. What Steady adds on top of it (cookies, session and CSRF check,
 * policy, zod validation, helmet headers, the database transaction, the audit row) is what the
 * ratio measures.
 */
export async function bareApp(): Promise<FastifyInstance> {
  const app = Fastify();
  app.post('/api/patients/:patientId/doses', async (request, reply) => {
    const body = request.body as { idempotencyKey?: unknown };
    return reply.status(201).send({ received: typeof body.idempotencyKey === 'string' });
  });
  await app.ready();
  return app;
}
