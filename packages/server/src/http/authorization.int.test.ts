/**
 * The authorization matrix of the care-team issue: every route (from the app's own list) ×
 * every kind of caller — the patient, another patient, a linked clinician with consent, one
 * without, a clinician whose link was revoked, a clinician of another clinic, a caregiver,
 * clinic administrators, and anonymous — allowed or refused with the right status, and
 * refusals carry no patient data and change nothing.
 *
 * Allowed writes are probed without side effects: the guard decides before the body is read,
 * so an allowed caller sending a body of the wrong type gets 400 (validation), a refused one
 * 401/403/404. Reads are made for real and must answer 200.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { RouteRecord } from '../app.js';
import {
  CONSENT_DEFAULTS,
  FULL_CONSENT,
  MEMBER_KINDS,
  NO_CONSENT,
  type ConsentMap,
  type MemberKind,
} from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import {
  addClinician,
  createClinicFixture,
  link,
  revoke,
  type ClinicFixture,
} from '../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import type { Role } from '../auth/sessions.js';
import {
  apiRoutes,
  expectError,
  fillPath,
  pathParams,
  routeKey,
  sampleBody,
  sampleQuery,
  seedPatient,
  snapshot,
  type SeededPatient,
} from './routes.test-helpers.js';

interface Caller {
  readonly name: string;
  readonly client: Client | null;
  readonly role: Role | null;
  /** Whether this caller is the patient whose data the routes address. */
  readonly self?: boolean;
  /** The caller's active link to the patient, if any. */
  readonly link?: { readonly kind: MemberKind; readonly consent: ConsentMap };
  /** The clinic this caller administers. */
  readonly adminOf?: string;
}

type Outcome =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly status: number; readonly code: string };

const ALLOWED: Outcome = { allowed: true };
const refused = (status: number, code: string): Outcome => ({ allowed: false, status, code });
const NOT_FOUND = refused(404, 'STEADY_ERR_NOT_FOUND');

/** The rule of docs/care-team-api.md, applied to a route's declared policy. */
function expected(route: RouteRecord, caller: Caller, clinicId: string): Outcome {
  const policy = route.policy;
  if (policy === undefined) throw new Error(`${routeKey(route)} has no policy`);
  if (policy.kind === 'public') return ALLOWED;
  if (caller.client === null) return refused(401, 'STEADY_ERR_UNAUTHENTICATED');
  // FHIR reads by id authorize against the record's patient in the handler (fhir/read.ts);
  // the seeded `:id` names a Questionnaire, so no other type's record matches it. Who may read
  // which record is tested in fhir/consent.int.test.ts.
  if (/^\/fhir\/(?!Questionnaire\/)\w+\/:id$/.test(route.url)) return NOT_FOUND;
  switch (policy.kind) {
    case 'signed-in':
      return policy.roles === undefined ||
        (caller.role !== null && policy.roles.includes(caller.role))
        ? ALLOWED
        : refused(403, 'STEADY_ERR_FORBIDDEN');
    case 'clinic-admin':
      return caller.adminOf === clinicId ? ALLOWED : NOT_FOUND;
    case 'patient-data': {
      if (caller.self === true) return ALLOWED;
      if (caller.link === undefined) return NOT_FOUND;
      const { kind, consent } = caller.link;
      if (policy.category !== 'care-team') {
        const categories =
          typeof policy.category === 'string' ? [policy.category] : policy.category;
        if (!categories.some((c) => consent[c])) return NOT_FOUND;
      }
      const members = policy.members ?? (policy.access === 'read' ? MEMBER_KINDS : []);
      return members.includes(kind) ? ALLOWED : NOT_FOUND;
    }
  }
}

const READS = new Set(['GET', 'HEAD']);

describeOnDatabases('care-team authorization matrix', (harness) => {
  let h: Harness;
  let p: SeededPatient;
  let clinicA: ClinicFixture;
  let clinicB: ClinicFixture;
  let callers: Caller[];
  const ids = () => p.ids;

  beforeAll(async () => {
    h = harness();
    p = await seedPatient(h, 'papasecret');
    clinicA = { clinicId: p.ids.clinicId ?? '', name: 'A', admin: p.team.admin };
    clinicB = await createClinicFixture(h, 'Other clinic');
    const other = await registerPatient(h.app, { displayName: 'Quinn Other' });
    const consented = await addClinician(h, clinicA, 'prescriber', 'Dr. Consented');
    await link(p.client, consented, FULL_CONSENT);
    const unconsented = await addClinician(h, clinicA, 'prescriber', 'Dr. Unconsented');
    await link(p.client, unconsented, NO_CONSENT);
    const revoked = await addClinician(h, clinicA, 'physical_therapist', 'Revoked Therapist');
    await revoke(p.client, await link(p.client, revoked, FULL_CONSENT));
    const elsewhere = await addClinician(h, clinicB, 'prescriber', 'Dr. Elsewhere');
    await link(other, elsewhere, FULL_CONSENT);
    const pharmacist = await addClinician(h, clinicA, 'pharmacist', 'Pharmacist Default');
    await link(p.client, pharmacist);
    callers = [
      { name: 'the patient', client: p.client, role: 'patient', self: true },
      { name: 'another patient', client: other, role: 'patient' },
      {
        name: 'a linked clinician with consent',
        client: consented,
        role: 'clinician',
        link: { kind: 'prescriber', consent: FULL_CONSENT },
      },
      {
        name: 'a linked clinician without consent',
        client: unconsented,
        role: 'clinician',
        link: { kind: 'prescriber', consent: NO_CONSENT },
      },
      {
        name: 'a linked pharmacist with the default consent',
        client: pharmacist,
        role: 'clinician',
        link: { kind: 'pharmacist', consent: CONSENT_DEFAULTS.pharmacist },
      },
      { name: 'a clinician whose link was revoked', client: revoked, role: 'clinician' },
      { name: 'a clinician of another clinic', client: elsewhere, role: 'clinician' },
      {
        name: 'a caregiver',
        client: p.team.caregiver,
        role: 'caregiver',
        link: { kind: 'caregiver', consent: CONSENT_DEFAULTS.caregiver },
      },
      {
        name: "the clinic's administrator",
        client: clinicA.admin,
        role: 'admin',
        adminOf: clinicA.clinicId,
      },
      {
        name: "another clinic's administrator",
        client: clinicB.admin,
        role: 'admin',
        adminOf: clinicB.clinicId,
      },
      { name: 'anonymous', client: null, role: null },
    ];
  });

  /** A request that is harmless when allowed (a body or an id the validator refuses). */
  function probe(route: RouteRecord, caller: Caller, outcome: Outcome) {
    let url = fillPath(route.url, ids()) + sampleQuery(route);
    let payload: unknown = sampleBody(route, ids());
    if (outcome.allowed && !READS.has(route.method)) {
      if (payload !== undefined) payload = [];
      else {
        const param = pathParams(route.url).find((name) => name !== 'patientId');
        if (param === undefined) return null; // sign-out: nothing to probe without signing out
        url = fillPath(route.url, { ...ids(), [param]: 'not-a-uuid' });
      }
    }
    const options = {
      method: route.method as 'GET',
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
    };
    return caller.client === null ? h.app.inject(options) : caller.client.request(options);
  }

  const stable = async () =>
    (await snapshot(h, p)).filter(
      (line) => !line.startsWith('GET /api/patients/:patientId/access-log'),
    );

  it('covers every API route, the new care-team routes among them', () => {
    const keys = apiRoutes(h).map(routeKey);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/patients/:patientId/care-team',
        'PUT /api/patients/:patientId/care-team/:linkId/consent',
        'DELETE /api/patients/:patientId/care-team/:linkId',
        'GET /api/patients/:patientId/access-log',
        'POST /api/patients/:patientId/invitations',
        'POST /api/invitations',
        'GET /api/invitations/:code',
        'POST /api/invitations/:code/accept',
        'GET /api/clinics/:clinicId/clinicians',
        'PATCH /api/clinics/:clinicId/clinicians/:userId',
        'GET /api/clinician/patients',
        'PATCH /api/patients/:patientId/regimen-requests/:requestId',
      ]),
    );
    expect(keys.length).toBeGreaterThan(40);
  });

  it('allows or refuses every route for every caller, and refusals reveal nothing', async () => {
    const before = await stable();
    let allowed = 0;
    let denied = 0;
    for (const route of apiRoutes(h)) {
      for (const caller of callers) {
        const outcome = expected(route, caller, clinicA.clinicId);
        const pending = probe(route, caller, outcome);
        if (pending === null) continue;
        const res = await pending;
        const context = `${caller.name}: ${routeKey(route)}`;
        if (outcome.allowed) {
          allowed += 1;
          expect(res.statusCode, `${context} ${res.body}`).toBe(
            READS.has(route.method) ? 200 : 400,
          );
          if (!READS.has(route.method)) expectError(res, 400, 'STEADY_ERR_VALIDATION', context);
          continue;
        }
        denied += 1;
        if (route.method === 'HEAD') {
          expect(res.statusCode, context).toBe(outcome.status);
          continue;
        }
        expectError(res, outcome.status, outcome.code, context);
        for (const secret of p.secrets) expect(res.body, context).not.toContain(secret);
      }
    }
    expect(allowed).toBeGreaterThan(100);
    expect(denied).toBeGreaterThan(200);
    expect(await stable()).toEqual(before);
  });

  it('records no access for callers who were refused everything', async () => {
    const refusedIds = callers
      .filter((c) => c.client !== null && c.self !== true && c.link === undefined)
      .map((c) => c.client?.userId ?? '');
    expect(refusedIds.length).toBe(5);
    const rows = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, p.client.userId), inArray(auditLog.actorId, refusedIds)));
    expect(rows.filter((r) => r.action.startsWith('access.'))).toEqual([]);
  });

  // The derived rule above could share a mistake with the policies; these cells are written out.
  it('matches the rule written out for the routes that matter most', async () => {
    const [, , consented, unconsented, pharmacist, , , caregiver] = callers;
    const cell = async (caller: Caller | undefined, method: string, path: string) => {
      const route = apiRoutes(h).find((r) => routeKey(r) === `${method} ${path}`);
      if (route === undefined || caller === undefined) throw new Error(`${method} ${path}`);
      const res = await probe(route, caller, expected(route, caller, clinicA.clinicId));
      return res?.statusCode;
    };
    const base = '/api/patients/:patientId';
    const table: [Caller | undefined, string, string, number][] = [
      [consented, 'GET', `${base}/regimen`, 200],
      [consented, 'POST', `${base}/regimen`, 400],
      [consented, 'POST', `${base}/medications`, 400],
      [consented, 'GET', `${base}/checkins`, 200],
      [consented, 'POST', `${base}/checkins`, 404],
      [consented, 'POST', `${base}/doses`, 404],
      [consented, 'PUT', `${base}/profile`, 404],
      [consented, 'GET', `${base}/access-log`, 404],
      [consented, 'PUT', `${base}/care-team/:linkId/consent`, 404],
      [consented, 'POST', `${base}/invitations`, 404],
      [consented, 'PATCH', `${base}/regimen-requests/:requestId`, 400],
      [unconsented, 'GET', `${base}/regimen`, 404],
      [unconsented, 'GET', `${base}/history`, 404],
      [unconsented, 'GET', `${base}/care-team`, 200],
      [pharmacist, 'POST', `${base}/medications`, 400],
      [pharmacist, 'DELETE', `${base}/medications/:medicationId`, 400],
      [pharmacist, 'POST', `${base}/regimen`, 404],
      [pharmacist, 'GET', `${base}/checkins`, 404],
      [pharmacist, 'GET', `${base}/regimen-requests`, 404],
      [caregiver, 'GET', `${base}/today`, 200],
      [caregiver, 'GET', `${base}/history`, 200],
      [caregiver, 'GET', `${base}/checkins`, 404],
      [caregiver, 'POST', `${base}/medications`, 404],
      [caregiver, 'DELETE', `${base}/care-team/:linkId`, 400],
    ];
    for (const [caller, method, path, status] of table) {
      expect(await cell(caller, method, path), `${caller?.name ?? ''} ${method} ${path}`).toBe(
        status,
      );
    }
  });

  it('answers an unlinked clinician exactly as for a patient who does not exist', async () => {
    const elsewhere = callers.find((c) => c.name === 'a clinician of another clinic')?.client;
    if (elsewhere == null) throw new Error('no caller');
    for (const route of apiRoutes(h, 'patient-data').filter((r) => r.method === 'GET')) {
      const real = await elsewhere.get(fillPath(route.url, ids()) + sampleQuery(route));
      const ghost = await elsewhere.get(
        fillPath(route.url, { ...ids(), patientId: '00000000-0000-4000-8000-000000000000' }) +
          sampleQuery(route),
      );
      expect(real.statusCode, routeKey(route)).toBe(404);
      expect(real.body, routeKey(route)).toBe(ghost.body);
    }
  });

  it("keeps clinics apart: another clinic's administrator sees none of its clinicians", async () => {
    const list = await clinicB.admin.get(`/api/clinics/${clinicA.clinicId}/clinicians`);
    expectError(list, 404, 'STEADY_ERR_NOT_FOUND');
    const own = await clinicB.admin.get(`/api/clinics/${clinicB.clinicId}/clinicians`);
    const names = own
      .json<{ clinicians: { displayName: string }[] }>()
      .clinicians.map((c) => c.displayName);
    expect(names).toEqual(['Dr. Elsewhere']);
    const ghost = await clinicB.admin.get(
      '/api/clinics/00000000-0000-4000-8000-000000000000/clinicians',
    );
    expect(ghost.body).toBe(list.body);
  });
});
