import { describe, expect, it } from 'vitest';
import { computeAdherence } from '../regimen/adherence.js';
import { slotEvent, twiceDaily } from '../regimen/fixtures.test-helpers.js';
import { localToInstant } from '../regimen/slots.js';
import type { CheckIn, Severity4 } from '../regimen/types.js';
import { binaryAssociation } from './association.js';
import { describeAssociation } from './wording.js';
import {
  dailyActivityDone,
  dailyCheckInSeries,
  dailyCheckInValues,
  dailyMeanDoseOffset,
  dailySideEffectSeverity,
  lateDoseDays,
} from './series.js';

const zone = 'America/New_York';

function checkIn(
  date: string,
  time: string,
  pain: number,
  drowsiness: Severity4,
  extra: Partial<CheckIn> = {},
): CheckIn {
  return {
    id: `${date}T${time}`,
    at: localToInstant(date, time, zone),
    pain,
    spasm: 3,
    sleepQuality: null,
    anxiety: null,
    mood: null,
    sideEffects: { drowsiness, dizziness: 'none', unsteadiness: 'none', confusion: 'none' },
    fall: 'none',
    breathingProblem: false,
    otherSideEffect: null,
    activities: [],
    note: null,
    ...extra,
  };
}

const checkIns = [
  checkIn('2026-03-08', '09:00', 4, 'mild', { sleepQuality: 6, activities: ['paced-breathing'] }),
  // 23:30 EDT on 8 March is 03:30Z on 9 March: still the 8th for the patient.
  checkIn('2026-03-08', '23:30', 6, 'severe', { sleepQuality: null }),
  checkIn('2026-03-09', '08:00', 3, 'none', { sleepQuality: 8 }),
];

describe('dailyCheckInSeries', () => {
  it('gives mean pain, strongest drowsiness (0–3) and mean sleep quality per local day', () => {
    const s = dailyCheckInSeries(checkIns, zone);
    expect([...s.pain]).toEqual([
      ['2026-03-08', 5],
      ['2026-03-09', 3],
    ]);
    expect([...s.drowsiness]).toEqual([
      ['2026-03-08', 3],
      ['2026-03-09', 0],
    ]);
    expect([...s.sleepQuality]).toEqual([
      ['2026-03-08', 6],
      ['2026-03-09', 8],
    ]);
  });

  it('reads any side effect, any numeric answer, and skips missing or non-finite ones', () => {
    const withDizzy = checkIn('2026-03-10', '08:00', 2, 'none', {
      sideEffects: {
        drowsiness: 'none',
        dizziness: 'moderate',
        unsteadiness: 'none',
        confusion: 'none',
      },
    });
    expect([...dailySideEffectSeverity([withDizzy], zone, 'dizziness')]).toEqual([
      ['2026-03-10', 2],
    ]);
    const bad = checkIn('2026-03-10', '09:00', Number.NaN, 'none');
    expect([...dailyCheckInValues([bad, withDizzy], zone, (c) => c.pain, 'max')]).toEqual([
      ['2026-03-10', 2],
    ]);
    expect(dailyCheckInValues(checkIns, zone, (c) => c.anxiety, 'mean').size).toBe(0);
  });

  it('marks activity days true/false only on days with a check-in', () => {
    expect([...dailyActivityDone(checkIns, zone, 'paced-breathing')]).toEqual([
      ['2026-03-08', true],
      ['2026-03-09', false],
    ]);
  });
});

describe('dose timing factors', () => {
  const events = [
    slotEvent('UTC', '2026-02-01', '08:00'),
    slotEvent('UTC', '2026-02-01', '20:00', { takenTime: '21:30' }), // late
    slotEvent('UTC', '2026-02-02', '08:00', { takenTime: '06:00' }), // early
    slotEvent('UTC', '2026-02-02', '20:00'),
    slotEvent('UTC', '2026-02-03', '08:00', { takenTime: '08:30' }),
    slotEvent('UTC', '2026-02-03', '20:00', { takenTime: '19:50' }),
    slotEvent('UTC', '2026-02-04', '08:00', { takenTime: '06:00' }), // early
    slotEvent('UTC', '2026-02-04', '20:00', { takenTime: '22:00' }), // late
  ];
  const report = computeAdherence({
    versions: [twiceDaily],
    events,
    zone: 'UTC',
    from: '2026-02-01',
    to: '2026-02-05',
    now: '2026-02-06T00:00:00Z',
  });

  it('classifies days as late or on time, leaving out early-only days', () => {
    expect([...lateDoseDays(report)]).toEqual([
      ['2026-02-01', true],
      ['2026-02-03', false],
      ['2026-02-04', true],
    ]);
  });

  it('gives the mean signed offset per day', () => {
    expect([...dailyMeanDoseOffset(report)]).toEqual([
      ['2026-02-01', 45],
      ['2026-02-02', -60],
      ['2026-02-03', 10],
      ['2026-02-04', 0],
    ]);
  });
});

describe('from check-ins to a worded insight', () => {
  it('finds lower next-day pain after paced-breathing days and words it as an association', () => {
    // 30 days: breathing on 2 of every 3 days; pain the next day is lower after those days.
    const list: CheckIn[] = [];
    for (let k = 0; k < 31; k++) {
      const date = new Date(Date.UTC(2026, 0, 1 + k)).toISOString().slice(0, 10);
      const didBreathing = k % 3 !== 2;
      const afterBreathing = k > 0 && (k - 1) % 3 !== 2;
      const pain = (afterBreathing ? 4 : 5.5) + [0, 1, -1, 0, 1, 0, -1][k % 7]! * 0.5;
      list.push(
        checkIn(date, '20:00', pain, 'none', {
          activities: didBreathing ? ['paced-breathing'] : [],
        }),
      );
    }
    const { pain } = dailyCheckInSeries(list, zone);
    const result = binaryAssociation(dailyActivityDone(list, zone, 'paced-breathing'), pain, {
      lagDays: 1,
    });
    expect(result).toMatchObject({ status: 'ok', nWith: 20, nWithout: 10, pairedDays: 30 });
    const text = describeAssociation(result, {
      factor: 'you did paced breathing',
      outcome: 'your pain',
      unit: 'points',
    });
    expect(text).toMatch(
      /^On days you did paced breathing, your pain the next day was \d\.\d points lower on average \(95 % CI /,
    );
    expect(text).toContain('20 vs 10 days');
    expect(text).toMatch(/association, not proof/);
  });
});
