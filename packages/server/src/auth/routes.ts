import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { users } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { callerOf } from '../http/policy.js';
import { timeZoneSchema, type TypedApp } from '../http/types.js';
import { registerCaregiver } from '../invitations/service.js';
import { mfaRoutes, type StartSession } from './mfa/routes.js';
import { ANY_STEP, stateAfterPassword } from './mfa/state.js';
import { userHasFactor } from './mfa/factors.js';
import { assertNewPassword, MAX_PASSWORD_LENGTH } from './passwordPolicy.js';
import {
  createSession,
  deleteSession,
  deleteSessionsOf,
  findUserById,
  SESSION_COOKIE,
  touchSession,
  type Role,
  type SessionLimits,
} from './sessions.js';
import { createUser, verifyLogin } from './users.js';

const credentials = {
  email: z.email().max(254),
  password: z.string().min(1).max(256),
};
const registerBody = z.object({
  email: credentials.email,
  /** The rules (length in characters, common passwords…) are checked by assertNewPassword. */
  password: z
    .string()
    .min(1)
    .max(MAX_PASSWORD_LENGTH * 4),
  displayName: z.string().trim().min(1).max(100),
  timeZone: timeZoneSchema,
  /** A patient's caregiver invitation: the account is a caregiver's, linked at once. */
  invitationCode: z.string().min(1).max(40).optional(),
});
const meBody = z
  .object({ displayName: z.string().trim().min(1).max(100), timeZone: timeZoneSchema })
  .partial();

export function authRoutes(app: TypedApp, ctx: AppContext): void {
  const limits: SessionLimits = {
    hours: ctx.config.sessionHours,
    staffIdleMinutes: ctx.config.sessionIdleMinutes,
    patientIdleMinutes: ctx.config.patientSessionIdleMinutes,
  };
  // Every signed-in request is activity: it moves the session's idle deadline. Runs after the
  // guard, which has found the session and refused bad CSRF tokens; routes without a policy
  // (static files, API docs) are not the guard's, and not activity.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.policy === undefined) return;
    if (request.auth !== null) await touchSession(ctx.db, request.auth, ctx.now(), limits);
  });

  /**
   * A new session with a new token. The session the browser came with (if any) ends: a sign-in
   * never keeps or adopts an earlier session id.
   */
  const startSession = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: { id: string; role: Role },
    mfa?: Parameters<StartSession>[3],
  ) => {
    if (request.auth !== null) await deleteSession(ctx.db, request.auth.tokenHash);
    const { token, csrfToken } = await createSession(ctx.db, user, ctx.now(), limits, mfa);
    void reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      // Secure when configured, or when the request came over HTTPS (directly, or through a
      // proxy that says so in X-Forwarded-Proto and is trusted: STEADY_TRUST_PROXY).
      secure: ctx.config.secureCookies || request.protocol === 'https',
      maxAge: ctx.config.sessionHours * 3600,
    });
    return csrfToken;
  };
  const authLimit = { max: 30, timeWindow: '1 minute' };

  app.get(
    '/api/session',
    {
      config: { policy: { kind: 'signed-in' }, mfaStep: ANY_STEP },
      schema: { tags: ['auth'], summary: 'The signed-in user and CSRF token' },
    },
    (request) => {
      const auth = request.auth;
      if (auth === null) throw new AppError('STEADY_ERR_UNAUTHENTICATED');
      return { user: auth.user, csrfToken: auth.csrfToken, state: auth.state };
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { policy: { kind: 'public' }, rateLimit: authLimit },
      schema: {
        tags: ['auth'],
        summary: 'Register as a patient, or as a caregiver with an invitation code',
        body: registerBody,
      },
    },
    async (request, reply) => {
      const now = ctx.now();
      const { invitationCode, ...account } = request.body;
      assertNewPassword(account.password, account);
      const user =
        invitationCode === undefined
          ? await createUser(ctx.db, { ...account, role: 'patient', discipline: null }, now)
          : await registerCaregiver(ctx, invitationCode, (tx) =>
              createUser(tx, { ...account, role: 'caregiver', discipline: null }, now),
            );
      if (user === null) throw new AppError('STEADY_ERR_REGISTRATION_FAILED');
      await audit(
        ctx.db,
        {
          actorId: user.id,
          patientId: user.role === 'patient' ? user.id : null,
          action: 'auth.register',
          details: { role: user.role },
        },
        now,
      );
      const csrfToken = await startSession(request, reply, user);
      return reply.status(201).send({ user, csrfToken, state: 'full' });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { policy: { kind: 'public' }, rateLimit: authLimit },
      schema: { tags: ['auth'], summary: 'Sign in', body: z.object(credentials) },
    },
    async (request, reply) => {
      const now = ctx.now();
      const limits = {
        maxFailures: ctx.config.loginMaxFailures,
        windowMinutes: ctx.config.loginWindowMinutes,
      };
      const user = await verifyLogin(
        ctx.db,
        request.body.email,
        request.body.password,
        now,
        limits,
      );
      // With a second factor (or one required and missing), the session waits for it.
      const state = stateAfterPassword(user.role, await userHasFactor(ctx.db, user.id), ctx.config);
      await audit(
        ctx.db,
        { actorId: user.id, patientId: null, action: 'auth.login', details: { state } },
        now,
      );
      const csrfToken = await startSession(request, reply, user, { state, verified: false });
      return { user, csrfToken, state };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { policy: { kind: 'signed-in' }, mfaStep: ANY_STEP },
      schema: { tags: ['auth'], summary: 'Sign out' },
    },
    async (request, reply) => {
      const auth = request.auth;
      if (auth !== null) {
        await deleteSession(ctx.db, auth.tokenHash);
        await audit(
          ctx.db,
          { actorId: auth.user.id, patientId: null, action: 'auth.logout' },
          ctx.now(),
        );
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  mfaRoutes(app, ctx, startSession);

  app.post(
    '/api/me/sessions/revoke-all',
    {
      config: { policy: { kind: 'signed-in' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere: end every session of your account, this one included',
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const ended = await deleteSessionsOf(ctx.db, caller.id);
      await audit(
        ctx.db,
        {
          actorId: caller.id,
          patientId: null,
          action: 'auth.logout-everywhere',
          details: { sessions: ended },
        },
        ctx.now(),
      );
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.patch(
    '/api/me',
    {
      config: { policy: { kind: 'signed-in' } },
      schema: { tags: ['auth'], summary: 'Change your name or time zone', body: meBody },
    },
    async (request) => {
      const caller = callerOf(request);
      const changes = request.body;
      if (changes.displayName !== undefined || changes.timeZone !== undefined) {
        await ctx.db.update(users).set(changes).where(eq(users.id, caller.id));
        await audit(
          ctx.db,
          {
            actorId: caller.id,
            patientId: null,
            action: 'account.update',
            details: { fields: Object.keys(changes) },
          },
          ctx.now(),
        );
      }
      const user = await findUserById(ctx.db, caller.id);
      if (user === null) throw new AppError('STEADY_ERR_NOT_FOUND');
      return { user };
    },
  );
}
