import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../http/routes.test-helpers.js';
import {
  addClinician,
  createClinicFixture,
  link,
  type ClinicFixture,
} from '../testing/careteam.js';
import { registerPatient, signIn, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

describeOnDatabases('clinics and clinician accounts', (harness) => {
  let h: Harness;
  let clinic: ClinicFixture;
  let other: ClinicFixture;

  beforeAll(async () => {
    h = harness();
    clinic = await createClinicFixture(h, 'Riverside Pain Clinic');
    other = await createClinicFixture(h, 'Hillside Clinic');
  });

  const cliniciansUrl = (c: ClinicFixture) => `/api/clinics/${c.clinicId}/clinicians`;

  it('tells an administrator their clinic in the session', async () => {
    const session = await clinic.admin.get('/api/session');
    expect(session.json<{ user: object }>().user).toMatchObject({
      role: 'admin',
      clinicId: clinic.clinicId,
      discipline: null,
    });
  });

  it('lets an administrator add clinicians, shown once with a temporary password', async () => {
    const res = await clinic.admin.post(cliniciansUrl(clinic), {
      email: 'New.Doctor@Example.org',
      displayName: 'Dr. New',
      discipline: 'psychologist',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ clinician: object; temporaryPassword: string }>();
    expect(body.clinician).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      email: 'new.doctor@example.org',
      displayName: 'Dr. New',
      discipline: 'psychologist',
      active: true,
    });
    expect(body.temporaryPassword.length).toBeGreaterThanOrEqual(12);
    const doctor = await signIn(h.app, 'new.doctor@example.org', body.temporaryPassword);
    const session = (await doctor.get('/api/session')).json<{ user: object }>();
    expect(session.user).toMatchObject({ role: 'clinician', clinicId: clinic.clinicId });

    const list = (await clinic.admin.get(cliniciansUrl(clinic))).json<{
      clinicians: { email: string }[];
    }>();
    expect(list.clinicians.map((c) => c.email)).toContain('new.doctor@example.org');
    expectError(
      await clinic.admin.post(cliniciansUrl(clinic), {
        email: 'new.doctor@example.org',
        displayName: 'Again',
        discipline: 'pharmacist',
      }),
      409,
      'STEADY_ERR_EMAIL_TAKEN',
    );
  });

  it("hides a clinic from other clinics' administrators and from clinicians (404)", async () => {
    const theirs = await addClinician(h, other, 'pharmacist');
    for (const caller of [other.admin, theirs]) {
      expectError(await caller.get(cliniciansUrl(clinic)), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(
        await caller.post(cliniciansUrl(clinic), {
          email: 'intruder@example.org',
          displayName: 'Intruder',
          discipline: 'prescriber',
        }),
        404,
        'STEADY_ERR_NOT_FOUND',
      );
    }
    // An administrator cannot reach another clinic's clinician through their own clinic either.
    expectError(
      await clinic.admin.patch(`${cliniciansUrl(clinic)}/${theirs.userId}`, { active: false }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    expect((await theirs.get('/api/session')).statusCode).toBe(200);
    const mine = (await clinic.admin.get(cliniciansUrl(clinic))).json<{
      clinicians: { id: string }[];
    }>();
    expect(mine.clinicians.map((c) => c.id)).not.toContain(theirs.userId);
  });

  it('deactivates a clinician: sessions end, sign-in refused, links grant nothing — until reactivated', async () => {
    const doctor = await addClinician(h, clinic, 'prescriber');
    const patient = await registerPatient(h.app);
    await link(patient, doctor);
    const regimen = `/api/patients/${patient.userId}/regimen`;
    expect((await doctor.get(regimen)).statusCode).toBe(200);

    const url = `${cliniciansUrl(clinic)}/${doctor.userId}`;
    const off = await clinic.admin.patch(url, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<{ clinician: { active: boolean } }>().clinician.active).toBe(false);
    expectError(await doctor.get(regimen), 401, 'STEADY_ERR_UNAUTHENTICATED');
    expectError(await doctor.get('/api/session'), 401, 'STEADY_ERR_UNAUTHENTICATED');

    // The right password learns it is deactivated; a wrong one learns nothing more than usual.
    const login = (password: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: doctor.email, password },
        remoteAddress: '10.55.0.1',
      });
    expectError(await login('a wrong password!'), 401, 'STEADY_ERR_INVALID_CREDENTIALS');
    const refused = await login(doctor.password);
    expectError(refused, 403, 'STEADY_ERR_ACCOUNT_INACTIVE');
    expect(refused.cookies).toEqual([]);
    const listed = (await clinic.admin.get(cliniciansUrl(clinic))).json<{
      clinicians: { id: string; active: boolean }[];
    }>();
    expect(listed.clinicians.find((c) => c.id === doctor.userId)?.active).toBe(false);

    // The link is still there for the record, but grants nothing; the patient keeps the regimen.
    const team = (await patient.get(`/api/patients/${patient.userId}/care-team`)).json<{
      members: { status: string; member: { active: boolean } }[];
    }>();
    expect(team.members).toEqual([
      expect.objectContaining({
        status: 'active',
        member: expect.objectContaining({ active: false }) as object,
      }),
    ]);

    expect((await clinic.admin.patch(url, { active: true })).statusCode).toBe(200);
    const back = await signIn(h.app, doctor.email, doctor.password);
    expect((await back.get(regimen)).statusCode).toBe(200);
  });
});
