import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { CONSENT_DEFAULTS, FULL_CONSENT, NO_CONSENT } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import {
  addClinician,
  createClinicFixture,
  link,
  revoke,
  type ClinicFixture,
} from '../testing/careteam.js';
import {
  checkInBody,
  regimenBody,
  registerPatient,
  type Client,
  type Harness,
} from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Row {
  id: string;
  displayName: string;
  since: string;
  consent: Record<string, boolean>;
  currentDailyDoseMg: number | null;
  lastCheckInAt: string | null;
  topAlert: { severity: string; crisis: boolean; signalId: string } | null;
  hidden: string[];
}

describeOnDatabases('clinician patient list', (harness) => {
  let h: Harness;
  let clinic: ClinicFixture;
  let doctor: Client;
  let anna: Client;
  let annabel: Client;
  let bob: Client;
  let stranger: Client;

  const list = async (as: Client, q?: string) => {
    const res = await as.get(
      `/api/clinician/patients${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ patients: Row[] }>().patients;
  };

  beforeAll(async () => {
    h = harness();
    clinic = await createClinicFixture(h, 'Riverside Pain Clinic');
    doctor = await addClinician(h, clinic, 'prescriber');
    anna = await registerPatient(h.app, { displayName: 'Anna Smith' });
    annabel = await registerPatient(h.app, { displayName: 'Annabel 50%_Jones' });
    bob = await registerPatient(h.app, { displayName: 'Bob Anders' });
    stranger = await registerPatient(h.app, { displayName: 'Anna Stranger' });
    await anna.post(`/api/patients/${anna.userId}/regimen`, regimenBody('2026-03-01'));
    await anna.post(`/api/patients/${anna.userId}/checkins`, checkInBody());
    await bob.post(`/api/patients/${bob.userId}/regimen`, regimenBody('2026-03-01'));
    await link(anna, doctor, FULL_CONSENT);
    await link(annabel, doctor, { ...NO_CONSENT, checkins: true });
    await link(bob, doctor, NO_CONSENT);
  });

  it('lists only linked patients, with the fields consent allows', async () => {
    const rows = await list(doctor);
    expect(rows.map((r) => r.displayName)).toEqual([
      'Anna Smith',
      'Annabel 50%_Jones',
      'Bob Anders',
    ]);
    expect(rows[0]).toMatchObject({
      id: anna.userId,
      displayName: 'Anna Smith',
      since: h.clock.now().toISOString(),
      consent: FULL_CONSENT,
      currentDailyDoseMg: 15,
      // The regimen was recorded today and today's first dose is still pending: nothing due yet.
      adherence7d: null,
      lastCheckInAt: h.clock.now().toISOString(),
      painTrend: { recent: 5, previous: null, change: null },
      lastActivityAt: h.clock.now().toISOString(),
      hidden: [],
    });
    expect(rows[0]?.topAlert).not.toBeNull();
    expect(rows[1]).toMatchObject({
      currentDailyDoseMg: null,
      adherence7d: null,
      lastCheckInAt: null,
      topAlert: null,
      hidden: ['currentDailyDoseMg', 'adherence7d'],
    });
    // Bob has a regimen (and alerts), but they are not this doctor's to see.
    expect(rows[2]).toMatchObject({
      currentDailyDoseMg: null,
      lastCheckInAt: null,
      painTrend: null,
      topAlert: null,
      hidden: ['currentDailyDoseMg', 'adherence7d', 'lastCheckInAt', 'painTrend'],
    });
    expect(JSON.stringify(rows)).not.toContain(stranger.userId);
  });

  it('searches by name, case-insensitively, with % and _ taken literally', async () => {
    expect((await list(doctor, 'ANNA')).map((r) => r.displayName)).toEqual([
      'Anna Smith',
      'Annabel 50%_Jones',
    ]);
    expect((await list(doctor, 'anders')).map((r) => r.id)).toEqual([bob.userId]);
    expect((await list(doctor, '50%_')).map((r) => r.id)).toEqual([annabel.userId]);
    expect(await list(doctor, '%')).toHaveLength(1);
    expect(await list(doctor, '_')).toHaveLength(1);
    // The stranger matches the search but is not linked: nothing, not even a count.
    expect(await list(doctor, 'Stranger')).toEqual([]);
    expect((await list(doctor, '')).length).toBe(3);
  });

  it('shows another clinician none of these patients, and refuses patients and admins', async () => {
    const other = await addClinician(h, clinic, 'prescriber');
    expect(await list(other)).toEqual([]);
    expect(await list(other, 'Anna')).toEqual([]);
    expectError(await anna.get('/api/clinician/patients'), 403, 'STEADY_ERR_FORBIDDEN');
    expectError(await clinic.admin.get('/api/clinician/patients'), 403, 'STEADY_ERR_FORBIDDEN');
  });

  it('drops a patient as soon as the link is revoked', async () => {
    const temp = await registerPatient(h.app, { displayName: 'Temporary Patient' });
    const linkId = await link(temp, doctor, CONSENT_DEFAULTS.prescriber);
    expect((await list(doctor, 'Temporary')).map((r) => r.id)).toEqual([temp.userId]);
    await revoke(temp, linkId);
    expect(await list(doctor, 'Temporary')).toEqual([]);
  });

  it("records the listing in each listed patient's access log", async () => {
    await list(doctor, 'Bob');
    const entries = (await bob.get(`/api/patients/${bob.userId}/access-log`)).json<{
      entries: { action: string; category: string | null; actor: { id: string } }[];
    }>().entries;
    expect(entries[0]).toMatchObject({
      action: 'patient-list.read',
      category: null,
      actor: { id: doctor.userId },
    });
    const annaRows = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, anna.userId), eq(auditLog.action, 'access.read')));
    expect(annaRows.length).toBeGreaterThan(0);
  });
});
