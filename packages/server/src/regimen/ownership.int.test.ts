import { beforeAll, expect, it } from 'vitest';
import { CONSENT_DEFAULTS } from '../careteam/consent.js';
import { expectError } from '../http/routes.test-helpers.js';
import {
  addClinician,
  caregiverOf,
  createClinicFixture,
  link,
  revoke,
  type ClinicFixture,
} from '../testing/careteam.js';
import { regimenBody, registerPatient, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Request {
  id: string;
  message: string;
  status: string;
  response: string | null;
  resolvedBy: { id: string; displayName: string } | null;
}

describeOnDatabases('the prescriber owns the regimen', (harness) => {
  let h: Harness;
  let clinic: ClinicFixture;

  beforeAll(async () => {
    h = harness();
    clinic = await createClinicFixture(h, 'Riverside Pain Clinic');
  });

  it('lets the patient record the regimen until a prescriber is linked, then only the prescriber', async () => {
    const patient = await registerPatient(h.app);
    const url = `/api/patients/${patient.userId}/regimen`;
    expect((await patient.post(url, regimenBody('2026-03-01'))).statusCode).toBe(201);

    // A physical therapist does not take the regimen over.
    const therapist = await addClinician(h, clinic, 'physical_therapist');
    await link(patient, therapist);
    expect((await patient.post(url, regimenBody('2026-03-02'))).statusCode).toBe(201);

    const doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Owner');
    const linkId = await link(patient, doctor);
    expectError(
      await patient.post(url, regimenBody('2026-03-03')),
      403,
      'STEADY_ERR_REGIMEN_PRESCRIBED',
    );
    const prescribed = await doctor.post(
      url,
      regimenBody('2026-03-04', { reason: 'Evening dose lowered at the visit' }),
    );
    expect(prescribed.statusCode, prescribed.body).toBe(201);
    expect(
      prescribed.json<{ version: { version: number; enteredBy: object; reason: string } }>()
        .version,
    ).toMatchObject({
      version: 3,
      enteredBy: { id: doctor.userId, displayName: 'Dr. Owner' },
      reason: 'Evening dose lowered at the visit',
    });
    // A reason is required of the prescriber too.
    expectError(
      await doctor.post(url, regimenBody('2026-03-05', { reason: '' })),
      400,
      'STEADY_ERR_VALIDATION',
    );
    expectError(await therapist.post(url, regimenBody('2026-03-05')), 404, 'STEADY_ERR_NOT_FOUND');

    // Without the prescriber's medications consent, or once the link ends, the patient records it.
    await patient.put(`/api/patients/${patient.userId}/care-team/${linkId}/consent`, {
      consent: { ...CONSENT_DEFAULTS.prescriber, medications: false },
    });
    expect((await patient.post(url, regimenBody('2026-03-06'))).statusCode).toBe(201);
    expectError(await doctor.post(url, regimenBody('2026-03-06')), 404, 'STEADY_ERR_NOT_FOUND');
    await patient.put(`/api/patients/${patient.userId}/care-team/${linkId}/consent`, {
      consent: CONSENT_DEFAULTS.prescriber,
    });
    expectError(
      await patient.post(url, regimenBody('2026-03-07')),
      403,
      'STEADY_ERR_REGIMEN_PRESCRIBED',
    );
    await revoke(patient, linkId);
    expect((await patient.post(url, regimenBody('2026-03-08'))).statusCode).toBe(201);
  });

  it('gives the regimen back to the patient while the prescriber is deactivated', async () => {
    const patient = await registerPatient(h.app);
    const url = `/api/patients/${patient.userId}/regimen`;
    const doctor = await addClinician(h, clinic, 'prescriber');
    await link(patient, doctor);
    expectError(
      await patient.post(url, regimenBody('2026-03-01')),
      403,
      'STEADY_ERR_REGIMEN_PRESCRIBED',
    );
    const account = `/api/clinics/${clinic.clinicId}/clinicians/${doctor.userId}`;
    expect((await clinic.admin.patch(account, { active: false })).statusCode).toBe(200);
    expect((await patient.post(url, regimenBody('2026-03-01'))).statusCode).toBe(201);
    expect((await clinic.admin.patch(account, { active: true })).statusCode).toBe(200);
    expectError(
      await patient.post(url, regimenBody('2026-03-02')),
      403,
      'STEADY_ERR_REGIMEN_PRESCRIBED',
    );
  });

  it('lets the patient ask for a change and the prescriber answer', async () => {
    const patient = await registerPatient(h.app);
    const base = `/api/patients/${patient.userId}/regimen-requests`;
    const doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Answer');
    const therapist = await addClinician(h, clinic, 'physical_therapist');
    await link(patient, doctor);
    await link(patient, therapist);
    const { caregiver } = await caregiverOf(h, patient);

    const created = await patient.post(base, { message: 'Mornings are too drowsy' });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json<{ request: Request & { createdAt: string } }>().request;
    expect(request).toMatchObject({
      message: 'Mornings are too drowsy',
      status: 'open',
      response: null,
      createdAt: h.clock.now().toISOString(),
    });
    expectError(
      await doctor.post(base, { message: 'Not mine to ask' }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );

    const listed = (await doctor.get(base)).json<{ requests: Request[] }>().requests;
    expect(listed.map((r) => r.id)).toEqual([request.id]);
    expectError(await therapist.get(base), 404, 'STEADY_ERR_NOT_FOUND');
    expectError(await caregiver.get(base), 404, 'STEADY_ERR_NOT_FOUND');

    const answer = { status: 'done', response: 'Morning dose lowered from tomorrow' };
    expectError(await patient.patch(`${base}/${request.id}`, answer), 403, 'STEADY_ERR_FORBIDDEN');
    expectError(
      await caregiver.patch(`${base}/${request.id}`, answer),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    const resolved = await doctor.patch(`${base}/${request.id}`, answer);
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json<{ request: Request }>().request).toMatchObject({
      status: 'done',
      response: 'Morning dose lowered from tomorrow',
      resolvedBy: { id: doctor.userId, displayName: 'Dr. Answer' },
    });
    const seen = (await patient.get(base)).json<{ requests: Request[] }>().requests;
    expect(seen[0]).toMatchObject({ status: 'done' });

    // Another patient's request id on this patient's path is unknown.
    const stranger = await registerPatient(h.app);
    const theirs = (
      await stranger.post(`/api/patients/${stranger.userId}/regimen-requests`, { message: 'x' })
    ).json<{ request: { id: string } }>().request;
    expectError(await doctor.patch(`${base}/${theirs.id}`, answer), 404, 'STEADY_ERR_NOT_FOUND');
  });
});
