/**
 * Authorization is declared per route, as data. These tests read the routes of a real app and
 * prove that every API route declares a policy that makes sense, and that a route without one
 * cannot even be registered.
 */
import { beforeAll, expect, it } from 'vitest';
import { buildApp, MissingPolicyError } from '../app.js';
import type { Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { routeKey } from './routes.test-helpers.js';

const isApi = (url: string) => url.startsWith('/api') || url === '/healthz' || url === '/readyz';
const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

describeOnDatabases('route policies', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });

  it('lists the routes of the app, each method once', () => {
    const keys = h.app.routePolicies.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /healthz',
        'GET /readyz',
        'POST /api/auth/login',
        'GET /api/patients/:patientId/today',
      ]),
    );
    // Every listed route really exists in the router.
    for (const r of h.app.routePolicies) {
      expect(h.app.hasRoute({ method: r.method, url: r.url }), routeKey(r)).toBe(true);
    }
  });

  it('gives every API route (all but the docs UI) a declared policy', () => {
    const api = h.app.routePolicies.filter((r) => isApi(r.url) && !isDocs(r.url));
    expect(api.length).toBeGreaterThan(20);
    const missing = api.filter((r) => r.policy === undefined).map(routeKey);
    expect(missing).toEqual([]);
  });

  it('exempts only read-only docs and static routes from declaring a policy', () => {
    for (const r of h.app.routePolicies.filter((route) => route.policy === undefined)) {
      expect(['GET', 'HEAD'], routeKey(r)).toContain(r.method);
      expect(isDocs(r.url) || !isApi(r.url), routeKey(r)).toBe(true);
    }
  });

  it('keeps public routes to health, docs, registration, sign-in, invitation look-up, the FHIR capability statement and secret calendar links', () => {
    const open = h.app.routePolicies
      .filter((r) => r.policy?.kind === 'public' && r.method !== 'HEAD')
      .map(routeKey)
      .sort();
    // Consent defaults and invitation look-up are public: the caregiver sign-up page shows
    // who invites and what they propose before an account exists.
    expect(open).toEqual([
      'GET /api/consent-defaults',
      'GET /api/invitations/:code',
      'GET /api/openapi.json',
      'GET /calendar/:token.ics',
      'GET /fhir/metadata',
      'GET /healthz',
      'GET /readyz',
      'POST /api/auth/login',
      'POST /api/auth/register',
    ]);
  });

  it('declares patient-data exactly on routes about one patient, with read/write matching the method', () => {
    for (const r of h.app.routePolicies) {
      const aboutPatient = r.url.includes(':patientId');
      expect(r.policy?.kind === 'patient-data', routeKey(r)).toBe(aboutPatient);
      if (r.policy?.kind === 'patient-data') {
        const reads = r.method === 'GET' || r.method === 'HEAD';
        expect(r.policy.access, routeKey(r)).toBe(reads ? 'read' : 'write');
      }
    }
  });

  it('refuses to register a route without a policy', async () => {
    const app = await buildApp({ config: { ...h.config, webDir: null }, database: h.database });
    try {
      expect(() => app.get('/api/unguarded', () => 'x')).toThrow(MissingPolicyError);
      expect(() => app.post('/api/unguarded', () => 'x')).toThrow(/POST \/api\/unguarded/);
      expect(() => app.get('/healthz/deep', () => 'x')).toThrow(MissingPolicyError);
      expect(() => app.get('/fhir/Patient', () => 'x')).toThrow(MissingPolicyError);
      expect(() => app.get('/readyz', { exposeHeadRoute: false }, () => 'x')).toThrow(
        MissingPolicyError,
      );
      // Writes are never exempt, not even outside /api.
      expect(() => app.post('/upload', () => 'x')).toThrow(MissingPolicyError);
      expect(() => app.delete('/api/docs/x', () => 'x')).toThrow(MissingPolicyError);
      // Pages of the web app and the docs UI are read-only and need no policy.
      expect(() => app.get('/some-page', () => 'x')).not.toThrow();
      expect(() =>
        app.get('/api/x2', { config: { policy: { kind: 'signed-in' } } }, () => 'x'),
      ).not.toThrow();
      await app.ready();
      expect(app.routePolicies.map(routeKey)).toEqual(
        expect.arrayContaining(['GET /some-page', 'GET /api/x2']),
      );
      // The new guarded route is enforced like any other.
      const res = await app.inject({ method: 'GET', url: '/api/x2' });
      expect(res.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
