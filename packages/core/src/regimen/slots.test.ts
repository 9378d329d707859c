import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  doseSlots,
  isLocalDate,
  isTimeZone,
  localDateOf,
  localTimeOf,
  localToInstant,
  regimenOn,
  scheduledDailyTotal,
} from './slots.js';
import { twiceDaily } from './fixtures.test-helpers.js';
import type { RegimenVersion } from './types.js';

// Twice daily, listed out of time order on purpose: slots come out sorted.
const base: RegimenVersion = { ...twiceDaily, doses: [...twiceDaily.doses].reverse() };

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

describe('regimenOn', () => {
  const v1 = base;
  const v2: RegimenVersion = {
    ...base,
    id: 'r2',
    version: 2,
    doses: [{ time: '09:00', amountMg: 2 }],
    startDate: '2026-02-01',
    endDate: '2026-02-28',
    createdAt: '2026-01-15T09:00:00.000Z',
  };

  it('does not let a newer version displace the current one before its start date', () => {
    expect(regimenOn([v1, v2], '2026-01-20', 'UTC')?.id).toBe('r1');
    expect(regimenOn([v1, v2], '2026-01-31', 'UTC')?.id).toBe('r1');
    expect(regimenOn([v1, v2], '2026-02-01', 'UTC')?.id).toBe('r2');
    expect(regimenOn([v1, v2], '2026-02-28', 'UTC')?.id).toBe('r2');
  });

  it('gives no regimen after the newest version ends; an older open-ended one does not re-apply', () => {
    expect(regimenOn([v1, v2], '2026-03-01', 'UTC')).toBeNull();
    expect(regimenOn([v2, v1], '2026-06-01', 'UTC')).toBeNull();
    expect(doseSlots([v1, v2], '2026-02-27', '2026-03-02', 'UTC').map((s) => s.key)).toEqual([
      '2026-02-27T09:00',
      '2026-02-28T09:00',
    ]);
  });

  it('resumes when a still newer version is recorded after the end', () => {
    const v3: RegimenVersion = {
      ...base,
      id: 'r3',
      version: 3,
      startDate: '2026-03-10',
      createdAt: '2026-03-09T12:00:00.000Z',
    };
    expect(regimenOn([v1, v2, v3], '2026-03-05', 'UTC')).toBeNull();
    expect(regimenOn([v1, v2, v3], '2026-03-10', 'UTC')?.id).toBe('r3');
  });

  it('ignores versions recorded after the end of the local day', () => {
    // Recorded 2026-01-15T09:00Z = 2026-01-14 23:00 in Honolulu (UTC−10).
    const late = { ...v2, startDate: '2026-01-10', endDate: null };
    expect(regimenOn([v1, late], '2026-01-14', 'UTC')?.id).toBe('r1');
    expect(regimenOn([v1, late], '2026-01-14', 'Pacific/Honolulu')?.id).toBe('r2');
    expect(regimenOn([v1, late], '2026-01-15', 'UTC')?.id).toBe('r2');
  });

  it('breaks createdAt ties by the higher version number', () => {
    const twin = { ...v1, id: 'r1b', version: 5 };
    expect(regimenOn([v1, twin], '2026-01-02', 'UTC')?.id).toBe('r1b');
    expect(regimenOn([twin, v1], '2026-01-02', 'UTC')?.id).toBe('r1b');
  });

  const day = fc.integer({ min: 0, max: 90 }).map((n) => addDays('2026-01-01', n));
  const version = fc
    .tuple(
      fc.integer({ min: 1, max: 1_000 }),
      day,
      fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      fc.integer({ min: -5, max: 5 }),
      fc.integer({ min: 0, max: 23 }),
    )
    .map(([n, startDate, length, shift, hour]): RegimenVersion => ({
      ...base,
      id: `v${n}`,
      version: n,
      startDate,
      endDate: length === null ? null : addDays(startDate, length),
      createdAt: `${addDays(startDate, shift)}T${String(hour).padStart(2, '0')}:15:00.000Z`,
    }));
  const zone = fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Pacific/Auckland');

  it('property: the answer covers the day, and later-starting or later-recorded versions do not change it', () => {
    fc.assert(
      fc.property(fc.array(version, { maxLength: 5 }), version, day, zone, (vs, extra, d, z) => {
        const found = regimenOn(vs, d, z);
        if (found !== null) {
          expect(found.startDate <= d).toBe(true);
          expect(found.endDate === null || found.endDate >= d).toBe(true);
          expect(localDateOf(found.createdAt, z) <= d).toBe(true);
        }
        const startsLater = { ...extra, startDate: addDays(d, 1) };
        const recordedLater = { ...extra, createdAt: `${addDays(d, 2)}T00:00:00.000Z` };
        expect(regimenOn([...vs, startsLater], d, z)).toBe(found);
        expect(regimenOn([...vs, recordedLater], d, z)).toBe(found);
      }),
    );
  });

  it('property: once the newest version has ended, nothing older applies', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 5 }), day, (vs, d) => {
        const newer = (a: RegimenVersion, b: RegimenVersion): boolean =>
          b.createdAt > a.createdAt || (b.createdAt === a.createdAt && b.version > a.version);
        const newest = vs.reduce((a, b) => (newer(a, b) ? b : a));
        if (newest.endDate === null || newest.endDate >= d || newest.startDate > d) return;
        if (newest.createdAt >= `${addDays(d, 1)}T00:00:00.000Z`) return;
        expect(regimenOn(vs, d, 'UTC')).toBeNull();
      }),
    );
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

  it('rejects or blanks out malformed input instead of guessing', () => {
    expect(() => localToInstant('2026-02-30', '08:00', 'UTC')).toThrow(RangeError);
    expect(() => localToInstant('2026-03-01', '08:00', 'Mars/Olympus')).toThrow(RangeError);
    expect(localDateOf('not an instant', 'UTC')).toBe('');
    expect(addDays('not a date', 1)).toBe('');
    expect(localTimeOf('2026-03-08T12:00:00Z', 'America/New_York')).toBe('08:00');
  });
});
