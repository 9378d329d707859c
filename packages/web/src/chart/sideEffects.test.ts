import { describe, expect, it } from 'vitest';
import { sideEffectRows, weekStart } from './sideEffects';
import type { ChartDay, ChartDayCheckIns } from './types';

const calm: ChartDayCheckIns = {
  count: 1,
  painMean: 4,
  painMax: 4,
  sideEffects: { drowsiness: 'none', dizziness: 'none', unsteadiness: 'none', confusion: 'none' },
  otherSideEffects: [],
  fall: 'none',
  breathingProblem: false,
};
const day = (date: string, checkIns: Partial<ChartDayCheckIns> | null): ChartDay => ({
  date,
  doses: null,
  checkIns: checkIns === null ? null : { ...calm, ...checkIns },
});

describe('weekStart', () => {
  it('is the Monday of the week', () => {
    expect(weekStart('2026-03-09')).toBe('2026-03-09'); // Monday
    expect(weekStart('2026-03-15')).toBe('2026-03-09'); // Sunday
    expect(weekStart('2026-03-01')).toBe('2026-02-23');
  });
});

describe('sideEffectRows', () => {
  const days = [
    day('2026-03-06', { sideEffects: { ...calm.sideEffects, drowsiness: 'mild' } }), // Friday
    day('2026-03-07', calm),
    day('2026-03-08', null),
    day('2026-03-09', {
      sideEffects: { ...calm.sideEffects, drowsiness: 'moderate', dizziness: 'mild' },
      otherSideEffects: [{ text: 'Dry mouth', severity: 'mild' }],
    }),
    day('2026-03-10', {
      otherSideEffects: [{ text: 'Dry mouth', severity: 'severe' }],
      fall: 'near_fall',
    }),
    day('2026-03-11', { fall: 'fall', breathingProblem: true }),
  ];

  it('lists only the days with something, newest first', () => {
    const rows = sideEffectRows(days, 'day');
    expect(rows.map((r) => r.from)).toEqual([
      '2026-03-11',
      '2026-03-10',
      '2026-03-09',
      '2026-03-06',
    ]);
    expect(rows[0]).toMatchObject({ fall: 'fall', fallDays: 1, nearFallDays: 0, breathingDays: 1 });
    expect(rows[2]?.effects).toEqual({
      ...calm.sideEffects,
      drowsiness: 'moderate',
      dizziness: 'mild',
    });
  });

  it('groups by week keeping the strongest rating and counting days', () => {
    const rows = sideEffectRows(days, 'week');
    expect(rows.map((r) => [r.from, r.to])).toEqual([
      ['2026-03-09', '2026-03-15'],
      ['2026-03-02', '2026-03-08'],
    ]);
    expect(rows[0]).toMatchObject({
      checkInDays: 3,
      fall: 'fall',
      fallDays: 1,
      nearFallDays: 1,
      breathingDays: 1,
      other: [{ text: 'Dry mouth', severity: 'severe' }],
    });
    expect(rows[0]?.effects.drowsiness).toBe('moderate');
    expect(rows[1]).toMatchObject({ checkInDays: 2, effects: { drowsiness: 'mild' } });
  });

  it('gives nothing when nothing was reported', () => {
    expect(sideEffectRows([day('2026-03-07', calm), day('2026-03-08', null)], 'week')).toEqual([]);
  });
});
