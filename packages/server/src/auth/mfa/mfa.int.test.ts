/**
 * The second factor end to end: every session state transition (password → pending → full;
 * enrol-only → full), wrong and replayed codes, passkeys (a software authenticator runs the
 * real WebAuthn verification), recovery codes, the throttle, and changes that need a recent
 * verification. Enforcement on (the harness turns it off for other suites).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { TOTP } from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { expectError } from '../../http/routes.test-helpers.js';
import type { Harness } from '../../testing/harness.js';
import { describeOnDatabases } from '../../testing/suites.js';
import type { Role } from '../sessions.js';
import { createUser } from '../users.js';
import { softPasskey } from './softAuthenticator.test-helpers.js';

const PASSWORD = 'correct horse battery';
let address = 0;
const nextAddress = () => `10.9.${String(Math.floor(++address / 250))}.${String(address % 250)}`;

/** A browser: keeps the cookie and CSRF token, and follows session rotation. */
class Browser {
  cookie = '';
  csrf = '';
  state = '';
  constructor(private readonly h: Harness) {}

  async request(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
    const res = await this.h.app.inject({
      method,
      url,
      remoteAddress: nextAddress(),
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf },
      ...(payload === undefined ? {} : { payload }),
    });
    this.follow(res);
    return res;
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, payload: object = {}) => this.request('POST', url, payload);
  delete = (url: string) => this.request('DELETE', url);

  /** Take a new session (sign-in, a factor given, a factor enrolled in an unfinished sign-in). */
  private follow(res: LightMyRequestResponse) {
    const cookie = res.cookies.find((c) => c.name === 'steady_session');
    if (cookie === undefined || cookie.value === '') return;
    const body = res.json<{
      csrfToken?: string;
      state?: string;
      session?: { csrfToken: string; state: string };
    }>();
    const s = body.session ?? body;
    this.cookie = `steady_session=${cookie.value}`;
    this.csrf = s.csrfToken ?? '';
    this.state = s.state ?? '';
  }

  async signIn(email: string) {
    return this.post('/api/auth/login', { email, password: PASSWORD });
  }
}

function codeAt(secret: string, at: Date): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at.getTime(),
  });
}

describeOnDatabases(
  'second factor',
  (harness) => {
    let h: Harness;
    beforeAll(() => {
      h = harness();
    });

    const account = async (role: Role) => {
      const email = `${role}-${randomUUID().slice(0, 8)}@example.org`;
      const user = await createUser(
        h.database.db,
        {
          email,
          password: PASSWORD,
          displayName: `A ${role}`,
          role,
          discipline: role === 'clinician' ? 'prescriber' : null,
          timeZone: 'Europe/Paris',
        },
        h.clock.now(),
      );
      if (user === null) throw new Error('no user');
      return { email, id: user.id };
    };
    const actions = async (userId: string) =>
      (
        await h.database.db
          .select({ action: auditLog.action, details: auditLog.details })
          .from(auditLog)
          .where(eq(auditLog.actorId, userId))
      ).map((r) => {
        const method = r.details?.method;
        return typeof method === 'string' ? `${r.action}:${method}` : r.action;
      });

    /** A clinician signed in with an authenticator app set up; returns its secret. */
    const withTotp = async (role: Role = 'clinician') => {
      const who = await account(role);
      const b = new Browser(h);
      await b.signIn(who.email);
      const { secret } = (await b.post('/api/auth/mfa/totp/setup')).json<{ secret: string }>();
      h.clock.advance(30_000);
      const res = await b.post('/api/auth/mfa/totp/confirm', {
        code: codeAt(secret, h.clock.now()),
      });
      expect(res.statusCode, res.body).toBe(201);
      return { ...who, b, secret };
    };

    describe('a clinician without a second factor (enrol-only session)', () => {
      it('may only enrol or sign out; enrolling an app makes the session full with a new id', async () => {
        const who = await account('clinician');
        const b = new Browser(h);
        const login = await b.signIn(who.email);
        expect(login.statusCode).toBe(200);
        expect(b.state).toBe('mfa-enrol');
        expect((await b.get('/api/session')).json()).toMatchObject({ state: 'mfa-enrol' });
        expectError(
          await b.get('/api/clinician/patients'),
          401,
          'STEADY_ERR_MFA_ENROLMENT_REQUIRED',
        );
        expectError(
          await b.post('/api/me/sessions/revoke-all'),
          401,
          'STEADY_ERR_MFA_ENROLMENT_REQUIRED',
        );
        expectError(
          await b.post('/api/auth/mfa/totp', { code: '123456' }),
          401,
          'STEADY_ERR_MFA_ENROLMENT_REQUIRED',
        );

        const setup = await b.post('/api/auth/mfa/totp/setup');
        expect(setup.statusCode).toBe(200);
        const { secret, uri } = setup.json<{ secret: string; uri: string }>();
        expect(uri).toMatch(/^otpauth:\/\/totp\/Steady:.*secret=/);
        expectError(
          await b.post('/api/auth/mfa/totp/confirm', { code: '000000' }),
          401,
          'STEADY_ERR_MFA_INVALID',
        );
        const before = b.cookie;
        const confirmed = await b.post('/api/auth/mfa/totp/confirm', {
          code: codeAt(secret, h.clock.now()),
        });
        expect(confirmed.statusCode).toBe(201);
        const body = confirmed.json<{ recoveryCodes: string[] }>();
        expect(body.recoveryCodes).toHaveLength(10);
        expect(b.cookie).not.toBe(before);
        expect(b.state).toBe('full');
        expect((await b.get('/api/clinician/patients')).statusCode).toBe(200);
        // The enrol-only session is gone.
        const old = await h.app.inject({
          method: 'GET',
          url: '/api/session',
          headers: { cookie: before },
        });
        expectError(old, 401, 'STEADY_ERR_UNAUTHENTICATED');
        // The secret is never shown again.
        const status = await b.get('/api/auth/mfa');
        expect(status.body).not.toContain(secret);
        expect(status.json()).toMatchObject({ totp: true, required: true, recoveryCodesLeft: 10 });
        expectError(await b.post('/api/auth/mfa/totp/setup'), 409, 'STEADY_ERR_MFA_TOTP_EXISTS');
        expect(await actions(who.id)).toEqual(
          expect.arrayContaining(['auth.login', 'auth.mfa.enrol:totp']),
        );
      });

      it('also applies to clinic administrators, and signing out works', async () => {
        const who = await account('admin');
        const b = new Browser(h);
        await b.signIn(who.email);
        expect(b.state).toBe('mfa-enrol');
        expect((await b.post('/api/auth/logout')).statusCode).toBe(204);
        expectError(await b.get('/api/session'), 401, 'STEADY_ERR_UNAUTHENTICATED');
      });
    });

    describe('with an authenticator app (pending → full)', () => {
      it('asks for a code after the password; wrong and replayed codes are refused', async () => {
        const { email, id, secret } = await withTotp();
        const b = new Browser(h);
        await b.signIn(email);
        expect(b.state).toBe('mfa-pending');
        expectError(await b.get('/api/clinician/patients'), 401, 'STEADY_ERR_MFA_REQUIRED');
        expectError(await b.post('/api/auth/mfa/totp/setup'), 401, 'STEADY_ERR_MFA_REQUIRED');
        expectError(await b.delete('/api/auth/mfa/totp'), 401, 'STEADY_ERR_MFA_REQUIRED');
        expectError(
          await b.post('/api/auth/mfa/totp', { code: '000000' }),
          401,
          'STEADY_ERR_MFA_INVALID',
        );
        // The code used to confirm the app (this very step) cannot be used again.
        expectError(
          await b.post('/api/auth/mfa/totp', { code: codeAt(secret, h.clock.now()) }),
          401,
          'STEADY_ERR_MFA_INVALID',
        );
        h.clock.advance(30_000);
        const code = codeAt(secret, h.clock.now());
        const pending = b.cookie;
        const ok = await b.post('/api/auth/mfa/totp', {
          code: `${code.slice(0, 3)} ${code.slice(3)}`,
        });
        expect(ok.statusCode, ok.body).toBe(200);
        expect(b.state).toBe('full');
        expect(b.cookie).not.toBe(pending);
        expect((await b.get('/api/clinician/patients')).statusCode).toBe(200);
        // The same code in another sign-in: refused (each code once).
        const other = new Browser(h);
        await other.signIn(email);
        expectError(
          await other.post('/api/auth/mfa/totp', { code }),
          401,
          'STEADY_ERR_MFA_INVALID',
        );
        expect(await actions(id)).toEqual(
          expect.arrayContaining(['auth.mfa.verify:totp', 'auth.mfa.verify-failed:totp']),
        );
      });

      it('accepts a code one step early or late, not two', async () => {
        const { email, secret } = await withTotp();
        const b = new Browser(h);
        await b.signIn(email);
        h.clock.advance(60_000);
        const now = h.clock.now().getTime();
        expectError(
          await b.post('/api/auth/mfa/totp', { code: codeAt(secret, new Date(now + 60_000)) }),
          401,
          'STEADY_ERR_MFA_INVALID',
        );
        const late = await b.post('/api/auth/mfa/totp', {
          code: codeAt(secret, new Date(now - 30_000)),
        });
        expect(late.statusCode, late.body).toBe(200);
      });

      it('throttles guesses per account like passwords', async () => {
        const { email, secret } = await withTotp();
        const b = new Browser(h);
        await b.signIn(email);
        for (let i = 0; i < h.config.loginMaxFailures; i++) {
          expectError(
            await b.post('/api/auth/mfa/totp', { code: '000000' }),
            401,
            'STEADY_ERR_MFA_INVALID',
          );
        }
        h.clock.advance(30_000);
        const right = codeAt(secret, h.clock.now());
        expectError(
          await b.post('/api/auth/mfa/totp', { code: right }),
          429,
          'STEADY_ERR_RATE_LIMITED',
        );
        h.clock.advance(h.config.loginWindowMinutes * 60_000);
        const later = await b.post('/api/auth/mfa/totp', { code: codeAt(secret, h.clock.now()) });
        expect(later.statusCode, later.body).toBe(200);
      });

      it('takes a recovery code once instead', async () => {
        const who = await account('clinician');
        const b = new Browser(h);
        await b.signIn(who.email);
        const { secret } = (await b.post('/api/auth/mfa/totp/setup')).json<{ secret: string }>();
        const confirmed = await b.post('/api/auth/mfa/totp/confirm', {
          code: codeAt(secret, h.clock.now()),
        });
        const [first] = confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes;
        if (first === undefined) throw new Error('no code');
        const again = new Browser(h);
        await again.signIn(who.email);
        const ok = await again.post('/api/auth/mfa/recovery', { code: first.toLowerCase() });
        expect(ok.statusCode, ok.body).toBe(200);
        expect((await again.get('/api/auth/mfa')).json()).toMatchObject({ recoveryCodesLeft: 9 });
        const third = new Browser(h);
        await third.signIn(who.email);
        expectError(
          await third.post('/api/auth/mfa/recovery', { code: first }),
          401,
          'STEADY_ERR_MFA_INVALID',
        );
      });
    });

    describe('passkeys', () => {
      const origin = 'http://localhost:80';
      it('enrols a passkey, then signs in with password + passkey', async () => {
        const who = await account('clinician');
        const key = softPasskey();
        const b = new Browser(h);
        await b.signIn(who.email);
        const opts = await b.post('/api/auth/mfa/passkeys/options');
        expect(opts.statusCode, opts.body).toBe(200);
        const { options } = opts.json<{ options: { challenge: string; rp: { id: string } } }>();
        expect(options.rp.id).toBe('localhost');
        const added = await b.post('/api/auth/mfa/passkeys', {
          response: key.register(options, origin),
          name: 'Work laptop',
        });
        expect(added.statusCode, added.body).toBe(201);
        expect(b.state).toBe('full');
        expect((await b.get('/api/auth/mfa')).json()).toMatchObject({
          passkeys: [{ name: 'Work laptop', lastUsedAt: null }],
        });
        await b.post('/api/auth/logout');

        const next = new Browser(h);
        await next.signIn(who.email);
        expect(next.state).toBe('mfa-pending');
        const challenge = (await next.post('/api/auth/mfa/passkey/options')).json<{
          options: { challenge: string; rpId: string };
        }>().options;
        // A wrong origin does not verify, and uses the challenge up.
        expectError(
          await next.post('/api/auth/mfa/passkey', {
            response: key.assert(challenge, 'http://evil.example'),
          }),
          401,
          'STEADY_ERR_MFA_INVALID',
        );
        expectError(
          await next.post('/api/auth/mfa/passkey', { response: key.assert(challenge, origin) }),
          401,
          'STEADY_ERR_MFA_INVALID',
        );
        const fresh = (await next.post('/api/auth/mfa/passkey/options')).json<{
          options: { challenge: string; rpId: string };
        }>().options;
        const ok = await next.post('/api/auth/mfa/passkey', {
          response: key.assert(fresh, origin),
        });
        expect(ok.statusCode, ok.body).toBe(200);
        expect(next.state).toBe('full');
        expect((await next.get('/api/clinician/patients')).statusCode).toBe(200);
        expect(await actions(who.id)).toEqual(
          expect.arrayContaining(['auth.mfa.enrol:passkey', 'auth.mfa.verify:passkey']),
        );
      });

      it("refuses another user's passkey and does not let anyone remove it", async () => {
        const alice = await account('clinician');
        const aliceKey = softPasskey();
        const a = new Browser(h);
        await a.signIn(alice.email);
        const aOpts = (await a.post('/api/auth/mfa/passkeys/options')).json<{
          options: { challenge: string; rp: { id: string } };
        }>().options;
        const added = await a.post('/api/auth/mfa/passkeys', {
          response: aliceKey.register(aOpts, origin),
          name: 'Alice key',
        });
        const passkeyId = added.json<{ passkey: { id: string } }>().passkey.id;

        const bob = await withTotp();
        const b = new Browser(h);
        await b.signIn(bob.email);
        // Bob has no passkey: no challenge to sign.
        expectError(await b.post('/api/auth/mfa/passkey/options'), 404, 'STEADY_ERR_NOT_FOUND');
        const bobKey = softPasskey();
        h.clock.advance(30_000);
        await b.post('/api/auth/mfa/totp', { code: codeAt(bob.secret, h.clock.now()) });
        const bOpts = (await b.post('/api/auth/mfa/passkeys/options')).json<{
          options: { challenge: string; rp: { id: string } };
        }>().options;
        await b.post('/api/auth/mfa/passkeys', {
          response: bobKey.register(bOpts, origin),
          name: 'Bob key',
        });

        const pending = new Browser(h);
        await pending.signIn(bob.email);
        const challenge = (await pending.post('/api/auth/mfa/passkey/options')).json<{
          options: { challenge: string; rpId: string };
        }>().options;
        expectError(
          await pending.post('/api/auth/mfa/passkey', {
            response: aliceKey.assert(challenge, origin),
          }),
          401,
          'STEADY_ERR_MFA_INVALID',
        );
        // Bob (full, verified just now) cannot remove Alice's passkey: it does not exist for him.
        expectError(
          await b.delete(`/api/auth/mfa/passkeys/${passkeyId}`),
          404,
          'STEADY_ERR_NOT_FOUND',
        );
        expect((await a.get('/api/auth/mfa')).json()).toMatchObject({
          passkeys: [{ id: passkeyId }],
        });
      });
    });

    describe('changes need a recent verification', () => {
      it('removing a factor or adding another needs a factor in the last 10 minutes', async () => {
        const { b, secret, id } = await withTotp();
        h.clock.advance(11 * 60_000);
        expectError(await b.delete('/api/auth/mfa/totp'), 403, 'STEADY_ERR_MFA_RECENT_REQUIRED');
        expectError(
          await b.post('/api/auth/mfa/passkeys/options'),
          403,
          'STEADY_ERR_MFA_RECENT_REQUIRED',
        );
        expectError(
          await b.post('/api/auth/mfa/recovery-codes'),
          403,
          'STEADY_ERR_MFA_RECENT_REQUIRED',
        );
        // Verifying again from a full session (step-up) rotates it and counts as recent.
        const ok = await b.post('/api/auth/mfa/totp', { code: codeAt(secret, h.clock.now()) });
        expect(ok.statusCode, ok.body).toBe(200);
        expect((await b.get('/api/auth/mfa')).json()).toMatchObject({ verifiedRecently: true });
        const codes = await b.post('/api/auth/mfa/recovery-codes');
        expect(codes.json<{ recoveryCodes: string[] }>().recoveryCodes).toHaveLength(10);
        expect((await b.delete('/api/auth/mfa/totp')).statusCode).toBe(204);
        expect((await b.get('/api/auth/mfa')).json()).toMatchObject({
          totp: false,
          recoveryCodesLeft: 0,
        });
        expect(await actions(id)).toEqual(expect.arrayContaining(['auth.mfa.remove:totp']));
      });
    });

    describe('patients', () => {
      it('sign in with the password alone, and may add a factor, which is then required', async () => {
        const who = await account('patient');
        const b = new Browser(h);
        await b.signIn(who.email);
        expect(b.state).toBe('full');
        expect((await b.get('/api/auth/mfa')).json()).toMatchObject({
          required: false,
          totp: false,
        });
        const { secret } = (await b.post('/api/auth/mfa/totp/setup')).json<{ secret: string }>();
        const confirmed = await b.post('/api/auth/mfa/totp/confirm', {
          code: codeAt(secret, h.clock.now()),
        });
        expect(confirmed.statusCode).toBe(201);
        const again = new Browser(h);
        await again.signIn(who.email);
        expect(again.state).toBe('mfa-pending');
        expectError(
          await again.get(`/api/patients/${who.id}/regimen`),
          401,
          'STEADY_ERR_MFA_REQUIRED',
        );
      });
    });
  },
  { STEADY_REQUIRE_MFA: 'on' },
);

describeOnDatabases(
  'second factor switched off (STEADY_REQUIRE_MFA=off)',
  (harness) => {
    it('lets a clinician without a factor in with the password', async () => {
      const h = harness();
      const email = `c-${randomUUID().slice(0, 8)}@example.org`;
      await createUser(
        h.database.db,
        {
          email,
          password: PASSWORD,
          displayName: 'Dr. Off',
          role: 'clinician',
          discipline: 'prescriber',
          timeZone: 'Europe/Paris',
        },
        h.clock.now(),
      );
      const b = new Browser(h);
      await b.signIn(email);
      expect(b.state).toBe('full');
      expect((await b.get('/api/clinician/patients')).statusCode).toBe(200);
    });
  },
  { STEADY_REQUIRE_MFA: 'off' },
);
