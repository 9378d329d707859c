import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import {
  addClinician,
  caregiverOf,
  createClinicFixture,
  link,
  type ClinicFixture,
} from '../testing/careteam.js';
import { checkInBody, registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { CATEGORIES, CONSENT_DEFAULTS, FULL_CONSENT, NO_CONSENT } from './consent.js';

interface Member {
  linkId: string;
  member: { id: string; displayName: string; role: string; discipline: string | null };
  status: string;
  since: string;
  revokedAt: string | null;
  consent: Record<string, boolean>;
}

describeOnDatabases('care team: consent, revocation, access log', (harness) => {
  let h: Harness;
  let clinic: ClinicFixture;

  beforeAll(async () => {
    h = harness();
    clinic = await createClinicFixture(h, 'Riverside Pain Clinic');
  });

  const team = async (as: Client, patientId: string) => {
    const res = await as.get(`/api/patients/${patientId}/care-team`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ members: Member[] }>().members;
  };

  it('publishes the consent categories and the defaults of the contract', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/consent-defaults' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ categories: string[]; defaults: Record<string, object> }>();
    expect(body.categories).toEqual([
      'medications',
      'checkins',
      'questionnaires',
      'notes',
      'techniques',
      'messages',
    ]);
    const row = (...on: string[]) => Object.fromEntries(CATEGORIES.map((c) => [c, on.includes(c)]));
    expect(body.defaults).toEqual({
      prescriber: row('medications', 'checkins', 'questionnaires', 'techniques', 'messages'),
      physical_therapist: row('checkins', 'questionnaires', 'techniques', 'messages'),
      psychologist: row('checkins', 'questionnaires', 'techniques', 'messages'),
      pharmacist: row('medications', 'messages'),
      caregiver: row('medications', 'messages'),
    });
  });

  it('applies a consent change on the very next request, and audits before and after', async () => {
    const patient = await registerPatient(h.app);
    const doctor = await addClinician(h, clinic, 'prescriber');
    const linkId = await link(patient, doctor);
    const checkins = `/api/patients/${patient.userId}/checkins?from=2026-03-01&to=2026-03-31`;
    expect((await doctor.get(checkins)).statusCode).toBe(200);

    const consentUrl = `/api/patients/${patient.userId}/care-team/${linkId}/consent`;
    const withdrawn = { ...CONSENT_DEFAULTS.prescriber, checkins: false };
    const res = await patient.put(consentUrl, { consent: withdrawn });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ link: { consent: object } }>().link.consent).toEqual(withdrawn);
    expectError(await doctor.get(checkins), 404, 'STEADY_ERR_NOT_FOUND');
    // Other categories still work.
    expect((await doctor.get(`/api/patients/${patient.userId}/regimen`)).statusCode).toBe(200);

    expect((await patient.put(consentUrl, { consent: FULL_CONSENT })).statusCode).toBe(200);
    expect((await doctor.get(checkins)).statusCode).toBe(200);

    const history = await h.database.db
      .select({ details: auditLog.details, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'careteam.consent'), eq(auditLog.entityId, linkId)));
    expect(history).toEqual([
      {
        actorId: patient.userId,
        details: {
          before: ['medications', 'checkins', 'questionnaires', 'techniques', 'messages'],
          after: ['medications', 'questionnaires', 'techniques', 'messages'],
        },
      },
      {
        actorId: patient.userId,
        details: {
          before: ['medications', 'questionnaires', 'techniques', 'messages'],
          after: [...CATEGORIES],
        },
      },
    ]);
  });

  it('takes a partial map as "the rest not granted", and refuses unknown categories', async () => {
    const patient = await registerPatient(h.app);
    const doctor = await addClinician(h, clinic, 'psychologist');
    const linkId = await link(patient, doctor);
    const url = `/api/patients/${patient.userId}/care-team/${linkId}/consent`;
    const res = await patient.put(url, { consent: { checkins: true } });
    expect(res.json<{ link: { consent: object } }>().link.consent).toEqual({
      ...NO_CONSENT,
      checkins: true,
    });
    const error = expectError(
      await patient.put(url, { consent: { medication: true } }),
      400,
      'STEADY_ERR_VALIDATION',
    );
    expect(JSON.stringify(error.details)).toContain('/body/consent');
    // Only the patient changes consent.
    expectError(await doctor.put(url, { consent: FULL_CONSENT }), 404, 'STEADY_ERR_NOT_FOUND');
  });

  it('revokes at once: the member’s next request is refused and the patient sees when', async () => {
    const patient = await registerPatient(h.app, { displayName: 'Revoking Patient' });
    const doctor = await addClinician(h, clinic, 'prescriber');
    const linkId = await link(patient, doctor);
    const regimen = `/api/patients/${patient.userId}/regimen`;
    expect((await doctor.get(regimen)).statusCode).toBe(200);
    h.clock.advance(60_000);
    const res = await patient.delete(`/api/patients/${patient.userId}/care-team/${linkId}`);
    expect(res.statusCode).toBe(204);
    expectError(await doctor.get(regimen), 404, 'STEADY_ERR_NOT_FOUND');
    expectError(
      await doctor.get(`/api/patients/${patient.userId}/care-team`),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    const list = (await doctor.get('/api/clinician/patients')).json<{ patients: unknown[] }>();
    expect(list.patients).toEqual([]);
    const [member] = await team(patient, patient.userId);
    expect(member).toMatchObject({
      linkId,
      status: 'revoked',
      revokedAt: h.clock.now().toISOString(),
    });
    // Consent of a revoked link cannot be changed; revoking again changes nothing.
    expectError(
      await patient.put(`/api/patients/${patient.userId}/care-team/${linkId}/consent`, {
        consent: FULL_CONSENT,
      }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    expect(
      (await patient.delete(`/api/patients/${patient.userId}/care-team/${linkId}`)).statusCode,
    ).toBe(204);
  });

  it('shows a member only their own link, and lets them leave (only their own)', async () => {
    const patient = await registerPatient(h.app);
    const doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Own');
    const therapist = await addClinician(h, clinic, 'physical_therapist', 'Therapist Other');
    const doctorLink = await link(patient, doctor, NO_CONSENT);
    const therapistLink = await link(patient, therapist);
    const { linkId: caregiverLink } = await caregiverOf(h, patient);

    const seen = await team(doctor, patient.userId);
    expect(seen.map((m) => m.linkId)).toEqual([doctorLink]);
    expect(JSON.stringify(seen)).not.toContain('Therapist Other');
    expect((await team(patient, patient.userId)).map((m) => m.linkId).sort()).toEqual(
      [doctorLink, therapistLink, caregiverLink].sort(),
    );

    const base = `/api/patients/${patient.userId}/care-team`;
    expectError(await doctor.delete(`${base}/${therapistLink}`), 404, 'STEADY_ERR_NOT_FOUND');
    expect((await team(therapist, patient.userId))[0]?.status).toBe('active');
    expect((await doctor.delete(`${base}/${doctorLink}`)).statusCode).toBe(204);
    expectError(await doctor.get(base), 404, 'STEADY_ERR_NOT_FOUND');
    const revoked = (await team(patient, patient.userId)).find((m) => m.linkId === doctorLink);
    expect(revoked?.status).toBe('revoked');
  });

  it('logs every member access for the patient, newest first, and nothing of their own', async () => {
    const patient = await registerPatient(h.app);
    const doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Reader');
    const pharmacist = await addClinician(h, clinic, 'pharmacist', 'Pharmacist Writer');
    await link(patient, doctor);
    await link(patient, pharmacist);
    const base = `/api/patients/${patient.userId}`;
    await patient.get(`${base}/regimen`);
    await patient.post(`${base}/checkins`, checkInBody());
    h.clock.advance(1000);
    expect((await doctor.get(`${base}/regimen`)).statusCode).toBe(200);
    h.clock.advance(1000);
    expect((await doctor.get(`${base}/history`)).statusCode).toBe(200);
    h.clock.advance(1000);
    expect((await pharmacist.post(`${base}/medications`, { name: 'Ibuprofen' })).statusCode).toBe(
      201,
    );
    h.clock.advance(1000);
    // Refused requests are not accesses.
    expect(
      (await pharmacist.get(`${base}/checkins?from=2026-03-01&to=2026-03-02`)).statusCode,
    ).toBe(404);

    const res = await patient.get(`${base}/access-log`);
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json<{
      entries: {
        at: string;
        actor: { id: string; displayName: string; role: string; discipline: string };
        action: string;
        category: string | null;
      }[];
    }>().entries;
    expect(entries.map((e) => [e.actor.displayName, e.action, e.category])).toEqual([
      ['Pharmacist Writer', 'medications.write', 'medications'],
      ['Dr. Reader', 'history.read', 'checkins'],
      ['Dr. Reader', 'history.read', 'medications'],
      ['Dr. Reader', 'regimen.read', 'medications'],
    ]);
    expect(entries[0]?.actor).toEqual({
      id: pharmacist.userId,
      displayName: 'Pharmacist Writer',
      role: 'clinician',
      discipline: 'pharmacist',
    });
    const limited = await patient.get(`${base}/access-log?limit=1`);
    expect(limited.json<{ entries: unknown[] }>().entries).toHaveLength(1);
    // The log is the patient's alone.
    expectError(await doctor.get(`${base}/access-log`), 404, 'STEADY_ERR_NOT_FOUND');
  });

  it('shows each member only the parts of the history they may see', async () => {
    const patient = await registerPatient(h.app);
    const base = `/api/patients/${patient.userId}`;
    const { regimenBody } = await import('../testing/harness.js');
    expect((await patient.post(`${base}/regimen`, regimenBody('2026-03-01'))).statusCode).toBe(201);
    await patient.post(`${base}/doses`, {
      idempotencyKey: 'history-parts-1',
      kind: 'taken',
      slotKey: '2026-03-10T08:00',
    });
    await patient.post(`${base}/checkins`, checkInBody({ note: 'private note xyz' }));
    const { caregiver } = await caregiverOf(h, patient);
    const therapist = await addClinician(h, clinic, 'physical_therapist');
    await link(patient, therapist);

    type History = {
      daily: { date: string; doseMg: number | null; pain: number | null }[];
      timeline: { type: string }[];
      hidden: string[];
    };
    const own = (await patient.get(`${base}/history`)).json<History>();
    expect(own.hidden).toEqual([]);
    expect(new Set(own.timeline.map((t) => t.type))).toEqual(new Set(['dose', 'checkin']));

    const byCaregiver = await caregiver.get(`${base}/history`);
    const cg = byCaregiver.json<History>();
    expect(cg.hidden).toEqual(['checkins']);
    expect(cg.timeline.map((t) => t.type)).toEqual(['dose']);
    expect(cg.daily.every((d) => d.pain === null)).toBe(true);
    expect(cg.daily.at(-1)?.doseMg).toBe(5);
    expect(byCaregiver.body).not.toContain('private note xyz');

    const byTherapist = await therapist.get(`${base}/history`);
    const pt = byTherapist.json<History>();
    expect(pt.hidden).toEqual(['medications']);
    expect(pt.timeline.map((t) => t.type)).toEqual(['checkin']);
    expect(pt.daily.every((d) => d.doseMg === null)).toBe(true);
    expect(pt.daily.at(-1)?.pain).toBe(5);
    expectError(await therapist.get(`${base}/today`), 404, 'STEADY_ERR_NOT_FOUND');
  });

  it("uses the patient's time zone for a member, not the member's", async () => {
    // 12:00Z on 10 March is already 11 March 01:00 in Auckland.
    const patient = await registerPatient(h.app, { timeZone: 'Pacific/Auckland' });
    const doctor = await addClinician(h, clinic, 'prescriber');
    await link(patient, doctor);
    const today = await doctor.get(`/api/patients/${patient.userId}/today`);
    expect(today.json<{ date: string; timeZone: string }>()).toMatchObject({
      date: '2026-03-11',
      timeZone: 'Pacific/Auckland',
    });
  });
});
