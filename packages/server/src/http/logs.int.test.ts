/**
 * What the server logs (pino JSON lines, captured through AppDeps.logStream at the most verbose
 * level) never carries a secret or health data: no password, session token or cookie, CSRF
 * token, calendar-feed token, invitation code, request or response body, free-text note or
 * message, or a patient's name searched for — across the main flows and failed requests.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import {
  checkInBody,
  regimenBody,
  registerPatient,
  signIn,
  type Harness,
} from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

const FAILING_NOTE = `Woke up shaking ${randomUUID().slice(0, 6)}`;

describeOnDatabases('logs', (harness) => {
  let h: Harness;
  let app: FastifyInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    h = harness();
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    app = await buildApp({
      config: { ...h.config, logLevel: 'trace', webDir: null },
      database: h.database,
      now: h.clock.now,
      logStream,
    });
    // A failing query as drizzle reports it: the statement's values in the message and params.
    app.get('/api/test-failing-query', { config: { policy: { kind: 'public' } } }, () => {
      const cause = Object.assign(new Error(`invalid input: "${FAILING_NOTE}"`), {
        detail: `Key (note)=(${FAILING_NOTE})`,
      });
      throw Object.assign(
        new Error(`Failed query: insert into check_ins values ($1)\nparams: ${FAILING_NOTE}`, {
          cause,
        }),
        { query: 'insert into check_ins values ($1)', params: [FAILING_NOTE] },
      );
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('logs requests without secrets, bodies or health data', async () => {
    const secrets: string[] = [];
    const password = `Pw-${randomUUID()}-horse battery`;
    const email = `logs-${randomUUID().slice(0, 8)}@example.org`;
    const displayName = `Lorelei Logfinder ${randomUUID().slice(0, 6)}`;
    secrets.push(password, displayName);

    const patient = await registerPatient(app, { email, password, displayName });
    const signedIn = await signIn(app, email, password);
    for (const c of [patient, signedIn]) {
      secrets.push(c.cookie.replace('steady_session=', ''), c.csrfToken);
    }
    const base = `/api/patients/${signedIn.userId}`;
    const expectStatus = (status: number, res: { statusCode: number; body: string }) => {
      expect(res.statusCode, res.body).toBe(status);
    };

    const indication = `Spasm after fall ${randomUUID().slice(0, 6)}`;
    secrets.push(indication);
    expectStatus(
      201,
      await signedIn.post(`${base}/regimen`, regimenBody('2026-03-01', { indication })),
    );
    expectStatus(
      201,
      await signedIn.post(`${base}/doses`, {
        idempotencyKey: randomUUID(),
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
      }),
    );
    const note = `Felt dizzy on the stairs ${randomUUID().slice(0, 6)}`;
    secrets.push(note);
    expectStatus(201, await signedIn.post(`${base}/checkins`, checkInBody({ note })));
    const subject = `Subject ${randomUUID().slice(0, 6)}`;
    const message = `My legs feel heavy ${randomUUID().slice(0, 6)}`;
    secrets.push(subject, message);
    expectStatus(
      201,
      await signedIn.post(`${base}/threads`, {
        idempotencyKey: randomUUID(),
        subject,
        body: message,
        audience: 'team',
      }),
    );
    // Capability secrets that travel in URLs: an invitation code and a calendar-feed token.
    const invitation = await signedIn.post(`${base}/invitations`, { memberKind: 'caregiver' });
    expectStatus(201, invitation);
    const code = invitation.json<{ invitation: { code: string } }>().invitation.code;
    secrets.push(code);
    expectStatus(200, await app.inject({ method: 'GET', url: `/api/invitations/${code}` }));
    const feed = await signedIn.post(`${base}/calendar-feed`);
    expectStatus(201, feed);
    const feedUrl = new URL(feed.json<{ url: string }>().url);
    const token = feedUrl.pathname.replace('/calendar/', '').replace('.ics', '');
    secrets.push(token);
    expectStatus(200, await app.inject({ method: 'GET', url: feedUrl.pathname }));

    // Failed requests with bodies: a wrong password, a refused check-in, a bad CSRF token.
    const wrongPassword = `Wrong-${randomUUID()}`;
    secrets.push(wrongPassword);
    expectStatus(
      401,
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: wrongPassword },
        remoteAddress: '10.99.0.1',
      }),
    );
    const badNote = `Thinking of stopping suddenly ${randomUUID().slice(0, 6)}`;
    secrets.push(badNote);
    expectStatus(
      400,
      await signedIn.post(`${base}/checkins`, { ...checkInBody({ note: badNote }), pain: 11 }),
    );
    expectStatus(
      403,
      await signedIn.request({
        method: 'POST',
        url: `${base}/checkins`,
        headers: { 'x-csrf-token': 'forged' },
        payload: checkInBody({ note: badNote }),
      }),
    );
    // A name search: the query string holds a person's name.
    const searched = `Searchname${randomUUID().slice(0, 6)}`;
    secrets.push(searched);
    await signedIn.get(`/api/clinician/patients?q=${searched}`);
    expectStatus(204, await signedIn.post('/api/auth/logout'));
    // An unexpected failure is logged (type, SQL text, stack frames), its values are not.
    secrets.push(FAILING_NOTE);
    expectStatus(500, await app.inject({ method: 'GET', url: '/api/test-failing-query' }));
    const failure = lines.find((l) => l.includes('unhandled error'));
    expect(failure).toContain('Failed query: insert into check_ins');
    expect(failure).toMatch(/"stack":"Error\\n\s+at /);

    const log = lines.join('\n');
    // The capture works: requests are logged, with method, route and status.
    expect(lines.length).toBeGreaterThan(20);
    expect(log).toContain('"statusCode":201');
    expect(log).toContain('/checkins');
    for (const secret of secrets) {
      expect(log, `log contains ${secret}`).not.toContain(secret);
    }
    expect(log).not.toMatch(/set-cookie|"cookie"|x-csrf-token|"body"|"payload"/i);
    for (const line of lines) {
      expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    }
  });
});
