import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { CONSENT_DEFAULTS, NO_CONSENT } from '../careteam/consent.js';
import { invitations, users } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import {
  addClinician,
  caregiverOf,
  createClinicFixture,
  link,
  revoke,
  type ClinicFixture,
} from '../testing/careteam.js';
import {
  registerCaregiver,
  registerPatient,
  type Client,
  type Harness,
} from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

const DAY = 86_400_000;

interface Details {
  kind: string;
  from: { displayName: string; role: string; discipline: string | null; clinicName: string | null };
  memberKind?: string;
  consentDefaults: Record<string, boolean>;
  expiresAt: string;
}

describeOnDatabases('invitations', (harness) => {
  let h: Harness;
  let clinic: ClinicFixture;
  let prescriber: Client;
  let pharmacist: Client;

  beforeAll(async () => {
    h = harness();
    clinic = await createClinicFixture(h, 'Riverside Pain Clinic');
    prescriber = await addClinician(h, clinic, 'prescriber', 'Dr. Rivera');
    pharmacist = await addClinician(h, clinic, 'pharmacist', 'Chris Novak');
  });

  const clinicianInvite = async (from: Client = prescriber) => {
    const res = await from.post('/api/invitations', { note: 'As discussed' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{
      invitation: { code: string; url: string; expiresAt: string; kind: string };
    }>().invitation;
  };
  const patientInvite = async (patient: Client, body: Record<string, unknown>) => {
    const res = await patient.post(`/api/patients/${patient.userId}/invitations`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ invitation: { code: string; kind: string } }>().invitation;
  };
  let visitor = 0;
  /** Anonymous visitors come from their own addresses (code look-ups are limited per address). */
  const lookup = (code: string, as?: Client) =>
    as === undefined
      ? h.app.inject({
          method: 'GET',
          url: `/api/invitations/${code}`,
          remoteAddress: `10.77.0.${String((visitor += 1))}`,
        })
      : as.get(`/api/invitations/${code}`);
  const accept = (as: Client, code: string, body: object = {}) =>
    as.post(`/api/invitations/${code}/accept`, body);

  it('lets a clinician invite a patient with a 10-character code valid 14 days', async () => {
    const invitation = await clinicianInvite();
    expect(invitation.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{2}$/);
    expect(invitation.url).toBe(`/join/${invitation.code}`);
    expect(invitation.kind).toBe('clinician-invites-patient');
    expect(Date.parse(invitation.expiresAt)).toBe(h.clock.now().getTime() + 14 * DAY);
    // Only a hash is stored.
    const rows = await h.database.db.select().from(invitations);
    expect(JSON.stringify(rows)).not.toContain(invitation.code.replaceAll('-', ''));
  });

  it('shows who invites to anyone holding the code, typed in any case and without dashes', async () => {
    const { code } = await clinicianInvite();
    const res = await lookup(code.replaceAll('-', '').toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    const details = res.json<{ invitation: Details }>().invitation;
    expect(details).toMatchObject({
      kind: 'clinician-invites-patient',
      from: {
        displayName: 'Dr. Rivera',
        role: 'clinician',
        discipline: 'prescriber',
        clinicName: 'Riverside Pain Clinic',
      },
      consentDefaults: CONSENT_DEFAULTS.prescriber,
    });
    expect(details.memberKind).toBeUndefined();
  });

  it('links a patient who accepts with their consent, once', async () => {
    const patient = await registerPatient(h.app);
    const { code } = await clinicianInvite();
    const consent = { ...CONSENT_DEFAULTS.prescriber, checkins: false };
    const res = await accept(patient, code, { consent });
    expect(res.statusCode, res.body).toBe(201);
    const { link: made } = res.json<{
      link: { linkId: string; status: string; consent: object; member: object };
    }>();
    expect(made).toMatchObject({
      status: 'active',
      consent,
      member: {
        displayName: 'Dr. Rivera',
        discipline: 'prescriber',
        clinicName: 'Riverside Pain Clinic',
      },
    });
    const team = await patient.get(`/api/patients/${patient.userId}/care-team`);
    expect(team.json<{ members: { linkId: string }[] }>().members.map((m) => m.linkId)).toEqual([
      made.linkId,
    ]);

    // Single use: the same code is now unknown, to everyone, with the one answer.
    const other = await registerPatient(h.app);
    const again = await accept(other, code, { consent });
    const used = expectError(again, 404, 'STEADY_ERR_INVITATION_INVALID');
    const unknown = expectError(
      await accept(other, 'ABCD-EFGH-JK', { consent }),
      404,
      'STEADY_ERR_INVITATION_INVALID',
    );
    expect(used).toEqual(unknown);
    expectError(await lookup(code), 404, 'STEADY_ERR_INVITATION_INVALID');
    expectError(await lookup('not a code at all'), 404, 'STEADY_ERR_INVITATION_INVALID');
  });

  it('needs the patient to choose the consent', async () => {
    const patient = await registerPatient(h.app);
    const { code } = await clinicianInvite();
    const res = await accept(patient, code, {});
    const error = expectError(res, 400, 'STEADY_ERR_VALIDATION');
    expect(error.details).toEqual([expect.objectContaining({ path: '/body/consent' })]);
    expect((await lookup(code)).statusCode).toBe(200);
  });

  it('expires after 14 days', async () => {
    const start = h.clock.now();
    const { code } = await clinicianInvite();
    const fresh = await clinicianInvite();
    h.clock.advance(14 * DAY - 60_000);
    expect((await lookup(code)).statusCode).toBe(200);
    const patient = await registerPatient(h.app);
    expect(
      (await accept(patient, fresh.code, { consent: CONSENT_DEFAULTS.prescriber })).statusCode,
    ).toBe(201);
    h.clock.advance(60_000);
    expectError(await lookup(code), 404, 'STEADY_ERR_INVITATION_INVALID');
    const late = await registerPatient(h.app);
    expectError(
      await accept(late, code, { consent: CONSENT_DEFAULTS.prescriber }),
      404,
      'STEADY_ERR_INVITATION_INVALID',
    );
    h.clock.set(start);
  });

  it('refuses the wrong kind of caller (403) and keeps the invitation usable', async () => {
    const patient = await registerPatient(h.app);
    const { code } = await clinicianInvite();
    expectError(await accept(pharmacist, code, {}), 403, 'STEADY_ERR_FORBIDDEN');
    expectError(await accept(clinic.admin, code, {}), 403, 'STEADY_ERR_FORBIDDEN');
    const forCaregiver = await patientInvite(patient, { memberKind: 'caregiver' });
    expectError(await accept(prescriber, forCaregiver.code), 403, 'STEADY_ERR_FORBIDDEN');
    const forClinician = await patientInvite(patient, { memberKind: 'clinician' });
    const other = await registerPatient(h.app);
    expectError(
      await accept(other, forClinician.code, { consent: NO_CONSENT }),
      403,
      'STEADY_ERR_FORBIDDEN',
    );
    expectError(await accept(patient, forClinician.code), 403, 'STEADY_ERR_FORBIDDEN');
    const { caregiver } = await caregiverOf(h, other);
    expectError(await accept(caregiver, code, {}), 403, 'STEADY_ERR_FORBIDDEN');
    expectError(await accept(caregiver, forClinician.code), 403, 'STEADY_ERR_FORBIDDEN');
    for (const c of [code, forCaregiver.code, forClinician.code]) {
      expect((await lookup(c)).statusCode).toBe(200);
    }
    // Only clinicians invite patients; only the patient invites to their own team.
    expectError(await patient.post('/api/invitations', {}), 403, 'STEADY_ERR_FORBIDDEN');
    expectError(
      await other.post(`/api/patients/${patient.userId}/invitations`, { memberKind: 'caregiver' }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
  });

  it('answers 409 to an accept that would link the same people twice, and keeps the code', async () => {
    const patient = await registerPatient(h.app);
    await link(patient, pharmacist);
    const { code } = await clinicianInvite(pharmacist);
    expectError(
      await accept(patient, code, { consent: CONSENT_DEFAULTS.pharmacist }),
      409,
      'STEADY_ERR_ALREADY_LINKED',
    );
    const second = await patientInvite(patient, { memberKind: 'clinician' });
    expectError(await accept(pharmacist, second.code), 409, 'STEADY_ERR_ALREADY_LINKED');
    expect((await lookup(code)).statusCode).toBe(200);
  });

  it('links a clinician with the consent the patient chose, else their discipline’s defaults', async () => {
    const patient = await registerPatient(h.app, { displayName: 'Pat Chooser' });
    const chosen = { ...NO_CONSENT, checkins: true };
    const withChoice = await patientInvite(patient, { memberKind: 'clinician', consent: chosen });
    const details = (await lookup(withChoice.code)).json<{ invitation: Details }>().invitation;
    expect(details).toMatchObject({
      kind: 'patient-invites-member',
      memberKind: 'clinician',
      from: { displayName: 'Pat Chooser', role: 'patient', discipline: null, clinicName: null },
      consentDefaults: chosen,
    });
    const res = await accept(prescriber, withChoice.code);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ link: { consent: object } }>().link.consent).toEqual(chosen);

    const plain = await patientInvite(patient, { memberKind: 'clinician' });
    // The defaults depend on who looks: unknown to an anonymous visitor.
    const anonymous = (await lookup(plain.code)).json<{ invitation: Details }>().invitation;
    expect(anonymous.consentDefaults).toEqual(NO_CONSENT);
    const seen = (await lookup(plain.code, pharmacist)).json<{ invitation: Details }>().invitation;
    expect(seen.consentDefaults).toEqual(CONSENT_DEFAULTS.pharmacist);
    const accepted = await accept(pharmacist, plain.code, { consent: { notes: true } });
    expect(accepted.json<{ link: { consent: object } }>().link.consent).toEqual(
      CONSENT_DEFAULTS.pharmacist,
    );
  });

  it('lets a revoked member be invited again: a new link, the old one kept as revoked', async () => {
    const patient = await registerPatient(h.app);
    const first = await link(patient, prescriber);
    await revoke(patient, first);
    const second = await link(patient, prescriber);
    expect(second).not.toBe(first);
    const team = (await patient.get(`/api/patients/${patient.userId}/care-team`)).json<{
      members: { linkId: string; status: string }[];
    }>().members;
    expect(team.map((m) => [m.linkId, m.status])).toEqual(
      expect.arrayContaining([
        [first, 'revoked'],
        [second, 'active'],
      ]),
    );
  });

  it('uses an invitation once even when two accept at the same moment', async () => {
    const [a, b] = [await registerPatient(h.app), await registerPatient(h.app)];
    const { code } = await clinicianInvite(pharmacist);
    const body = { consent: CONSENT_DEFAULTS.pharmacist };
    const results = await Promise.all([accept(a, code, body), accept(b, code, body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 404]);
  });

  it('stops working when the inviting clinician is deactivated', async () => {
    const leaving = await addClinician(h, clinic, 'psychologist');
    const { code } = await clinicianInvite(leaving);
    const res = await clinic.admin.patch(
      `/api/clinics/${clinic.clinicId}/clinicians/${leaving.userId}`,
      { active: false },
    );
    expect(res.statusCode).toBe(200);
    expectError(await lookup(code), 404, 'STEADY_ERR_INVITATION_INVALID');
  });

  describeCaregiverRegistration();

  function describeCaregiverRegistration() {
    const register = (body: Record<string, unknown>, address: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        remoteAddress: address,
        payload: {
          email: `cg-${String(Math.random()).slice(2, 10)}@example.org`,
          password: 'a long enough password',
          displayName: 'Casey',
          timeZone: 'Europe/London',
          ...body,
        },
      });

    it('registers a caregiver with a caregiver invitation and links them at once', async () => {
      const patient = await registerPatient(h.app, { displayName: 'Robin Cared-For' });
      const invite = await patientInvite(patient, { memberKind: 'caregiver' });
      const details = (await lookup(invite.code)).json<{ invitation: Details }>().invitation;
      expect(details).toMatchObject({
        memberKind: 'caregiver',
        consentDefaults: CONSENT_DEFAULTS.caregiver,
      });
      const caregiver = await registerCaregiver(h.app, invite.code);
      const session = (await caregiver.get('/api/session')).json<{ user: { role: string } }>();
      expect(session.user.role).toBe('caregiver');
      const list = (await caregiver.get('/api/clinician/patients')).json<{
        patients: { id: string; displayName: string; consent: object }[];
      }>().patients;
      expect(list).toEqual([
        expect.objectContaining({
          id: patient.userId,
          displayName: 'Robin Cared-For',
          consent: CONSENT_DEFAULTS.caregiver,
        }),
      ]);
      expectError(
        await register({ invitationCode: invite.code }, '10.99.0.1'),
        404,
        'STEADY_ERR_INVITATION_INVALID',
      );
    });

    it('refuses other codes and taken emails without creating an account or using the code', async () => {
      const patient = await registerPatient(h.app);
      const [before] = await h.database.db.select({ n: count() }).from(users);
      const forClinician = await patientInvite(patient, { memberKind: 'clinician' });
      const fromClinician = await clinicianInvite();
      for (const code of [forClinician.code, fromClinician.code, 'ZZZZ-ZZZZ-ZZ']) {
        expectError(
          await register({ invitationCode: code }, '10.99.0.2'),
          404,
          'STEADY_ERR_INVITATION_INVALID',
        );
      }
      const forCaregiver = await patientInvite(patient, { memberKind: 'caregiver' });
      const [taken] = await h.database.db
        .select({ email: users.email })
        .from(users)
        .where(eq(users.id, patient.userId));
      expectError(
        await register({ invitationCode: forCaregiver.code, email: taken?.email }, '10.99.0.3'),
        400,
        'STEADY_ERR_REGISTRATION_FAILED',
      );
      const [after] = await h.database.db.select({ n: count() }).from(users);
      expect(after?.n).toBe(before?.n);
      expect((await lookup(forCaregiver.code)).statusCode).toBe(200);
    });
  }
});
