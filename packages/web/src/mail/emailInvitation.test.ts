import { describe, expect, it } from 'vitest';
import {
  emailNotice,
  emailToSend,
  isEmailFieldValid,
  type InvitationCreated,
} from './emailInvitation';

const created = (
  emailed: boolean,
  emailError: InvitationCreated['emailError'],
): InvitationCreated => ({
  invitation: {
    code: 'K7QM-2XPD-9R',
    url: '/join/K7QM-2XPD-9R',
    expiresAt: '2026-03-24T12:00:00.000Z',
    kind: 'clinician-invites-patient',
  },
  emailed,
  emailError,
});

describe('the optional email field', () => {
  it('sends nothing when left empty or blank', () => {
    expect(emailToSend('')).toBeUndefined();
    expect(emailToSend('   ')).toBeUndefined();
    expect(isEmailFieldValid('  ')).toBe(true);
  });

  it('sends a trimmed address', () => {
    expect(emailToSend('  kim@example.org ')).toBe('kim@example.org');
    expect(isEmailFieldValid('  kim@example.org ')).toBe(true);
  });

  it.each(['kim', 'kim@', '@example.org', 'kim@example', 'kim @example.org', 'a@b@c.org'])(
    'refuses %j',
    (value) => {
      expect(isEmailFieldValid(value)).toBe(false);
    },
  );

  it('refuses an address longer than 254 characters', () => {
    expect(isEmailFieldValid(`${'k'.repeat(243)}@example.org`)).toBe(false);
    expect(isEmailFieldValid(`${'k'.repeat(242)}@example.org`)).toBe(true);
  });
});

describe('emailNotice', () => {
  it('says nothing about email when no address was given', () => {
    expect(emailNotice(created(false, null), undefined)).toBeNull();
  });

  it('names the address when the invitation was emailed', () => {
    expect(emailNotice(created(true, null), 'kim@example.org')).toEqual({
      kind: 'sent',
      to: 'kim@example.org',
    });
  });

  it('gives the reason when it was not', () => {
    expect(emailNotice(created(false, 'limit-reached'), 'kim@example.org')).toEqual({
      kind: 'not-sent',
      to: 'kim@example.org',
      reason: 'limit-reached',
    });
    expect(emailNotice(created(false, null), 'kim@example.org')).toEqual({
      kind: 'not-sent',
      to: 'kim@example.org',
      reason: 'send-failed',
    });
  });
});
