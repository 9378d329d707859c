import { describe, expect, it } from 'vitest';
import { dueState } from './due.js';

const weekly = { startDate: '2026-03-02', cadenceDays: 7 };

describe('dueState', () => {
  it('is not due before the start date, and names the start as next', () => {
    expect(dueState({ ...weekly, today: '2026-03-01', lastAnsweredOn: null })).toEqual({
      due: false,
      dueSince: null,
      nextDue: '2026-03-02',
    });
  });

  it('is due on the start date when never answered', () => {
    expect(dueState({ ...weekly, today: '2026-03-02', lastAnsweredOn: null })).toEqual({
      due: true,
      dueSince: '2026-03-02',
      nextDue: '2026-03-02',
    });
  });

  it('counts an answer given on the due date, and moves on by the cadence', () => {
    expect(dueState({ ...weekly, today: '2026-03-02', lastAnsweredOn: '2026-03-02' })).toEqual({
      due: false,
      dueSince: null,
      nextDue: '2026-03-09',
    });
    expect(dueState({ ...weekly, today: '2026-03-08', lastAnsweredOn: '2026-03-02' }).due).toBe(
      false,
    );
    expect(dueState({ ...weekly, today: '2026-03-09', lastAnsweredOn: '2026-03-02' })).toEqual({
      due: true,
      dueSince: '2026-03-09',
      nextDue: '2026-03-09',
    });
  });

  it('counts a late answer for the period it falls in', () => {
    // Due on the 2nd, answered on the 5th: done until the 9th.
    expect(dueState({ ...weekly, today: '2026-03-06', lastAnsweredOn: '2026-03-05' })).toEqual({
      due: false,
      dueSince: null,
      nextDue: '2026-03-09',
    });
  });

  it('collapses missed periods into one due item since the first missed date', () => {
    expect(dueState({ ...weekly, today: '2026-03-30', lastAnsweredOn: '2026-03-03' })).toEqual({
      due: true,
      dueSince: '2026-03-09',
      nextDue: '2026-03-09',
    });
    expect(dueState({ ...weekly, today: '2026-03-30', lastAnsweredOn: null }).dueSince).toBe(
      '2026-03-02',
    );
  });

  it('counts an answer given before the assignment started as not answering it', () => {
    expect(dueState({ ...weekly, today: '2026-03-02', lastAnsweredOn: '2026-03-01' }).due).toBe(
      true,
    );
  });

  it('steps over month ends and leap days by calendar days', () => {
    const monthly = { startDate: '2028-01-31', cadenceDays: 30 };
    expect(dueState({ ...monthly, today: '2028-03-01', lastAnsweredOn: '2028-01-31' })).toEqual({
      due: true,
      dueSince: '2028-03-01',
      nextDue: '2028-03-01',
    });
    const quarterly = { startDate: '2026-01-15', cadenceDays: 91 };
    expect(
      dueState({ ...quarterly, today: '2026-04-15', lastAnsweredOn: '2026-01-15' }).nextDue,
    ).toBe('2026-04-16');
  });

  it('steps by whole days across a daylight-saving change (dates, not hours)', () => {
    // US clocks go forward on 2026-03-08: the daily due date still moves one date a day.
    const daily = { startDate: '2026-03-07', cadenceDays: 1 };
    expect(dueState({ ...daily, today: '2026-03-08', lastAnsweredOn: '2026-03-07' })).toEqual({
      due: true,
      dueSince: '2026-03-08',
      nextDue: '2026-03-08',
    });
    expect(dueState({ ...daily, today: '2026-03-08', lastAnsweredOn: '2026-03-08' }).nextDue).toBe(
      '2026-03-09',
    );
  });

  it('refuses a cadence that is not a whole number of days', () => {
    expect(() =>
      dueState({ ...weekly, cadenceDays: 0, today: '2026-03-02', lastAnsweredOn: null }),
    ).toThrow(RangeError);
    expect(() =>
      dueState({ ...weekly, cadenceDays: 1.5, today: '2026-03-02', lastAnsweredOn: null }),
    ).toThrow(RangeError);
  });
});
