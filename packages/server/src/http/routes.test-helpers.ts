/**
 * Shared fixtures for the route-wide integration suites (isolation, malformed input, guard):
 * the route list comes from the app itself (`app.routePolicies`), so a new route is covered —
 * or fails loudly for lack of a sample — without editing the suites.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { RouteRecord } from '../app.js';
import { and, eq } from 'drizzle-orm';
import { OWN_READ_ACTION } from '../audit/access.js';
import { CONSENT_DEFAULTS } from '../careteam/consent.js';
import { alerts } from '../db/schema.js';
import { addClinician, caregiverOf, createClinicFixture } from '../testing/careteam.js';
import { checkInBody, regimenBody, registerPatient, type Client } from '../testing/harness.js';
import type { Harness } from '../testing/harness.js';
import {
  type FeatureSeed,
  FEATURE_SAMPLE_BODIES,
  FEATURE_SAMPLE_QUERIES,
  FEATURE_SEEDS,
} from './features.test-helpers.js';

/** The ids a patient's data can be addressed by, keyed by path parameter name. */
export type RouteIds = Readonly<Record<string, string>>;

/** A patient with one of everything, each carrying a marker string that must never leak. */
export interface SeededPatient {
  readonly client: Client;
  readonly ids: RouteIds;
  /** Strings and ids found only in this patient's data. */
  readonly secrets: readonly string[];
  /**
   * People around the patient: a caregiver linked by invitation (`ids.linkId`), and a clinic
   * (`ids.clinicId`) with its administrator and a clinician (`ids.userId`) who is not linked.
   */
  readonly team: { readonly admin: Client; readonly clinician: Client; readonly caregiver: Client };
}

export async function seedPatient(h: Harness, marker: string): Promise<SeededPatient> {
  const client = await registerPatient(h.app, {
    email: `${marker}-${randomUUID().slice(0, 8)}@example.org`,
    displayName: `Name ${marker}`,
  });
  const base = `/api/patients/${client.userId}`;
  const ok = (res: LightMyRequestResponse, what: string) => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${String(res.statusCode)} ${res.body}`);
    return res;
  };
  ok(
    await client.post(
      `${base}/regimen`,
      regimenBody('2026-03-01', { prescriber: `Dr. ${marker}`, indication: `Spasm ${marker}` }),
    ),
    'regimen',
  );
  ok(
    await client.put(`${base}/profile`, { dateOfBirth: '1961-07-04', sleepApnea: true }),
    'profile',
  );
  const medication = ok(
    await client.post(`${base}/medications`, { name: `Med ${marker}`, dose: '10 mg' }),
    'medication',
  ).json<{ medication: { id: string } }>().medication;
  const dose = ok(
    await client.post(`${base}/doses`, {
      idempotencyKey: randomUUID(),
      kind: 'taken',
      slotKey: '2026-03-10T08:00',
    }),
    'dose',
  ).json<{ event: { id: string } }>().event;
  ok(await client.post(`${base}/checkins`, checkInBody({ note: `Note ${marker}` })), 'check-in');
  const request = ok(
    await client.post(`${base}/regimen-requests`, { message: `Request ${marker}` }),
    'regimen request',
  ).json<{ request: { id: string } }>().request;
  // The profile's sleep apnea raises a clinician alert; reading alerts waits for the recompute.
  ok(await client.get(`${base}/alerts`), 'alerts');
  const [alert] = await h.database.db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.patientId, client.userId), eq(alerts.status, 'open')));
  if (alert === undefined) throw new Error('seeded patient has no alert');
  const { caregiver, linkId } = await caregiverOf(h, client);
  // An invitation nobody has used yet, for the routes that take a code.
  const code = ok(
    await client.post(`${base}/invitations`, { memberKind: 'clinician' }),
    'invitation',
  ).json<{ invitation: { code: string } }>().invitation.code;
  const clinic = await createClinicFixture(h, `Clinic ${randomUUID().slice(0, 8)}`);
  const clinician = await addClinician(h, clinic, 'prescriber');
  // Each later feature adds its own records (and the ids its routes take) to the patient.
  const features: FeatureSeed[] = [];
  for (const seed of FEATURE_SEEDS) {
    features.push(await seed({ h, client, caregiver, marker, clinicId: clinic.clinicId }));
  }
  return {
    client,
    ids: {
      ...(Object.assign({}, ...features.map((f) => f.ids)) as RouteIds),
      patientId: client.userId,
      medicationId: medication.id,
      doseId: dose.id,
      requestId: request.id,
      alertId: alert.id,
      linkId,
      code,
      clinicId: clinic.clinicId,
      userId: clinician.userId,
    },
    secrets: [
      marker,
      client.userId,
      medication.id,
      dose.id,
      request.id,
      alert.id,
      linkId,
      ...features.flatMap((f) => f.secrets),
    ],
    team: { admin: clinic.admin, clinician, caregiver },
  };
}

/** A caller the route admits for this seeded patient, so the input itself gets judged. */
export function callerFor(seeded: SeededPatient, route: RouteRecord): Client {
  const policy = route.policy;
  if (policy?.kind === 'clinic-admin') return seeded.team.admin;
  if (
    policy?.kind === 'signed-in' &&
    policy.roles !== undefined &&
    !policy.roles.includes('patient')
  ) {
    return seeded.team.clinician;
  }
  return seeded.client;
}

/** The URL of a route with its path parameters filled in; an unknown parameter fails the test. */
export function fillPath(url: string, ids: RouteIds): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`No fixture id for :${name} in ${url}; add one`);
    return id;
  });
}

/** Names of the path parameters of a route, e.g. ['patientId', 'medicationId']. */
export function pathParams(url: string): string[] {
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
}

/** A valid query string per route that requires one. */
const SAMPLE_QUERIES: Readonly<Record<string, string>> = {
  'GET /api/patients/:patientId/doses': '?from=2026-03-01&to=2026-03-31',
  'GET /api/patients/:patientId/checkins': '?from=2026-03-01&to=2026-03-31',
  'HEAD /api/patients/:patientId/doses': '?from=2026-03-01&to=2026-03-31',
  'HEAD /api/patients/:patientId/checkins': '?from=2026-03-01&to=2026-03-31',
  ...FEATURE_SAMPLE_QUERIES,
};

/**
 * A valid body for every route that takes one (fresh idempotency keys on each call), given the
 * seeded patient's ids.
 */
const SAMPLE_BODIES: Readonly<Record<string, (ids: RouteIds) => object>> = {
  'POST /api/auth/register': () => ({
    email: `sample-${randomUUID().slice(0, 8)}@example.org`,
    password: 'a long enough password',
    displayName: 'Sample',
    timeZone: 'Europe/Paris',
  }),
  'POST /api/auth/login': () => ({ email: 'nobody@example.org', password: 'whatever it is' }),
  'PATCH /api/me': () => ({ displayName: 'Intruder', timeZone: 'Asia/Tokyo' }),
  'PUT /api/patients/:patientId/profile': () => ({ dateOfBirth: '1990-01-01', copd: true }),
  'POST /api/patients/:patientId/regimen': () =>
    regimenBody('2026-03-05', { doses: [{ time: '09:00', amountMg: 10 }], reason: 'Changed' }),
  'POST /api/patients/:patientId/medications': () => ({ name: 'Injected medication' }),
  'PUT /api/patients/:patientId/medications/:medicationId': () => ({
    name: 'Overwritten',
    active: false,
  }),
  'POST /api/patients/:patientId/doses': () => ({
    idempotencyKey: randomUUID(),
    kind: 'taken',
    slotKey: '2026-03-10T14:00',
  }),
  'POST /api/patients/:patientId/doses/:doseId/correct': () => ({
    idempotencyKey: randomUUID(),
    amountMg: 2,
    reason: 'Typo',
  }),
  'POST /api/patients/:patientId/checkins': () => checkInBody({ note: 'Injected note' }),
  'POST /api/patients/:patientId/regimen-requests': () => ({ message: 'Injected request' }),
  'PATCH /api/patients/:patientId/regimen-requests/:requestId': () => ({
    status: 'declined',
    response: 'Injected response',
  }),
  'POST /api/patients/:patientId/alerts/:alertId/resolve': () => ({ note: 'Injected note' }),
  'PUT /api/patients/:patientId/care-team/:linkId/consent': () => ({
    consent: { ...CONSENT_DEFAULTS.caregiver, notes: true },
  }),
  'POST /api/patients/:patientId/invitations': () => ({ memberKind: 'caregiver' }),
  'POST /api/invitations': () => ({ note: 'Injected note' }),
  'POST /api/invitations/:code/accept': () => ({ consent: CONSENT_DEFAULTS.prescriber }),
  'POST /api/clinics/:clinicId/clinicians': () => ({
    email: `injected-${randomUUID().slice(0, 8)}@example.org`,
    displayName: 'Injected clinician',
    discipline: 'pharmacist',
  }),
  'PATCH /api/clinics/:clinicId/clinicians/:userId': () => ({ active: false }),
  ...FEATURE_SAMPLE_BODIES,
};

export const routeKey = (r: Pick<RouteRecord, 'method' | 'url'>) => `${r.method} ${r.url}`;

export function sampleQuery(route: RouteRecord): string {
  return SAMPLE_QUERIES[routeKey(route)] ?? '';
}

/** A valid body for a route with a body schema, undefined for routes without one. */
export function sampleBody(route: RouteRecord, ids: RouteIds): object | undefined {
  if (route.schema?.body === undefined) return undefined;
  const make = SAMPLE_BODIES[routeKey(route)];
  if (make === undefined) throw new Error(`No sample body for ${routeKey(route)}; add one`);
  return make(ids);
}

/** The app's routes that declare a policy (the API), optionally of one policy kind. */
export function apiRoutes(h: Harness, kind?: string): RouteRecord[] {
  return h.app.routePolicies.filter(
    (r) => r.policy !== undefined && (kind === undefined || r.policy.kind === kind),
  );
}

/** Snapshot of everything a patient can read about themself (every readable route). */
export async function snapshot(h: Harness, patient: SeededPatient): Promise<string[]> {
  const reads = apiRoutes(h, 'patient-data').filter((r) => r.method === 'GET');
  const bodies: string[] = [];
  for (const route of reads) {
    const res = await patient.client.get(fillPath(route.url, patient.ids) + sampleQuery(route));
    expect(res.statusCode, routeKey(route)).toBe(200);
    bodies.push(`${routeKey(route)} ${res.body}`);
  }
  return bodies;
}

/**
 * Assert the one error shape: `{ error: { code, message, details? } }` as JSON, with the
 * status for the code, and nothing that looks like a stack trace or a source path.
 */
export function expectError(
  res: LightMyRequestResponse,
  status: number,
  code: string,
  context = '',
): { code: string; message: string; details?: unknown } {
  expect(res.statusCode, `${context} ${res.body}`).toBe(status);
  if (res.body === '') throw new Error(`${context}: empty error body (HEAD?)`);
  if (String(res.headers['content-type']).startsWith('application/fhir+json')) {
    return expectOperationOutcome(res, code, context);
  }
  expect(res.headers['content-type'], context).toMatch(/^application\/json/);
  const body = res.json<{ error: { code: string; message: string; details?: unknown } }>();
  expect(Object.keys(body), context).toEqual(['error']);
  expect(body.error.code, context).toBe(code);
  expect(typeof body.error.message, context).toBe('string');
  expect(body.error.message.length, context).toBeGreaterThan(0);
  for (const key of Object.keys(body.error)) {
    expect(['code', 'message', 'details'], context).toContain(key);
  }
  expect(res.body, context).not.toMatch(/stack|\bat \S+ \(|node_modules|\.[jt]s:\d+|Error:/);
  return body.error;
}

interface OutcomeIssue {
  readonly severity: string;
  readonly diagnostics?: string;
  readonly expression?: readonly string[];
  readonly details?: { readonly coding?: readonly { code?: string }[]; readonly text?: string };
}

/**
 * Errors under /fhir are OperationOutcomes (fhir/outcome.ts) carrying the same Steady code in
 * each issue's details, the message as its text and validation paths as expressions: the same
 * checks, in the FHIR shape.
 */
function expectOperationOutcome(
  res: LightMyRequestResponse,
  code: string,
  context: string,
): { code: string; message: string; details?: unknown } {
  const body = res.json<{ resourceType: string; issue: OutcomeIssue[] }>();
  expect(body.resourceType, context).toBe('OperationOutcome');
  expect(body.issue.length, context).toBeGreaterThan(0);
  for (const issue of body.issue) {
    expect(issue.severity, context).toBe('error');
    expect(issue.details?.coding?.[0]?.code, context).toBe(code);
  }
  const message = body.issue[0]?.details?.text ?? '';
  expect(message.length, context).toBeGreaterThan(0);
  expect(res.body, context).not.toMatch(/stack|\bat \S+ \(|node_modules|\.[jt]s:\d+|Error:/);
  const details = body.issue.flatMap((i) =>
    i.expression === undefined ? [] : [{ path: i.expression[0], message: i.diagnostics ?? '' }],
  );
  return details.length === 0 ? { code, message } : { code, message, details };
}

/**
 * Audit actions that GET routes write by design (the patient's own reads, and FHIR reads and
 * report exports), so suites comparing audit counts around their snapshot reads leave them out.
 */
export function isExportReadAudit(action: string): boolean {
  return action.startsWith('fhir.') || action.startsWith('report.') || action === OWN_READ_ACTION;
}
