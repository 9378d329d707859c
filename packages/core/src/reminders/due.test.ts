import { describe, expect, it } from 'vitest';
import { extraEvent, slotEvent, twiceDaily } from '../regimen/fixtures.test-helpers.js';
import type { LoggedDoseEvent } from '../regimen/doseLog.js';
import { addDays, localTimeOf, localToInstant, regimenOn } from '../regimen/slots.js';
import type { RegimenVersion } from '../regimen/types.js';
import {
  CAREGIVER_AFTER_MINUTES,
  DEFAULT_REMINDER_SETTINGS,
  REMIND_AGAIN_MINUTES,
  inQuietHours,
  remindersDue,
  type DueReminder,
  type ReminderSettings,
} from './due.js';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

/** A regimen like `twiceDaily` with other dose times (5 mg each). */
function at(...times: string[]): RegimenVersion {
  return { ...twiceDaily, doses: times.map((time) => ({ time, amountMg: 5 })) };
}

interface Ask {
  readonly versions?: readonly RegimenVersion[];
  readonly zone?: string;
  readonly settings?: Partial<ReminderSettings>;
  readonly events?: readonly LoggedDoseEvent[];
}

/** The reminders due in (from, to], both given as local "YYYY-MM-DDTHH:mm" in the zone. */
function due(from: string, to: string, ask: Ask = {}): DueReminder[] {
  const zone = ask.zone ?? BERLIN;
  return remindersDue({
    versions: ask.versions ?? [twiceDaily],
    timeZone: zone,
    settings: { ...DEFAULT_REMINDER_SETTINGS, ...ask.settings },
    events: ask.events ?? [],
    from: local(from, zone),
    to: local(to, zone),
  });
}

/** The reminders due on a whole local day (from its midnight, exclusive, to the next one). */
function onDay(date: string, ask: Ask = {}): DueReminder[] {
  return due(`${date}T00:00`, `${addDays(date, 1)}T00:00`, ask);
}

const local = (dateTime: string, zone: string): string =>
  localToInstant(dateTime.slice(0, 10), dateTime.slice(11, 16), zone);

/** "kind slotKey @ local due time" (plus "silent"), for readable expectations. */
const brief = (reminders: readonly DueReminder[], zone = BERLIN): string[] =>
  reminders.map(
    (r) => `${r.kind} ${r.slot.key} @${localTimeOf(r.dueAt, zone)}${r.silent ? ' silent' : ''}`,
  );

const quiet = (start: string, end: string) => ({ quietHours: { start, end } });

describe('defaults and bounds', () => {
  it('start with reminders on, a repeat after 30 minutes and no caregiver notice (Steady defaults)', () => {
    expect(DEFAULT_REMINDER_SETTINGS).toEqual({
      enabled: true,
      remindAgainMinutes: 30,
      quietHours: null,
      caregiverNotice: false,
      caregiverAfterMinutes: 120,
    });
    const again = DEFAULT_REMINDER_SETTINGS.remindAgainMinutes ?? 0;
    expect(again).toBeGreaterThanOrEqual(REMIND_AGAIN_MINUTES.min);
    expect(again).toBeLessThanOrEqual(REMIND_AGAIN_MINUTES.max);
    expect(DEFAULT_REMINDER_SETTINGS.caregiverAfterMinutes).toBeGreaterThanOrEqual(
      CAREGIVER_AFTER_MINUTES.min,
    );
    expect(DEFAULT_REMINDER_SETTINGS.caregiverAfterMinutes).toBeLessThanOrEqual(
      CAREGIVER_AFTER_MINUTES.max,
    );
  });
});

describe('inQuietHours', () => {
  const berlin = (dateTime: string) => local(dateTime, BERLIN);

  it('is never quiet without quiet hours', () => {
    expect(inQuietHours(berlin('2026-01-10T03:00'), BERLIN, null)).toBe(false);
  });

  it.each([
    {
      what: 'includes the start and excludes the end of a daytime period',
      q: { start: '13:00', end: '15:00' },
      quiet: ['13:00', '14:00', '14:59'],
      notQuiet: ['12:59', '15:00', '00:00', '23:59'],
    },
    {
      what: 'wraps midnight when the end is earlier than the start',
      q: { start: '22:00', end: '07:00' },
      quiet: ['22:00', '23:59', '00:00', '06:59'],
      notQuiet: ['21:59', '07:00', '12:00'],
    },
  ])('$what', ({ q, quiet, notQuiet }) => {
    const check = (time: string) => inQuietHours(berlin(`2026-01-10T${time}`), BERLIN, q);
    expect(quiet.filter((time) => !check(time))).toEqual([]);
    expect(notQuiet.filter(check)).toEqual([]);
  });

  it('reads whole minutes: the last second before the end is still quiet', () => {
    const q = { start: '22:00', end: '07:00' };
    const end = Date.parse(berlin('2026-01-10T07:00'));
    expect(inQuietHours(new Date(end - 1_000).toISOString(), BERLIN, q)).toBe(true);
    expect(inQuietHours(new Date(end + 59_000).toISOString(), BERLIN, q)).toBe(false);
  });

  it('treats a start equal to the end as no quiet hours at all', () => {
    const q = { start: '08:00', end: '08:00' };
    for (const time of ['07:59', '08:00', '08:01', '00:00', '20:00']) {
      expect(inQuietHours(berlin(`2026-01-10T${time}`), BERLIN, q)).toBe(false);
    }
  });

  it("reads the patient's wall clock, not UTC", () => {
    const q = { start: '22:00', end: '07:00' };
    // 05:30Z is 06:30 in Berlin in winter (quiet), 07:30 in summer (not), 00:30 in New York.
    expect(inQuietHours('2026-01-10T05:30:00.000Z', BERLIN, q)).toBe(true);
    expect(inQuietHours('2026-07-10T05:30:00.000Z', BERLIN, q)).toBe(false);
    expect(inQuietHours('2026-07-10T05:30:00.000Z', NEW_YORK, q)).toBe(true);
    expect(inQuietHours('2026-07-10T05:30:00.000Z', 'UTC', q)).toBe(true);
  });

  it('follows the wall clock through the repeated hour of a fall-back night', () => {
    const q = { start: '01:00', end: '02:00' };
    // New York, 2026-11-01: 01:00–02:00 happens twice (EDT, then EST).
    expect(inQuietHours('2026-11-01T04:59:00.000Z', NEW_YORK, q)).toBe(false); // 00:59 EDT
    expect(inQuietHours('2026-11-01T05:30:00.000Z', NEW_YORK, q)).toBe(true); // 01:30 EDT
    expect(inQuietHours('2026-11-01T06:30:00.000Z', NEW_YORK, q)).toBe(true); // 01:30 EST
    expect(inQuietHours('2026-11-01T07:00:00.000Z', NEW_YORK, q)).toBe(false); // 02:00 EST
  });

  it('skips the missing hour of a spring-forward night', () => {
    const q = { start: '02:00', end: '03:00' };
    // Berlin, 2026-03-29: 01:59 CET is followed by 03:00 CEST; 02:xx never shows.
    expect(inQuietHours('2026-03-29T00:59:00.000Z', BERLIN, q)).toBe(false); // 01:59 CET
    expect(inQuietHours('2026-03-29T01:00:00.000Z', BERLIN, q)).toBe(false); // 03:00 CEST
  });
});

describe('dose reminders', () => {
  it('come at the local dose time, with a repeat 30 minutes later by default', () => {
    const day = onDay('2026-01-10');
    expect(brief(day)).toEqual([
      'dose 2026-01-10T08:00 @08:00',
      'again 2026-01-10T08:00 @08:30',
      'dose 2026-01-10T20:00 @20:00',
      'again 2026-01-10T20:00 @20:30',
    ]);
    expect(day[0]).toEqual({
      key: 'dose:2026-01-10T08:00',
      kind: 'dose',
      slot: {
        key: '2026-01-10T08:00',
        localDate: '2026-01-10',
        localTime: '08:00',
        dueAt: '2026-01-10T07:00:00.000Z',
        amountMg: 5,
        regimenVersionId: 'r1',
      },
      dueAt: '2026-01-10T07:00:00.000Z',
      silent: false,
    });
    expect(day[1]).toMatchObject({
      key: 'again:2026-01-10T08:00',
      kind: 'again',
      dueAt: '2026-01-10T07:30:00.000Z',
      silent: false,
    });
  });

  it('give nothing before the regimen starts', () => {
    expect(onDay('2025-12-31')).toEqual([]);
    expect(onDay('2026-01-10', { versions: [] })).toEqual([]);
  });

  // Each zone's 08:00 dose, on the day before, of, and after each change of 2026.
  it.each([
    [BERLIN, '2026-03-29', '07:00', '06:00'], // CET → CEST
    [BERLIN, '2026-10-25', '06:00', '07:00'], // CEST → CET
    [NEW_YORK, '2026-03-08', '13:00', '12:00'], // EST → EDT
    [NEW_YORK, '2026-11-01', '12:00', '13:00'], // EDT → EST
  ])(
    'stay at 08:00 local across the daylight-saving change in %s on %s',
    (zone, change, beforeUtc, afterUtc) => {
      const doses = (date: string) =>
        onDay(date, { zone }).filter((r) => r.kind === 'dose' && r.slot.localTime === '08:00');
      const dayBefore = doses(addDays(change, -1));
      const changeDay = doses(change);
      const dayAfter = doses(addDays(change, 1));
      expect(dayBefore.map((r) => r.dueAt)).toEqual([
        `${addDays(change, -1)}T${beforeUtc}:00.000Z`,
      ]);
      expect(changeDay.map((r) => r.dueAt)).toEqual([`${change}T${afterUtc}:00.000Z`]);
      expect(dayAfter.map((r) => r.dueAt)).toEqual([`${addDays(change, 1)}T${afterUtc}:00.000Z`]);
      for (const r of [...dayBefore, ...changeDay, ...dayAfter]) {
        expect(localTimeOf(r.dueAt, zone)).toBe('08:00');
      }
    },
  );

  it.each([
    [BERLIN, '2026-03-29', '2026-03-29T01:30:00.000Z'], // 02:30 does not exist: 03:30 CEST
    [NEW_YORK, '2026-03-08', '2026-03-08T07:30:00.000Z'], // 02:30 does not exist: 03:30 EDT
  ])(
    'come at 03:30 for a 02:30 dose on the spring-forward day in %s (the clock skipped 02:30)',
    (zone, change, dueAt) => {
      const reminders = onDay(change, { zone, versions: [at('02:30')] });
      expect(reminders.map((r) => [r.key, r.dueAt])).toEqual([
        [`dose:${change}T02:30`, dueAt],
        [`again:${change}T02:30`, new Date(Date.parse(dueAt) + 30 * 60_000).toISOString()],
      ]);
      expect(localTimeOf(dueAt, zone)).toBe('03:30');
      // The days around it keep 02:30.
      const before = onDay(addDays(change, -1), { zone, versions: [at('02:30')] });
      expect(localTimeOf(before[0]!.dueAt, zone)).toBe('02:30');
    },
  );

  it.each([
    [NEW_YORK, '2026-11-01', '01:30', '2026-11-01T06:30:00.000Z'], // 01:30 EST, the second one
    [BERLIN, '2026-10-25', '02:30', '2026-10-25T01:30:00.000Z'], // 02:30 CET, the second one
  ])(
    'remind once, not twice, of a dose in the repeated hour of the fall-back day in %s',
    (zone, change, time, dueAt) => {
      const versions = [at(time)];
      // A window covering the whole night, both occurrences of the repeated hour included.
      const night = due(`${addDays(change, -1)}T22:00`, `${change}T06:00`, { zone, versions });
      const doses = night.filter((r) => r.kind === 'dose');
      expect(doses.map((r) => [r.key, r.dueAt])).toEqual([[`dose:${change}T${time}`, dueAt]]);
      expect(night.filter((r) => r.kind === 'again')).toHaveLength(1);
      // Planned minute by minute through the night, it still comes once.
      const start = Date.parse(local(`${addDays(change, -1)}T22:00`, zone));
      const end = Date.parse(local(`${change}T06:00`, zone));
      const keys: string[] = [];
      for (let t = start; t < end; t += 60_000) {
        const found = remindersDue({
          versions,
          timeZone: zone,
          settings: DEFAULT_REMINDER_SETTINGS,
          events: [],
          from: new Date(t).toISOString(),
          to: new Date(t + 60_000).toISOString(),
        });
        keys.push(...found.map((r) => r.key));
      }
      expect(keys).toEqual([`dose:${change}T${time}`, `again:${change}T${time}`]);
    },
  );

  it('are not sent when reminders are turned off', () => {
    expect(onDay('2026-01-10', { settings: { enabled: false } })).toEqual([]);
  });
});

describe('regimen changes and taper steps', () => {
  const v2: RegimenVersion = {
    ...twiceDaily,
    id: 'r2',
    version: 2,
    doses: [
      { time: '09:00', amountMg: 4 },
      { time: '21:00', amountMg: 4 },
    ],
    startDate: '2026-01-10',
    createdAt: local('2026-01-10T12:00', BERLIN),
  };

  it('follow a version recorded mid-day for that whole day, as regimenOn says', () => {
    expect(regimenOn([twiceDaily, v2], '2026-01-10', BERLIN)?.id).toBe('r2');
    // The morning plan, made before the new version existed, used the old one.
    expect(brief(due('2026-01-10T00:00', '2026-01-10T12:00', { versions: [twiceDaily] }))).toEqual([
      'dose 2026-01-10T08:00 @08:00',
      'again 2026-01-10T08:00 @08:30',
    ]);
    // Once it is recorded, the rest of the day follows it: 21:00, not 20:00.
    const afternoon = due('2026-01-10T12:00', '2026-01-11T00:00', { versions: [twiceDaily, v2] });
    expect(brief(afternoon)).toEqual([
      'dose 2026-01-10T21:00 @21:00',
      'again 2026-01-10T21:00 @21:30',
    ]);
    expect(afternoon[0]!.slot).toMatchObject({ amountMg: 4, regimenVersionId: 'r2' });
    // The day before keeps the old version.
    expect(brief(onDay('2026-01-09', { versions: [twiceDaily, v2] }))).toEqual(
      brief(onDay('2026-01-09')),
    );
  });

  it('never remind, repeat or tell a caregiver about a dose time already past when recorded', () => {
    // v2 is recorded at 12:00 with a 09:00 dose: nobody was reminded of 09:00, and the patient
    // may have taken it before the regimen was in Steady; a 12-hour caregiver notice stays silent.
    const settings = { caregiverNotice: true, caregiverAfterMinutes: 720 };
    expect(brief(onDay('2026-01-10', { versions: [v2], settings }))).toEqual([
      'dose 2026-01-10T21:00 @21:00',
      'again 2026-01-10T21:00 @21:30',
    ]);
    // The next day's 09:00 is reminded as usual (with the notice about the 21:00 dose before).
    expect(
      brief(due('2026-01-11T08:59', '2026-01-11T09:00', { versions: [v2], settings })),
    ).toEqual(['dose 2026-01-11T09:00 @09:00', 'caregiver 2026-01-10T21:00 @09:00']);
  });

  it('still remind of a dose time at most 15 minutes before the version was recorded', () => {
    const justNow = { ...v2, createdAt: local('2026-01-10T09:10', BERLIN) };
    expect(brief(due('2026-01-10T08:59', '2026-01-10T09:30', { versions: [justNow] }))).toEqual([
      'dose 2026-01-10T09:00 @09:00',
      'again 2026-01-10T09:00 @09:30',
    ]);
    const later = { ...v2, createdAt: local('2026-01-10T09:16', BERLIN) };
    expect(due('2026-01-10T08:59', '2026-01-10T09:30', { versions: [later] })).toEqual([]);
  });

  it('drop a pending repeat of a slot the new version no longer has', () => {
    // The 08:00 repeat was planned at 08:30; a version recorded at 08:10 moved the dose to 09:00.
    const early = { ...v2, createdAt: local('2026-01-10T08:10', BERLIN) };
    const check = due('2026-01-10T08:29', '2026-01-10T08:30', { versions: [twiceDaily, early] });
    expect(check).toEqual([]);
  });

  it('change only tomorrow when the new version starts tomorrow', () => {
    const tomorrow: RegimenVersion = {
      ...v2,
      startDate: '2026-01-11',
      createdAt: local('2026-01-10T12:00', BERLIN),
    };
    const versions = [twiceDaily, tomorrow];
    expect(brief(due('2026-01-10T12:00', '2026-01-11T00:00', { versions }))).toEqual([
      'dose 2026-01-10T20:00 @20:00',
      'again 2026-01-10T20:00 @20:30',
    ]);
    expect(brief(onDay('2026-01-11', { versions }))).toEqual([
      'dose 2026-01-11T09:00 @09:00',
      'again 2026-01-11T09:00 @09:30',
      'dose 2026-01-11T21:00 @21:00',
      'again 2026-01-11T21:00 @21:30',
    ]);
  });

  it('follow the steps of a taper plan recorded in advance, and stop after the last', () => {
    const recorded = '2026-01-05T09:00:00.000Z';
    const step = (
      version: number,
      startDate: string,
      endDate: string,
      doses: RegimenVersion['doses'],
    ): RegimenVersion => ({
      ...twiceDaily,
      id: `step${version}`,
      version,
      doses,
      startDate,
      endDate,
      createdAt: recorded,
    });
    const versions = [
      twiceDaily,
      step(2, '2026-01-12', '2026-01-18', [
        { time: '08:00', amountMg: 5 },
        { time: '20:00', amountMg: 2.5 },
      ]),
      step(3, '2026-01-19', '2026-01-25', [{ time: '20:00', amountMg: 2.5 }]),
    ];
    const doses = (date: string) =>
      onDay(date, { versions })
        .filter((r) => r.kind === 'dose')
        .map((r) => `${r.slot.localTime} ${r.slot.amountMg} ${r.slot.regimenVersionId}`);
    expect(doses('2026-01-11')).toEqual(['08:00 5 r1', '20:00 5 r1']);
    expect(doses('2026-01-12')).toEqual(['08:00 5 step2', '20:00 2.5 step2']);
    expect(doses('2026-01-18')).toEqual(['08:00 5 step2', '20:00 2.5 step2']);
    expect(doses('2026-01-19')).toEqual(['20:00 2.5 step3']);
    expect(doses('2026-01-25')).toEqual(['20:00 2.5 step3']);
    expect(doses('2026-01-26')).toEqual([]);
  });

  it('give nothing once the regimen has ended', () => {
    const ended = { ...twiceDaily, endDate: '2026-01-10' };
    expect(brief(onDay('2026-01-10', { versions: [ended] }))).toHaveLength(4);
    expect(onDay('2026-01-11', { versions: [ended] })).toEqual([]);
    expect(onDay('2026-02-11', { versions: [ended] })).toEqual([]);
    // Even with a caregiver notice turned on, nothing is due for the days after.
    expect(onDay('2026-01-12', { versions: [ended], settings: { caregiverNotice: true } })).toEqual(
      [],
    );
  });

  it('give nothing for a regimen of as-needed doses only', () => {
    const asNeededOnly: RegimenVersion = {
      ...twiceDaily,
      doses: [],
      asNeeded: { amountMg: 2, minIntervalHours: 8, maxPerDay: 2 },
    };
    expect(onDay('2026-01-10', { versions: [asNeededOnly] })).toEqual([]);
  });
});

describe('confirmed slots', () => {
  const everything = { caregiverNotice: true, caregiverAfterMinutes: 60 };
  const keysOn = (events: readonly LoggedDoseEvent[]) =>
    onDay('2026-01-10', { settings: everything, events }).map((r) => r.key);

  it('remind of an unconfirmed slot with dose, again and caregiver', () => {
    expect(keysOn([])).toEqual([
      'dose:2026-01-10T08:00',
      'again:2026-01-10T08:00',
      'caregiver:2026-01-10T08:00',
      'dose:2026-01-10T20:00',
      'again:2026-01-10T20:00',
      'caregiver:2026-01-10T20:00',
    ]);
  });

  it.each(['taken', 'skipped'] as const)('give nothing for a slot answered %s', (kind) => {
    const event = slotEvent(BERLIN, '2026-01-10', '08:00', { kind });
    expect(keysOn([event])).toEqual([
      'dose:2026-01-10T20:00',
      'again:2026-01-10T20:00',
      'caregiver:2026-01-10T20:00',
    ]);
  });

  it('count a dose logged early or late for its slot', () => {
    const early = slotEvent(BERLIN, '2026-01-10', '08:00', { takenTime: '07:15' });
    const late = slotEvent(BERLIN, '2026-01-10', '20:00', { takenTime: '23:50' });
    expect(keysOn([early, late])).toEqual([]);
  });

  it('stay confirmed after a correction (taken corrected to skipped, and back)', () => {
    const taken = slotEvent(BERLIN, '2026-01-10', '08:00', {
      createdAt: '2026-01-10T07:05:00.000Z',
    });
    const skipped = slotEvent(BERLIN, '2026-01-10', '08:00', {
      kind: 'skipped',
      supersedes: taken.id,
      createdAt: '2026-01-10T07:20:00.000Z',
    });
    const takenAgain = slotEvent(BERLIN, '2026-01-10', '08:00', {
      takenTime: '08:40',
      supersedes: skipped.id,
      createdAt: '2026-01-10T07:45:00.000Z',
    });
    const expected = [
      'dose:2026-01-10T20:00',
      'again:2026-01-10T20:00',
      'caregiver:2026-01-10T20:00',
    ];
    expect(keysOn([taken, skipped])).toEqual(expected);
    // Order of recording does not matter: corrections are resolved by `supersedes`.
    expect(keysOn([takenAgain, skipped, taken])).toEqual(expected);
  });

  it('follow a correction that moves the log to another slot', () => {
    const wrong = slotEvent(BERLIN, '2026-01-10', '08:00');
    const right = { ...slotEvent(BERLIN, '2026-01-10', '20:00'), supersedes: wrong.id };
    expect(keysOn([wrong, right])).toEqual([
      'dose:2026-01-10T08:00',
      'again:2026-01-10T08:00',
      'caregiver:2026-01-10T08:00',
    ]);
  });

  it('are not confirmed by an extra dose', () => {
    const extra = extraEvent(BERLIN, '2026-01-10', '07:55', 5);
    expect(keysOn([extra])).toEqual(keysOn([]));
    // Not even an extra that (wrongly) names a slot.
    const named = { ...extraEvent(BERLIN, '2026-01-10', '07:55', 5), slotKey: '2026-01-10T08:00' };
    expect(keysOn([named])).toEqual(keysOn([]));
  });

  it("are not confirmed by another day's log of the same time", () => {
    const yesterday = slotEvent(BERLIN, '2026-01-09', '08:00');
    expect(keysOn([yesterday])).toEqual(keysOn([]));
  });

  it('drop a planned repeat and caregiver notice once the dose is logged (the fire-time check)', () => {
    const event = slotEvent(BERLIN, '2026-01-10', '08:00', { takenTime: '08:10' });
    const at0830 = (events: readonly LoggedDoseEvent[]) =>
      due('2026-01-10T08:29', '2026-01-10T08:30', { settings: everything, events });
    expect(at0830([]).map((r) => r.key)).toEqual(['again:2026-01-10T08:00']);
    expect(at0830([event])).toEqual([]);
    const at0900 = (events: readonly LoggedDoseEvent[]) =>
      due('2026-01-10T08:59', '2026-01-10T09:00', { settings: everything, events });
    expect(at0900([]).map((r) => r.key)).toEqual(['caregiver:2026-01-10T08:00']);
    expect(at0900([event])).toEqual([]);
  });
});

describe('again', () => {
  it('comes the set minutes after the dose time', () => {
    for (const minutes of [REMIND_AGAIN_MINUTES.min, 45, REMIND_AGAIN_MINUTES.max]) {
      const again = onDay('2026-01-10', {
        versions: [at('08:00')],
        settings: { remindAgainMinutes: minutes },
      }).filter((r) => r.kind === 'again');
      expect(again.map((r) => r.dueAt)).toEqual([
        new Date(Date.parse('2026-01-10T07:00:00.000Z') + minutes * 60_000).toISOString(),
      ]);
      expect(again[0]!.silent).toBe(false);
    }
  });

  it('is never sent when turned off (null)', () => {
    expect(brief(onDay('2026-01-10', { settings: { remindAgainMinutes: null } }))).toEqual([
      'dose 2026-01-10T08:00 @08:00',
      'dose 2026-01-10T20:00 @20:00',
    ]);
  });

  it('is not sent in quiet hours (start inclusive, end exclusive)', () => {
    const versions = [at('21:30', '06:30')];
    const settings = { ...quiet('22:00', '07:00') };
    // 21:30 + 29 = 21:59 (before the start); + 30 = 22:00 (the start: quiet).
    // 06:30 + 29 = 06:59 (before the end: quiet); + 30 = 07:00 (the end: not quiet).
    expect(
      brief(onDay('2026-01-10', { versions, settings: { ...settings, remindAgainMinutes: 29 } })),
    ).toEqual([
      'dose 2026-01-10T06:30 @06:30 silent',
      'dose 2026-01-10T21:30 @21:30',
      'again 2026-01-10T21:30 @21:59',
    ]);
    expect(
      brief(onDay('2026-01-10', { versions, settings: { ...settings, remindAgainMinutes: 30 } })),
    ).toEqual([
      'dose 2026-01-10T06:30 @06:30 silent',
      'again 2026-01-10T06:30 @07:00',
      'dose 2026-01-10T21:30 @21:30',
    ]);
  });

  it('has one in quiet hours filtered, not moved', () => {
    // Dose at 06:30, repeat at 06:45: inside quiet hours until 07:00, so there is none.
    const reminders = onDay('2026-01-10', {
      versions: [at('06:30')],
      settings: { ...quiet('22:00', '07:00'), remindAgainMinutes: 15 },
    });
    expect(brief(reminders)).toEqual(['dose 2026-01-10T06:30 @06:30 silent']);
  });

  it('is not sent at or after the next dose time', () => {
    const versions = [at('08:00', '09:00')];
    const agains = (minutes: number) =>
      brief(
        onDay('2026-01-10', { versions, settings: { remindAgainMinutes: minutes } }).filter(
          (r) => r.kind === 'again',
        ),
      );
    expect(agains(59)).toEqual(['again 2026-01-10T08:00 @08:59', 'again 2026-01-10T09:00 @09:59']);
    expect(agains(60)).toEqual(['again 2026-01-10T09:00 @10:00']);
    expect(agains(90)).toEqual(['again 2026-01-10T09:00 @10:30']);
  });

  it("looks at the next day's first dose across midnight", () => {
    const versions = [at('00:30', '23:00')];
    const again = (minutes: number) =>
      due('2026-01-10T22:00', '2026-01-11T04:00', {
        versions,
        settings: { remindAgainMinutes: minutes },
      })
        .filter((r) => r.kind === 'again')
        .map((r) => r.key);
    expect(again(60)).toEqual(['again:2026-01-10T23:00', 'again:2026-01-11T00:30']);
    // 23:00 + 90 = 00:30: the next dose time, so the next dose's reminder takes over.
    expect(again(90)).toEqual(['again:2026-01-11T00:30']);
  });

  it('is sent after the last dose of a regimen that ends (no next dose)', () => {
    const versions = [{ ...at('23:00'), endDate: '2026-01-10' }];
    const reminders = due('2026-01-10T22:00', '2026-01-11T04:00', {
      versions,
      settings: { remindAgainMinutes: 240 },
    });
    expect(brief(reminders)).toEqual([
      'dose 2026-01-10T23:00 @23:00',
      'again 2026-01-10T23:00 @03:00',
    ]);
  });

  it('takes the next dose time from the regimen in force that day', () => {
    // Tomorrow a new version starts with a dose at 00:15: tonight's repeat at 00:30 is dropped.
    const v2: RegimenVersion = { ...at('00:15'), id: 'r2', version: 2, startDate: '2026-01-11' };
    const reminders = due('2026-01-10T22:00', '2026-01-11T04:00', {
      versions: [at('23:50'), v2],
      settings: { remindAgainMinutes: 40 },
    });
    expect(brief(reminders)).toEqual([
      'dose 2026-01-10T23:50 @23:50',
      'dose 2026-01-11T00:15 @00:15',
      'again 2026-01-11T00:15 @00:55',
    ]);
  });
});

describe('quiet hours', () => {
  it('make dose reminders silent from the start up to, not including, the end (wrapping midnight)', () => {
    const versions = [at('06:59', '07:00', '21:59', '22:00', '00:00')];
    const reminders = onDay('2026-01-10', {
      versions,
      settings: { ...quiet('22:00', '07:00'), remindAgainMinutes: null },
    });
    // The day's window is (00:00, next 00:00]: today's 00:00 dose belongs to yesterday's.
    expect(brief(reminders)).toEqual([
      'dose 2026-01-10T06:59 @06:59 silent',
      'dose 2026-01-10T07:00 @07:00',
      'dose 2026-01-10T21:59 @21:59',
      'dose 2026-01-10T22:00 @22:00 silent',
      'dose 2026-01-11T00:00 @00:00 silent',
    ]);
  });

  it('make dose reminders silent in daytime quiet hours, and drop the repeats there', () => {
    const versions = [at('12:45', '13:00', '15:00')];
    const reminders = onDay('2026-01-10', { versions, settings: quiet('13:00', '15:00') });
    expect(brief(reminders)).toEqual([
      'dose 2026-01-10T12:45 @12:45', // its repeat at 13:15 is quiet, and the next dose is at 13:00 anyway
      'dose 2026-01-10T13:00 @13:00 silent', // repeat at 13:30: quiet
      'dose 2026-01-10T15:00 @15:00',
      'again 2026-01-10T15:00 @15:30',
    ]);
  });

  it('do nothing when start equals end', () => {
    const reminders = onDay('2026-01-10', { settings: quiet('08:00', '08:00') });
    expect(reminders.every((r) => !r.silent)).toBe(true);
    expect(reminders).toHaveLength(4);
  });

  it('hold a caregiver notice to their end, across midnight', () => {
    const settings = {
      ...quiet('22:00', '07:00'),
      caregiverNotice: true,
      caregiverAfterMinutes: 180,
      remindAgainMinutes: null,
    };
    // 20:00 + 3 h = 23:00: quiet, held to 07:00 the next morning.
    const reminders = due('2026-01-10T12:00', '2026-01-11T12:00', { settings });
    expect(brief(reminders)).toEqual([
      'dose 2026-01-10T20:00 @20:00',
      'caregiver 2026-01-10T20:00 @07:00',
      'dose 2026-01-11T08:00 @08:00',
      'caregiver 2026-01-11T08:00 @11:00',
    ]);
    expect(reminders[1]!.dueAt).toBe('2026-01-11T06:00:00.000Z');
  });

  it.each([
    {
      what: 'hold a caregiver notice due after midnight to the end the same morning',
      quietHours: ['22:00', '07:00'],
      dose: '02:00',
      after: 240,
      expected: ['dose 2026-01-10T02:00 @02:00 silent', 'caregiver 2026-01-10T02:00 @07:00'],
    },
    {
      what: 'hold a caregiver notice in daytime quiet hours to their end that day',
      quietHours: ['13:00', '15:00'],
      dose: '12:00',
      after: 90,
      expected: [
        'dose 2026-01-10T12:00 @12:00',
        'again 2026-01-10T12:00 @12:30',
        'caregiver 2026-01-10T12:00 @15:00',
      ],
    },
    {
      what: 'do not hold a caregiver notice due exactly at their end',
      quietHours: ['22:00', '07:00'],
      dose: '05:00',
      after: 120,
      expected: ['dose 2026-01-10T05:00 @05:00 silent', 'caregiver 2026-01-10T05:00 @07:00'],
    },
  ] as const)('$what', ({ quietHours: [start, end], dose, after, expected }) => {
    const reminders = onDay('2026-01-10', {
      versions: [at(dose)],
      settings: { ...quiet(start, end), caregiverNotice: true, caregiverAfterMinutes: after },
    });
    expect(brief(reminders)).toEqual(expected);
  });

  it.each([
    [BERLIN, '2026-03-28', '2026-03-29T05:00:00.000Z'], // 07:00 CEST
    [BERLIN, '2026-10-24', '2026-10-25T06:00:00.000Z'], // 07:00 CET
    [NEW_YORK, '2026-03-07', '2026-03-08T11:00:00.000Z'], // 07:00 EDT
    [NEW_YORK, '2026-11-01', '2026-11-02T12:00:00.000Z'], // 07:00 EST (already standard time)
    [NEW_YORK, '2026-10-31', '2026-11-01T12:00:00.000Z'], // 07:00 EST
  ])(
    'hold a caregiver notice to 07:00 local through a daylight-saving night (%s, evening of %s)',
    (zone, evening, heldUntil) => {
      const reminders = due(`${evening}T12:00`, `${addDays(evening, 1)}T12:00`, {
        zone,
        versions: [at('21:00')],
        settings: {
          ...quiet('22:00', '07:00'),
          caregiverNotice: true,
          caregiverAfterMinutes: 120,
          enabled: false,
        },
      });
      expect(reminders.map((r) => [r.key, r.dueAt])).toEqual([
        [`caregiver:${evening}T21:00`, heldUntil],
      ]);
      expect(localTimeOf(heldUntil, zone)).toBe('07:00');
    },
  );

  it('hold a notice due in the repeated hour of a fall-back night to the end of quiet hours', () => {
    // New York, 2026-11-01, quiet 00:00–01:30: 01:00–01:30 happens twice; the notice waits
    // until the wall clock has passed the end for good.
    const reminders = onDay('2026-11-01', {
      zone: NEW_YORK,
      versions: [at('00:20')],
      settings: {
        ...quiet('00:00', '01:30'),
        caregiverNotice: true,
        caregiverAfterMinutes: 60,
        enabled: false,
      },
    });
    expect(reminders.map((r) => [r.key, r.dueAt])).toEqual([
      ['caregiver:2026-11-01T00:20', '2026-11-01T06:30:00.000Z'], // 01:30 EST
    ]);
  });

  it('hold a notice to an end inside the spring-forward gap until the clock jumps past it', () => {
    // Berlin, 2026-03-29: quiet 22:00–02:30, but the clock jumps from 02:00 to 03:00 that
    // night: the quiet hours are over at 03:00 CEST (as inQuietHours reads it).
    const reminders = due('2026-03-28T12:00', '2026-03-29T12:00', {
      versions: [at('23:00')],
      settings: {
        ...quiet('22:00', '02:30'),
        caregiverNotice: true,
        caregiverAfterMinutes: 60,
        enabled: false,
      },
    });
    expect(reminders.map((r) => [r.key, r.dueAt])).toEqual([
      ['caregiver:2026-03-28T23:00', '2026-03-29T01:00:00.000Z'],
    ]);
    expect(inQuietHours('2026-03-29T01:00:00.000Z', BERLIN, { start: '22:00', end: '02:30' })).toBe(
      false,
    );
  });

  it('hold a notice to the next day when the spring-forward jump lands in quiet hours again', () => {
    // Lord Howe Island, 2026-10-04: the clock jumps from 02:00 to 02:30. Quiet 02:30–02:00
    // leaves only 02:00–02:29 free, which that night does not have: the notice waits until
    // 02:00 the next night.
    const zone = 'Australia/Lord_Howe';
    const reminders = due('2026-10-03T12:00', '2026-10-05T12:00', {
      zone,
      versions: [{ ...at('00:00'), endDate: '2026-10-04' }],
      settings: {
        ...quiet('02:30', '02:00'),
        caregiverNotice: true,
        caregiverAfterMinutes: 15,
        enabled: false,
      },
    });
    expect(reminders.map((r) => [r.key, r.dueAt])).toEqual([
      ['caregiver:2026-10-04T00:00', '2026-10-04T15:00:00.000Z'], // 02:00 LHDT on 10-05
    ]);
    // Asked about only that instant, it is still found (two days after the dose).
    const late = due('2026-10-05T01:59', '2026-10-05T02:00', {
      zone,
      versions: [{ ...at('00:00'), endDate: '2026-10-04' }],
      settings: {
        ...quiet('02:30', '02:00'),
        caregiverNotice: true,
        caregiverAfterMinutes: 15,
        enabled: false,
      },
    });
    expect(late.map((r) => r.key)).toEqual(['caregiver:2026-10-04T00:00']);
  });

  it('find a notice held longer than 24 hours on the 25-hour fall-back day', () => {
    // Berlin, 2026-10-25 lasts 25 hours. A 23:50 dose the evening before, notice after 15 min
    // (00:05, quiet 00:00–23:30): held to 23:30 CET, 24 h 25 min later. Asked about only the
    // last minute before it, the notice must still be found.
    const held = '2026-10-25T22:30:00.000Z'; // 23:30 CET
    const reminders = remindersDue({
      versions: [at('23:50')],
      timeZone: BERLIN,
      settings: {
        ...DEFAULT_REMINDER_SETTINGS,
        ...quiet('00:00', '23:30'),
        enabled: false,
        caregiverNotice: true,
        caregiverAfterMinutes: CAREGIVER_AFTER_MINUTES.min,
      },
      events: [],
      from: '2026-10-25T22:29:00.000Z',
      to: held,
    });
    expect(reminders.map((r) => [r.key, r.dueAt])).toEqual([['caregiver:2026-10-24T23:50', held]]);
  });

  it('hold a notice until the longest quiet hours end, even a day and a half after the dose', () => {
    // 23:00 + 12 h = 11:00 the next day, in quiet hours 10:00–09:00 (23 h): held to 09:00 the
    // day after. Planning only that day still finds it.
    const settings = {
      ...quiet('10:00', '09:00'),
      caregiverNotice: true,
      caregiverAfterMinutes: CAREGIVER_AFTER_MINUTES.max,
      enabled: false,
    };
    const reminders = onDay('2026-01-12', { versions: [at('23:00')], settings });
    expect(brief(reminders)).toEqual(['caregiver 2026-01-10T23:00 @09:00']);
  });
});

describe('caregiver notice', () => {
  it('is off by default', () => {
    expect(onDay('2026-01-10').some((r) => r.kind === 'caregiver')).toBe(false);
  });

  it('comes the set minutes after the dose time when turned on', () => {
    for (const minutes of [CAREGIVER_AFTER_MINUTES.min, 120, CAREGIVER_AFTER_MINUTES.max]) {
      const notices = onDay('2026-01-10', {
        versions: [at('08:00')],
        settings: { caregiverNotice: true, caregiverAfterMinutes: minutes },
      }).filter((r) => r.kind === 'caregiver');
      expect(notices.map((r) => [r.key, r.dueAt, r.silent])).toEqual([
        [
          'caregiver:2026-01-10T08:00',
          new Date(Date.parse('2026-01-10T07:00:00.000Z') + minutes * 60_000).toISOString(),
          false,
        ],
      ]);
    }
  });

  it('does not depend on the patient having their own reminders on', () => {
    const settings = { enabled: false, caregiverNotice: true, caregiverAfterMinutes: 60 };
    expect(brief(onDay('2026-01-10', { settings }))).toEqual([
      'caregiver 2026-01-10T08:00 @09:00',
      'caregiver 2026-01-10T20:00 @21:00',
    ]);
  });

  it("is not affected by the patient's repeat settings or the next dose time", () => {
    const settings = {
      remindAgainMinutes: null,
      caregiverNotice: true,
      caregiverAfterMinutes: 720,
    };
    // 08:00 + 12 h = 20:00, the next dose time: the notice still comes (it informs).
    expect(brief(onDay('2026-01-10', { settings }))).toEqual([
      'dose 2026-01-10T08:00 @08:00',
      'caregiver 2026-01-09T20:00 @08:00',
      'dose 2026-01-10T20:00 @20:00',
      'caregiver 2026-01-10T08:00 @20:00',
    ]);
  });
});

describe('window', () => {
  const from = '2026-01-10T07:00:00.000Z'; // 08:00 Berlin
  const ask = (f: string, t: string) =>
    remindersDue({
      versions: [twiceDaily],
      timeZone: BERLIN,
      settings: DEFAULT_REMINDER_SETTINGS,
      events: [],
      from: f,
      to: t,
    }).map((r) => r.key);

  it('excludes a reminder exactly at the start and includes one exactly at the end', () => {
    expect(ask(from, '2026-01-10T07:30:00.000Z')).toEqual(['again:2026-01-10T08:00']);
    expect(ask('2026-01-10T06:59:59.999Z', from)).toEqual(['dose:2026-01-10T08:00']);
    expect(ask('2026-01-10T06:30:00.000Z', '2026-01-10T06:59:59.999Z')).toEqual([]);
  });

  it('is empty when it is empty or backwards', () => {
    expect(ask(from, from)).toEqual([]);
    expect(ask('2026-01-10T08:00:00.000Z', '2026-01-10T06:00:00.000Z')).toEqual([]);
  });

  it('answers the fire-time question: what is due at this instant', () => {
    const instant = Date.parse(from);
    expect(ask(new Date(instant - 1).toISOString(), from)).toEqual(['dose:2026-01-10T08:00']);
  });

  it('lists reminders by due time, then dose, again, caregiver', () => {
    // Doses 08:00 and 09:00; repeat after 55 min (08:55), notice after 60 min (09:00).
    const reminders = onDay('2026-01-10', {
      versions: [at('09:00', '08:00')],
      settings: { remindAgainMinutes: 55, caregiverNotice: true, caregiverAfterMinutes: 60 },
    });
    expect(brief(reminders)).toEqual([
      'dose 2026-01-10T08:00 @08:00',
      'again 2026-01-10T08:00 @08:55',
      'dose 2026-01-10T09:00 @09:00',
      'caregiver 2026-01-10T08:00 @09:00',
      'again 2026-01-10T09:00 @09:55',
      'caregiver 2026-01-10T09:00 @10:00',
    ]);
    // A repeat and a notice of one slot at the same time: the repeat first.
    const same = onDay('2026-01-10', {
      versions: [at('08:00')],
      settings: { remindAgainMinutes: 120, caregiverNotice: true, caregiverAfterMinutes: 120 },
    });
    expect(brief(same)).toEqual([
      'dose 2026-01-10T08:00 @08:00',
      'again 2026-01-10T08:00 @10:00',
      'caregiver 2026-01-10T08:00 @10:00',
    ]);
  });
});
