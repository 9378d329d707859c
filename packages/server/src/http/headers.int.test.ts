/**
 * Security headers on every kind of response (API JSON, errors, the web page and its assets,
 * the API docs), no CORS for foreign origins, and the session cookie's flags — with Secure and
 * HSTS exactly when the app is on HTTPS: configured (STEADY_SECURE_COOKIES) or said by a trusted
 * proxy (STEADY_TRUST_PROXY with X-Forwarded-Proto).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import type { Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

let address = 0;
const nextAddress = () => `10.77.${String(Math.floor(++address / 250))}.${String(address % 250)}`;

/** The directives of a Content-Security-Policy header, by name. */
function directives(res: LightMyRequestResponse): Map<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(typeof header, `CSP on ${res.raw.req.url}`).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name = '', ...values]) => [name, values]),
  );
}

/** The headers every response carries, whatever produced it. */
function expectSecurityHeaders(res: LightMyRequestResponse, what: string): void {
  const csp = directives(res);
  const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
  expect(scripts, `${what} script-src`).not.toContain("'unsafe-inline'");
  expect(scripts, `${what} script-src`).not.toContain("'unsafe-eval'");
  expect(scripts, `${what} script-src`).not.toContain('*');
  expect(csp.get('default-src'), `${what} default-src`).toEqual(["'self'"]);
  expect(csp.get('object-src'), `${what} object-src`).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors'), `${what} frame-ancestors`).toEqual(["'none'"]);
  expect(csp.get('base-uri'), `${what} base-uri`).toEqual(["'self'"]);
  // The one known exception: Mantine sets inline style attributes, which neither a nonce nor
  // a hash can allow; styles cannot run script.
  for (const [name, values] of csp) {
    if (name !== 'style-src' && name !== 'style-src-attr') {
      expect(values, `${what} ${name}`).not.toContain("'unsafe-inline'");
    }
  }
  // No outside host anywhere: only keywords, hashes and data: images.
  for (const [name, values] of csp) {
    const outside = values.filter((v) => !v.startsWith("'") && v !== 'data:');
    expect(outside, `${what} ${name}`).toEqual([]);
  }
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
  expect(res.headers['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(res.headers['x-powered-by'], what).toBeUndefined();
  expect(res.headers['access-control-allow-origin'], what).toBeUndefined();
}

describeOnDatabases('security headers', (harness) => {
  let h: Harness;
  let webDir: string;
  const apps: FastifyInstance[] = [];
  /** An app on the suite's database with this configuration and a built web app to serve. */
  const appWith = async (overrides: Partial<Config>) => {
    const app = await buildApp({
      config: { ...h.config, webDir, ...overrides },
      database: h.database,
      now: h.clock.now,
    });
    await app.ready();
    apps.push(app);
    return app;
  };
  const register = (app: FastifyInstance, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: nextAddress(),
      headers,
      payload: {
        email: `headers-${String(++address)}@example.org`,
        password: 'a long enough password',
        displayName: 'Headers',
        timeZone: 'Europe/Paris',
      },
    });
  const sessionCookie = (res: LightMyRequestResponse) => {
    expect(res.statusCode, res.body).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'steady_session');
    if (cookie === undefined) throw new Error('no session cookie');
    return cookie;
  };

  beforeAll(async () => {
    h = harness();
    webDir = await mkdtemp(path.join(tmpdir(), 'steady-headers-'));
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>Steady</title>');
    await mkdir(path.join(webDir, 'assets'));
    await writeFile(path.join(webDir, 'assets', 'app-1234.js'), 'console.log(1);');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await rm(webDir, { recursive: true, force: true });
  });

  it('sends the headers on every kind of response', async () => {
    const app = await appWith({});
    const registered = await register(app);
    const session = sessionCookie(registered);
    const userId = registered.json<{ user: { id: string } }>().user.id;
    const cookie = `steady_session=${session.value}`;
    const cases: [string, string, Record<string, string>, number][] = [
      ['API JSON', '/api/consent-defaults', {}, 200],
      ['signed-in API JSON', '/api/session', { cookie }, 200],
      ['health', '/healthz', {}, 200],
      ['FHIR JSON', '/fhir/metadata', {}, 200],
      ['error 401', '/api/session', {}, 401],
      ['error 404 (API)', '/api/nothing-here', {}, 404],
      ['error 400 (validation)', `/api/patients/${userId}/doses?from=x&to=y`, { cookie }, 400],
      ['error 400 (bad URL)', '/api/patients/%ff/profile', { cookie }, 400],
      ['web page', '/', {}, 200],
      ['web page (client route)', '/today', {}, 200],
      ['web asset', '/assets/app-1234.js', {}, 200],
      ['OpenAPI JSON', '/api/openapi.json', {}, 200],
      ['API docs page', '/api/docs/', {}, 200],
      ['API docs JSON', '/api/docs/json', {}, 200],
    ];
    for (const [what, url, headers, status] of cases) {
      const res = await app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, `${what} ${res.body.slice(0, 200)}`).toBe(status);
      expectSecurityHeaders(res, what);
    }
    // Writes and their refusals too.
    const write = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie, 'x-csrf-token': 'wrong' },
      payload: { displayName: 'x' },
    });
    expect(write.statusCode).toBe(403);
    expectSecurityHeaders(write, 'CSRF refusal');
  });

  it('answers no foreign origin with CORS headers and refuses preflights', async () => {
    const app = await appWith({});
    const foreign = { origin: 'https://evil.example' };
    const read = await app.inject({
      method: 'GET',
      url: '/api/consent-defaults',
      headers: foreign,
    });
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    expect(read.headers['access-control-allow-credentials']).toBeUndefined();
    for (const url of ['/api/auth/login', '/api/me', '/api/patients/x/doses']) {
      const preflight = await app.inject({
        method: 'OPTIONS',
        url,
        headers: {
          ...foreign,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-csrf-token',
        },
      });
      expect(preflight.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(preflight.headers['access-control-allow-origin'], url).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods'], url).toBeUndefined();
    }
    // A cross-site write is refused before anything runs, signed in or not.
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: nextAddress(),
      headers: foreign,
      payload: { email: 'a@example.org', password: 'whatever it is' },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json<{ error: { code: string } }>().error.code).toBe('STEADY_ERR_CSRF');
    expect(login.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sets an HttpOnly, SameSite=Lax, Path=/ session cookie; not Secure, no HSTS on plain http', async () => {
    const app = await appWith({ secureCookies: false, trustProxy: false });
    const res = await register(app);
    const cookie = sessionCookie(res);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.secure).toBeUndefined();
    expect(cookie.domain).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(directives(res).has('upgrade-insecure-requests')).toBe(false);
    // Without a trusted proxy, anyone can send X-Forwarded-Proto: it changes nothing.
    const spoofed = await register(app, { 'x-forwarded-proto': 'https' });
    expect(sessionCookie(spoofed).secure).toBeUndefined();
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });

  it('marks the cookie Secure and sends HSTS with STEADY_SECURE_COOKIES=true', async () => {
    const app = await appWith({ secureCookies: true });
    const res = await register(app);
    const cookie = sessionCookie(res);
    expect(cookie.secure).toBe(true);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(directives(res).has('upgrade-insecure-requests')).toBe(true);
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });

  it('marks the cookie Secure and sends HSTS when a trusted proxy says https', async () => {
    const app = await appWith({ secureCookies: false, trustProxy: true });
    const https = await register(app, { 'x-forwarded-proto': 'https' });
    expect(sessionCookie(https).secure).toBe(true);
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    const page = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(page.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    // The same proxy saying plain http: no Secure flag (the browser would drop the cookie).
    const http = await register(app, { 'x-forwarded-proto': 'http' });
    expect(sessionCookie(http).secure).toBeUndefined();
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });
});
