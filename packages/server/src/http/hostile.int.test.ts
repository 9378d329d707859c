/**
 * Hostile input on every route, generated from the OpenAPI document and the route list
 * (hostile.test-helpers.ts, seeded fast-check): wrong types, missing and extra fields, huge
 * strings and arrays, deep nesting, SQL and script payloads, odd Unicode, path tricks and bad
 * query values. Never a 5xx; every refusal is a 4xx in the one error shape; nothing invalid is
 * stored (row counts of every table); schema-valid hostile text is stored verbatim; the server
 * still answers its health check afterwards.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteRecord } from '../app.js';
import type { Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import {
  HOSTILE_STRINGS,
  pathTricks,
  queryTricks,
  requestSchema,
  sampleHostileBodies,
  type HostileBody,
  type OpenApiDocument,
} from './hostile.test-helpers.js';
import {
  apiRoutes,
  callerFor,
  fillPath,
  isExportReadAudit,
  pathParams,
  routeKey,
  sampleBody,
  sampleQuery,
  seedPatient,
  type SeededPatient,
} from './routes.test-helpers.js';

/** Generated bodies per route that takes one (54 routes today: about 1,600 requests). */
const BODIES_PER_ROUTE = 30;

/** Codes a schema-invalid body may be refused with (the body is judged before any handler). */
const INVALID_BODY_CODES = [
  'STEADY_ERR_VALIDATION',
  'STEADY_ERR_MALFORMED_JSON',
  'STEADY_ERR_BODY_TOO_LARGE',
];

interface Failure {
  readonly request: string;
  readonly problem: string;
}

/**
 * The error code of a refusal, or a problem: a status outside 4xx, a body that is not the one
 * error shape (or a FHIR OperationOutcome carrying the code), or anything like a stack trace.
 */
function refusal(res: LightMyRequestResponse, head: boolean): { code?: string; problem?: string } {
  if (res.statusCode < 400 || res.statusCode >= 500) {
    return { problem: `status ${String(res.statusCode)} ${res.body.slice(0, 200)}` };
  }
  if (head) return {};
  if (/stack|\bat \S+ \(|node_modules|\.[jt]s:\d+|Error:/.test(res.body)) {
    return { problem: `internals in body ${res.body.slice(0, 200)}` };
  }
  const type = String(res.headers['content-type']);
  try {
    if (type.startsWith('application/fhir+json')) {
      const outcome = JSON.parse(res.body) as {
        resourceType?: string;
        issue?: { code?: string; details?: { coding?: { code?: string }[] } }[];
      };
      // A Steady code in the details, or (FHIR import) the FHIR issue type code.
      const issue = outcome.issue?.[0];
      const code = issue?.details?.coding?.[0]?.code ?? issue?.code;
      if (outcome.resourceType !== 'OperationOutcome' || code === undefined) {
        return { problem: `not an OperationOutcome ${res.body.slice(0, 200)}` };
      }
      return { code };
    }
    if (!type.startsWith('application/json')) return { problem: `content-type ${type}` };
    const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
    const keys = Object.keys(body);
    if (
      keys.length !== 1 ||
      typeof body.error?.code !== 'string' ||
      !body.error.code.startsWith('STEADY_ERR_') ||
      typeof body.error.message !== 'string' ||
      body.error.message === ''
    ) {
      return { problem: `not the error shape ${res.body.slice(0, 200)}` };
    }
    return { code: body.error.code };
  } catch {
    return { problem: `not JSON ${res.body.slice(0, 200)}` };
  }
}

/** A raw query's rows (PGlite and node-postgres both answer `{ rows }`). */
async function rows<T>(h: Harness, query: SQL): Promise<T[]> {
  const result: unknown = await h.database.db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** Rows in every table of the application's schema, by table. */
async function rowCounts(h: Harness): Promise<Record<string, number>> {
  const tables = await rows<{ table_name: string }>(
    h,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const [row] = await rows<{ n: number }>(
      h,
      sql.raw(`select count(*)::int as n from "${table.replaceAll('"', '""')}"`),
    );
    counts[table] = Number(row?.n);
  }
  // FHIR reads and report exports are audited by design, even when a query was odd but valid.
  const actions = await rows<{ action: string }>(h, sql`select action from audit_log`);
  counts.audit_log =
    (counts.audit_log ?? 0) - actions.filter((r) => isExportReadAudit(r.action)).length;
  return counts;
}

describeOnDatabases('hostile input', (harness) => {
  let h: Harness;
  let a: SeededPatient;
  let doc: OpenApiDocument;
  let before: Record<string, number>;
  /** Generated bodies the route's own schema accepts: sent last, after the row count check. */
  const schemaValid: { route: RouteRecord; body: HostileBody }[] = [];
  beforeAll(async () => {
    h = harness();
    a = await seedPatient(h, 'hostilesecret');
    doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    // Reading alerts waits for the seed's pending alert recompute, so the counts are settled.
    await a.client.get(`/api/patients/${a.client.userId}/alerts`);
    before = await rowCounts(h);
  }, 120_000);

  /**
   * The route's valid sample body; a route without one yet (the route-wide suites fail for it)
   * is still attacked, starting from an empty object.
   */
  const validBody = (route: RouteRecord): Record<string, unknown> => {
    try {
      return sampleBody(route, a.ids) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const routes = () => apiRoutes(h).filter((r) => r.method !== 'HEAD');
  let ip = 0;
  /** As someone the route admits, from a new address each time (sign-in limits per address). */
  const send = (
    route: RouteRecord,
    url: string,
    options: Omit<InjectOptions, 'method' | 'url'>,
  ) => {
    const request: InjectOptions = {
      method: route.method,
      url,
      remoteAddress: `10.9.${String(Math.floor(++ip / 250) % 250)}.${String(ip % 250)}`,
      ...options,
    };
    // Public routes without a session: a sign-in or registration would end the patient's.
    return route.policy?.kind === 'public'
      ? h.app.inject(request)
      : callerFor(a, route).request(request);
  };
  const expectNoFailures = (failures: Failure[], sent: number) => {
    expect(sent).toBeGreaterThan(0);
    // One example per distinct problem (ids and lengths vary), so a report stays readable.
    const distinct = new Map<string, string>();
    for (const f of failures) {
      const key = f.problem.replace(/[0-9a-f-]{36}|a{20,}/g, '…').slice(0, 100);
      if (!distinct.has(key)) distinct.set(key, `${f.request} → ${f.problem.slice(0, 300)}`);
    }
    expect([...distinct.values()], `${String(failures.length)} of ${String(sent)} failed`).toEqual(
      [],
    );
  };

  it('refuses every generated invalid body with a 4xx in the error shape', async () => {
    const failures: Failure[] = [];
    let sent = 0;
    const withBody = routes().filter((r) => r.schema?.body !== undefined);
    expect(withBody.length).toBeGreaterThan(40);
    for (const [index, route] of withBody.entries()) {
      const zod = route.schema?.body;
      if (!(zod instanceof z.ZodType)) throw new Error(`${routeKey(route)} body is not zod`);
      const schema = requestSchema(doc, route.method, route.url);
      if (schema === undefined) throw new Error(`${routeKey(route)} missing from OpenAPI`);
      const valid = validBody(route);
      for (const body of sampleHostileBodies(schema, valid, BODIES_PER_ROUTE, index)) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.text);
        } catch {
          parsed = undefined;
        }
        if (parsed !== undefined && zod.safeParse(parsed).success) {
          schemaValid.push({ route, body });
          continue;
        }
        sent += 1;
        const res = await send(route, fillPath(route.url, a.ids) + sampleQuery(route), {
          headers: { 'content-type': 'application/json' },
          payload: body.text,
        });
        const { code, problem } = refusal(res, false);
        const request = `${routeKey(route)} ${body.kind}`;
        if (problem !== undefined) failures.push({ request, problem });
        else if (!INVALID_BODY_CODES.includes(code ?? '')) {
          failures.push({ request, problem: `code ${String(code)}` });
        }
      }
    }
    expectNoFailures(failures, sent);
  }, 120_000);

  it('refuses path parameter tricks on every route with a 4xx in the error shape', async () => {
    const failures: Failure[] = [];
    let sent = 0;
    for (const [index, route] of routes().entries()) {
      const params = pathParams(route.url);
      for (const param of params) {
        for (const trick of pathTricks(index)) {
          const url = fillPath(route.url, { ...a.ids, [param]: trick }) + sampleQuery(route);
          const body = route.schema?.body === undefined ? undefined : validBody(route);
          sent += 1;
          const res = await send(route, url, body === undefined ? {} : { payload: body });
          const { problem } = refusal(res, false);
          if (problem !== undefined) {
            failures.push({
              request: `${routeKey(route)} :${param}=${trick.slice(0, 40)}`,
              problem,
            });
          }
        }
      }
    }
    expectNoFailures(failures, sent);
  }, 120_000);

  it('answers bad query values without a 5xx, refusals in the error shape', async () => {
    const failures: Failure[] = [];
    let sent = 0;
    const withQuery = routes().filter((r) => r.schema?.querystring instanceof z.ZodObject);
    for (const [index, route] of withQuery.entries()) {
      const shape = (route.schema?.querystring as z.ZodObject).shape;
      for (const key of [...Object.keys(shape), 'unexpected', '__proto__']) {
        for (const bad of queryTricks(index)) {
          const query = new URLSearchParams(sampleQuery(route));
          query.set(key, bad);
          sent += 1;
          const res = await send(route, `${fillPath(route.url, a.ids)}?${query.toString()}`, {});
          if (res.statusCode < 400) continue; // free text (a name search) takes any short string
          const { problem } = refusal(res, false);
          if (problem !== undefined) {
            failures.push({ request: `${routeKey(route)} ${key}=${bad.slice(0, 30)}`, problem });
          }
        }
      }
    }
    expectNoFailures(failures, sent);
  }, 120_000);

  it('stored nothing from any of the invalid requests (row counts of every table)', async () => {
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(await rowCounts(h)).toEqual(before);
  });

  it('answers schema-valid hostile bodies without a 5xx', async () => {
    // Hostile text that fits a field (SQL, script, odd Unicode in a note) is ordinary data.
    expect(schemaValid.length).toBeGreaterThan(0);
    const failures: Failure[] = [];
    for (const { route, body } of schemaValid) {
      const res = await send(route, fillPath(route.url, a.ids) + sampleQuery(route), {
        headers: { 'content-type': 'application/json' },
        payload: body.text,
      });
      if (res.statusCode < 400) continue;
      const { problem } = refusal(res, false);
      if (problem !== undefined)
        failures.push({ request: `${routeKey(route)} ${body.kind}`, problem });
    }
    expectNoFailures(failures, schemaValid.length);
  }, 120_000);

  it('stores hostile text verbatim and gives it back as data', async () => {
    const base = `/api/patients/${a.client.userId}/medications`;
    for (const text of HOSTILE_STRINGS.filter((s) => s.trim() !== '' && s.length <= 100)) {
      const res = await a.client.post(base, { name: text });
      if (res.statusCode === 400) {
        // Refused as text no one could read back faithfully (e.g. a NUL byte): a clear 400.
        expect(refusal(res, false).code, JSON.stringify(text)).toBe('STEADY_ERR_VALIDATION');
        continue;
      }
      expect(res.statusCode, `${JSON.stringify(text)} ${res.body}`).toBe(201);
      const id = res.json<{ medication: { id: string; name: string } }>().medication.id;
      const list = (await a.client.get(base)).json<{
        medications: { id: string; name: string }[];
      }>();
      // Names are trimmed (JavaScript's trim, which includes U+FEFF) and a lone surrogate,
      // which UTF-8 cannot carry, becomes U+FFFD; nothing else changes.
      const expected = text
        .trim()
        .replace(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
          '\ufffd',
        );
      expect(list.medications.find((m) => m.id === id)?.name, JSON.stringify(text)).toBe(expected);
    }
  });

  it('is still up and ready after everything above', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const me = await a.client.get('/api/session');
    expect(me.statusCode).toBe(200);
  });
});
