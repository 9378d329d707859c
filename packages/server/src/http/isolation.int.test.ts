/**
 * One patient can never see or change another's data, whichever route they try: the route
 * list comes from the app's declared policies, so a new patient-data route is covered here
 * without editing this file.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog } from '../db/schema.js';
import type { Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import {
  apiRoutes,
  expectError,
  fillPath,
  isExportReadAudit,
  pathParams,
  routeKey,
  sampleBody,
  sampleQuery,
  seedPatient,
  snapshot,
  type SeededPatient,
} from './routes.test-helpers.js';

describeOnDatabases('cross-patient isolation', (harness) => {
  let h: Harness;
  let a: SeededPatient;
  let b: SeededPatient;
  beforeAll(async () => {
    h = harness();
    a = await seedPatient(h, 'alphasecret');
    b = await seedPatient(h, 'bravosecret');
  });

  // Reads that are audited by design (FHIR reads and report exports, made by the snapshots) do not count.
  const auditCount = async (patientId: string) =>
    (await h.database.db.select().from(auditLog).where(eq(auditLog.patientId, patientId))).filter(
      (r) => !isExportReadAudit(r.action),
    ).length;

  it('covers a meaningful set of patient-data routes', () => {
    const keys = apiRoutes(h, 'patient-data').map(routeKey);
    // Guards against the route list silently coming back empty.
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/patients/:patientId/regimen',
        'POST /api/patients/:patientId/doses',
        'PUT /api/patients/:patientId/medications/:medicationId',
        'POST /api/patients/:patientId/doses/:doseId/correct',
        'GET /api/patients/:patientId/history',
      ]),
    );
  });

  // Three ways to reach A's data: A's path with B's ids, A's path with A's ids, and B's own
  // path with A's ids (the classic IDOR: authorized for the path, not for the object).
  const variants: {
    name: string;
    ids: () => Record<string, string>;
    applies: (url: string) => boolean;
  }[] = [
    {
      name: "A's patient id, B's other ids",
      ids: () => ({ ...b.ids, patientId: a.ids.patientId ?? '' }),
      applies: () => true,
    },
    {
      name: "A's patient id and A's other ids",
      ids: () => a.ids,
      applies: (url) => pathParams(url).length > 1,
    },
    {
      name: "B's own patient id with A's other ids",
      ids: () => ({ ...a.ids, patientId: b.ids.patientId ?? '' }),
      applies: (url) => pathParams(url).length > 1,
    },
  ];

  for (const variant of variants) {
    it(`B gets 404 and learns nothing on every patient-data route (${variant.name})`, async () => {
      const beforeA = await snapshot(h, a);
      const beforeB = await snapshot(h, b);
      const auditA = await auditCount(a.client.userId);
      const routes = apiRoutes(h, 'patient-data').filter((r) => variant.applies(r.url));
      expect(routes.length).toBeGreaterThan(0);
      for (const route of routes) {
        const body = sampleBody(route, a.ids);
        const res = await b.client.request({
          method: route.method,
          url: fillPath(route.url, variant.ids()) + sampleQuery(route),
          ...(body === undefined ? {} : { payload: body }),
        });
        const context = `B ${routeKey(route)}`;
        if (route.method === 'HEAD') {
          expect(res.statusCode, context).toBe(404);
          continue;
        }
        expectError(res, 404, 'STEADY_ERR_NOT_FOUND', context);
        if (!route.url.startsWith('/fhir/')) {
          expect(res.json(), context).toEqual({
            error: { code: 'STEADY_ERR_NOT_FOUND', message: 'Not found.' },
          });
        }
        for (const secret of a.secrets) expect(res.body, context).not.toContain(secret);
      }
      expect(await snapshot(h, a)).toEqual(beforeA);
      expect(await snapshot(h, b)).toEqual(beforeB);
      expect(await auditCount(a.client.userId)).toBe(auditA);
    });
  }

  it('answers 401 to an anonymous caller on every route that is not public', async () => {
    const routes = h.app.routePolicies.filter(
      (r) => r.policy !== undefined && r.policy.kind !== 'public',
    );
    expect(routes.map(routeKey)).toEqual(
      expect.arrayContaining(['GET /api/session', 'PATCH /api/me', 'POST /api/auth/logout']),
    );
    const before = await snapshot(h, a);
    for (const route of routes) {
      const body = sampleBody(route, a.ids);
      const res = await h.app.inject({
        method: route.method,
        url: fillPath(route.url, a.ids) + sampleQuery(route),
        ...(body === undefined ? {} : { payload: body }),
      });
      const context = `anonymous ${routeKey(route)}`;
      if (route.method === 'HEAD') expect(res.statusCode, context).toBe(401);
      else expectError(res, 401, 'STEADY_ERR_UNAUTHENTICATED', context);
      for (const secret of a.secrets) expect(res.body, context).not.toContain(secret);
    }
    expect(await snapshot(h, a)).toEqual(before);
  });

  it('answers 401 to a forged or unknown session cookie', async () => {
    for (const cookie of ['steady_session=forged', 'steady_session=', 'other=1']) {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/patients/${a.client.userId}/regimen`,
        headers: { cookie },
      });
      expectError(res, 401, 'STEADY_ERR_UNAUTHENTICATED', cookie);
    }
  });

  const withObjectIds = () =>
    apiRoutes(h, 'patient-data').filter((r) => r.method !== 'HEAD' && pathParams(r.url).length > 1);

  it('answers 404 to unknown ids on the caller’s own data', async () => {
    const before = await snapshot(h, a);
    const routes = withObjectIds();
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const route of routes) {
      const unknown = Object.fromEntries(
        pathParams(route.url).map((p) => [p, p === 'patientId' ? a.client.userId : randomUUID()]),
      );
      const body = sampleBody(route, a.ids);
      const res = await a.client.request({
        method: route.method,
        url: fillPath(route.url, unknown),
        ...(body === undefined ? {} : { payload: body }),
      });
      expectError(res, 404, 'STEADY_ERR_NOT_FOUND', `unknown id ${routeKey(route)}`);
    }
    expect(await snapshot(h, a)).toEqual(before);
  });

  it('answers 400 with the parameter named to ids that are not UUIDs', async () => {
    for (const route of withObjectIds()) {
      for (const param of pathParams(route.url).filter((p) => p !== 'patientId')) {
        for (const bad of ['not-a-uuid', '1', `${randomUUID()}x`]) {
          const body = sampleBody(route, a.ids);
          const res = await a.client.request({
            method: route.method,
            url: fillPath(route.url, { ...a.ids, [param]: bad }),
            ...(body === undefined ? {} : { payload: body }),
          });
          const error = expectError(res, 400, 'STEADY_ERR_VALIDATION', routeKey(route));
          expect(error.details).toEqual(
            expect.arrayContaining([expect.objectContaining({ path: `/params/${param}` })]),
          );
        }
      }
    }
  });

  it('answers 404 (not 400) to a patient id that is not a UUID, so nothing is probed', async () => {
    for (const route of apiRoutes(h, 'patient-data').filter((r) => r.method === 'GET')) {
      const res = await a.client.get(
        fillPath(route.url, { ...a.ids, patientId: 'me' }) + sampleQuery(route),
      );
      expectError(res, 404, 'STEADY_ERR_NOT_FOUND', routeKey(route));
    }
  });
});
