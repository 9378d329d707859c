import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { writeCalendar, type FeedEvent } from './ics.js';

const event = (overrides: Partial<FeedEvent> = {}): FeedEvent => ({
  uid: 'dose-2026-03-09T08:00@feed.steady',
  start: new Date('2026-03-09T12:00:00.000Z'),
  durationMinutes: 5,
  title: 'Dose: 5 mg',
  description: 'Diazepam 5 mg as prescribed.',
  location: null,
  alarmsMinutesBefore: [0],
  ...overrides,
});

const parse = (text: string) => new ICAL.Component(ICAL.parse(text) as unknown[]);

describe('writeCalendar', () => {
  it('writes UTC instants and a reminder at the start as an absolute trigger', () => {
    const text = writeCalendar([event()]);
    expect(text).toContain('DTSTART:20260309T120000Z');
    expect(text).toContain('TRIGGER;VALUE=DATE-TIME:20260309T120000Z');
    const [vevent] = parse(text).getAllSubcomponents('vevent');
    expect(vevent?.getFirstPropertyValue('uid')).toBe('dose-2026-03-09T08:00@feed.steady');
    expect(vevent?.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(vevent?.getFirstPropertyValue('class')).toBe('PRIVATE');
  });

  it('writes reminders before the start as negative durations', () => {
    const text = writeCalendar([event({ alarmsMinutesBefore: [1440, 90], location: 'Room 4' })]);
    const [vevent] = parse(text).getAllSubcomponents('vevent');
    const triggers = (vevent?.getAllSubcomponents('valarm') ?? []).map((a) =>
      String(a.getFirstPropertyValue('trigger')),
    );
    expect(triggers).toEqual(['-PT24H', '-PT1H30M']);
    expect(vevent?.getFirstPropertyValue('location')).toBe('Room 4');
  });

  it('writes a valid empty calendar when nothing is coming', () => {
    const calendar = parse(writeCalendar([]));
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Steady');
  });
});
