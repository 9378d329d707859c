/**
 * Authorization as data. Every route declares a `RoutePolicy` in its `config.policy`; the one
 * check in `authorize()` runs before every handler (see guard.ts). A route without a policy
 * cannot be registered (see app.ts), and a test lists every route to prove it.
 */
import type { FastifyRequest } from 'fastify';
import {
  FULL_CONSENT,
  MEMBER_KINDS,
  type ConsentMap,
  type DataCategory,
  type MemberKind,
} from '../careteam/consent.js';
import type { Role, SessionUser } from '../auth/sessions.js';
import { AppError } from './errors.js';

export type { DataCategory, MemberKind } from '../careteam/consent.js';

/** A route about one patient's data, named by the `:patientId` path parameter. */
export interface PatientDataPolicy {
  readonly kind: 'patient-data';
  /**
   * The consent a care-team member needs: one category; several (any one lets the member in,
   * and the handler leaves out the parts not consented); or `care-team` for routes about the
   * link itself, which need an active link but no consent.
   */
  readonly category: DataCategory | readonly DataCategory[] | 'care-team';
  readonly access: 'read' | 'write';
  /**
   * The member kinds that may call the route besides the patient. Default: every kind for
   * reads (with consent), none for writes — only the patient writes unless a route says so.
   */
  readonly members?: readonly MemberKind[];
}

export type RoutePolicy =
  /** Anyone, signed in or not (health checks, sign-in, registration). */
  | { readonly kind: 'public' }
  /** Any signed-in user (or one of `roles`: others get 403), acting on their own account. */
  | { readonly kind: 'signed-in'; readonly roles?: readonly Role[] }
  | PatientDataPolicy
  /** The administrators of the clinic named by `:clinicId`; anyone else gets 404. */
  | { readonly kind: 'clinic-admin' };

/**
 * The patient's own settings (display preferences, reminder settings): only the patient reads
 * or writes them — `members: []`, so every member gets 404 whatever their consent — and the
 * category is `notes`, the patient's private one, so default consent would still keep members
 * out if `members` were ever dropped.
 */
export function ownSettingsPolicy(access: 'read' | 'write'): RoutePolicy {
  return { kind: 'patient-data', category: 'notes', access, members: [] };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    /** Set by the guard on `patient-data` routes once the caller is authorized. */
    access: PatientAccess | null;
  }
}

/** The caller's active link to a patient, as the guard loads it (one query per request). */
export interface MemberLink {
  readonly linkId: string;
  readonly memberKind: MemberKind;
  readonly consent: ConsentMap;
  /** The patient's IANA zone. */
  readonly timeZone: string;
}

/** Finds the active link of a member to a patient, or null. Never cached: consent is live. */
export type LinkLookup = (memberId: string, patientId: string) => Promise<MemberLink | null>;

/** The caller and the patient whose data the request touches, once authorized. */
export interface PatientAccess {
  readonly user: SessionUser;
  readonly patientId: string;
  /** The patient's zone: "today" is the patient's day, whoever asks. */
  readonly timeZone: string;
  /** `patient` for the patient themself, else the caller's kind of membership. */
  readonly as: 'patient' | MemberKind;
  readonly linkId: string | null;
  /** What the caller may see (everything for the patient). */
  readonly consent: ConsentMap;
  /** The route's consent categories granted to the caller (for the access log). */
  readonly categories: readonly DataCategory[];
}

/** Canonical (lower-case) UUIDs only: anything else cannot name a patient or a clinic. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const MEMBER_ROLES: ReadonlySet<Role> = new Set(['clinician', 'caregiver']);

export function policyCategories(policy: PatientDataPolicy): readonly DataCategory[] {
  if (policy.category === 'care-team') return [];
  return typeof policy.category === 'string' ? [policy.category] : policy.category;
}

/** The member kinds a patient-data route lets in (see `PatientDataPolicy.members`). */
export function allowedMembers(policy: PatientDataPolicy): readonly MemberKind[] {
  return policy.members ?? (policy.access === 'read' ? MEMBER_KINDS : []);
}

/**
 * Decide whether `user` may call a route with `policy`. Callers who may not see a patient (or
 * a clinic) get 404, not 403, so that its existence does not leak. On `patient-data` routes
 * the answer is the caller's access: the patient themself sees everything; a care-team member
 * needs an active link, consent for the route's category, and — to write — to be listed.
 */
export async function authorize(
  policy: RoutePolicy,
  user: SessionUser | null,
  params: { readonly patientId?: string | undefined; readonly clinicId?: string | undefined },
  findLink: LinkLookup,
): Promise<PatientAccess | null> {
  if (policy.kind === 'public') return null;
  if (user === null) throw new AppError('STEADY_ERR_UNAUTHENTICATED');
  switch (policy.kind) {
    case 'signed-in':
      if (policy.roles !== undefined && !policy.roles.includes(user.role)) {
        throw new AppError('STEADY_ERR_FORBIDDEN');
      }
      return null;
    case 'clinic-admin':
      if (user.role !== 'admin' || user.clinicId === null || user.clinicId !== params.clinicId) {
        throw new AppError('STEADY_ERR_NOT_FOUND');
      }
      return null;
    case 'patient-data':
      return patientAccess(policy, user, params.patientId, findLink);
  }
}

async function patientAccess(
  policy: PatientDataPolicy,
  user: SessionUser,
  patientId: string | undefined,
  findLink: LinkLookup,
): Promise<PatientAccess> {
  if (patientId === undefined || !UUID.test(patientId)) throw new AppError('STEADY_ERR_NOT_FOUND');
  const categories = policyCategories(policy);
  if (user.role === 'patient' && user.id === patientId) {
    return {
      user,
      patientId,
      timeZone: user.timeZone,
      as: 'patient',
      linkId: null,
      consent: FULL_CONSENT,
      categories,
    };
  }
  const link = MEMBER_ROLES.has(user.role) ? await findLink(user.id, patientId) : null;
  if (link === null) throw new AppError('STEADY_ERR_NOT_FOUND');
  const consented = categories.filter((c) => link.consent[c]);
  const needsConsent = policy.category !== 'care-team';
  if (needsConsent && consented.length === 0) throw new AppError('STEADY_ERR_NOT_FOUND');
  if (!allowedMembers(policy).includes(link.memberKind)) throw new AppError('STEADY_ERR_NOT_FOUND');
  return {
    user,
    patientId,
    timeZone: link.timeZone,
    as: link.memberKind,
    linkId: link.linkId,
    consent: link.consent,
    categories: consented,
  };
}

/** Whether the caller of a patient-data route may see a category (the patient sees all). */
export function maySee(access: PatientAccess, category: DataCategory): boolean {
  return access.consent[category];
}

/** The signed-in user of a route whose policy guarantees one. */
export function callerOf(request: FastifyRequest): SessionUser {
  const user = request.auth?.user ?? null;
  if (user === null) throw new AppError('STEADY_ERR_UNAUTHENTICATED');
  return user;
}

/** The caller's access to the patient of a `patient-data` route (set by the guard). */
export function patientOf(request: FastifyRequest): PatientAccess {
  const access = request.access;
  if (access === null) throw new AppError('STEADY_ERR_NOT_FOUND');
  return access;
}
