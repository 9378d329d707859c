/**
 * The one place where every request is authenticated and authorized (before its body is read):
 * the session cookie is read, CSRF and Origin are checked on writes, then the route's declared
 * policy decides — loading the caller's care link for `:patientId` in one query — and every
 * access by a care-team member to a patient's data is written to the access log.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordMemberAccess, recordOwnRead, subjectOf } from '../audit/access.js';
import { installAuditContext } from '../audit/context.js';
import { assertSessionState } from '../auth/mfa/state.js';
import { csrfMatches, findSession, SESSION_COOKIE } from '../auth/sessions.js';
import { findActiveLink } from '../careteam/repo.js';
import type { AppContext } from '../context.js';
import { AppError } from './errors.js';
import { authorize, type LinkLookup } from './policy.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A browser that sends Origin must be on this host: blocks cross-site form and fetch posts. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function installGuard(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('access', null);
  // Audit entries written during a request get its address and basis (before the hook below).
  installAuditContext(app);
  const findLink: LinkLookup = (memberId, patientId) => findActiveLink(ctx.db, memberId, patientId);

  app.addHook('onRequest', async (request) => {
    const policy = request.routeOptions.config.policy;
    if (policy === undefined) return; // static files and API docs (see requirePolicies)

    const token = request.cookies[SESSION_COOKIE];
    request.auth =
      token === undefined || token === '' ? null : await findSession(ctx.db, token, ctx.now());

    if (!SAFE_METHODS.has(request.method)) {
      if (!sameOrigin(request)) throw new AppError('STEADY_ERR_CSRF');
      if (request.auth !== null) {
        const presented = request.headers['x-csrf-token'];
        if (
          !csrfMatches(
            request.auth.csrfToken,
            typeof presented === 'string' ? presented : undefined,
          )
        ) {
          throw new AppError('STEADY_ERR_CSRF');
        }
      }
    }
    // A sign-in waiting for its second factor may call only that step's routes.
    if (request.auth !== null && policy.kind !== 'public') {
      assertSessionState(request.auth, request.routeOptions.config.mfaStep);
    }
    const params = request.params as Record<string, unknown> | undefined;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const access = await authorize(
      policy,
      request.auth?.user ?? null,
      { patientId: text(params?.patientId), clinicId: text(params?.clinicId) },
      findLink,
    );
    request.access = access;
    if (access?.as === 'patient' && policy.kind === 'patient-data' && policy.access === 'read') {
      const url = request.routeOptions.url ?? '';
      await recordOwnRead(ctx.db, access.patientId, `${request.method} ${url}`, ctx.now());
    }
    if (access !== null && access.as !== 'patient' && policy.kind === 'patient-data') {
      const url = request.routeOptions.url ?? '';
      await recordMemberAccess(
        ctx.db,
        {
          actorId: access.user.id,
          patientId: access.patientId,
          access: policy.access,
          subject: subjectOf(url),
          categories: access.categories,
          route: `${request.method} ${url}`,
          linkId: access.linkId,
        },
        ctx.now(),
      );
    }
  });
}

/** Paths (and everything below them) that belong to the API, never to the static web app. */
const API_PATHS = ['/api', '/fhir', '/healthz', '/readyz'];
const under = (url: string, base: string) => url === base || url.startsWith(`${base}/`);

/** Route URLs that may be registered without a policy: third-party static and docs routes. */
export function isPolicyExempt(url: string, method: string | string[]): boolean {
  const methods = Array.isArray(method) ? method : [method];
  const readOnly = methods.every((m) => m === 'GET' || m === 'HEAD');
  if (!readOnly) return false;
  if (under(url, '/api/docs')) return true;
  return !API_PATHS.some((base) => under(url, base));
}
