import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { FULL_CONSENT, NO_CONSENT } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { addClinician, createClinicFixture, link, revoke } from '../testing/careteam.js';
import {
  checkInBody,
  regimenBody,
  registerPatient,
  type Client,
  type Harness,
} from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Alert {
  id: string;
  signalId: string;
  severity: string;
  crisis: boolean;
  status: string;
  present: boolean;
  categories: string[];
  evidence: { kind: string; ids?: string[] }[];
  sources: { id: string }[];
  patientText: string | null;
  clinicianText: string | null;
  lastSeen: string;
  acknowledged: { by: { id: string } } | null;
  resolved: { note: string | null } | null;
}

const severe = {
  sideEffects: { drowsiness: 'severe', dizziness: 'none', unsteadiness: 'none', confusion: 'none' },
};

describeOnDatabases('alerts', (harness) => {
  let h: Harness;
  let patient: Client;
  let doctor: Client;
  let medsOnly: Client;
  let noConsent: Client;
  let base: string;

  const alertsOf = async (as: Client, status = 'unresolved') => {
    const res = await as.get(`${base}/alerts?status=${status}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ alerts: Alert[] }>().alerts;
  };
  const ids = (list: Alert[]) => list.map((a) => a.signalId);
  const find = (list: Alert[], id: string) => {
    const found = list.find((a) => a.signalId === id);
    if (found === undefined) throw new Error(`no ${id} in ${ids(list).join(', ')}`);
    return found;
  };

  beforeAll(async () => {
    h = harness();
    const clinic = await createClinicFixture(h, 'Alert Clinic');
    doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Alert');
    medsOnly = await addClinician(h, clinic, 'pharmacist', 'Meds Only');
    noConsent = await addClinician(h, clinic, 'psychologist', 'No Consent');
    patient = await registerPatient(h.app, { displayName: 'Alice Alert' });
    base = `/api/patients/${patient.userId}`;
    expect((await patient.post(`${base}/regimen`, regimenBody('2026-03-01'))).statusCode).toBe(201);
    await link(patient, doctor, FULL_CONSENT);
    await link(patient, medsOnly, { ...NO_CONSENT, medications: true });
    await link(patient, noConsent, NO_CONSENT);
  });

  it('opens an alert after a severe side effect, for the patient and the clinician', async () => {
    const res = await patient.post(`${base}/checkins`, checkInBody(severe));
    expect(res.statusCode).toBe(201);
    const own = find(await alertsOf(patient), 'SIG-SIDE-EFFECT');
    expect(own).toMatchObject({ status: 'open', present: true, clinicianText: null });
    expect(own.patientText).toEqual(expect.any(String));
    expect(own.sources.length).toBeGreaterThan(0);
    const seen = find(await alertsOf(doctor), 'SIG-SIDE-EFFECT');
    expect(seen.id).toBe(own.id);
    expect(seen.clinicianText).toEqual(expect.any(String));
    expect(seen.categories).toEqual(['checkins']);
    expect(seen.evidence.some((e) => e.kind === 'checkIn')).toBe(true);
  });

  it('does not duplicate an alert when the signal repeats; it refreshes it', async () => {
    const before = find(await alertsOf(doctor), 'SIG-SIDE-EFFECT');
    h.clock.advance(60 * 60_000);
    await patient.post(`${base}/checkins`, checkInBody(severe));
    const after = (await alertsOf(doctor, 'all')).filter((a) => a.signalId === 'SIG-SIDE-EFFECT');
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(before.id);
    expect(after[0]?.lastSeen).toBe(h.clock.now().toISOString());
  });

  it('flags an opioid on the medication list for clinicians only', async () => {
    const res = await doctor.post(`${base}/medications`, { name: 'Oxycodone', dose: '5 mg' });
    expect(res.statusCode, res.body).toBe(201);
    const opioid = find(await alertsOf(doctor), 'SIG-RISK-MOD/opioid');
    expect(opioid.categories).toEqual(['medications']);
    expect(ids(await alertsOf(patient))).not.toContain('SIG-RISK-MOD/opioid');
    // Severe drowsiness while an opioid is listed: urgent, first in the list, a crisis.
    const list = await alertsOf(doctor);
    expect(list[0]).toMatchObject({ signalId: 'SIG-RED-FLAG/extreme-sleepiness', crisis: true });
  });

  it('flags a day above the prescribed total', async () => {
    const res = await patient.post(`${base}/doses`, {
      idempotencyKey: randomUUID(),
      kind: 'extra',
      slotKey: null,
      amountMg: 20,
      reason: 'Bad spasm',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(ids(await alertsOf(doctor))).toContain('SIG-DOSE-ESC/daily-total');
  });

  it('shows a clinician only the alerts whose every category is shared', async () => {
    const list = ids(await alertsOf(medsOnly));
    expect(list).toContain('SIG-RISK-MOD/opioid');
    expect(list).toContain('SIG-DOSE-ESC/daily-total');
    expect(list).not.toContain('SIG-SIDE-EFFECT');
    // Check-ins and medications: hidden without check-ins consent.
    expect(list).not.toContain('SIG-RED-FLAG/extreme-sleepiness');
    expectError(await noConsent.get(`${base}/alerts`), 404, 'STEADY_ERR_NOT_FOUND');
    const sideEffect = find(await alertsOf(doctor), 'SIG-SIDE-EFFECT');
    expectError(
      await medsOnly.post(`${base}/alerts/${sideEffect.id}/acknowledge`),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
  });

  it('acknowledges and resolves with a note; audited; resolved stays resolved', async () => {
    const alert = find(await alertsOf(doctor), 'SIG-SIDE-EFFECT');
    expectError(
      await patient.post(`${base}/alerts/${alert.id}/acknowledge`),
      403,
      'STEADY_ERR_FORBIDDEN',
    );
    expectError(
      await doctor.post(`${base}/alerts/${randomUUID()}/acknowledge`),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    const ack = await doctor.post(`${base}/alerts/${alert.id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json<{ alert: Alert }>().alert).toMatchObject({
      status: 'acknowledged',
      acknowledged: { by: { id: doctor.userId } },
    });
    expect((await doctor.post(`${base}/alerts/${alert.id}/acknowledge`)).statusCode).toBe(200);
    expectError(
      await doctor.post(`${base}/alerts/${alert.id}/resolve`, { note: ' ' }),
      400,
      'STEADY_ERR_VALIDATION',
    );
    const resolved = await doctor.post(`${base}/alerts/${alert.id}/resolve`, {
      note: 'Called; dose timing changed',
    });
    expect(resolved.json<{ alert: Alert }>().alert).toMatchObject({
      status: 'resolved',
      resolved: { note: 'Called; dose timing changed' },
    });
    expectError(
      await doctor.post(`${base}/alerts/${alert.id}/resolve`, { note: 'again' }),
      409,
      'STEADY_ERR_ALERT_RESOLVED',
    );
    expect(ids(await alertsOf(doctor, 'open'))).not.toContain('SIG-SIDE-EFFECT');
    expect(ids(await alertsOf(doctor, 'resolved'))).toEqual(['SIG-SIDE-EFFECT']);
    const actions = (
      await h.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.patientId, patient.userId), eq(auditLog.entityId, alert.id)))
    ).map((r) => r.action);
    expect(actions.sort()).toEqual(['alert.acknowledge', 'alert.resolve']);

    // The same evidence again (another write) does not reopen it …
    await patient.put(`${base}/profile`, { dateOfBirth: '1970-01-01' });
    expect(ids(await alertsOf(doctor))).not.toContain('SIG-SIDE-EFFECT');
    // … a new severe check-in does, as a new alert.
    await patient.post(`${base}/checkins`, checkInBody(severe));
    const reopened = find(await alertsOf(doctor), 'SIG-SIDE-EFFECT');
    expect(reopened.id).not.toBe(alert.id);
  });

  it('keeps an alert whose signal went away, marked not present, until resolved', async () => {
    const opioid = find(await alertsOf(doctor), 'SIG-RISK-MOD/opioid');
    const meds = (await doctor.get(`${base}/medications`)).json<{
      medications: { id: string }[];
    }>().medications;
    for (const m of meds) await doctor.delete(`${base}/medications/${m.id}`);
    const after = find(await alertsOf(doctor), 'SIG-RISK-MOD/opioid');
    expect(after).toMatchObject({ id: opioid.id, status: 'open', present: false });
  });

  it('shows a crisis to the patient at once, and nothing to a revoked clinician', async () => {
    await patient.post(`${base}/checkins`, checkInBody({ breathingProblem: true }));
    const own = await alertsOf(patient);
    expect(own[0]).toMatchObject({ signalId: 'SIG-RED-FLAG/breathing', crisis: true });
    const temp = await addClinician(
      h,
      await createClinicFixture(h, 'Temp clinic'),
      'prescriber',
      'Temp',
    );
    const linkId = await link(patient, temp, FULL_CONSENT);
    expect(ids(await alertsOf(temp))).toContain('SIG-RED-FLAG/breathing');
    await revoke(patient, linkId);
    expectError(await temp.get(`${base}/alerts`), 404, 'STEADY_ERR_NOT_FOUND');
  });
});
