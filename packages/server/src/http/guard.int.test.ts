/**
 * Cross-site request forgery: every cookie-authenticated write needs the session's CSRF token,
 * and no write is accepted from a foreign Origin. Routes come from the app's own list.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { RouteRecord } from '../app.js';
import { auditLog } from '../db/schema.js';
import type { Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import {
  apiRoutes,
  expectError,
  fillPath,
  isExportReadAudit,
  routeKey,
  sampleBody,
  seedPatient,
  snapshot,
  type SeededPatient,
} from './routes.test-helpers.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const HOST = 'steady.example:3000';

describeOnDatabases('CSRF and Origin checks', (harness) => {
  let h: Harness;
  let a: SeededPatient;
  let b: SeededPatient;
  beforeAll(async () => {
    h = harness();
    a = await seedPatient(h, 'alphasecret');
    b = await seedPatient(h, 'bravosecret');
  });

  /** Writes made with the session cookie (everything but sign-in and registration). */
  const cookieWrites = () =>
    apiRoutes(h).filter((r) => !SAFE.has(r.method) && r.policy?.kind !== 'public');

  /** A's write with exactly these headers (the harness client would add a valid token). */
  const write = (route: RouteRecord, headers: Record<string, string>) => {
    const body = sampleBody(route, a.ids);
    return h.app.inject({
      method: route.method,
      url: fillPath(route.url, a.ids),
      headers: { host: HOST, cookie: a.client.cookie, ...headers },
      ...(body === undefined ? {} : { payload: body }),
    });
  };

  const state = async () => ({
    data: await snapshot(h, a),
    session: (await a.client.get('/api/session')).body,
    // Reads that are audited by design (FHIR reads and report exports, made by the snapshot) do not count.
    audit: (
      await h.database.db.select().from(auditLog).where(eq(auditLog.actorId, a.client.userId))
    ).filter((r) => !isExportReadAudit(r.action)).length,
  });

  it('covers every cookie-authenticated write', () => {
    expect(cookieWrites().map(routeKey)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/logout',
        'PATCH /api/me',
        'DELETE /api/patients/:patientId/medications/:medicationId',
        'POST /api/patients/:patientId/doses',
      ]),
    );
  });

  it('refuses a write without the CSRF token, with a wrong one or with another user’s', async () => {
    const before = await state();
    const variants: Record<string, Record<string, string>> = {
      missing: {},
      empty: { 'x-csrf-token': '' },
      wrong: { 'x-csrf-token': 'x'.repeat(a.client.csrfToken.length) },
      truncated: { 'x-csrf-token': a.client.csrfToken.slice(0, -1) },
      "another user's": { 'x-csrf-token': b.client.csrfToken },
    };
    for (const route of cookieWrites()) {
      for (const [name, headers] of Object.entries(variants)) {
        const res = await write(route, headers);
        expectError(res, 403, 'STEADY_ERR_CSRF', `${routeKey(route)} (${name} token)`);
      }
    }
    // Nothing changed, and the session survived the forged sign-out.
    expect(await state()).toEqual(before);
  });

  it('refuses writes from a foreign Origin, even with a valid token', async () => {
    const before = await state();
    const foreign = ['https://evil.example', `http://${HOST}.evil.example`, 'null', 'not a url'];
    for (const route of cookieWrites()) {
      for (const origin of foreign) {
        const res = await write(route, { 'x-csrf-token': a.client.csrfToken, origin });
        expectError(res, 403, 'STEADY_ERR_CSRF', `${routeKey(route)} from ${origin}`);
      }
    }
    expect(await state()).toEqual(before);
  });

  it('refuses sign-in and registration posted from a foreign Origin (login CSRF)', async () => {
    for (const route of apiRoutes(h, 'public').filter((r) => !SAFE.has(r.method))) {
      const res = await h.app.inject({
        method: route.method,
        url: route.url,
        headers: { host: HOST, origin: 'https://evil.example' },
        payload: sampleBody(route, a.ids) ?? {},
      });
      expectError(res, 403, 'STEADY_ERR_CSRF', routeKey(route));
      expect(res.cookies).toEqual([]);
    }
  });

  it('accepts a write with the right token from the same origin', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/patients/${a.client.userId}/medications`,
      headers: {
        host: HOST,
        origin: `http://${HOST}`,
        cookie: a.client.cookie,
        'x-csrf-token': a.client.csrfToken,
      },
      payload: { name: 'Same-origin medication' },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ medication: { id: string } }>().medication.id;
    expect(
      (await a.client.delete(`/api/patients/${a.client.userId}/medications/${id}`)).statusCode,
    ).toBe(204);
  });

  it('lets reads through without a token but never opens them to other origins (no CORS)', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/patients/${a.client.userId}/regimen`,
      headers: { host: HOST, origin: 'https://evil.example', cookie: a.client.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('binds the token to its session: an old token fails after signing in again', async () => {
    const p = await seedPatient(h, 'charliesecret');
    const email = (await p.client.get('/api/session')).json<{ user: { email: string } }>().user
      .email;
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'a long enough password' },
    });
    expect(again.statusCode).toBe(200);
    const cookie = again.cookies.find((c) => c.name === 'steady_session')?.value ?? '';
    const res = await h.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: `steady_session=${cookie}`, 'x-csrf-token': p.client.csrfToken },
      payload: { displayName: 'Forged' },
    });
    expectError(res, 403, 'STEADY_ERR_CSRF');
  });

  it('sends security headers on API responses', async () => {
    const res = await a.client.get('/api/session');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
