import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { FULL_CONSENT } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { addClinician, caregiverOf, createClinicFixture, link } from '../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

describeOnDatabases('preferences', (harness) => {
  let h: Harness;
  let patient: Client;
  let other: Client;
  let doctor: Client;
  let caregiver: Client;
  let url: string;

  const lowEnergyOf = async (as: Client) => {
    const res = await as.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ preferences: { lowEnergy: boolean } }>().preferences.lowEnergy;
  };

  beforeAll(async () => {
    h = harness();
    const clinic = await createClinicFixture(h, 'Preferences Clinic');
    doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Prefs');
    patient = await registerPatient(h.app, { displayName: 'Pat Prefs' });
    other = await registerPatient(h.app, { displayName: 'Other Patient' });
    url = `/api/patients/${patient.userId}/preferences`;
    await link(patient, doctor, FULL_CONSENT);
    ({ caregiver } = await caregiverOf(h, patient, FULL_CONSENT));
  });

  it('starts with low-energy mode off', async () => {
    expect(await lowEnergyOf(patient)).toBe(false);
  });

  it('lets the patient switch low-energy mode on and off, and audits each change', async () => {
    const on = await patient.put(url, { lowEnergy: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ preferences: { lowEnergy: true } });
    expect(await lowEnergyOf(patient)).toBe(true);

    const off = await patient.put(url, { lowEnergy: false });
    expect(off.json()).toEqual({ preferences: { lowEnergy: false } });
    expect(await lowEnergyOf(patient)).toBe(false);

    const entries = await h.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(
        and(eq(auditLog.patientId, patient.userId), eq(auditLog.action, 'preferences.update')),
      );
    expect(entries.map((e) => e.details)).toEqual(
      expect.arrayContaining([{ lowEnergy: true }, { lowEnergy: false }]),
    );
    expect(entries).toHaveLength(2);
  });

  it('keeps one patient’s preference apart from another’s', async () => {
    await patient.put(url, { lowEnergy: true });
    const own = await other.get(`/api/patients/${other.userId}/preferences`);
    expect(own.json()).toEqual({ preferences: { lowEnergy: false } });
  });

  it('answers 404 to care-team members even with full consent, and to other patients', async () => {
    for (const [who, client] of [
      ['prescriber', doctor],
      ['caregiver', caregiver],
      ['other patient', other],
    ] as const) {
      expectError(await client.get(url), 404, 'STEADY_ERR_NOT_FOUND', `GET as ${who}`);
      expectError(
        await client.put(url, { lowEnergy: false }),
        404,
        'STEADY_ERR_NOT_FOUND',
        `PUT as ${who}`,
      );
    }
    // Nobody but the patient changed it.
    expect(await lowEnergyOf(patient)).toBe(true);
  });

  it('rejects bodies that are not exactly { lowEnergy: boolean }', async () => {
    for (const body of [{}, { lowEnergy: 'yes' }, { lowEnergy: null }, { lowEnergy: true, x: 1 }]) {
      expectError(await patient.put(url, body), 400, 'STEADY_ERR_VALIDATION', JSON.stringify(body));
    }
    expect(await lowEnergyOf(patient)).toBe(true);
  });
});
