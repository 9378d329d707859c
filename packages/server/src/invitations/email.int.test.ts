/**
 * Invitation email over SMTP, against a real SMTP server on loopback: emailed when configured
 * and an address is given; otherwise (not configured, refused, over the hourly limit) the
 * invitation is made all the same and the answer says why it was not emailed.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, invitations } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { startSmtpReceiver, type SmtpReceiver } from '../mail/smtp.test-helpers.js';
import { addClinician, createClinicFixture, type ClinicFixture } from '../testing/careteam.js';
import {
  checkInBody,
  regimenBody,
  registerPatient,
  type Client,
  type Harness,
} from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { EMAILS_PER_HOUR } from './email.js';

const HOUR = 3_600_000;
const LOGIN = { user: 'steady-mailer', password: 'smtp-s3cret-pa55word' };
const PUBLIC_URL = 'https://steady.example.org';
const FROM = 'Steady <steady@clinic.example.org>';

interface Created {
  invitation: { code: string; url: string; expiresAt: string; kind: string };
  emailed: boolean;
  emailError: string | null;
}

// The receivers start before the suites' apps (file-level hooks run first), and each suite
// reads its environment when its app is built, so the ports are known by then.
const accepting: Record<string, string> = {};
const refusing: Record<string, string> = {};
let inbox: SmtpReceiver;
let refuser: SmtpReceiver;

beforeAll(async () => {
  inbox = await startSmtpReceiver({ credentials: LOGIN });
  refuser = await startSmtpReceiver({ refuseRecipients: true });
  const mail = { STEADY_MAIL_FROM: FROM, STEADY_PUBLIC_URL: PUBLIC_URL };
  Object.assign(accepting, { ...mail, STEADY_SMTP_URL: inbox.url(LOGIN) });
  Object.assign(refusing, { ...mail, STEADY_SMTP_URL: refuser.url() });
});

afterAll(async () => {
  await inbox.close();
  await refuser.close();
});

const emailAudits = (h: Harness, invitationId?: string) =>
  h.database.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'invitation.email'),
        invitationId === undefined ? undefined : eq(auditLog.entityId, invitationId),
      ),
    );

async function invitationIdOf(h: Harness, createdBy: string): Promise<string> {
  const rows = await h.database.db
    .select({ id: invitations.id, at: invitations.createdAt })
    .from(invitations)
    .where(eq(invitations.createdBy, createdBy));
  const newest = rows.sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  if (newest === undefined) throw new Error('no invitation');
  return newest.id;
}

/** A patient with health data that must never appear in an email. */
async function patientWithHealthData(h: Harness, marker: string): Promise<Client> {
  const patient = await registerPatient(h.app, {
    displayName: 'Pat Example',
    timeZone: 'Europe/London',
  });
  const base = `/api/patients/${patient.userId}`;
  const writes = [
    await patient.post(`${base}/regimen`, regimenBody('2026-03-01', { indication: marker })),
    await patient.post(`${base}/medications`, { name: `Oxycodone ${marker}`, dose: '5 mg' }),
    await patient.post(`${base}/checkins`, checkInBody({ note: `Bad night ${marker}` })),
  ];
  for (const res of writes) expect(res.statusCode, res.body).toBe(201);
  return patient;
}

describeOnDatabases(
  'invitation email (SMTP configured)',
  (harness) => {
    let h: Harness;
    let clinic: ClinicFixture;
    let prescriber: Client;

    beforeAll(async () => {
      h = harness();
      clinic = await createClinicFixture(h, 'Riverside Pain Clinic');
      prescriber = await addClinician(h, clinic, 'prescriber', 'Dr. Rivera');
    });

    const lastMail = () => {
      const mail = inbox.received.at(-1);
      if (mail === undefined) throw new Error('nothing received');
      return mail;
    };

    it('tells the web app that invitations can be emailed (signed-in users only)', async () => {
      const res = await prescriber.get('/api/config');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ emailInvitations: true });
      const patient = await registerPatient(h.app);
      expect((await patient.get('/api/config')).json()).toEqual({ emailInvitations: true });
      const anonymous = await h.app.inject({ method: 'GET', url: '/api/config' });
      expectError(anonymous, 401, 'STEADY_ERR_UNAUTHENTICATED');
    });

    it('emails a clinician’s invitation: who invites, the link with the code, the expiry date', async () => {
      const before = inbox.received.length;
      const to = `new.patient.${randomUUID().slice(0, 6)}@example.org`;
      const res = await prescriber.post('/api/invitations', {
        note: 'Mrs K, seen for back pain',
        email: to,
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<Created>();
      expect(body).toMatchObject({ emailed: true, emailError: null });
      expect(Object.keys(body.invitation).sort()).toEqual(['code', 'expiresAt', 'kind', 'url']);
      const { code } = body.invitation;

      expect(inbox.received).toHaveLength(before + 1);
      const mail = lastMail();
      expect(mail.envelopeTo).toEqual([to]);
      expect(mail.envelopeFrom).toBe('steady@clinic.example.org');
      expect(mail.headers.from).toBe('Steady <steady@clinic.example.org>');
      expect(mail.headers.to).toBe(to);
      expect(mail.headers.subject).toBe('Dr. Rivera invites you to Steady');
      expect(mail.headers['content-type']).toMatch(/^text\/plain; charset=utf-8/);
      expect(mail.headers['auto-submitted']).toBe('auto-generated');
      expect(mail.text).toContain(
        'Dr. Rivera (Riverside Pain Clinic) invites you to connect with them on Steady',
      );
      expect(mail.text).toContain(`\n${PUBLIC_URL}/join/${code}\n`);
      expect(mail.text).toContain(`enter this invitation code: ${code}`);
      // 10 March 12:00 UTC + 14 days.
      expect(mail.text).toContain('valid until 24 March 2026');
      // The note is for the clinician's records only.
      expect(mail.raw).not.toContain('Mrs K');
      expect(mail.raw).not.toContain('back pain');
      expect(mail.raw).not.toContain(LOGIN.password);

      // The emailed link works.
      const lookup = await h.app.inject({ method: 'GET', url: `/api/invitations/${code}` });
      expect(lookup.statusCode).toBe(200);

      // Audited with ids only: no address anywhere in the audit log.
      const id = await invitationIdOf(h, prescriber.userId);
      const audits = await emailAudits(h, id);
      expect(audits).toEqual([
        expect.objectContaining({
          actorId: prescriber.userId,
          patientId: null,
          entityId: id,
          details: { sent: true },
        }),
      ]);
      const all = await h.database.db.select().from(auditLog);
      expect(JSON.stringify(all)).not.toContain(to);
    });

    it('emails a patient’s invitation to a caregiver without any health information', async () => {
      const marker = `zq${randomUUID().slice(0, 8)}`;
      const patient = await patientWithHealthData(h, marker);
      const to = 'helper@example.org';
      const res = await patient.post(`/api/patients/${patient.userId}/invitations`, {
        memberKind: 'caregiver',
        consent: {
          medications: true,
          checkins: true,
          questionnaires: false,
          notes: false,
          techniques: false,
          messages: true,
        },
        email: to,
      });
      expect(res.statusCode, res.body).toBe(201);
      const { invitation, emailed } = res.json<Created>();
      expect(emailed).toBe(true);
      const mail = lastMail();
      expect(mail.envelopeTo).toEqual([to]);
      expect(mail.headers.subject).toBe('Pat Example invites you to their care team on Steady');
      expect(mail.text).toContain(
        'Pat Example invites you to join their care team on Steady as a caregiver.',
      );
      expect(mail.text).toContain('You can create an account there');
      expect(mail.text).toContain(`${PUBLIC_URL}/join/${invitation.code}`);
      for (const secret of [marker, 'Oxycodone', 'diazepam', 'Diazepam', 'Bad night', 'pain']) {
        expect(mail.raw).not.toContain(secret);
      }
      for (const category of ['medications', 'check-ins', 'checkins', 'messages']) {
        expect(mail.text.toLowerCase()).not.toContain(category);
      }
      const id = await invitationIdOf(h, patient.userId);
      expect(await emailAudits(h, id)).toEqual([
        expect.objectContaining({ actorId: patient.userId, patientId: patient.userId }),
      ]);
    });

    it('words a clinician invitation for a clinician', async () => {
      const patient = await registerPatient(h.app, { displayName: 'Robin Park' });
      const res = await patient.post(`/api/patients/${patient.userId}/invitations`, {
        memberKind: 'clinician',
        email: 'physio@example.org',
      });
      expect(res.json<Created>().emailed).toBe(true);
      const mail = lastMail();
      expect(mail.text).toContain('join their care team on Steady as a clinician.');
      expect(mail.text).toContain('sign in with your clinician account');
    });

    it('sends nothing when no address is given', async () => {
      const before = inbox.received.length;
      const res = await prescriber.post('/api/invitations', {});
      expect(res.statusCode).toBe(201);
      expect(res.json<Created>()).toMatchObject({ emailed: false, emailError: null });
      expect(inbox.received).toHaveLength(before);
    });

    it('refuses an address that is not one, and makes no invitation', async () => {
      const patient = await registerPatient(h.app);
      const count = async () =>
        (await h.database.db.select().from(invitations)).filter((i) =>
          [prescriber.userId, patient.userId].includes(i.createdBy),
        ).length;
      const before = await count();
      for (const email of ['not an address', '', 'a@', `${'x'.repeat(250)}@example.org`, 42]) {
        const error = expectError(
          await prescriber.post('/api/invitations', { email }),
          400,
          'STEADY_ERR_VALIDATION',
          String(email),
        );
        expect(error.details).toEqual([expect.objectContaining({ path: '/body/email' })]);
        expectError(
          await patient.post(`/api/patients/${patient.userId}/invitations`, {
            memberKind: 'clinician',
            email,
          }),
          400,
          'STEADY_ERR_VALIDATION',
        );
      }
      expect(await count()).toBe(before);
    });

    it(`emails at most ${String(EMAILS_PER_HOUR)} invitations an hour per sender, and still makes the rest`, async () => {
      const busy = await addClinician(h, clinic, 'psychologist', 'Dr. Busy');
      const invite = async () => {
        const res = await busy.post('/api/invitations', { email: 'someone@example.org' });
        expect(res.statusCode, res.body).toBe(201);
        return res.json<Created>();
      };
      for (let i = 0; i < EMAILS_PER_HOUR; i += 1) expect((await invite()).emailed).toBe(true);
      const before = inbox.received.length;
      const over = await invite();
      expect(over).toMatchObject({ emailed: false, emailError: 'limit-reached' });
      expect(inbox.received).toHaveLength(before);
      const lookup = await h.app.inject({
        method: 'GET',
        url: `/api/invitations/${over.invitation.code}`,
      });
      expect(lookup.statusCode).toBe(200);
      // Another sender is not affected.
      expect(
        (await prescriber.post('/api/invitations', { email: 'other@example.org' })).json<Created>()
          .emailed,
      ).toBe(true);
      h.clock.advance(HOUR);
      expect((await invite()).emailed).toBe(true);
    });
  },
  accepting,
);

describeOnDatabases(
  'invitation email (server refuses the recipient)',
  (harness) => {
    let h: Harness;
    let prescriber: Client;

    beforeAll(async () => {
      h = harness();
      const clinic = await createClinicFixture(h, 'Hillside Clinic');
      prescriber = await addClinician(h, clinic, 'prescriber', 'Dr. Okafor');
    });

    it('keeps the invitation and says it was not emailed', async () => {
      const to = 'nobody.here@example.org';
      const res = await prescriber.post('/api/invitations', { email: to });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<Created>();
      expect(body).toMatchObject({ emailed: false, emailError: 'send-failed' });
      expect(res.body).not.toContain(to);
      expect(res.body).not.toContain('Mailbox unavailable');
      expect(refuser.received).toEqual([]);
      const lookup = await h.app.inject({
        method: 'GET',
        url: `/api/invitations/${body.invitation.code}`,
      });
      expect(lookup.statusCode).toBe(200);
      const id = await invitationIdOf(h, prescriber.userId);
      expect(await emailAudits(h, id)).toEqual([
        expect.objectContaining({ entityId: id, details: { sent: false } }),
      ]);
    });

    it('does the same for a patient’s invitation', async () => {
      const patient = await registerPatient(h.app);
      const res = await patient.post(`/api/patients/${patient.userId}/invitations`, {
        memberKind: 'caregiver',
        email: 'sister@example.org',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json<Created>()).toMatchObject({ emailed: false, emailError: 'send-failed' });
    });
  },
  refusing,
);

describeOnDatabases('invitation email (SMTP not configured)', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });

  it('tells the web app that invitations cannot be emailed', async () => {
    const patient = await registerPatient(h.app);
    const res = await patient.get('/api/config');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ emailInvitations: false });
  });

  it('makes the invitation and says email is not configured', async () => {
    const clinic = await createClinicFixture(h, 'Quiet Clinic');
    const prescriber = await addClinician(h, clinic, 'prescriber');
    const res = await prescriber.post('/api/invitations', { email: 'patient@example.org' });
    expect(res.statusCode).toBe(201);
    expect(res.json<Created>()).toMatchObject({ emailed: false, emailError: 'not-configured' });
    const patient = await registerPatient(h.app);
    const own = await patient.post(`/api/patients/${patient.userId}/invitations`, {
      memberKind: 'clinician',
      email: 'doctor@example.org',
    });
    expect(own.json<Created>()).toMatchObject({ emailed: false, emailError: 'not-configured' });
    expect(await emailAudits(h)).toEqual([]);
  });
});
