import { describe, expect, it } from 'vitest';
import enReminders from '../i18n/en-reminders.json';
import type { NotificationView } from './api';
import { takenKey } from './api';
import {
  CAREGIVER_AFTER_CHOICES,
  choicesWith,
  groupByDay,
  minutesParts,
  offersTaken,
  relativeDay,
  REMIND_AGAIN_CHOICES,
  settingsProblem,
  takenCards,
  unreadIds,
} from './logic';

const note = (id: string, createdAt: string, over: Partial<NotificationView> = {}) =>
  ({
    id,
    kind: 'dose',
    patientId: 'p1',
    patientName: null,
    slotKey: '2026-03-10T08:00',
    localTime: '08:00',
    amountMg: 5,
    dueAt: createdAt,
    createdAt,
    readAt: null,
    silent: false,
    pushStatus: 'sent',
    dose: { status: 'pending' },
    ...over,
  }) satisfies NotificationView;

const SETTINGS = {
  enabled: true,
  remindAgainMinutes: 30,
  quietHours: null,
  caregiverNotice: false,
  caregiverAfterMinutes: 120,
};

describe('groupByDay', () => {
  it('groups newest-first notifications by the local day, in the user’s zone', () => {
    // 03:30 UTC on the 10th is still the 9th in New York (UTC−4 after the March change).
    const items = [
      note('a', '2026-03-10T14:00:00.000Z'),
      note('b', '2026-03-10T12:00:00.000Z'),
      note('c', '2026-03-10T03:30:00.000Z'),
      note('d', '2026-03-09T12:00:00.000Z'),
    ];
    const ny = groupByDay(items, 'America/New_York');
    expect(ny.map((g) => [g.date, g.items.map((i) => i.id)])).toEqual([
      ['2026-03-10', ['a', 'b']],
      ['2026-03-09', ['c', 'd']],
    ]);
    const tokyo = groupByDay(items, 'Asia/Tokyo');
    // Tokyo (UTC+9): all three of the 10th UTC fall on the 10th there.
    expect(tokyo.map((g) => [g.date, g.items.map((i) => i.id)])).toEqual([
      ['2026-03-10', ['a', 'b', 'c']],
      ['2026-03-09', ['d']],
    ]);
  });

  it('returns no groups for no notifications', () => {
    expect(groupByDay([], 'UTC')).toEqual([]);
  });
});

describe('relativeDay', () => {
  it('names today and yesterday in the user’s zone, and nothing older', () => {
    const now = '2026-03-10T02:00:00.000Z'; // the 9th, 22:00 in New York
    expect(relativeDay('2026-03-09', now, 'America/New_York')).toBe('today');
    expect(relativeDay('2026-03-08', now, 'America/New_York')).toBe('yesterday');
    expect(relativeDay('2026-03-07', now, 'America/New_York')).toBeNull();
    expect(relativeDay('2026-03-10', now, 'UTC')).toBe('today');
  });
});

describe('what the centre offers', () => {
  it('offers Taken only on the patient’s own open dose reminders', () => {
    expect(offersTaken(note('a', '2026-03-10T12:00:00.000Z'))).toBe(true);
    expect(offersTaken(note('b', '2026-03-10T12:00:00.000Z', { kind: 'again' }))).toBe(true);
    const taken = note('c', '2026-03-10T12:00:00.000Z', { dose: { status: 'taken' } });
    expect(offersTaken(taken)).toBe(false);
    const skipped = note('d', '2026-03-10T12:00:00.000Z', { dose: { status: 'skipped' } });
    expect(offersTaken(skipped)).toBe(false);
    const caregiver = note('e', '2026-03-10T12:00:00.000Z', { kind: 'caregiver', dose: null });
    expect(offersTaken(caregiver)).toBe(false);
    const test = note('f', '2026-03-10T12:00:00.000Z', { kind: 'test', slotKey: null, dose: null });
    expect(offersTaken(test)).toBe(false);
  });

  it('puts one Taken button per open dose: on its newest reminder', () => {
    const items = [
      note('again8', '2026-03-10T12:30:00.000Z', { kind: 'again' }),
      note('test', '2026-03-10T12:10:00.000Z', { kind: 'test', slotKey: null, dose: null }),
      note('dose8', '2026-03-10T12:00:00.000Z'),
      note('dose20', '2026-03-09T00:00:00.000Z', { slotKey: '2026-03-08T20:00' }),
      note('done', '2026-03-08T18:00:00.000Z', {
        slotKey: '2026-03-08T14:00',
        dose: { status: 'taken' },
      }),
    ];
    expect([...takenCards(items)]).toEqual(['again8', 'dose20']);
  });

  it('marks only the unread ones read', () => {
    const items = [
      note('a', '2026-03-10T12:00:00.000Z'),
      note('b', '2026-03-10T11:00:00.000Z', { readAt: '2026-03-10T11:30:00.000Z' }),
      note('c', '2026-03-10T10:00:00.000Z'),
    ];
    expect(unreadIds(items)).toEqual(['a', 'c']);
  });

  it('logs "Taken" with the key the push action uses too', () => {
    expect(takenKey('2026-03-10T08:00')).toBe('reminder-taken:2026-03-10T08:00');
  });
});

describe('settings choices', () => {
  it('offers off and 15 min to 2 h again, 30 min to 6 h for the caregiver', () => {
    expect(REMIND_AGAIN_CHOICES).toEqual([null, 15, 30, 60, 90, 120]);
    expect(CAREGIVER_AFTER_CHOICES).toEqual([30, 60, 120, 180, 240, 360]);
  });

  it('keeps a saved value that is not one of the choices, in order', () => {
    expect(choicesWith(REMIND_AGAIN_CHOICES, 45)).toEqual([null, 15, 30, 45, 60, 90, 120]);
    expect(choicesWith(REMIND_AGAIN_CHOICES, null)).toEqual([...REMIND_AGAIN_CHOICES]);
    expect(choicesWith(CAREGIVER_AFTER_CHOICES, 720)).toEqual([30, 60, 120, 180, 240, 360, 720]);
    expect(choicesWith(CAREGIVER_AFTER_CHOICES, 15)).toEqual([15, 30, 60, 120, 180, 240, 360]);
  });

  it('splits minutes for the words', () => {
    expect(minutesParts(15)).toEqual({ unit: 'minutes', count: 15 });
    expect(minutesParts(120)).toEqual({ unit: 'hours', count: 2 });
    expect(minutesParts(90)).toEqual({ unit: 'mixed', hours: 1, minutes: 30 });
  });

  it('refuses quiet hours that start and end at the same time, or are not filled in', () => {
    expect(settingsProblem(SETTINGS)).toBeNull();
    const quiet = (start: string, end: string) => ({ ...SETTINGS, quietHours: { start, end } });
    expect(settingsProblem(quiet('22:00', '07:00'))).toBeNull();
    expect(settingsProblem(quiet('07:00', '07:00'))).toBe('quietSame');
    expect(settingsProblem(quiet('', '07:00'))).toBe('quietMissing');
  });
});

describe('texts', () => {
  it('says plainly that the timings are a choice, not medical advice', () => {
    expect(enReminders.reminders.settings.yourChoice).toMatch(/not medical advice/);
    expect(enReminders.reminders.settings.yourChoice).toMatch(/prescriber/);
  });

  it('keeps drug names and amounts out of the reminder titles', () => {
    const c = enReminders.reminders.centre;
    for (const title of [c.dose, c.again, c.caregiver]) {
      expect(title).not.toMatch(/mg|amount|diazepam/i);
    }
  });
});
