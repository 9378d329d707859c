import { describe, expect, it } from 'vitest';
import { computeAdherence } from './adherence.js';
import { slotEvent, twiceDaily } from './fixtures.test-helpers.js';
import type { RegimenVersion } from './types.js';

describe('computeAdherence: daylight saving', () => {
  it('keeps on-time doses on time across the US spring-forward day (America/New_York)', () => {
    const zone = 'America/New_York';
    const days = ['2026-03-07', '2026-03-08', '2026-03-09'];
    const events = days.flatMap((d) => [slotEvent(zone, d, '08:00'), slotEvent(zone, d, '20:00')]);
    const r = computeAdherence({
      versions: [twiceDaily],
      events,
      zone,
      from: days[0]!,
      to: days[2]!,
      now: '2026-03-10T12:00:00Z',
    });
    expect(r).toMatchObject({
      taken: 6,
      takenOnTime: 6,
      missed: 0,
      daysCovered: 3,
      proportionDaysCovered: 1,
    });
    expect(r.timing.sdOffsetMinutes).toBe(0);
    // 08:00 EDT on 8 March is 12:00Z; a naive fixed offset (13:00Z) would look an hour late.
    expect(r.slots[2]?.event?.takenAt).toBe('2026-03-08T12:00:00.000Z');
  });

  it('measures offsets in real minutes when a dose is logged in UTC across the change', () => {
    const zone = 'America/New_York';
    const event = {
      ...slotEvent(zone, '2026-03-08', '08:00'),
      takenAt: '2026-03-08T13:00:00.000Z',
    };
    const r = computeAdherence({
      versions: [twiceDaily],
      events: [event],
      zone,
      from: '2026-03-08',
      to: '2026-03-08',
      now: '2026-03-09T12:00:00Z',
      onTimeWindowMinutes: 30,
    });
    expect(r.slots[0]).toMatchObject({ offsetMinutes: 60, onTime: false });
  });

  it('handles a slot in the spring-forward gap (shifted to 03:30 EDT)', () => {
    const zone = 'America/New_York';
    const v = { ...twiceDaily, doses: [{ time: '02:30', amountMg: 2 }] };
    const e = slotEvent(zone, '2026-03-08', '02:30', { takenTime: '03:30' });
    const r = computeAdherence({
      versions: [v],
      events: [e],
      zone,
      from: '2026-03-08',
      to: '2026-03-08',
      now: '2026-03-09T00:00:00Z',
    });
    expect(r.slots[0]).toMatchObject({ status: 'taken', offsetMinutes: 0, onTime: true });
  });

  it('resolves the repeated fall-back hour to the later occurrence (America/New_York)', () => {
    const zone = 'America/New_York';
    const v = { ...twiceDaily, doses: [{ time: '01:30', amountMg: 2 }] };
    // 01:30 EDT (05:30Z) is the first 01:30 of 1 November; the slot is due at 01:30 EST (06:30Z).
    const e = { ...slotEvent(zone, '2026-11-01', '01:30'), takenAt: '2026-11-01T05:30:00.000Z' };
    const r = computeAdherence({
      versions: [v],
      events: [e],
      zone,
      from: '2026-11-01',
      to: '2026-11-01',
      now: '2026-11-02T00:00:00Z',
    });
    expect(r.slots[0]).toMatchObject({ offsetMinutes: -60, onTime: true });
  });

  it('covers the Europe/Berlin spring and autumn changes', () => {
    const zone = 'Europe/Berlin';
    const v = {
      ...twiceDaily,
      doses: [
        { time: '07:00', amountMg: 5 },
        { time: '22:00', amountMg: 5 },
      ],
    };
    const days = [
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
    ];
    const events = days.flatMap((d) => [
      slotEvent(zone, d, '07:00', { takenTime: '07:10' }),
      slotEvent(zone, d, '22:00', { takenTime: '21:50' }),
    ]);
    const spring = computeAdherence({
      versions: [v],
      events,
      zone,
      from: '2026-03-28',
      to: '2026-03-30',
      now: '2026-12-01T00:00:00Z',
    });
    const autumn = computeAdherence({
      versions: [v],
      events,
      zone,
      from: '2026-10-24',
      to: '2026-10-26',
      now: '2026-12-01T00:00:00Z',
    });
    for (const r of [spring, autumn]) {
      expect(r).toMatchObject({ taken: 6, takenOnTime: 6, proportionDaysCovered: 1 });
      expect(r.slots.map((s) => s.offsetMinutes)).toEqual([10, -10, 10, -10, 10, -10]);
    }
    // 07:00 is 06:00Z in winter time and 05:00Z in summer time.
    expect(spring.slots[0]?.slot.dueAt).toBe('2026-03-28T06:00:00.000Z');
    expect(spring.slots[2]?.slot.dueAt).toBe('2026-03-29T05:00:00.000Z');
  });
});

describe('computeAdherence: regimen change mid-period', () => {
  const v2: RegimenVersion = {
    ...twiceDaily,
    id: 'r2',
    version: 2,
    doses: [
      { time: '08:00', amountMg: 2 },
      { time: '14:00', amountMg: 2 },
      { time: '21:00', amountMg: 2 },
    ],
    startDate: '2026-01-10',
    createdAt: '2026-01-09T09:00:00.000Z',
  };
  const zone = 'Europe/Berlin';

  it('uses each day’s regimen for slots, amounts and coverage', () => {
    const events = [
      slotEvent(zone, '2026-01-09', '08:00'),
      slotEvent(zone, '2026-01-09', '20:00'),
      slotEvent(zone, '2026-01-10', '08:00', { amountMg: 2 }),
      slotEvent(zone, '2026-01-10', '14:00', { amountMg: 2 }),
      // Logged against the old 20:00 time: the new regimen has no such slot, so it is extra.
      slotEvent(zone, '2026-01-10', '20:00', { amountMg: 2 }),
    ];
    const r = computeAdherence({
      versions: [twiceDaily, v2],
      events,
      zone,
      from: '2026-01-09',
      to: '2026-01-10',
      now: '2026-01-11T12:00:00Z',
    });
    expect(
      r.days.map((d) => [
        d.date,
        d.scheduled,
        d.scheduledMg,
        d.taken,
        d.extra,
        d.takenMg,
        d.covered,
      ]),
    ).toEqual([
      ['2026-01-09', 2, 10, 2, 0, 10, true],
      ['2026-01-10', 3, 6, 2, 1, 6, false],
    ]);
    expect(r.slots.map((s) => `${s.slot.regimenVersionId}:${s.slot.key}:${s.status}`)).toEqual([
      'r1:2026-01-09T08:00:taken',
      'r1:2026-01-09T20:00:taken',
      'r2:2026-01-10T08:00:taken',
      'r2:2026-01-10T14:00:taken',
      'r2:2026-01-10T21:00:missed',
    ]);
    expect(r).toMatchObject({ scheduled: 5, missed: 1, extraDoses: 1, extraMg: 2 });
  });
});
