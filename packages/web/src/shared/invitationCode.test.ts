import { describe, expect, it } from 'vitest';
import { normaliseCode } from './invitationCode';

describe('normaliseCode', () => {
  it('drops spaces and upper-cases, keeping dashes', () => {
    expect(normaliseCode(' k7qm 2xpd-9r ')).toBe('K7QM2XPD-9R');
    expect(normaliseCode('   ')).toBe('');
  });
});
