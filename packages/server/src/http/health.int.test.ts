/** Health checks for orchestrators and the generated API documentation. */
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { apiRoutes, expectError, routeKey } from './routes.test-helpers.js';

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
  parameters?: { in: string; name: string; required?: boolean }[];
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** `/api/patients/:patientId/doses` → `/api/patients/{patientId}/doses` */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describeOnDatabases('health checks', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });

  it('answers /healthz while the process lives', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 when every migration is applied', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: h.database.kind });
  });

  it('answers /readyz 503 when a migration is missing', async () => {
    await h.database.db.execute(
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
    );
    expectError(await h.app.inject({ method: 'GET', url: '/readyz' }), 503, 'STEADY_ERR_NOT_READY');
    // The liveness check does not depend on the database.
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('answers /readyz 503 when the migrations table is gone', async () => {
    await h.database.db.execute(sql`drop schema drizzle cascade`);
    const res = await h.app.inject({ method: 'GET', url: '/readyz' });
    expectError(res, 503, 'STEADY_ERR_NOT_READY');
    expect(res.body).not.toMatch(/drizzle|relation|does not exist/i);
  });
});

describeOnDatabases('API documentation', (harness) => {
  let h: Harness;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    h = harness();
    const res = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json<OpenApiDocument>();
  });

  it('serves an OpenAPI 3 document without signing in', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe('Steady API');
  });

  it('lists every API route with the schemas of its request', () => {
    const routes = apiRoutes(h).filter(
      (r) => r.method !== 'HEAD' && r.url.startsWith('/api/') && r.url !== '/api/openapi.json',
    );
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const operation = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(operation, routeKey(route)).toBeDefined();
      if (operation === undefined) continue;
      const inPath = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(inPath.sort(), routeKey(route)).toEqual(
        [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]).sort(),
      );
      if (route.schema?.body !== undefined) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        expect(Object.keys(schema?.properties ?? {}).length, routeKey(route)).toBeGreaterThan(0);
      } else {
        expect(operation.requestBody, routeKey(route)).toBeUndefined();
      }
      if (route.schema?.querystring !== undefined) {
        const inQuery = (operation.parameters ?? []).filter((p) => p.in === 'query');
        expect(inQuery.length, routeKey(route)).toBeGreaterThan(0);
      }
    }
  });

  it('documents the dose log body field by field', () => {
    const operation = doc.paths['/api/patients/{patientId}/doses']?.post;
    const schema = operation?.requestBody?.content?.['application/json']?.schema;
    expect(Object.keys(schema?.properties ?? {})).toEqual(
      expect.arrayContaining(['idempotencyKey', 'kind', 'slotKey']),
    );
  });

  it('serves the documentation page as HTML', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });
});
