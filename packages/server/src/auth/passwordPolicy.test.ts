import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { COMMON_PASSWORDS } from './commonPasswords.js';
import { hashPassword, verifyPassword } from './passwords.js';
import {
  assertNewPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  normalizePassword,
  passwordProblem,
} from './passwordPolicy.js';

describe('the bundled list of common passwords', () => {
  const list = COMMON_PASSWORDS.split('\n');

  it('holds thousands of lower-cased, NFKC passwords of 8 characters or more, once each', () => {
    expect(list.length).toBeGreaterThan(10_000);
    expect(new Set(list).size).toBe(list.length);
    for (const entry of list) {
      expect(Array.from(entry).length).toBeGreaterThanOrEqual(8);
      expect(entry).toBe(normalizePassword(entry).toLowerCase());
      expect(entry).not.toMatch(/\s/);
    }
    expect(list.slice(0, 3)).toEqual(['password', '12345678', '123456789']);
  });
});

describe('passwordProblem (NIST SP 800-63B rules for a new password)', () => {
  it('accepts long passphrases, in any script, with no composition rules', () => {
    for (const ok of [
      'correct horse battery staple',
      'a long enough password',
      'alllowercaseletters',
      'mot de passe très sûr',
      'пароль для дома и сада',
      '日本語のパスワードです長い',
      '🐢 slow and steady 🐢 wins',
    ]) {
      expect(passwordProblem(ok), ok).toBeNull();
    }
  });

  it(`needs at least ${String(MIN_PASSWORD_LENGTH)} characters, counted as characters after NFKC`, () => {
    expect(passwordProblem('elevenchars')).toBe('too-short');
    expect(passwordProblem('twelve chars')).toBeNull();
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(passwordProblem('🐢🐕🐈🐇🐓🐖🐄🐑🐐🐎🐁')).toBe('too-short');
    // The ligatures "ﬁ" and "ﬂ" (one character each) become "fi" and "fl" under NFKC: 11 → 14.
    expect(Array.from('ﬁrst ﬂoorﬁx')).toHaveLength(11);
    expect(passwordProblem('ﬁrst ﬂoorﬁx')).toBeNull();
  });

  it(`allows ${String(MAX_PASSWORD_LENGTH)} characters (NIST: at least 64) and no more`, () => {
    const words = 'river stone cloud maple ';
    const long = words.repeat(20).slice(0, MAX_PASSWORD_LENGTH);
    expect(passwordProblem(long)).toBeNull();
    expect(passwordProblem(`${long}x`)).toBe('too-long');
  });

  it('refuses passwords from the bundled list, whatever their case and spaces', () => {
    for (const bad of ['password1234', 'PASSWORD1234', 'Password 1234', 'passwordpassword']) {
      expect(passwordProblem(bad), bad).toBe('common');
    }
  });

  it('refuses repeated and straight runs of characters', () => {
    for (const bad of [
      'aaaaaaaaaaaa',
      'abcabcabcabc',
      '234567890123',
      '098765432109',
      'abcdefghijklm',
      'zyxwvutsrqpo',
    ]) {
      expect(passwordProblem(bad), bad).toBe('repetitive');
    }
  });

  it('refuses passwords made of the email name, the display name or "steady"', () => {
    const context = { email: 'robin.case@example.org', displayName: 'Robin Case' };
    for (const bad of [
      'robin.case2024',
      'RobinCase!!!!',
      'steady steady!',
      'Steady-2024!',
      'case robin robin',
      'robinpassword1',
    ]) {
      expect(passwordProblem(bad, context), bad).toBe('context');
    }
    // A context word inside a longer password is fine.
    expect(passwordProblem('robin likes green tea', context)).toBeNull();
    expect(passwordProblem('slow and steady wins', context)).toBeNull();
  });

  it('throws a validation error naming the field and the reason', () => {
    let error: unknown;
    try {
      assertNewPassword('password1234', {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('STEADY_ERR_VALIDATION');
    expect((error as AppError).details).toEqual([
      { path: '/body/password', reason: 'common', message: expect.any(String) as string },
    ]);
    expect(() => {
      assertNewPassword('correct horse battery staple', { email: 'a@b.org' });
    }).not.toThrow();
  });
});

describe('password hashing', () => {
  it('compares the NFKC form, so composed and decomposed accents match', async () => {
    const composed = 'caf\u00e9 au lait chaud';
    const decomposed = 'cafe\u0301 au lait chaud';
    const stored = await hashPassword(composed);
    expect(await verifyPassword(stored, decomposed)).toBe(true);
    expect(await verifyPassword(stored, 'cafe au lait chaud')).toBe(false);
  });
});
