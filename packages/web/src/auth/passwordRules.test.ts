import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/client';
import { isTooShort, passwordLength, passwordReasonOf } from './passwordRules';

describe('password rules in the form', () => {
  it('counts characters as people do, after NFKC', () => {
    expect(passwordLength('🐢🐢🐢')).toBe(3);
    expect(passwordLength('cafe\u0301')).toBe(4);
    expect(isTooShort('elevenchars')).toBe(true);
    expect(isTooShort('twelve chars')).toBe(false);
    expect(isTooShort('🐢🐕🐈🐇🐓🐖🐄🐑🐐🐎🐁')).toBe(true);
  });

  it('reads the reason of a refused password from the API error', () => {
    const refused = (details: unknown) =>
      new ApiError(400, 'STEADY_ERR_VALIDATION', 'Check the highlighted fields.', details);
    expect(
      passwordReasonOf(refused([{ path: '/body/password', reason: 'common', message: 'x' }])),
    ).toBe('common');
    expect(passwordReasonOf(refused([{ path: '/body/email', message: 'x' }]))).toBeNull();
    expect(passwordReasonOf(refused([{ path: '/body/password', reason: 'odd' }]))).toBeNull();
    expect(passwordReasonOf(refused(undefined))).toBeNull();
    expect(passwordReasonOf(new ApiError(429, 'STEADY_ERR_RATE_LIMITED', 'Wait.'))).toBeNull();
    expect(passwordReasonOf(new Error('network'))).toBeNull();
  });
});
