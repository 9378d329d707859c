import type { Database } from '../db/client.js';
import { errorBody } from './errorHandler.js';
import type { TypedApp } from './types.js';

export function healthRoutes(app: TypedApp, database: Database): void {
  app.get(
    '/healthz',
    {
      config: { policy: { kind: 'public' } },
      schema: { tags: ['health'], summary: 'The process is alive' },
    },
    () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      config: { policy: { kind: 'public' } },
      schema: { tags: ['health'], summary: 'The database answers and every migration is applied' },
    },
    async (request, reply) => {
      if (await database.ready()) return { status: 'ready', database: database.kind };
      return reply.status(503).send(errorBody(request, 'STEADY_ERR_NOT_READY'));
    },
  );
}
