import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysSinceRegimenStart } from '../regimen/adherence.js';
import { addDays, regimenOn } from '../regimen/slots.js';
import type { RegimenVersion } from '../regimen/types.js';
import {
  contextOf,
  daysFromTo,
  inDays,
  lastIndexAtOrBefore,
  plusDays,
  taperActiveOn,
} from './context.js';
import { baseInput, checkIn, regimen } from './signals.test-helpers.js';

const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays('2026-01-01', n));

describe('plusDays', () => {
  it('matches addDays from regimen/slots', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: -800, max: 800 }),
        (start, n) => {
          const d = addDays('2020-01-01', start);
          expect(plusDays(d, n)).toBe(addDays(d, n));
        },
      ),
    );
  });
});

describe('cached regimen lookups', () => {
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
  ];
  const version = fc
    .tuple(
      day,
      fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      fc.integer({ min: -3, max: 3 }),
      fc.integer({ min: 0, max: 23 }),
      fc.boolean(),
    )
    .map(([startDate, length, recordedShift, hour, empty]): RegimenVersion =>
      regimen({
        startDate,
        endDate: length === null ? null : addDays(startDate, length),
        createdAt: `${addDays(startDate, recordedShift)}T${String(hour).padStart(2, '0')}:30:00.000Z`,
        doses: empty ? [] : [{ time: '08:00', amountMg: 1 + hour }],
      }),
    );

  it('prescribed(day) and treatmentDays() agree with regimenOn and daysSinceRegimenStart', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(version, { minLength: 0, maxLength: 5 }),
        day,
        (zone, versions, today) => {
          const ctx = contextOf(
            baseInput({ timeZone: zone, regimenVersions: versions, now: `${today}T12:00:00.000Z` }),
          );
          for (const d of daysFromTo('2025-12-25', '2026-05-10')) {
            expect(ctx.prescribed(d).version?.id ?? null).toBe(
              regimenOn(versions, d, zone)?.id ?? null,
            );
          }
          expect(ctx.treatmentDays()).toBe(daysSinceRegimenStart(versions, ctx.today, zone));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('helpers', () => {
  it('finds the last element at or before a value', () => {
    expect(lastIndexAtOrBefore([1, 3, 5], 0)).toBe(-1);
    expect(lastIndexAtOrBefore([1, 3, 5], 3)).toBe(1);
    expect(lastIndexAtOrBefore([1, 3, 5], 9)).toBe(2);
    expect(lastIndexAtOrBefore([], 9)).toBe(-1);
  });

  it('selects items by local day, across the date line', () => {
    const ctx = contextOf(baseInput({ timeZone: 'Pacific/Kiritimati' }));
    const items = [
      checkIn('2026-03-30', '11:00'),
      checkIn('2026-03-30', '09:00'),
      checkIn('2026-03-28', '12:00'),
    ];
    // 2026-03-30 11:00 UTC is 2026-03-31 01:00 in UTC+14.
    expect(inDays(ctx, items, (c) => c.at, '2026-03-31', '2026-03-31').map((c) => c.at)).toEqual([
      '2026-03-30T11:00:00.000Z',
    ]);
  });

  it('knows when a taper is under way', () => {
    const input = baseInput({
      taper: {
        steps: [
          { index: 1, startDate: '2026-03-10', dailyTotalMg: 0 },
          { index: 0, startDate: '2026-03-01', dailyTotalMg: 5 },
        ],
      },
    });
    expect(taperActiveOn(input, '2026-02-28')).toBe(false);
    expect(taperActiveOn(input, '2026-03-05')).toBe(true);
    expect(taperActiveOn(input, '2026-03-10')).toBe(false);
    expect(taperActiveOn(baseInput(), '2026-03-05')).toBe(false);
  });
});
