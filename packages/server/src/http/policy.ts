/**
 * Authorization as data. Every route declares a `RoutePolicy` in its `config.policy`; the one
 * check in `authorize()` runs before every handler. A route without a policy cannot be
 * registered (see `requirePolicies` in app.ts), and a test lists every route to prove it.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import type { SessionUser } from '../auth/sessions.js';

/** Kinds of patient data; consent (care-team issue) will be granted per category. */
export type DataCategory = 'profile' | 'medications' | 'doses' | 'checkins';

export type RoutePolicy =
  /** Anyone, signed in or not (health checks, sign-in, registration). */
  | { readonly kind: 'public' }
  /** Any signed-in user, acting on their own account. */
  | { readonly kind: 'signed-in' }
  /** Data of the patient named by the `:patientId` path parameter. */
  | {
      readonly kind: 'patient-data';
      readonly category: DataCategory;
      readonly access: 'read' | 'write';
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

/** The caller and the patient whose data the request touches, once authorized. */
export interface Authorized {
  readonly user: SessionUser;
  readonly patientId: string;
}

/**
 * Decide whether `user` may call a route with `policy` on `patientId`. Callers who may not see
 * a patient get 404 (not 403), so that a patient's existence does not leak.
 */
export function authorize(
  policy: RoutePolicy,
  user: SessionUser | null,
  patientId: string | undefined,
): void {
  if (policy.kind === 'public') return;
  if (user === null) throw new AppError('STEADY_ERR_UNAUTHENTICATED');
  if (policy.kind === 'signed-in') return;
  // patient-data: until the care-team issue lands, only the patient themself.
  if (patientId === undefined || user.role !== 'patient' || user.id !== patientId) {
    throw new AppError('STEADY_ERR_NOT_FOUND');
  }
}

/** The signed-in user of a route whose policy guarantees one. */
export function callerOf(request: FastifyRequest): SessionUser {
  const user = request.auth?.user ?? null;
  if (user === null) throw new AppError('STEADY_ERR_UNAUTHENTICATED');
  return user;
}

/** The caller and patient of a `patient-data` route (already checked by `authorize`). */
export function patientOf(request: FastifyRequest): Authorized {
  const user = callerOf(request);
  const params = request.params as { patientId?: string } | undefined;
  const patientId = params?.patientId;
  if (patientId === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
  return { user, patientId };
}
