/**
 * Second-factor routes (docs/authentication.md, "Second factor"): verifying a passkey, an
 * authenticator-app code or a recovery code; adding and removing factors. Registered by
 * authRoutes, which owns the session cookie.
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import type { AppContext } from '../../context.js';
import { recoveryCodes, sessions, totpSecrets, webauthnCredentials } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { TypedApp } from '../../http/types.js';
import type { ActiveSession, SessionState, SessionUser } from '../sessions.js';
import { factorsOf, userHasFactor } from './factors.js';
import { replaceRecoveryCodes, useRecoveryCode } from './recovery.js';
import { ANY_STEP, mfaRequiredFor, verifiedRecently } from './state.js';
import { throttled } from './throttle.js';
import { newTotpSecret, useTotpCode } from './totp.js';
import {
  authenticationOptions,
  registerPasskey,
  registrationOptions,
  relyingParty,
  verifyPasskey,
} from './webauthn.js';

/** Starts a new session (new token) for `user` in `state` and returns its CSRF token. */
export type StartSession = (
  request: FastifyRequest,
  reply: FastifyReply,
  user: SessionUser,
  mfa: { readonly state: SessionState; readonly verified: boolean },
) => Promise<string>;

/** What a browser sends back from navigator.credentials (shape checked by the library). */
const credentialJson = z.object({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.record(z.string(), z.unknown()),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.string().max(40).optional(),
});
const assertionBody = z.object({ response: credentialJson }).strict();
const newPasskeyBody = z
  .object({ response: credentialJson, name: z.string().trim().min(1).max(60) })
  .strict();
const codeBody = z.object({ code: z.string().trim().min(1).max(40) }).strict();
const idParams = z.object({ id: z.uuid() });

type Method = 'passkey' | 'totp' | 'recovery';

export function mfaRoutes(app: TypedApp, ctx: AppContext, startSession: StartSession): void {
  const session = (request: FastifyRequest): ActiveSession => {
    if (request.auth === null) throw new AppError('STEADY_ERR_UNAUTHENTICATED');
    return request.auth;
  };

  const hasFactor = (userId: string) => userHasFactor(ctx.db, userId);

  /** Adding a factor to an account that has one (or removing one) needs a recent factor. */
  const assertMayChange = async (auth: ActiveSession, adding: boolean) => {
    if (auth.state === 'mfa-enrol') return;
    if (adding && !(await hasFactor(auth.user.id))) return;
    if (!verifiedRecently(auth, ctx.now())) throw new AppError('STEADY_ERR_MFA_RECENT_REQUIRED');
  };

  /** A second factor was given: a new session id, full, verified now. */
  const finish = async (request: FastifyRequest, reply: FastifyReply, method: Method) => {
    const auth = session(request);
    await audit(
      ctx.db,
      { actorId: auth.user.id, patientId: null, action: 'auth.mfa.verify', details: { method } },
      ctx.now(),
    );
    const csrfToken = await startSession(request, reply, auth.user, {
      state: 'full',
      verified: true,
    });
    return { user: auth.user, csrfToken, state: 'full' as const };
  };

  const verifyWith = async (
    request: FastifyRequest,
    reply: FastifyReply,
    method: Method,
    check: (auth: ActiveSession, now: Date) => Promise<boolean>,
  ) => {
    const auth = session(request);
    const now = ctx.now();
    const ok = await throttled(ctx.db, ctx.config, auth.user.id, now, () => check(auth, now));
    if (!ok) {
      await audit(
        ctx.db,
        {
          actorId: auth.user.id,
          patientId: null,
          action: 'auth.mfa.verify-failed',
          details: { method },
        },
        now,
      );
      throw new AppError('STEADY_ERR_MFA_INVALID');
    }
    return finish(request, reply, method);
  };

  /**
   * A factor was added: audited; the first one comes with recovery codes; a session that was
   * waiting to enrol becomes full (new id), one that was full counts as verified now.
   */
  const enrolled = async (
    request: FastifyRequest,
    reply: FastifyReply,
    method: 'passkey' | 'totp',
    wasFirst: boolean,
  ) => {
    const auth = session(request);
    const now = ctx.now();
    const codes = wasFirst ? await replaceRecoveryCodes(ctx.db, auth.user.id, now) : null;
    await audit(
      ctx.db,
      { actorId: auth.user.id, patientId: null, action: 'auth.mfa.enrol', details: { method } },
      now,
    );
    let csrfToken = auth.csrfToken;
    if (auth.state === 'full') {
      await ctx.db
        .update(sessions)
        .set({ mfaVerifiedAt: now })
        .where(eq(sessions.tokenHash, auth.tokenHash));
    } else {
      csrfToken = await startSession(request, reply, auth.user, { state: 'full', verified: true });
    }
    return {
      recoveryCodes: codes,
      session: { user: auth.user, csrfToken, state: 'full' as const },
    };
  };

  const removed = async (auth: ActiveSession, method: 'passkey' | 'totp') => {
    const now = ctx.now();
    // Recovery codes stand in for a factor: without any factor they go too.
    if (!(await hasFactor(auth.user.id))) {
      await ctx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, auth.user.id));
    }
    await audit(
      ctx.db,
      { actorId: auth.user.id, patientId: null, action: 'auth.mfa.remove', details: { method } },
      now,
    );
  };

  const verifyConfig = { policy: { kind: 'signed-in' }, mfaStep: ['mfa-pending'] } as const;
  const enrolConfig = { policy: { kind: 'signed-in' }, mfaStep: ['mfa-enrol'] } as const;
  const rateLimit = { max: 30, timeWindow: '1 minute' };

  app.get(
    '/api/auth/mfa',
    {
      config: { policy: { kind: 'signed-in' }, mfaStep: ANY_STEP },
      schema: { tags: ['auth'], summary: 'Your second factors (passkeys, authenticator app)' },
    },
    async (request) => {
      const auth = session(request);
      const userId = auth.user.id;
      const passkeys = await ctx.db
        .select({
          id: webauthnCredentials.id,
          name: webauthnCredentials.name,
          createdAt: webauthnCredentials.createdAt,
          lastUsedAt: webauthnCredentials.lastUsedAt,
        })
        .from(webauthnCredentials)
        .where(eq(webauthnCredentials.userId, userId))
        .orderBy(webauthnCredentials.createdAt);
      const factors = await factorsOf(ctx.db, userId);
      const [left] = await ctx.db
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
      return {
        state: auth.state,
        required: mfaRequiredFor(auth.user.role, ctx.config),
        verifiedRecently: verifiedRecently(auth, ctx.now()),
        passkeys,
        totp: factors.totp,
        recoveryCodesLeft: left?.n ?? 0,
      };
    },
  );

  // ---- Giving a second factor (after the password, or again before a change) ----

  app.post(
    '/api/auth/mfa/passkey/options',
    {
      config: { ...verifyConfig, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'A challenge to sign with one of your passkeys',
      },
    },
    async (request) => {
      const rp = relyingParty(ctx.config, request);
      const options = await authenticationOptions(ctx.db, rp, session(request), ctx.now());
      if (options === null) throw new AppError('STEADY_ERR_NOT_FOUND');
      return { options };
    },
  );

  app.post(
    '/api/auth/mfa/passkey',
    {
      config: { ...verifyConfig, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a passkey (second step)',
        body: assertionBody,
      },
    },
    (request, reply) =>
      verifyWith(request, reply, 'passkey', (auth, now) =>
        verifyPasskey(
          ctx.db,
          relyingParty(ctx.config, request),
          auth,
          request.body.response as unknown as AuthenticationResponseJSON,
          now,
        ),
      ),
  );

  app.post(
    '/api/auth/mfa/totp',
    {
      config: { ...verifyConfig, rateLimit },
      schema: { tags: ['auth'], summary: 'Sign in with an authenticator-app code', body: codeBody },
    },
    (request, reply) =>
      verifyWith(request, reply, 'totp', (auth, now) =>
        useTotpCode(ctx.db, auth.user.id, request.body.code.replace(/\s/g, ''), now),
      ),
  );

  app.post(
    '/api/auth/mfa/recovery',
    {
      config: { ...verifyConfig, rateLimit },
      schema: { tags: ['auth'], summary: 'Sign in with a one-time recovery code', body: codeBody },
    },
    (request, reply) =>
      verifyWith(request, reply, 'recovery', (auth, now) =>
        useRecoveryCode(ctx.db, auth.user.id, request.body.code, now),
      ),
  );

  // ---- Adding a factor ----

  app.post(
    '/api/auth/mfa/passkeys/options',
    {
      config: enrolConfig,
      schema: { tags: ['auth'], summary: 'Options to create a new passkey' },
    },
    async (request) => {
      const auth = session(request);
      await assertMayChange(auth, true);
      const rp = relyingParty(ctx.config, request);
      return { options: await registrationOptions(ctx.db, rp, auth, ctx.now()) };
    },
  );

  app.post(
    '/api/auth/mfa/passkeys',
    {
      config: enrolConfig,
      schema: { tags: ['auth'], summary: 'Add a passkey', body: newPasskeyBody },
    },
    async (request, reply) => {
      const auth = session(request);
      await assertMayChange(auth, true);
      const wasFirst = !(await hasFactor(auth.user.id));
      const added = await registerPasskey(
        ctx.db,
        relyingParty(ctx.config, request),
        auth,
        request.body.response as unknown as RegistrationResponseJSON,
        request.body.name,
        ctx.now(),
      );
      if (added === null) throw new AppError('STEADY_ERR_MFA_INVALID');
      const result = await enrolled(request, reply, 'passkey', wasFirst);
      return reply.status(201).send({ passkey: added, ...result });
    },
  );

  app.post(
    '/api/auth/mfa/totp/setup',
    {
      config: enrolConfig,
      schema: {
        tags: ['auth'],
        summary: 'Start setting up an authenticator app: the secret, shown this once',
      },
    },
    async (request) => {
      const auth = session(request);
      await assertMayChange(auth, true);
      const now = ctx.now();
      const { secret, uri } = newTotpSecret(auth.user.email);
      // A confirmed secret is never replaced here (nor shown): remove it first.
      const saved = await ctx.db
        .insert(totpSecrets)
        .values({ userId: auth.user.id, secret, createdAt: now })
        .onConflictDoUpdate({
          target: totpSecrets.userId,
          set: { secret, createdAt: now, lastUsedStep: null },
          setWhere: isNull(totpSecrets.confirmedAt),
        })
        .returning({ userId: totpSecrets.userId });
      if (saved.length === 0) throw new AppError('STEADY_ERR_MFA_TOTP_EXISTS');
      return { secret, uri };
    },
  );

  app.post(
    '/api/auth/mfa/totp/confirm',
    {
      config: { ...enrolConfig, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Finish setting up an authenticator app with its first code',
        body: codeBody,
      },
    },
    async (request, reply) => {
      const auth = session(request);
      await assertMayChange(auth, true);
      const wasFirst = !(await hasFactor(auth.user.id));
      const code = request.body.code.replace(/\s/g, '');
      const ok = await throttled(ctx.db, ctx.config, auth.user.id, ctx.now(), () =>
        useTotpCode(ctx.db, auth.user.id, code, ctx.now(), true),
      );
      if (!ok) throw new AppError('STEADY_ERR_MFA_INVALID');
      return reply.status(201).send(await enrolled(request, reply, 'totp', wasFirst));
    },
  );

  // ---- Removing a factor, new recovery codes (a full session that verified recently) ----

  app.delete(
    '/api/auth/mfa/passkeys/:id',
    {
      config: { policy: { kind: 'signed-in' } },
      schema: { tags: ['auth'], summary: 'Remove one of your passkeys', params: idParams },
    },
    async (request, reply) => {
      const auth = session(request);
      await assertMayChange(auth, false);
      const gone = await ctx.db
        .delete(webauthnCredentials)
        .where(
          and(
            eq(webauthnCredentials.id, request.params.id),
            eq(webauthnCredentials.userId, auth.user.id),
          ),
        )
        .returning({ id: webauthnCredentials.id });
      if (gone.length === 0) throw new AppError('STEADY_ERR_NOT_FOUND');
      await removed(auth, 'passkey');
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/auth/mfa/totp',
    {
      config: { policy: { kind: 'signed-in' } },
      schema: { tags: ['auth'], summary: 'Remove your authenticator app' },
    },
    async (request, reply) => {
      const auth = session(request);
      await assertMayChange(auth, false);
      const gone = await ctx.db
        .delete(totpSecrets)
        .where(eq(totpSecrets.userId, auth.user.id))
        .returning({ userId: totpSecrets.userId });
      if (gone.length === 0) throw new AppError('STEADY_ERR_NOT_FOUND');
      await removed(auth, 'totp');
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/mfa/recovery-codes',
    {
      config: { policy: { kind: 'signed-in' } },
      schema: {
        tags: ['auth'],
        summary: 'New recovery codes (the old ones stop working)',
      },
    },
    async (request) => {
      const auth = session(request);
      await assertMayChange(auth, false);
      if (!(await hasFactor(auth.user.id))) throw new AppError('STEADY_ERR_NOT_FOUND');
      const now = ctx.now();
      const codes = await replaceRecoveryCodes(ctx.db, auth.user.id, now);
      await audit(
        ctx.db,
        { actorId: auth.user.id, patientId: null, action: 'auth.mfa.recovery-codes' },
        now,
      );
      return { recoveryCodes: codes };
    },
  );
}
