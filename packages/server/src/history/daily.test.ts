import { addDays, localDateOf, localToInstant } from '@steady/core';
import { describe, expect, it } from 'vitest';
import { calendarFrom, datesFrom, localCalendar } from './daily.js';

// Zones with daylight-saving changes at 02:00 (New York), 01:00 UTC (London), at midnight
// (Havana, Santiago), by half an hour (Lord Howe), none (Kolkata), and a date-line jump (Apia).
const ZONES = [
  'America/New_York',
  'Europe/London',
  'America/Havana',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Apia',
];

describe('localCalendar', () => {
  it('lists the dates of a span, across month and year ends and a leap day', () => {
    expect(datesFrom('2027-12-30', '2028-01-02')).toEqual([
      '2027-12-30',
      '2027-12-31',
      '2028-01-01',
      '2028-01-02',
    ]);
    expect(datesFrom('2028-02-28', '2028-03-01')).toHaveLength(3);
    expect(datesFrom('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it.each(ZONES)('puts every day start where core does, in %s', (zone) => {
    const calendar = localCalendar('2010-12-25', '2012-01-05', zone);
    expect(calendar.dates).toHaveLength(377);
    const expected = [...calendar.dates, '2012-01-06'].map((d) =>
      Date.parse(localToInstant(d, '00:00', zone)),
    );
    expect(calendar.bounds).toEqual(expected);
  });

  it.each(ZONES)('finds the local day of an instant as core does, in %s', (zone) => {
    const calendar = localCalendar('2026-01-01', '2026-12-31', zone);
    const start = calendar.bounds[0] ?? 0;
    for (let at = start; at < start + 365 * 86_400_000; at += 3_600_000 * 7 + 60_000 * 13) {
      expect(calendar.dayOf(at)).toBe(localDateOf(new Date(at).toISOString(), zone));
    }
    expect(calendar.dayOf(start - 1)).toBeNull();
    expect(calendar.dayOf(calendar.bounds.at(-1) ?? 0)).toBeNull();
    expect(calendar.indexOf(Number.NaN)).toBe(-1);
  });

  it('keeps the instants when it starts later', () => {
    const calendar = localCalendar('2026-03-01', '2026-03-31', 'America/New_York');
    const later = calendarFrom(calendar, 7);
    expect(later.dates[0]).toBe('2026-03-08');
    expect(later.dates).toHaveLength(24);
    const noon = Date.parse(localToInstant('2026-03-08', '12:00', 'America/New_York'));
    expect(later.dayOf(noon)).toBe('2026-03-08');
    expect(later.indexOf(noon)).toBe(0);
    expect(
      later.dayOf(
        Date.parse(localToInstant(addDays('2026-03-08', -1), '12:00', 'America/New_York')),
      ),
    ).toBeNull();
  });
});
