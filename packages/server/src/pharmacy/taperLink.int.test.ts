/**
 * A dispensing recorded for a taper (issue 5 item 5): the optional `taperPlanId` must be one of
 * the patient's taper ids, is stored in dispensing_records.taper_plan_id and read back.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { FULL_CONSENT } from '../careteam/consent.js';
import { dispensingRecords } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { insertSignedTaper } from '../taper/taper.test-helpers.js';
import { clinicTeam, link, PHARMACY_TEAM } from '../testing/careteam.js';
import { registerPatient, type Client } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Dispensing {
  id: string;
  formulation: string;
  quantity: number;
  daysSupply: number | null;
  taperPlanId: string | null;
}

describeOnDatabases('pharmacy: dispensing linked to a taper', (harness) => {
  const team = clinicTeam(harness, 'Taper Pharmacy', PHARMACY_TEAM);

  async function patientWithTaper(): Promise<{ patient: Client; base: string; taperId: string }> {
    const patient = await registerPatient(team.h.app, { timeZone: 'Europe/Berlin' });
    await link(patient, team.pharmacist);
    await link(patient, team.prescriber, FULL_CONSENT);
    const taperId = await insertSignedTaper(
      team.h,
      { patientId: patient.userId, prescriberId: team.prescriber.userId },
      '2026-03-12',
      'Initial plan',
    );
    return { patient, base: `/api/patients/${patient.userId}`, taperId };
  }

  const storedLinks = async (patientId: string) =>
    (
      await team.h.database.db
        .select({ taperPlanId: dispensingRecords.taperPlanId })
        .from(dispensingRecords)
        .where(eq(dispensingRecords.patientId, patientId))
    ).map((r) => r.taperPlanId);

  it('stores the taper id with the dispensing and shows it in the history', async () => {
    const { patient, base, taperId } = await patientWithTaper();
    const res = await team.pharmacist.post(`${base}/dispensing`, {
      formulation: 'tab5',
      quantity: 28,
      daysSupply: 14,
      note: 'Taper step 1',
      taperPlanId: taperId,
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ dispensing: Dispensing }>().dispensing;
    expect(created).toMatchObject({ formulation: 'tab5', quantity: 28, taperPlanId: taperId });
    // Without a taper id it is an ordinary dispensing.
    const plain = await team.prescriber.post(`${base}/dispensing`, {
      formulation: 'tab2',
      quantity: 10,
    });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json<{ dispensing: Dispensing }>().dispensing.taperPlanId).toBeNull();

    // Everyone who reads the dispensings sees which one was for the taper, the patient too.
    const list = await patient.get(`${base}/dispensing`);
    expect(list.statusCode, list.body).toBe(200);
    const links = list
      .json<{ dispensings: Dispensing[] }>()
      .dispensings.map((d) => [d.formulation, d.taperPlanId]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['tab5', taperId],
        ['tab2', null],
      ]),
    );
    expect((await storedLinks(patient.userId)).sort()).toEqual([taperId, null].sort());
  });

  it("refuses another patient's taper, an unknown id and a malformed one, storing nothing", async () => {
    const { patient, base } = await patientWithTaper();
    const other = await patientWithTaper();
    for (const taperPlanId of [other.taperId, randomUUID()]) {
      const res = await team.pharmacist.post(`${base}/dispensing`, {
        formulation: 'tab5',
        quantity: 28,
        taperPlanId,
      });
      const error = expectError(res, 400, 'STEADY_ERR_VALIDATION', taperPlanId);
      expect(JSON.stringify(error.details)).toContain('/body/taperPlanId');
      // The other patient's taper id is not echoed back.
      expect(res.body).not.toContain(other.taperId);
    }
    const malformed = await team.pharmacist.post(`${base}/dispensing`, {
      formulation: 'tab5',
      quantity: 28,
      taperPlanId: 'taper-1',
    });
    expectError(malformed, 400, 'STEADY_ERR_VALIDATION', 'malformed');
    expect(await storedLinks(patient.userId)).toEqual([]);
    // The other patient's own pharmacist link works for their own taper.
    const own = await team.pharmacist.post(`${other.base}/dispensing`, {
      formulation: 'tab5',
      quantity: 28,
      taperPlanId: other.taperId,
    });
    expect(own.statusCode, own.body).toBe(201);
  });

  it('is not a way for the patient to record a dispensing', async () => {
    const { patient, base, taperId } = await patientWithTaper();
    const res = await patient.post(`${base}/dispensing`, {
      formulation: 'tab5',
      quantity: 28,
      taperPlanId: taperId,
    });
    expect(res.statusCode).toBe(403);
    expect(await storedLinks(patient.userId)).toEqual([]);
  });
});
