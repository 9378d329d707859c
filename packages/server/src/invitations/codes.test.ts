import { describe, expect, it } from 'vitest';
import { invitationCodeHash, newInvitationCode, normalizeInvitationCode } from './codes.js';

describe('invitation codes', () => {
  it('are 10 unambiguous characters shown in groups of 4-4-2', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = newInvitationCode();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{2}$/);
      expect(normalizeInvitationCode(code)).toBe(code.replaceAll('-', ''));
    }
  });

  it('accept any case, dashes and spaces, and refuse what cannot be a code', () => {
    expect(normalizeInvitationCode('k7qm-2xpd-9r')).toBe('K7QM2XPD9R');
    expect(normalizeInvitationCode(' K7QM 2XPD 9R ')).toBe('K7QM2XPD9R');
    expect(normalizeInvitationCode('K7QM2XPD9')).toBeNull();
    expect(normalizeInvitationCode('K7QM2XPD9RR')).toBeNull();
    expect(normalizeInvitationCode('O7QM2XPD9R')).toBeNull();
    expect(normalizeInvitationCode('17QM2XPD9R')).toBeNull();
  });

  it('store a hash that differs per code', () => {
    expect(invitationCodeHash('K7QM2XPD9R')).not.toBe(invitationCodeHash('K7QM2XPD9S'));
    expect(invitationCodeHash('K7QM2XPD9R')).not.toContain('K7QM');
  });
});
