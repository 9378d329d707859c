import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errorHandler.js';

const API_PREFIXES = ['/api/', '/fhir/', '/healthz', '/readyz'];

/**
 * Serve the built web app and answer unknown non-API GETs with index.html (client-side routes);
 * unknown API paths get the JSON 404.
 */
export async function installWeb(app: FastifyInstance, webDir: string | null): Promise<void> {
  const hasWeb = webDir !== null && existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      // Hashed assets are immutable; index.html must always be revalidated.
      setHeaders: (res, filePath) => {
        void res.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = API_PREFIXES.some((p) => request.url.startsWith(p));
    const wantsPage = request.method === 'GET' && !isApi;
    if (wantsPage && hasWeb) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody(request, 'STEADY_ERR_NOT_FOUND'));
  });
}
