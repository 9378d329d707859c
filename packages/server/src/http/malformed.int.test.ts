/**
 * Hostile or broken input on every route that reads a body or a query string (taken from the
 * app's own route list): always a 4xx with the one error shape, never a 500, never a stack.
 */
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteRecord } from '../app.js';
import { registerPatient, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import {
  apiRoutes,
  callerFor,
  expectError,
  fillPath,
  routeKey,
  sampleBody,
  sampleQuery,
  seedPatient,
  snapshot,
  type SeededPatient,
} from './routes.test-helpers.js';

const MIB = 1024 * 1024;
const FREE_TEXT_QUERY = new Set(['GET /api/clinician/patients q']);

/** The zod object schema of a route part; the suites rely on every body and query being one. */
function zodObject(route: RouteRecord, part: 'body' | 'querystring'): z.ZodObject {
  const schema = route.schema?.[part];
  if (!(schema instanceof z.ZodObject))
    throw new Error(`${routeKey(route)} ${part} is not z.object`);
  return schema;
}

describeOnDatabases('malformed input', (harness) => {
  let h: Harness;
  let a: SeededPatient;
  let before: string[];
  beforeAll(async () => {
    h = harness();
    a = await seedPatient(h, 'alphasecret');
    before = await snapshot(h, a);
  });

  const withBody = () => apiRoutes(h).filter((r) => r.schema?.body !== undefined);
  const withQuery = () =>
    apiRoutes(h).filter((r) => r.schema?.querystring !== undefined && r.method !== 'HEAD');
  let ip = 0;
  /**
   * Send as someone the route admits (patient A, or A's clinic admin or clinician), so the
   * input itself is judged, each time from another address: sign-in, registration and
   * invitation codes allow 30 requests a minute per address.
   */
  const send = (route: RouteRecord, options: Omit<InjectOptions, 'method' | 'url'>) =>
    callerFor(a, route).request({
      method: route.method,
      url: fillPath(route.url, a.ids) + sampleQuery(route),
      remoteAddress: `10.0.${String(Math.floor(++ip / 250))}.${String(ip % 250)}`,
      ...options,
    });

  it('finds the routes that take a body and a query', () => {
    expect(withBody().map(routeKey)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/register',
        'POST /api/auth/login',
        'PATCH /api/me',
        'POST /api/patients/:patientId/checkins',
        'PUT /api/patients/:patientId/medications/:medicationId',
      ]),
    );
    expect(withQuery().map(routeKey)).toEqual(
      expect.arrayContaining([
        'GET /api/patients/:patientId/doses',
        'GET /api/patients/:patientId/history',
      ]),
    );
  });

  it('answers 400 STEADY_ERR_MALFORMED_JSON to bodies that are not JSON', async () => {
    const broken = ['{"name":', '{', "{'a':1}", '{"a":1}}', 'nul', '{"a":01}', '\u0000'];
    for (const route of withBody()) {
      for (const payload of [...broken, '']) {
        const res = await send(route, {
          headers: { 'content-type': 'application/json' },
          payload,
        });
        expectError(res, 400, 'STEADY_ERR_MALFORMED_JSON', `${routeKey(route)} ${payload}`);
      }
    }
  });

  it('refuses prototype-poisoning JSON without a 500', async () => {
    for (const route of withBody()) {
      for (const payload of [
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"admin":true}}}',
      ]) {
        const res = await send(route, {
          headers: { 'content-type': 'application/json' },
          payload,
        });
        expect(res.statusCode, routeKey(route)).toBe(400);
        expectError(res, 400, res.json<{ error: { code: string } }>().error.code);
      }
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers 400 STEADY_ERR_VALIDATION to bodies of the wrong JSON type', async () => {
    for (const route of withBody()) {
      for (const payload of ['null', '[]', '"text"', '42', 'true', '[{}]']) {
        const res = await send(route, {
          headers: { 'content-type': 'application/json' },
          payload,
        });
        const error = expectError(
          res,
          400,
          'STEADY_ERR_VALIDATION',
          `${routeKey(route)} ${payload}`,
        );
        expect(error.details, routeKey(route)).toEqual([
          expect.objectContaining({ path: '/body', message: expect.any(String) as string }),
        ]);
      }
    }
  });

  it('answers 400 with details to an empty object wherever a field is required', async () => {
    const optionalOnly: string[] = [];
    for (const route of withBody()) {
      if (zodObject(route, 'body').safeParse({}).success) {
        optionalOnly.push(routeKey(route));
        continue;
      }
      const error = expectError(
        await send(route, { payload: {} }),
        400,
        'STEADY_ERR_VALIDATION',
        routeKey(route),
      );
      expect(Array.isArray(error.details) && error.details.length > 0, routeKey(route)).toBe(true);
    }
    // Only these take `{}` (every field optional: a no-op change, "all facts unknown", an
    // invitation without a note, or a member accepting with the consent the patient chose).
    expect(optionalOnly.sort()).toEqual([
      'PATCH /api/me',
      'POST /api/invitations',
      'POST /api/invitations/:code/accept',
      'PUT /api/patients/:patientId/profile',
    ]);
  });

  it('names every field in the details when each field holds an object', async () => {
    for (const route of withBody()) {
      const fields = Object.keys(zodObject(route, 'body').shape);
      expect(fields.length, routeKey(route)).toBeGreaterThan(0);
      const payload = Object.fromEntries(fields.map((f) => [f, { nested: { deep: [1] } }]));
      const res = await send(route, { payload });
      const error = expectError(res, 400, 'STEADY_ERR_VALIDATION', routeKey(route));
      const paths = (error.details as { path: string }[]).map((d) => d.path);
      for (const field of fields) {
        expect(
          paths.some((p) => p === `/body/${field}` || p.startsWith(`/body/${field}/`)),
          `${routeKey(route)} ${field}: ${paths.join(', ')}`,
        ).toBe(true);
      }
    }
  });

  it('answers 400 to wrong types field by field, starting from a valid body', async () => {
    const wrongValues: unknown[] = [{}, [], 'x'.repeat(5000), -1, 1e308, true];
    for (const route of withBody()) {
      const valid = sampleBody(route, a.ids) as Record<string, unknown>;
      for (const field of Object.keys(zodObject(route, 'body').shape)) {
        for (const value of wrongValues) {
          const payload = { ...valid, [field]: value };
          if (zodObject(route, 'body').safeParse(payload).success) continue;
          const res = await send(route, { payload });
          const context = `${routeKey(route)} ${field}=${JSON.stringify(value).slice(0, 20)}`;
          const error = expectError(res, 400, 'STEADY_ERR_VALIDATION', context);
          expect(error.details, context).toEqual(
            expect.arrayContaining([
              expect.objectContaining({
                path: expect.stringMatching(`^/body/${field}`) as string,
              }),
            ]),
          );
        }
      }
    }
  });

  it('answers 413 STEADY_ERR_BODY_TOO_LARGE to a 1.5 MiB body', async () => {
    expect(h.config.bodyLimitBytes).toBe(MIB);
    const payload = JSON.stringify({ name: 'x'.repeat(1.5 * MIB) });
    for (const route of withBody()) {
      const res = await send(route, {
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expectError(res, 413, 'STEADY_ERR_BODY_TOO_LARGE', routeKey(route));
    }
  });

  it('answers 415 to bodies that are not JSON, whatever their type', async () => {
    const types = [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    ];
    for (const route of withBody()) {
      for (const type of types) {
        const res = await send(route, {
          headers: { 'content-type': type },
          payload: JSON.stringify(sampleBody(route, a.ids)),
        });
        expectError(res, 415, 'STEADY_ERR_UNSUPPORTED_MEDIA_TYPE', `${routeKey(route)} ${type}`);
      }
    }
  });

  it('accepts JSON with a charset parameter', async () => {
    const res = await a.client.request({
      method: 'POST',
      url: `/api/patients/${a.client.userId}/medications`,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({ name: 'Charset test' }),
    });
    expect(res.statusCode).toBe(201);
    const del = await a.client.delete(
      `/api/patients/${a.client.userId}/medications/${res.json<{ medication: { id: string } }>().medication.id}`,
    );
    expect(del.statusCode).toBe(204);
  });

  it('answers 400 naming the parameter to every bad query value', async () => {
    for (const route of withQuery()) {
      const base = fillPath(route.url, a.ids);
      const caller = callerFor(a, route);
      for (const key of Object.keys(zodObject(route, 'querystring').shape)) {
        const valid = new URLSearchParams(sampleQuery(route));
        // Free text (a name search) takes any short string; only its length is limited.
        const bads = FREE_TEXT_QUERY.has(`${routeKey(route)} ${key}`)
          ? ['x'.repeat(101)]
          : ['{}', 'abc', '2026-02-30', '-1', ''];
        for (const bad of bads) {
          const query = new URLSearchParams(valid);
          query.set(key, bad);
          const res = await caller.get(`${base}?${query.toString()}`);
          const context = `${routeKey(route)} ${key}=${bad}`;
          const error = expectError(res, 400, 'STEADY_ERR_VALIDATION', context);
          expect(error.details, context).toEqual(
            expect.arrayContaining([expect.objectContaining({ path: `/querystring/${key}` })]),
          );
        }
        // The same parameter twice arrives as an array.
        const twice = new URLSearchParams(valid);
        twice.set(key, '2026-03-01');
        twice.append(key, '2026-03-02');
        const res = await caller.get(`${base}?${twice.toString()}`);
        expectError(res, 400, 'STEADY_ERR_VALIDATION', `${routeKey(route)} ${key} twice`);
      }
    }
  });

  // Runs last (tests in a file run in order): nothing any request above sent was stored.
  it('stored nothing from any of the malformed requests', async () => {
    expect(await snapshot(h, a)).toEqual(before);
  });
});

describeOnDatabases(
  'configured body limit',
  (harness) => {
    let h: Harness;
    beforeAll(() => {
      h = harness();
    });

    it('applies STEADY_BODY_LIMIT_BYTES to every request', async () => {
      const p = await registerPatient(h.app);
      const url = `/api/patients/${p.userId}/medications`;
      const fits = await p.post(url, { name: 'Fits', dose: 'x'.repeat(50) });
      expect(fits.statusCode).toBe(201);
      const tooLarge = await p.post(url, { name: 'Too large', dose: 'x'.repeat(3000) });
      expectError(tooLarge, 413, 'STEADY_ERR_BODY_TOO_LARGE');
      const list = (await p.get(url)).json<{ medications: { name: string }[] }>();
      expect(list.medications.map((m) => m.name)).toEqual(['Fits']);
    });
  },
  { STEADY_BODY_LIMIT_BYTES: '2048' },
);
