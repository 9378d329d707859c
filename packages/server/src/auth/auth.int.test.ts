/**
 * Accounts and sessions end to end: registration, sign-in (with throttling and no account
 * enumeration), sign-out, expiry, account changes, password storage and the audit trail.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { auditLog, loginFailures, sessions, users } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import {
  DATABASES,
  registerPatient,
  TEST_DATABASE_URL,
  testClock,
  type Harness,
} from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { createUser } from './users.js';

const PASSWORD = 'correct horse battery';

let address = 0;
/**
 * Each request from its own address: the per-address limit on these routes (30 a minute) is
 * tested on its own below and must not interfere with the other tests.
 */
const nextAddress = () => `10.1.${String(Math.floor(++address / 250))}.${String(address % 250)}`;

const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.org`;

function register(app: FastifyInstance, body: Record<string, unknown>) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/register',
    remoteAddress: nextAddress(),
    payload: {
      email: uniqueEmail('reg'),
      password: PASSWORD,
      displayName: 'Robin',
      timeZone: 'Europe/Paris',
      ...body,
    },
  });
}

function login(app: FastifyInstance, email: string, password: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: nextAddress(),
    payload: { email, password },
  });
}

function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'steady_session');
  if (cookie === undefined) throw new Error(`no session cookie: ${res.body}`);
  return `steady_session=${cookie.value}`;
}

const whoAmI = (app: FastifyInstance, cookie: string) =>
  app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });

describeOnDatabases('registration', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });

  it('creates a patient, starts a session and sets a safe cookie', async () => {
    const email = uniqueEmail('Robin.Case');
    const res = await register(h.app, { email: email.toUpperCase(), displayName: '  Robin  ' });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ user: Record<string, unknown>; csrfToken: string }>();
    expect(body.user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      email: email.toLowerCase(),
      displayName: 'Robin',
      role: 'patient',
      discipline: null,
      timeZone: 'Europe/Paris',
      clinicId: null,
    });
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
    expect(res.body).not.toContain(PASSWORD);

    const cookie = res.cookies.find((c) => c.name === 'steady_session');
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: h.config.sessionHours * 3600,
    });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value.length).toBeGreaterThanOrEqual(32);

    const session = await whoAmI(h.app, sessionCookie(res));
    expect(session.statusCode).toBe(200);
    expect(session.json()).toEqual({ user: body.user, csrfToken: body.csrfToken, state: 'full' });
  });

  it('stores only an argon2id hash of the password, salted per user', async () => {
    const emails = [uniqueEmail('hash1'), uniqueEmail('hash2')];
    for (const email of emails) expect((await register(h.app, { email })).statusCode).toBe(201);
    const hashes: string[] = [];
    for (const email of emails) {
      const rows = await h.database.db
        .select({ hash: users.passwordHash })
        .from(users)
        .where(eq(users.email, email));
      expect(rows).toHaveLength(1);
      hashes.push(rows[0]?.hash ?? '');
    }
    for (const hash of hashes) {
      expect(hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
      expect(hash).not.toContain(PASSWORD);
    }
    expect(hashes[0]).not.toBe(hashes[1]);
  });

  it('stores only a hash of the session token', async () => {
    const res = await register(h.app, {});
    const token = sessionCookie(res).split('=')[1] ?? '';
    const rows = await h.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, res.json<{ user: { id: string } }>().user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).not.toBe(token);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('requires a password of at least 12 characters', async () => {
    const short = await register(h.app, { password: 'elevenchars' });
    const error = expectError(short, 400, 'STEADY_ERR_VALIDATION');
    expect(error.details).toEqual([
      { path: '/body/password', reason: 'too-short', message: 'Use at least 12 characters.' },
    ]);
    expect(short.cookies).toEqual([]);
    expect((await register(h.app, { password: 'twelve chars' })).statusCode).toBe(201);
  });

  it.each([
    ['password1234', 'common'],
    ['Qwertyuiop123', 'common'],
    ['aaaaaaaaaaaaaaaa', 'repetitive'],
    ['robin.case2024', 'context'],
    ['steady steady!', 'context'],
  ])('refuses the new password %j (%s) and creates nothing', async (password, reason) => {
    const email = `robin.case-${randomUUID().slice(0, 8)}@example.org`;
    const res = await register(h.app, { email, password });
    const error = expectError(res, 400, 'STEADY_ERR_VALIDATION');
    expect(error.details).toEqual([
      { path: '/body/password', reason, message: expect.any(String) as string },
    ]);
    expect(res.cookies).toEqual([]);
    expect(await h.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it('accepts any Unicode and a long passphrase, and signs in with another Unicode form', async () => {
    const email = uniqueEmail('unicode');
    const composed = 'Ma clé préférée — 🐢 lentement';
    const long = 'river stone cloud maple '.repeat(10).slice(0, 200);
    expect((await register(h.app, { email, password: composed })).statusCode).toBe(201);
    expect((await register(h.app, { password: long })).statusCode).toBe(201);
    // The same text typed with combining accents (NFD) is the same password.
    const res = await login(h.app, email, composed.normalize('NFD'));
    expect(res.statusCode).toBe(200);
  });

  it('lets older passwords that break the rules still sign in (rules apply when choosing)', async () => {
    const email = uniqueEmail('legacy');
    await createUser(
      h.database.db,
      {
        email,
        password: 'steady-demo-patient',
        displayName: 'Dana',
        role: 'patient',
        discipline: null,
        timeZone: 'Europe/London',
      },
      h.clock.now(),
    );
    expect((await login(h.app, email, 'steady-demo-patient')).statusCode).toBe(200);
  });

  it.each([['Mars/Olympus'], ['America/Nowhere'], ['UTC+25'], ['UTC+2'], ['+01:00'], ['']])(
    'refuses the unknown time zone %j',
    async (timeZone) => {
      const email = uniqueEmail('tz');
      const res = await register(h.app, { email, timeZone });
      const error = expectError(res, 400, 'STEADY_ERR_VALIDATION');
      const paths = (error.details as { path: string }[]).map((d) => d.path);
      expect(new Set(paths)).toEqual(new Set(['/body/timeZone']));
      const rows = await h.database.db.select().from(users).where(eq(users.email, email));
      expect(rows).toEqual([]);
    },
  );

  it('refuses a taken email with one message, whatever the difference', async () => {
    const email = uniqueEmail('dup');
    expect((await register(h.app, { email })).statusCode).toBe(201);
    const attempts = [
      await register(h.app, { email }),
      await register(h.app, { email: email.toUpperCase(), password: 'another long password' }),
      await register(h.app, { email, displayName: 'Someone else', timeZone: 'Asia/Tokyo' }),
    ];
    for (const res of attempts) {
      expectError(res, 400, 'STEADY_ERR_REGISTRATION_FAILED');
      expect(res.cookies).toEqual([]);
      expect(res.body).toBe(attempts[0]?.body);
      expect(res.body).not.toMatch(/exist|taken|already registered|in use/i);
    }
    // The original account keeps its password.
    expect((await login(h.app, email, PASSWORD)).statusCode).toBe(200);
    expectError(
      await login(h.app, email, 'another long password'),
      401,
      'STEADY_ERR_INVALID_CREDENTIALS',
    );
  });

  it('audits registration and sign-in with ids only', async () => {
    const email = uniqueEmail('audit');
    const reg = await register(h.app, { email });
    const userId = reg.json<{ user: { id: string } }>().user.id;
    expectError(
      await login(h.app, email, 'wrong password!'),
      401,
      'STEADY_ERR_INVALID_CREDENTIALS',
    );
    expect((await login(h.app, email, PASSWORD)).statusCode).toBe(200);
    const rows = await h.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, userId))
      .orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual(['auth.register', 'auth.login']);
    expect(rows[0]).toMatchObject({ actorId: userId, patientId: userId });
    for (const row of rows) expect(row.at.toISOString()).toBe(h.clock.now().toISOString());
    const text = JSON.stringify(rows);
    expect(text).not.toContain(email);
    expect(text).not.toContain(PASSWORD);
  });
});

describeOnDatabases(
  'sign-in, throttling and sessions',
  (harness) => {
    let h: Harness;
    beforeAll(() => {
      h = harness();
    });

    const account = async () => {
      const email = uniqueEmail('acct');
      const res = await register(h.app, { email });
      expect(res.statusCode).toBe(201);
      return { email, id: res.json<{ user: { id: string } }>().user.id };
    };

    it('signs in with the right password, whatever the case of the email', async () => {
      const { email, id } = await account();
      const res = await login(h.app, email.toUpperCase(), PASSWORD);
      expect(res.statusCode).toBe(200);
      expect(res.json<{ user: { id: string } }>().user.id).toBe(id);
      const session = await whoAmI(h.app, sessionCookie(res));
      expect(session.json<{ csrfToken: string }>().csrfToken).toBe(
        res.json<{ csrfToken: string }>().csrfToken,
      );
    });

    it('answers a wrong password and an unknown email identically', async () => {
      const { email } = await account();
      const wrong = await login(h.app, email, 'not the password');
      const unknown = await login(h.app, uniqueEmail('nobody'), 'not the password');
      expectError(wrong, 401, 'STEADY_ERR_INVALID_CREDENTIALS');
      expect(unknown.statusCode).toBe(wrong.statusCode);
      expect(unknown.body).toBe(wrong.body);
      expect(unknown.cookies).toEqual([]);
      expect(wrong.cookies).toEqual([]);
      expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(wrong.headers).sort());
    });

    it('throttles an email after the configured failures, then lets it in after the window', async () => {
      const { email } = await account();
      for (let i = 0; i < 3; i++) {
        expectError(
          await login(h.app, email, `wrong ${String(i)}`),
          401,
          'STEADY_ERR_INVALID_CREDENTIALS',
        );
      }
      const blocked = await login(h.app, email, PASSWORD);
      expectError(blocked, 429, 'STEADY_ERR_RATE_LIMITED');
      expect(blocked.cookies).toEqual([]);
      // Another account is not affected.
      const other = await account();
      expect((await login(h.app, other.email, PASSWORD)).statusCode).toBe(200);

      h.clock.advance(14 * 60_000);
      expectError(await login(h.app, email, PASSWORD), 429, 'STEADY_ERR_RATE_LIMITED');
      h.clock.advance(60_000 + 1);
      expect((await login(h.app, email, PASSWORD)).statusCode).toBe(200);
    });

    it('throttles unknown emails the same way (no enumeration through 429)', async () => {
      const known = await account();
      const unknown = uniqueEmail('ghost');
      for (let i = 0; i < 3; i++) {
        await login(h.app, known.email, 'wrong password');
        await login(h.app, unknown, 'wrong password');
      }
      const a = await login(h.app, known.email, 'wrong password');
      const b = await login(h.app, unknown, 'wrong password');
      expectError(a, 429, 'STEADY_ERR_RATE_LIMITED');
      expect(b.body).toBe(a.body);
    });

    it('counts failures in a sliding window and forgets them after a success', async () => {
      const { email } = await account();
      await login(h.app, email, 'wrong 1');
      await login(h.app, email, 'wrong 2');
      h.clock.advance(10 * 60_000);
      await login(h.app, email, 'wrong 3');
      h.clock.advance(6 * 60_000); // the first two are now outside the window
      expect((await login(h.app, email, PASSWORD)).statusCode).toBe(200);
      // The success cleared the count: two more failures do not block.
      await login(h.app, email, 'wrong 4');
      await login(h.app, email, 'wrong 5');
      expect((await login(h.app, email, PASSWORD)).statusCode).toBe(200);
    });

    it('stores failed attempts without the email address', async () => {
      const email = uniqueEmail('privacy');
      await login(h.app, email, 'wrong password');
      const rows = await h.database.db.select().from(loginFailures);
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain(email);
      expect(JSON.stringify(rows)).not.toContain('privacy');
    });

    it('signs out: the session is deleted and the old cookie no longer works', async () => {
      const { email, id } = await account();
      const res = await login(h.app, email, PASSWORD);
      const cookie = sessionCookie(res);
      const csrfToken = res.json<{ csrfToken: string }>().csrfToken;
      const countSessions = async () =>
        (await h.database.db.select().from(sessions).where(eq(sessions.userId, id))).length;
      expect(await countSessions()).toBe(2); // registration and this sign-in

      const out = await h.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      expect(out.statusCode).toBe(204);
      const cleared = out.cookies.find((c) => c.name === 'steady_session');
      expect(cleared?.value).toBe('');
      expect(await countSessions()).toBe(1);
      expectError(await whoAmI(h.app, cookie), 401, 'STEADY_ERR_UNAUTHENTICATED');
      const actions = await h.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.actorId, id));
      expect(actions.map((a) => a.action)).toContain('auth.logout');
    });

    it('expires a session after STEADY_SESSION_HOURS, however active', async () => {
      const { email } = await account();
      const cookie = sessionCookie(await login(h.app, email, PASSWORD));
      for (let hour = 1; hour < 24; hour++) {
        h.clock.advance(3_600_000);
        expect((await whoAmI(h.app, cookie)).statusCode).toBe(200);
      }
      h.clock.advance(3_600_000 - 1000);
      expect((await whoAmI(h.app, cookie)).statusCode).toBe(200);
      h.clock.advance(1000);
      expectError(await whoAmI(h.app, cookie), 401, 'STEADY_ERR_UNAUTHENTICATED');
      // A fresh sign-in works and cleans up the expired session.
      expect((await login(h.app, email, PASSWORD)).statusCode).toBe(200);
    });

    it('ends a patient session after STEADY_PATIENT_IDLE_MINUTES without activity', async () => {
      const { email } = await account();
      const cookie = sessionCookie(await login(h.app, email, PASSWORD));
      // Each request is activity and pushes the deadline.
      for (let i = 0; i < 3; i++) {
        h.clock.advance(119 * 60_000);
        expect((await whoAmI(h.app, cookie)).statusCode).toBe(200);
      }
      h.clock.advance(120 * 60_000);
      expectError(await whoAmI(h.app, cookie), 401, 'STEADY_ERR_UNAUTHENTICATED');
    });

    it('ends a clinician session after STEADY_SESSION_IDLE_MINUTES without activity', async () => {
      const email = uniqueEmail('clin');
      await createUser(
        h.database.db,
        {
          email,
          password: PASSWORD,
          displayName: 'Dr. Idle',
          role: 'clinician',
          discipline: 'prescriber',
          timeZone: 'Europe/Paris',
        },
        h.clock.now(),
      );
      const cookie = sessionCookie(await login(h.app, email, PASSWORD));
      for (let i = 0; i < 3; i++) {
        h.clock.advance(29 * 60_000);
        expect((await whoAmI(h.app, cookie)).statusCode).toBe(200);
      }
      h.clock.advance(30 * 60_000);
      expectError(await whoAmI(h.app, cookie), 401, 'STEADY_ERR_UNAUTHENTICATED');
      // Signing in again works.
      expect((await login(h.app, email, PASSWORD)).statusCode).toBe(200);
    });

    it('gives a new session id at sign-in and ends the one the browser came with', async () => {
      const { email } = await account();
      const first = await login(h.app, email, PASSWORD);
      const before = sessionCookie(first);
      // A signed-in browser sends its CSRF token on every write, sign-in included.
      const again = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: nextAddress(),
        headers: { cookie: before, 'x-csrf-token': first.json<{ csrfToken: string }>().csrfToken },
        payload: { email, password: PASSWORD },
      });
      expect(again.statusCode).toBe(200);
      const after = sessionCookie(again);
      expect(after).not.toBe(before);
      expectError(await whoAmI(h.app, before), 401, 'STEADY_ERR_UNAUTHENTICATED');
      expect((await whoAmI(h.app, after)).statusCode).toBe(200);
    });

    it('never adopts a session id chosen by someone else (session fixation)', async () => {
      const { email } = await account();
      const planted = `steady_session=${'A'.repeat(43)}`;
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: nextAddress(),
        headers: { cookie: planted },
        payload: { email, password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(sessionCookie(res)).not.toBe(planted);
      expectError(await whoAmI(h.app, planted), 401, 'STEADY_ERR_UNAUTHENTICATED');
    });

    it('signs out everywhere: every session of the user ends, this one included', async () => {
      const { email, id } = await account(); // registration: a first session
      const laptop = await login(h.app, email, PASSWORD);
      const phone = await login(h.app, email, PASSWORD);
      const other = await account();
      const otherCookie = sessionCookie(await login(h.app, other.email, PASSWORD));
      const phoneCookie = sessionCookie(phone);

      // A write: the CSRF token is required.
      expectError(
        await h.app.inject({
          method: 'POST',
          url: '/api/me/sessions/revoke-all',
          headers: { cookie: phoneCookie },
        }),
        403,
        'STEADY_ERR_CSRF',
      );
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/me/sessions/revoke-all',
        headers: {
          cookie: phoneCookie,
          'x-csrf-token': phone.json<{ csrfToken: string }>().csrfToken,
        },
      });
      expect(res.statusCode).toBe(204);
      expect(res.cookies.find((c) => c.name === 'steady_session')?.value).toBe('');
      for (const cookie of [phoneCookie, sessionCookie(laptop)]) {
        expectError(await whoAmI(h.app, cookie), 401, 'STEADY_ERR_UNAUTHENTICATED');
      }
      expect(await h.database.db.select().from(sessions).where(eq(sessions.userId, id))).toEqual(
        [],
      );
      // Someone else's session is untouched.
      expect((await whoAmI(h.app, otherCookie)).statusCode).toBe(200);
      const [entry] = await h.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'auth.logout-everywhere'));
      expect(entry).toMatchObject({ actorId: id, patientId: null, details: { sessions: 3 } });
      // Signed out: the route needs a session.
      expectError(
        await h.app.inject({ method: 'POST', url: '/api/me/sessions/revoke-all' }),
        401,
        'STEADY_ERR_UNAUTHENTICATED',
      );
    });

    it('changes name and time zone through PATCH /api/me, and refuses unknown zones', async () => {
      const p = await registerPatient(h.app, { timeZone: 'America/New_York' });
      const changed = await p.patch('/api/me', { timeZone: 'Europe/Berlin', displayName: ' Kim ' });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({
        user: { timeZone: 'Europe/Berlin', displayName: 'Kim' },
      });
      expect((await p.get('/api/session')).json()).toMatchObject({
        user: { id: p.userId, timeZone: 'Europe/Berlin', displayName: 'Kim' },
      });

      for (const bad of [
        { timeZone: 'Europe/Atlantis' },
        { displayName: '   ' },
        { timeZone: 5 },
      ]) {
        expectError(
          await p.patch('/api/me', bad),
          400,
          'STEADY_ERR_VALIDATION',
          JSON.stringify(bad),
        );
      }
      expect((await p.get('/api/session')).json()).toMatchObject({
        user: { timeZone: 'Europe/Berlin', displayName: 'Kim' },
      });
      // Role and email are not changeable here.
      const sneaky = await p.patch('/api/me', { role: 'admin', email: 'x@example.org' });
      expect(sneaky.statusCode).toBe(200);
      expect((await p.get('/api/session')).json()).toMatchObject({
        user: { role: 'patient', email: expect.not.stringMatching(/^x@/) as string },
      });
    });
  },
  {
    STEADY_LOGIN_MAX_FAILURES: '3',
    STEADY_LOGIN_WINDOW_MINUTES: '15',
    STEADY_SESSION_HOURS: '24',
    STEADY_SESSION_IDLE_MINUTES: '30',
    STEADY_PATIENT_IDLE_MINUTES: '120',
  },
);

describeOnDatabases('per-address limit on sign-in', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });

  it('answers 429 with Retry-After past 30 attempts a minute from one address', async () => {
    const attempt = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '192.0.2.7',
        payload: { email: uniqueEmail('spray'), password: 'password spray' },
      });
    for (let i = 0; i < 30; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expectError(limited, 429, 'STEADY_ERR_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Other addresses are unaffected.
    expect((await login(h.app, uniqueEmail('other'), 'whatever it is')).statusCode).toBe(401);
  });
});

/**
 * Two app instances on one database, as behind a load balancer: the per-account sign-in
 * throttle is in the database, so it holds across them. On PGlite both apps share the one
 * embedded database; on PostgreSQL each app has its own connection pool to the same database.
 */
for (const { kind, skipReason } of DATABASES) {
  describe.skipIf(skipReason !== null)(
    `sign-in throttle across two instances on ${kind}${skipReason === null ? '' : ` (${skipReason})`}`,
    () => {
      const clock = testClock();
      const env = { STEADY_LOGIN_MAX_FAILURES: '3', STEADY_LOGIN_WINDOW_MINUTES: '15' };
      let apps: FastifyInstance[] = [];
      let cleanup: (() => Promise<void>)[] = [];

      beforeAll(async () => {
        const config = {
          ...loadConfig({ LOG_LEVEL: 'silent', STEADY_DATA_DIR: '/nonexistent', ...env }),
          webDir: null,
        };
        let databases: Database[];
        if (kind === 'postgres') {
          const url = TEST_DATABASE_URL ?? '';
          const name = `steady_test_${randomUUID().replaceAll('-', '')}`;
          const admin = new pg.Client({ connectionString: url });
          await admin.connect();
          await admin.query(`create database ${name}`);
          await admin.end();
          const target = new URL(url);
          target.pathname = `/${name}`;
          databases = [
            await openDatabase({ kind: 'postgres', url: target.toString() }),
            await openDatabase({ kind: 'postgres', url: target.toString() }),
          ];
          cleanup.push(async () => {
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            await c.query(`drop database if exists ${name} with (force)`);
            await c.end();
          });
        } else {
          const shared = await openDatabase({ kind: 'pglite', dataDir: null });
          databases = [shared, shared];
        }
        await databases[0]?.migrate();
        for (const database of new Set(databases)) cleanup.unshift(() => database.close());
        apps = await Promise.all(
          databases.map((database) => buildApp({ config, database, now: clock.now })),
        );
        for (const app of apps) await app.ready();
        for (const app of apps) cleanup.unshift(() => app.close());
      });
      afterAll(async () => {
        for (const step of cleanup) await step();
        apps = [];
        cleanup = [];
      });

      const [a, b] = [() => apps[0] as FastifyInstance, () => apps[1] as FastifyInstance];

      it('counts failures on one instance against sign-ins on the other', async () => {
        const email = uniqueEmail('twin');
        expect((await register(a(), { email })).statusCode).toBe(201);
        expectError(await login(a(), email, 'wrong 1'), 401, 'STEADY_ERR_INVALID_CREDENTIALS');
        expectError(await login(b(), email, 'wrong 2'), 401, 'STEADY_ERR_INVALID_CREDENTIALS');
        expectError(await login(a(), email, 'wrong 3'), 401, 'STEADY_ERR_INVALID_CREDENTIALS');
        for (const app of [a(), b()]) {
          expectError(await login(app, email, PASSWORD), 429, 'STEADY_ERR_RATE_LIMITED');
        }
        clock.advance(15 * 60_000 + 1);
        expect((await login(b(), email, PASSWORD)).statusCode).toBe(200);
        // The success on b cleared the count for a too.
        for (let i = 0; i < 2; i++) await login(a(), email, `again ${String(i)}`);
        expect((await login(a(), email, PASSWORD)).statusCode).toBe(200);
      });

      it('lets no more than the limit through when guesses arrive at once on both', async () => {
        const email = uniqueEmail('burst');
        expect((await register(a(), { email })).statusCode).toBe(201);
        const answers = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            login(i % 2 === 0 ? a() : b(), email, `guess ${String(i)}`),
          ),
        );
        const codes = answers.map((r) => r.statusCode);
        expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
        expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(3);
      });

      it('shares sessions: signed in on one instance, known on the other', async () => {
        const res = await register(a(), {});
        expect((await whoAmI(b(), sessionCookie(res))).statusCode).toBe(200);
      });
    },
  );
}
