import { describe, expect, it } from 'vitest';
import type { BinaryAssociation, InsufficientData, NumericAssociation } from './association.js';
import { ASSOCIATION_DISCLAIMER, describeAssociation } from './wording.js';

const labels = { factor: 'you did paced breathing', outcome: 'your pain', unit: 'points' };
const minimum = { pairedDays: 14, perGroup: 5 };

function binary(difference: number, lower: number, upper: number, lagDays = 1): BinaryAssociation {
  return {
    status: 'ok',
    kind: 'binary',
    lagDays,
    pairedDays: 30,
    minimum,
    nWith: 18,
    nWithout: 12,
    meanWith: 3,
    meanWithout: 3 - difference,
    difference,
    ci: { lower, upper, level: 0.95 },
    df: 25,
    hedgesG: difference,
  };
}

describe('describeAssociation', () => {
  it('words a clear difference as an association with its interval and counts', () => {
    expect(describeAssociation(binary(-0.8, -1.4, -0.2), labels)).toBe(
      'On days you did paced breathing, your pain the next day was 0.8 points lower on average ' +
        '(95 % CI 0.2 to 1.4; 18 vs 12 days). This is an association, not proof that one causes the other.',
    );
    expect(describeAssociation(binary(1.25, 0.3, 2.2, 0), labels)).toBe(
      'On days you did paced breathing, your pain the same day was 1.3 points higher on average ' +
        `(95 % CI 0.3 to 2.2; 18 vs 12 days). ${ASSOCIATION_DISCLAIMER}`,
    );
  });

  it('says when the interval includes no difference', () => {
    expect(describeAssociation(binary(-0.3, -1.1, 0.5, 2), labels)).toBe(
      'On days you did paced breathing, your pain 2 days later was 0.3 points lower on average ' +
        '(95 % CI from 1.1 lower to 0.5 higher; 18 vs 12 days). The interval includes no difference, so this may be chance. ' +
        ASSOCIATION_DISCLAIMER,
    );
    expect(describeAssociation(binary(0.02, -0.6, 0.64), labels)).toContain(
      'was about the same on average (95 % CI from 0.6 lower to 0.6 higher; 18 vs 12 days). The interval includes no difference',
    );
  });

  it('words a correlation without causal language', () => {
    const r: NumericAssociation = {
      status: 'ok',
      kind: 'numeric',
      method: 'spearman',
      lagDays: 0,
      pairedDays: 24,
      minimum,
      r: -0.42,
      ci: { lower: -0.68, upper: -0.06, level: 0.95 },
    };
    const text = describeAssociation(r, { ...labels, factor: 'sleep quality' });
    expect(text).toBe(
      'On days with higher sleep quality, your pain the same day tended to be lower ' +
        `(Spearman r = \u22120.42, 95 % CI \u22120.68 to \u22120.06; 24 days). ${ASSOCIATION_DISCLAIMER}`,
    );
    expect(text).not.toMatch(/\bcause[sd]?\b(?! the other)/);
    const weak = describeAssociation(
      { ...r, method: 'pearson', r: 0.001, ci: { lower: -0.3, upper: 0.3, level: 0.95 } },
      labels,
    );
    expect(weak).toContain(
      'showed no clear trend (Pearson r = 0.00, 95 % CI \u22120.30 to 0.30; 24 days). The interval includes no association',
    );
    const up = describeAssociation(
      { ...r, r: 0.5, ci: { lower: 0.1, upper: 0.8, level: 0.95 } },
      labels,
    );
    expect(up).toContain('tended to be higher');
  });

  it('gives no number below the minimum-data rule', () => {
    const insufficient: InsufficientData = {
      status: 'insufficient-data',
      kind: 'binary',
      lagDays: 1,
      pairedDays: 9,
      minimum,
      nWith: 3,
      nWithout: 6,
      needed: { pairedDays: 5, withFactor: 2, withoutFactor: 0 },
    };
    expect(describeAssociation(insufficient, labels)).toBe(
      'Not enough data yet: this needs at least 14 days with both records and at least 5 days in each group (so far 9 days: 3 with, 6 without).',
    );
    expect(
      describeAssociation(
        { ...insufficient, kind: 'numeric', nWith: undefined, nWithout: undefined },
        labels,
      ),
    ).toBe('Not enough data yet: this needs at least 14 days with both records (so far 9).');
    expect(
      describeAssociation({ ...insufficient, nWith: undefined, nWithout: undefined }, labels),
    ).toContain('0 with, 0 without');
    expect(
      describeAssociation(
        { status: 'no-variation', kind: 'numeric', lagDays: 0, pairedDays: 20, minimum },
        labels,
      ),
    ).toMatch(/nothing to compare/);
  });
});
