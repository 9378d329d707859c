import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { CONSENT_DEFAULTS, FULL_CONSENT } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { addClinician, caregiverOf, clinicTeam, link, PHARMACY_TEAM } from '../testing/careteam.js';
import { registerPatient, type Client } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Instruction {
  text: string;
  isDefault: boolean;
  sources: { id: string; status: string; locator?: string }[];
  setBy: { id: string; displayName: string } | null;
  setAt: string | null;
}
interface Answer {
  instruction: Instruction;
  history: Instruction[];
}

const SAFE = 'Do not take a double dose. Take the next dose at the usual time and call the clinic.';

describeOnDatabases('supply: the missed-dose instruction', (harness) => {
  const team = clinicTeam(harness, 'Missed Dose Clinic', PHARMACY_TEAM);

  async function patientWithTeam() {
    const patient = await registerPatient(team.h.app);
    const base = `/api/patients/${patient.userId}`;
    await link(patient, team.prescriber);
    await link(patient, team.pharmacist);
    return { patient, base, url: `${base}/missed-dose-instruction` };
  }

  const read = async (as: Client, url: string) => {
    const res = await as.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Answer>();
  };

  it("shows Steady's sourced default until the prescriber sets one", async () => {
    const { patient, url } = await patientWithTeam();
    const { instruction, history } = await read(patient, url);
    expect(instruction).toMatchObject({ isDefault: true, setBy: null, setAt: null });
    expect(instruction.text).toMatch(/Do not stop or change your diazepam on your own/);
    expect(instruction.text).toMatch(/ask your prescriber or pharmacist/);
    expect(instruction.text).not.toMatch(/double|catch up/i);
    expect(instruction.sources.map((s) => s.id)).toEqual(['LABEL-TAB', 'ASAM-PATIENT']);
    expect(history).toEqual([]);
  });

  it('is set by the prescriber; the newest wins, with who and when', async () => {
    const { patient, url } = await patientWithTeam();
    team.h.clock.set('2026-03-10T12:00:00.000Z');
    const first = await team.prescriber.post(url, { text: `  ${SAFE}  ` });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<Answer>().instruction).toEqual({
      text: SAFE,
      isDefault: false,
      sources: [],
      setBy: { id: team.prescriber.userId, displayName: 'Dr. Prescriber' },
      setAt: '2026-03-10T12:00:00.000Z',
    });
    // Set again in the same instant: the later one is in force.
    const second = await team.prescriber.post(url, {
      text: 'Never take an extra dose to catch up.',
    });
    expect(second.statusCode, second.body).toBe(201);
    const seen = await read(patient, url);
    expect(seen.instruction.text).toBe('Never take an extra dose to catch up.');
    expect(seen.history.map((i) => i.text)).toEqual([SAFE]);
    // The patient, the pharmacist and a caregiver with the medications consent see it.
    expect((await read(team.pharmacist, url)).instruction.text).toBe(seen.instruction.text);
    const { caregiver } = await caregiverOf(team.h, patient, CONSENT_DEFAULTS.caregiver);
    expect((await read(caregiver, url)).instruction.text).toBe(seen.instruction.text);
    const audited = await team.h.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.patientId, patient.userId),
          eq(auditLog.action, 'missed-dose-instruction.set'),
        ),
      );
    expect(audited.map((a) => a.actorId)).toEqual([team.prescriber.userId, team.prescriber.userId]);
  });

  it('refuses text that advises a double dose or stopping, with a clear 400', async () => {
    const { patient, url } = await patientWithTeam();
    for (const [text, problem] of [
      ['Take two doses next time.', 'advises-double-dose'],
      ['Double up at the next dose.', 'advises-double-dose'],
      ['Take an extra dose to catch up.', 'advises-double-dose'],
      ['If you feel fine, stop taking diazepam.', 'advises-stopping'],
    ] as const) {
      const res = await team.prescriber.post(url, { text });
      const error = expectError(res, 400, 'STEADY_ERR_UNSAFE_INSTRUCTION', text);
      expect(error.details).toEqual([{ path: '/body/text', message: problem }]);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/double.*stopping/);
    }
    expectError(await team.prescriber.post(url, { text: '   ' }), 400, 'STEADY_ERR_VALIDATION');
    expectError(
      await team.prescriber.post(url, { text: 'x'.repeat(1001) }),
      400,
      'STEADY_ERR_VALIDATION',
    );
    expect((await read(patient, url)).instruction.isDefault).toBe(true);
  });

  it('is set only by a prescriber with the medications consent', async () => {
    const { patient, url } = await patientWithTeam();
    expectError(await patient.post(url, { text: SAFE }), 403, 'STEADY_ERR_FORBIDDEN');
    expectError(await team.pharmacist.post(url, { text: SAFE }), 404, 'STEADY_ERR_NOT_FOUND');
    const { caregiver } = await caregiverOf(team.h, patient);
    expectError(await caregiver.post(url, { text: SAFE }), 404, 'STEADY_ERR_NOT_FOUND');
    // A prescriber the patient shares no medications with sees nothing and sets nothing.
    const other = await addClinician(team.h, team.clinic, 'prescriber', 'Dr. Other');
    await link(patient, other, { ...FULL_CONSENT, medications: false });
    expectError(await other.get(url), 404, 'STEADY_ERR_NOT_FOUND');
    expectError(await other.post(url, { text: SAFE }), 404, 'STEADY_ERR_NOT_FOUND');
    expect((await read(patient, url)).instruction.isDefault).toBe(true);
  });
});
