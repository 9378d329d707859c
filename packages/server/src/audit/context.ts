/**
 * Where an audit entry comes from, without passing the request to every `audit(...)` call: each
 * request runs in an AsyncLocalStorage scope holding the request, from which `audit()` reads the
 * caller's address and the basis of the access (see `basisFor`). Outside a request (scheduler,
 * CLI, demo) there is no scope, and entries are marked `system` with no address.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditBasis } from '../db/schema.js';

const scope = new AsyncLocalStorage<FastifyRequest>();

/**
 * Run every request (its hooks after this one, its handler) in an audit scope. Install before
 * the guard's hook, so that the access log the guard writes has the address too.
 */
export function installAuditContext(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    scope.run(request, done);
  });
}

export interface AuditOrigin {
  readonly ip: string | null;
  readonly basis: AuditBasis;
}

/**
 * The basis of an entry written during `request`: the patient's own data (`own`), a care-team
 * member's link and consent (`consent`), a clinic administrator's role (`clinic-admin`). On
 * routes that are not about one patient, an entry about someone else's data is `consent` (a
 * clinician's patient list) and anything else — the actor's own account — is `own`.
 */
export function basisFor(
  request: FastifyRequest,
  actorId: string | null,
  patientId: string | null,
): AuditBasis {
  const access = request.access;
  if (access !== null) return access.as === 'patient' ? 'own' : 'consent';
  if (request.routeOptions.config.policy?.kind === 'clinic-admin') return 'clinic-admin';
  if (patientId !== null && actorId !== null && patientId !== actorId) return 'consent';
  return 'own';
}

/** The origin of an entry about to be written: from the current request, or `system`. */
export function currentOrigin(actorId: string | null, patientId: string | null): AuditOrigin {
  const request = scope.getStore();
  if (request === undefined) return { ip: null, basis: 'system' };
  return { ip: request.ip, basis: basisFor(request, actorId, patientId) };
}
