import { describe, expect, it } from 'vitest';
import {
  direction,
  nextCheckups,
  openQuestions,
  percent,
  startsAtOf,
  zoneToName,
} from './checkups';
import type { Appointment, VisitQuestion } from './types';

const PARIS = 'Europe/Paris';

function appointment(
  id: string,
  startsAt: string,
  localDate: string,
  overrides: Partial<Appointment> = {},
): Appointment {
  return {
    id,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
    localDate,
    localTime: '09:00',
    durationMinutes: 30,
    mode: 'in_person',
    location: null,
    note: null,
    status: 'scheduled',
    member: { id: 'dr', displayName: 'Dr. Rivera', discipline: 'prescriber' },
    createdBy: { id: 'p', displayName: 'Pat' },
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

const question = (id: string, appointmentId: string | null, answered = false): VisitQuestion => ({
  id,
  text: id,
  appointmentId,
  createdAt: `2026-03-0${id.length}T00:00:00.000Z`,
  answered: answered
    ? { at: '2026-03-09T00:00:00.000Z', by: { id: 'dr', displayName: 'Dr' } }
    : null,
});

describe('startsAtOf', () => {
  it("reads the date and time in the patient's zone, across the March DST change", () => {
    expect(startsAtOf('2026-03-27', '09:00', PARIS)).toBe('2026-03-27T08:00:00.000Z');
    expect(startsAtOf('2026-03-31', '09:00', PARIS)).toBe('2026-03-31T07:00:00.000Z');
    expect(startsAtOf('2026-03-31', '09:00', 'America/New_York')).toBe('2026-03-31T13:00:00.000Z');
  });

  it('refuses dates and times that are not real', () => {
    expect(startsAtOf('2026-02-30', '09:00', PARIS)).toBeNull();
    expect(startsAtOf('2026-03-31', '24:00', PARIS)).toBeNull();
    expect(startsAtOf('', '', PARIS)).toBeNull();
  });
});

describe('nextCheckups', () => {
  const now = '2026-03-20T10:00:00.000Z';
  it('keeps scheduled check-ups of the next 14 local days that are not over, soonest first', () => {
    const list = [
      appointment('later', '2026-04-02T07:00:00.000Z', '2026-04-02'),
      appointment('last-day', '2026-04-02T21:30:00.000Z', '2026-04-02'),
      appointment('too-late', '2026-04-03T07:00:00.000Z', '2026-04-03'),
      appointment('cancelled', '2026-03-25T08:00:00.000Z', '2026-03-25', { status: 'cancelled' }),
      appointment('over', '2026-03-20T09:00:00.000Z', '2026-03-20'),
      appointment('now', '2026-03-20T09:45:00.000Z', '2026-03-20'),
      appointment('soon', '2026-03-21T08:00:00.000Z', '2026-03-21'),
    ];
    expect(nextCheckups(list, PARIS, now).map((a) => a.id)).toEqual([
      'now',
      'soon',
      'later',
      'last-day',
    ]);
  });

  it("counts the days by the patient's local date (as the API gives it)", () => {
    // 23:30 on 2 April in Paris: 3 April in UTC, still the 14th day for the patient.
    const list = [appointment('x', '2026-04-02T21:30:00.000Z', '2026-04-02')];
    expect(nextCheckups(list, PARIS, now)).toHaveLength(1);
    expect(nextCheckups(list, PARIS, now, 13)).toEqual([]);
  });
});

describe('zoneToName', () => {
  it("names the patient's zone only when the viewer's differs", () => {
    expect(zoneToName(PARIS, PARIS)).toBeNull();
    expect(zoneToName(PARIS, 'America/New_York')).toBe(PARIS);
  });
});

describe('openQuestions', () => {
  it('groups open questions by coming check-up and keeps the rest for the next visit', () => {
    const upcoming = [
      appointment('a1', '2026-03-25T08:00:00.000Z', '2026-03-25'),
      appointment('gone', '2026-03-26T08:00:00.000Z', '2026-03-26', { status: 'cancelled' }),
    ];
    const { forCheckup, forNext } = openQuestions(
      [
        question('q1', 'a1'),
        question('q22', 'a1'),
        question('q333', null),
        question('q4444', 'past-visit'),
        question('q55555', 'a1', true),
        question('q666666', 'gone'),
      ],
      upcoming,
    );
    expect(forCheckup.get('a1')?.map((q) => q.id)).toEqual(['q1', 'q22']);
    expect(forCheckup.has('gone')).toBe(false);
    expect(forNext.map((q) => q.id)).toEqual(['q333', 'q4444', 'q666666']);
  });
});

describe('direction and percent', () => {
  it('reads a comparison', () => {
    expect(direction({ before: 7, since: 3.5, change: -3.5 })).toBe('down');
    expect(direction({ before: 3, since: 4, change: 1 })).toBe('up');
    expect(direction({ before: 3, since: 3, change: 0 })).toBe('same');
    expect(direction({ before: null, since: 3, change: null })).toBeNull();
    expect(percent(0.52)).toBe(52);
    expect(percent(0.9)).toBe(90);
  });
});
