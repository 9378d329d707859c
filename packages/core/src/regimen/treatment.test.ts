import { describe, expect, it } from 'vitest';
import { twiceDaily } from './fixtures.test-helpers.js';
import { daysSinceRegimenStart } from './treatment.js';

describe('daysSinceRegimenStart', () => {
  const zone = 'Europe/Berlin';
  it('counts from the first day of treatment, through version changes', () => {
    const v2 = {
      ...twiceDaily,
      id: 'r2',
      version: 2,
      startDate: '2026-01-10',
      createdAt: '2026-01-09T12:00:00.000Z',
    };
    expect(daysSinceRegimenStart([twiceDaily, v2], '2026-01-01', zone)).toBe(0);
    expect(daysSinceRegimenStart([twiceDaily, v2], '2026-01-15', zone)).toBe(14);
    expect(daysSinceRegimenStart([twiceDaily], '2025-12-31', zone)).toBeNull();
  });

  it('restarts after a gap and ignores regimens with nothing to take', () => {
    const first = { ...twiceDaily, endDate: '2026-01-05' };
    const second = {
      ...twiceDaily,
      id: 'r2',
      startDate: '2026-01-08',
      createdAt: '2026-01-07T12:00:00.000Z',
    };
    expect(daysSinceRegimenStart([first, second], '2026-01-10', zone)).toBe(2);
    const empty = {
      ...twiceDaily,
      id: 'r3',
      doses: [],
      startDate: '2026-01-20',
      createdAt: '2026-01-19T12:00:00.000Z',
    };
    expect(daysSinceRegimenStart([twiceDaily, empty], '2026-01-21', zone)).toBeNull();
    const prn = { ...empty, asNeeded: { amountMg: 2, minIntervalHours: 6, maxPerDay: 2 } };
    expect(daysSinceRegimenStart([twiceDaily, prn], '2026-01-21', zone)).toBe(20);
  });

  it('rejects an invalid date', () => {
    expect(() => daysSinceRegimenStart([twiceDaily], '2026-13-01', zone)).toThrow(RangeError);
  });
});
