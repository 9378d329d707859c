/**
 * Accounts and sessions end to end: registration, sign-in (with throttling and no account
 * enumeration), sign-out, expiry, account changes, password storage and the audit trail.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, loginFailures, sessions, users } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { registerPatient, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

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
    expect(session.json()).toEqual({ user: body.user, csrfToken: body.csrfToken });
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
    const short = await register(h.app, { password: '12345678901' });
    const error = expectError(short, 400, 'STEADY_ERR_VALIDATION');
    expect(error.details).toEqual([expect.objectContaining({ path: '/body/password' })]);
    expect(short.cookies).toEqual([]);
    expect((await register(h.app, { password: '123456789012' })).statusCode).toBe(201);
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

    it('expires a session after STEADY_SESSION_HOURS', async () => {
      const { email } = await account();
      const cookie = sessionCookie(await login(h.app, email, PASSWORD));
      h.clock.advance(24 * 3_600_000 - 1000);
      expect((await whoAmI(h.app, cookie)).statusCode).toBe(200);
      h.clock.advance(1000);
      expectError(await whoAmI(h.app, cookie), 401, 'STEADY_ERR_UNAUTHENTICATED');
      // A fresh sign-in works and cleans up the expired session.
      expect((await login(h.app, email, PASSWORD)).statusCode).toBe(200);
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
