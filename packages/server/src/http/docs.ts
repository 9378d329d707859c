import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3 generated from every route's zod schemas, plus a docs page. */
export async function installDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Steady API',
        version: '0.1.0',
        description:
          'Care companion for people treated with diazepam for chronic pain, and their care team. ' +
          'Cookie sessions; send the CSRF token from /api/session as x-csrf-token on every write.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'steady_session' } },
      },
    },
    transform: jsonSchemaTransform,
    hideUntagged: false,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // swagger-ui's own CSP (hashes for its inline scripts, no 'unsafe-inline'), made as strict
    // as the app's: not framed, no outside hosts, no upgrade that breaks plain-http installs.
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(' validator.swagger.io', '')
        .replaceAll(" 'self' https:", " 'self'")
        .replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  app.get(
    '/api/openapi.json',
    { config: { policy: { kind: 'public' } }, schema: { hide: true } },
    () => app.swagger(),
  );
}
