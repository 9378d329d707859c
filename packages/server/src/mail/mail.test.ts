import { describe, expect, it } from 'vitest';
import { expiryDate, invitationEmail } from './invitationEmail.js';
import { createSmtpMailer, failureOf } from './mailer.js';
import { startSmtpReceiver } from './smtp.test-helpers.js';

describe('failureOf', () => {
  it('keeps the codes and drops the text (it can repeat an address or a password)', () => {
    const error = Object.assign(new Error('550 Mailbox unavailable: a@b.org (pass hunter2)'), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 Mailbox unavailable: a@b.org',
    });
    expect(failureOf(error)).toEqual({ code: 'EENVELOPE', responseCode: 550 });
  });

  it('answers EUNKNOWN for anything without a plain code', () => {
    expect(failureOf('boom')).toEqual({ code: 'EUNKNOWN', responseCode: null });
    expect(failureOf({ code: 'a@b.org' })).toEqual({ code: 'EUNKNOWN', responseCode: null });
  });
});

describe('invitationEmail', () => {
  it("dates the expiry in the sender's zone, with the month in words", () => {
    expect(expiryDate('2026-03-24T23:30:00Z', 'Europe/London')).toBe('24 March 2026');
    expect(expiryDate('2026-03-24T23:30:00Z', 'Australia/Sydney')).toBe('25 March 2026');
    expect(expiryDate('2026-03-24T03:30:00Z', 'America/Los_Angeles')).toBe('23 March 2026');
  });

  it('leaves the clinic out when the clinician has none', () => {
    const { subject, text } = invitationEmail({
      kind: 'clinician-invites-patient',
      memberKind: null,
      from: { displayName: 'Dr. Lone', clinicName: null },
      code: 'K7QM-2XPD-9R',
      link: 'https://steady.example.org/join/K7QM-2XPD-9R',
      expiresAt: '2026-03-24T12:00:00Z',
      timeZone: 'UTC',
    });
    expect(subject).toBe('Dr. Lone invites you to Steady');
    expect(text).toContain('\nDr. Lone invites you to connect with them on Steady');
    expect(text).toContain('you choose what Dr. Lone can see');
  });
});

describe('createSmtpMailer', () => {
  it('reports a server that cannot be reached as a code, without the password', async () => {
    const gone = await startSmtpReceiver();
    await gone.close();
    const mailer = createSmtpMailer({
      smtp: { host: '127.0.0.1', port: gone.port, secure: false, user: 'u', password: 'hunter2' },
      from: 'steady@example.org',
      publicUrl: 'https://steady.example.org',
    });
    const result = await mailer.send({ to: 'a@example.org', subject: 'Hi', text: 'Hello' });
    expect(result).toEqual({ sent: false, failure: { code: 'ESOCKET', responseCode: null } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('refuses to send a password in clear to a server elsewhere (STARTTLS required)', async () => {
    const receiver = await startSmtpReceiver({ credentials: { user: 'u', password: 'hunter2' } });
    try {
      // An IPv4-mapped address is not taken for this machine, so STARTTLS is required — and the
      // test server does not offer it.
      const mailer = createSmtpMailer({
        smtp: {
          host: '::ffff:127.0.0.1',
          port: receiver.port,
          secure: false,
          user: 'u',
          password: 'hunter2',
        },
        from: 'steady@example.org',
        publicUrl: 'https://steady.example.org',
      });
      const result = await mailer.send({ to: 'a@example.org', subject: 'Hi', text: 'Hello' });
      expect(result).toMatchObject({ sent: false, failure: { code: 'ETLS' } });
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
