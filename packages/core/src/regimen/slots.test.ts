import { describe, expect, it } from 'vitest';
import { doseSlots, localDateOf, regimenOn, scheduledDailyTotal, isLocalDate, isTimeZone } from './slots.js';
import type { RegimenVersion } from './types.js';

const base: RegimenVersion = {
  id: 'r1',
  version: 1,
  formulation: 'tab5',
  doses: [
    { time: '20:00', amountMg: 5 },
    { time: '08:00', amountMg: 5 },
  ],
  asNeeded: null,
  startDate: '2026-01-01',
  endDate: null,
  prescriber: null,
  indication: null,
  createdAt: '2025-12-31T10:00:00.000Z',
};

describe('doseSlots', () => {
  it('keeps local times across the US spring-forward change', () => {
    const slots = doseSlots([base], '2026-03-07', '2026-03-09', 'America/New_York');
    expect(slots.map((s) => s.key)).toEqual([
      '2026-03-07T08:00',
      '2026-03-07T20:00',
      '2026-03-08T08:00',
      '2026-03-08T20:00',
      '2026-03-09T08:00',
      '2026-03-09T20:00',
    ]);
    // 08:00 EST = 13:00Z before the change, 08:00 EDT = 12:00Z after.
    expect(slots[0]!.dueAt).toBe('2026-03-07T13:00:00.000Z');
    expect(slots[2]!.dueAt).toBe('2026-03-08T12:00:00.000Z');
  });

  it('shifts a time inside the DST gap forward rather than dropping it', () => {
    const v = { ...base, doses: [{ time: '02:30', amountMg: 2 }] };
    const slots = doseSlots([v], '2026-03-08', '2026-03-08', 'America/New_York');
    expect(slots).toHaveLength(1);
    expect(slots[0]!.dueAt).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
  });

  it('uses the newest version recorded by the end of each day', () => {
    const v2: RegimenVersion = {
      ...base,
      id: 'r2',
      version: 2,
      doses: [{ time: '09:00', amountMg: 4 }],
      startDate: '2026-01-01',
      createdAt: '2026-01-05T15:00:00.000Z',
    };
    const slots = doseSlots([base, v2], '2026-01-04', '2026-01-06', 'Europe/Berlin');
    expect(slots.map((s) => `${s.key}:${s.amountMg}`)).toEqual([
      '2026-01-04T08:00:5',
      '2026-01-04T20:00:5',
      '2026-01-05T09:00:4',
      '2026-01-06T09:00:4',
    ]);
  });

  it('respects start and end dates', () => {
    const v = { ...base, startDate: '2026-02-02', endDate: '2026-02-03' };
    expect(doseSlots([v], '2026-02-01', '2026-02-05', 'UTC').map((s) => s.localDate)).toEqual([
      '2026-02-02',
      '2026-02-02',
      '2026-02-03',
      '2026-02-03',
    ]);
    expect(regimenOn([v], '2026-02-04', 'UTC')).toBeNull();
  });
});

describe('helpers', () => {
  it('computes local dates and totals', () => {
    expect(localDateOf('2026-01-01T23:30:00.000Z', 'Pacific/Auckland')).toBe('2026-01-02');
    expect(scheduledDailyTotal(base)).toBe(10);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
