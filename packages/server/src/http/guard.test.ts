import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/sessions.js';
import { AppError } from './errors.js';
import { isPolicyExempt } from './guard.js';
import { FULL_CONSENT, NO_CONSENT } from '../careteam/consent.js';
import { authorize, type LinkLookup, type MemberLink, type RoutePolicy } from './policy.js';

describe('isPolicyExempt', () => {
  it.each([
    ['/', 'GET', true],
    ['/assets/app.js', 'HEAD', true],
    ['/api/docs', 'GET', true],
    ['/api/docs/static/*', ['GET', 'HEAD'], true],
    ['/api/session', 'GET', false],
    ['/api/openapi.json', 'GET', false],
    ['/healthz', 'GET', false],
    ['/readyz', 'HEAD', false],
    // Anything below an API path is API, including FHIR and deeper health checks.
    ['/healthz/deep', 'GET', false],
    ['/fhir/Patient/:id', 'GET', false],
    ['/api/docsx', 'GET', false],
    ['/apidocs', 'GET', true],
    ['/', 'POST', false],
    ['/api/docs', ['GET', 'POST'], false],
  ] as const)('%s %s → %s', (url, method, exempt) => {
    expect(isPolicyExempt(url, method as string | string[])).toBe(exempt);
  });
});

describe('authorize', () => {
  const patient: SessionUser = {
    id: '1a1a1a1a-1111-4111-8111-111111111111',
    email: 'p@example.org',
    displayName: 'P',
    role: 'patient',
    discipline: null,
    timeZone: 'Europe/Paris',
    clinicId: null,
  };
  const clinician: SessionUser = {
    ...patient,
    id: '22222222-2222-4222-8222-222222222222',
    role: 'clinician',
    discipline: 'prescriber',
    timeZone: 'Asia/Tokyo',
    clinicId: '33333333-3333-4333-8333-333333333333',
  };
  const pharmacist: SessionUser = {
    ...clinician,
    id: '44444444-4444-4444-8444-444444444444',
    discipline: 'pharmacist',
  };
  const admin: SessionUser = {
    ...clinician,
    id: '55555555-5555-4555-8555-555555555555',
    role: 'admin',
    discipline: null,
  };
  const read: RoutePolicy = { kind: 'patient-data', category: 'medications', access: 'read' };
  const write: RoutePolicy = { kind: 'patient-data', category: 'medications', access: 'write' };
  const prescriberWrite: RoutePolicy = { ...write, members: ['prescriber'] };

  /** Links of the fake database: member id → link to `patient`. */
  let links = new Map<string, MemberLink>();
  let lookups = 0;
  const findLink: LinkLookup = (memberId, patientId) => {
    lookups += 1;
    return Promise.resolve(patientId === patient.id ? (links.get(memberId) ?? null) : null);
  };
  const link = (memberKind: MemberLink['memberKind'], consent = FULL_CONSENT): MemberLink => ({
    linkId: '66666666-6666-4666-8666-666666666666',
    memberKind,
    consent,
    timeZone: patient.timeZone,
  });
  const codeOf = async (
    policy: RoutePolicy,
    user: SessionUser | null,
    params: { patientId?: string; clinicId?: string },
  ): Promise<string | null> => {
    try {
      await authorize(policy, user, params, findLink);
      return null;
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  };
  const on = (patientId: string | undefined) => ({ patientId });

  it('lets anyone call a public route', async () => {
    expect(await codeOf({ kind: 'public' }, null, {})).toBeNull();
  });

  it('asks anonymous callers to sign in on every other route', async () => {
    expect(await codeOf({ kind: 'signed-in' }, null, {})).toBe('STEADY_ERR_UNAUTHENTICATED');
    expect(await codeOf(read, null, on(patient.id))).toBe('STEADY_ERR_UNAUTHENTICATED');
    expect(
      await codeOf({ kind: 'clinic-admin' }, null, { clinicId: clinician.clinicId ?? '' }),
    ).toBe('STEADY_ERR_UNAUTHENTICATED');
  });

  it('refuses signed-in routes to roles they do not list (403)', async () => {
    const clinicians: RoutePolicy = { kind: 'signed-in', roles: ['clinician'] };
    expect(await codeOf(clinicians, clinician, {})).toBeNull();
    expect(await codeOf(clinicians, patient, {})).toBe('STEADY_ERR_FORBIDDEN');
    expect(await codeOf({ kind: 'signed-in' }, patient, {})).toBeNull();
  });

  it('lets only the administrators of a clinic in, hiding it from everyone else', async () => {
    const policy: RoutePolicy = { kind: 'clinic-admin' };
    expect(await codeOf(policy, admin, { clinicId: admin.clinicId ?? '' })).toBeNull();
    expect(await codeOf(policy, admin, { clinicId: patient.id })).toBe('STEADY_ERR_NOT_FOUND');
    expect(await codeOf(policy, clinician, { clinicId: clinician.clinicId ?? '' })).toBe(
      'STEADY_ERR_NOT_FOUND',
    );
  });

  it('lets a patient reach only their own data, and hides others behind 404', async () => {
    links = new Map();
    expect(await codeOf(read, patient, on(patient.id))).toBeNull();
    expect(await codeOf(write, patient, on(patient.id))).toBeNull();
    expect(await codeOf(read, patient, on(clinician.id))).toBe('STEADY_ERR_NOT_FOUND');
    expect(await codeOf(read, patient, on(undefined))).toBe('STEADY_ERR_NOT_FOUND');
    expect(await codeOf(read, patient, on(patient.id.toUpperCase()))).toBe('STEADY_ERR_NOT_FOUND');
  });

  it('gives the patient everything and their own zone', async () => {
    const access = await authorize(read, patient, on(patient.id), findLink);
    expect(access).toMatchObject({
      as: 'patient',
      consent: FULL_CONSENT,
      timeZone: 'Europe/Paris',
    });
  });

  it('gives members nothing without an active link (not even with their own id)', async () => {
    links = new Map();
    expect(await codeOf(read, clinician, on(patient.id))).toBe('STEADY_ERR_NOT_FOUND');
    expect(await codeOf(read, clinician, on(clinician.id))).toBe('STEADY_ERR_NOT_FOUND');
  });

  it('lets a linked member read with consent, in the patient’s zone', async () => {
    links = new Map([[clinician.id, link('prescriber')]]);
    const access = await authorize(read, clinician, on(patient.id), findLink);
    expect(access).toMatchObject({
      as: 'prescriber',
      timeZone: 'Europe/Paris',
      categories: ['medications'],
    });
  });

  it('hides the category from a linked member without consent for it', async () => {
    links = new Map([[clinician.id, link('prescriber', { ...FULL_CONSENT, medications: false })]]);
    expect(await codeOf(read, clinician, on(patient.id))).toBe('STEADY_ERR_NOT_FOUND');
    links = new Map([[clinician.id, link('prescriber', NO_CONSENT)]]);
    expect(await codeOf(read, clinician, on(patient.id))).toBe('STEADY_ERR_NOT_FOUND');
  });

  it('lets members write only where their kind is listed', async () => {
    links = new Map([
      [clinician.id, link('prescriber')],
      [pharmacist.id, link('pharmacist')],
    ]);
    expect(await codeOf(write, clinician, on(patient.id))).toBe('STEADY_ERR_NOT_FOUND');
    expect(await codeOf(prescriberWrite, clinician, on(patient.id))).toBeNull();
    expect(await codeOf(prescriberWrite, pharmacist, on(patient.id))).toBe('STEADY_ERR_NOT_FOUND');
  });

  it('lets members in on any of several categories, reporting the ones granted', async () => {
    const history: RoutePolicy = {
      kind: 'patient-data',
      category: ['medications', 'checkins'],
      access: 'read',
    };
    links = new Map([[clinician.id, link('prescriber', { ...NO_CONSENT, checkins: true })]]);
    const access = await authorize(history, clinician, on(patient.id), findLink);
    expect(access?.categories).toEqual(['checkins']);
    links = new Map([[clinician.id, link('prescriber', NO_CONSENT)]]);
    expect(await codeOf(history, clinician, on(patient.id))).toBe('STEADY_ERR_NOT_FOUND');
  });

  it('needs no consent on care-team routes, only an active link', async () => {
    const team: RoutePolicy = { kind: 'patient-data', category: 'care-team', access: 'read' };
    links = new Map([[clinician.id, link('prescriber', NO_CONSENT)]]);
    expect(await codeOf(team, clinician, on(patient.id))).toBeNull();
    expect(await codeOf({ ...team, members: [] }, clinician, on(patient.id))).toBe(
      'STEADY_ERR_NOT_FOUND',
    );
  });

  it('never looks links up for patients, admins or malformed ids', async () => {
    links = new Map([[admin.id, link('prescriber')]]);
    lookups = 0;
    expect(await codeOf(read, admin, on(patient.id))).toBe('STEADY_ERR_NOT_FOUND');
    expect(await codeOf(read, patient, on(clinician.id))).toBe('STEADY_ERR_NOT_FOUND');
    expect(await codeOf(read, clinician, on('me'))).toBe('STEADY_ERR_NOT_FOUND');
    expect(await codeOf(read, clinician, on(patient.id.toUpperCase()))).toBe(
      'STEADY_ERR_NOT_FOUND',
    );
    expect(lookups).toBe(0);
  });
});
