import {
  computeAdherence,
  localToInstant,
  regimenOn,
  type LoggedDoseEvent,
  type RegimenVersion,
} from '@steady/core';
import { describe, expect, it } from 'vitest';
import { localCalendar } from '../history/daily.js';
import { doseDays, regimensByDay } from './days.js';

const ZONE = 'Europe/Berlin';
const version = (o: Partial<RegimenVersion> & Pick<RegimenVersion, 'id'>): RegimenVersion => ({
  version: 1,
  formulation: 'tab5',
  doses: [
    { time: '08:00', amountMg: 5 },
    { time: '20:00', amountMg: 5 },
  ],
  asNeeded: null,
  startDate: '2026-03-01',
  endDate: null,
  prescriber: null,
  indication: null,
  createdAt: '2026-02-28T10:00:00.000Z',
  ...o,
});
// v1 from 1 March; v2 (one dose of 7.5) recorded on 10 March, from 12 March to 20 March; a
// late-recorded v3 starting 25 March, recorded 27 March.
const versions = [
  version({ id: 'v1' }),
  version({
    id: 'v2',
    version: 2,
    doses: [{ time: '09:00', amountMg: 7.5 }],
    startDate: '2026-03-12',
    endDate: '2026-03-20',
    createdAt: '2026-03-10T18:00:00.000Z',
  }),
  version({
    id: 'v3',
    version: 3,
    startDate: '2026-03-25',
    createdAt: '2026-03-27T07:00:00.000Z',
  }),
];

let n = 0;
const event = (o: Partial<LoggedDoseEvent> & Pick<LoggedDoseEvent, 'kind'>): LoggedDoseEvent => ({
  id: `e${String(++n)}`,
  slotKey: null,
  takenAt: '2026-03-02T07:00:00.000Z',
  amountMg: 5,
  reason: null,
  createdAt: `2026-03-0${String(1 + (n % 8))}T00:00:00.000Z`,
  supersedes: null,
  ...o,
});

describe('regimensByDay', () => {
  it('finds the same regimen as regimenOn on every day', () => {
    const calendar = localCalendar('2026-02-20', '2026-04-05', ZONE);
    const fast = regimensByDay(versions, calendar.dates, ZONE).map((v) => v?.id ?? null);
    const slow = calendar.dates.map((d) => regimenOn(versions, d, ZONE)?.id ?? null);
    expect(fast).toEqual(slow);
    expect(new Set(fast)).toEqual(new Set([null, 'v1', 'v2', 'v3']));
  });
});

describe('doseDays', () => {
  const calendar = localCalendar('2026-03-01', '2026-03-31', ZONE);
  const at = (date: string, time: string) => localToInstant(date, time, ZONE);
  const events = [
    event({ kind: 'taken', slotKey: '2026-03-02T08:00', takenAt: at('2026-03-02', '08:05') }),
    event({
      kind: 'skipped',
      slotKey: '2026-03-02T20:00',
      takenAt: at('2026-03-02', '20:00'),
      amountMg: 0,
    }),
    event({ kind: 'extra', takenAt: at('2026-03-02', '23:30'), amountMg: 2.5 }),
    // Logged for 08:00 under v1 on a day v2 schedules only 09:00: an extra dose.
    event({ kind: 'taken', slotKey: '2026-03-13T08:00', takenAt: at('2026-03-13', '08:00') }),
    event({
      kind: 'taken',
      slotKey: '2026-03-13T09:00',
      takenAt: at('2026-03-13', '09:10'),
      amountMg: 7.5,
    }),
    // The 20:00 dose of 14 March (no such slot under v2) taken after midnight: extra on its
    // slot's day, taken on the next day.
    event({ kind: 'taken', slotKey: '2026-03-14T20:00', takenAt: at('2026-03-15', '00:30') }),
  ];
  const days = doseDays(versions, events, calendar, ZONE);
  const day = (date: string) => days[calendar.dates.indexOf(date)];

  it('sums what was taken by the day it was taken, and what was scheduled that day', () => {
    expect(day('2026-03-02')).toEqual({
      scheduledMg: 10,
      takenMg: 7.5,
      extraDoses: 1,
      extraMg: 2.5,
    });
    expect(day('2026-03-13')).toEqual({
      scheduledMg: 7.5,
      takenMg: 12.5,
      extraDoses: 1,
      extraMg: 5,
    });
    expect(day('2026-03-14')).toEqual({ scheduledMg: 7.5, takenMg: 0, extraDoses: 1, extraMg: 5 });
    expect(day('2026-03-15')).toMatchObject({ takenMg: 5, extraDoses: 0 });
    // After v2 ended, v1 does not come back and v3 was not recorded yet: no regimen.
    expect(day('2026-03-22')?.scheduledMg).toBeNull();
    expect(day('2026-03-28')?.scheduledMg).toBe(10);
  });

  it('counts extra doses exactly as core’s adherence does', () => {
    const report = computeAdherence({
      versions,
      events,
      zone: ZONE,
      from: '2026-03-01',
      to: '2026-03-31',
      now: '2026-04-01T00:00:00.000Z',
    });
    expect(days.map((d) => d.extraDoses)).toEqual(report.days.map((d) => d.extra));
    expect(days.reduce((sum, d) => sum + d.extraMg, 0)).toBe(report.extraMg);
  });
});
