import { describe, expect, it } from 'vitest';
import {
  dueCheckIn,
  highestScore,
  progressPercent,
  visibleCheckIns,
  withdrawalChartOption,
} from './patientLogic';
import type { TaperCheckIn } from './useCheckIns';

const checkIn = (date: string, status: TaperCheckIn['status']): TaperCheckIn => ({
  date,
  kind: 'step',
  stepIndex: 0,
  daysAfterStep: 2,
  status,
  openUntil: date,
  responseId: null,
});

describe('patient taper helpers', () => {
  const schedule = [
    checkIn('2026-03-04', 'answered'),
    checkIn('2026-03-07', 'missed'),
    checkIn('2026-03-12', 'due'),
    ...['2026-03-18', '2026-03-21', '2026-03-26', '2026-04-01', '2026-04-04'].map((d) =>
      checkIn(d, 'upcoming'),
    ),
  ];

  it('finds the due check-in and lists the past with the next three', () => {
    expect(dueCheckIn(schedule)?.date).toBe('2026-03-12');
    expect(dueCheckIn(schedule.slice(0, 2))).toBeNull();
    const { earlier, shown, later } = visibleCheckIns(schedule);
    expect(earlier).toEqual([]);
    expect(shown.map((c) => c.date).at(-1)).toBe('2026-03-26');
    expect(later).toBe(2);
    expect(visibleCheckIns(schedule.slice(0, 3))).toEqual({
      earlier: [],
      shown: schedule.slice(0, 3),
      later: 0,
    });
    // Only the last past ones stay in view; older ones go behind a disclosure.
    const some = visibleCheckIns(schedule, 3, 1);
    expect(some.earlier.map((c) => c.date)).toEqual(['2026-03-04']);
    expect(some.shown[0]?.date).toBe('2026-03-07');
  });

  it('measures progress by milligrams towards the goal', () => {
    const p = {
      stepsDone: 3,
      stepsTotal: 20,
      startDailyMg: 20,
      currentDailyMg: 15,
      goalDailyMg: 0,
    };
    expect(progressPercent(p)).toBe(25);
    expect(progressPercent({ ...p, goalDailyMg: 10 })).toBe(50);
    expect(progressPercent({ ...p, currentDailyMg: 22 })).toBe(0);
    expect(progressPercent({ ...p, startDailyMg: 0 })).toBe(100);
  });

  it('charts the highest total per step against the daily dose', () => {
    const byStep = [
      { stepIndex: 0, startDate: '2026-03-02', dailyTotalMg: 18, scores: [] },
      {
        stepIndex: 1,
        startDate: '2026-03-16',
        dailyTotalMg: 16.5,
        scores: [
          { at: '2026-03-18T10:00:00Z', total: 4, daysAfterStep: 2 },
          { at: '2026-03-21T10:00:00Z', total: 9, daysAfterStep: 5 },
        ],
      },
    ];
    expect(highestScore(byStep[1]!)).toBe(9);
    const option = withdrawalChartOption(byStep, {
      step: (n) => `Step ${String(n)}`,
      dose: 'Dose',
      highest: 'Highest',
    }) as { xAxis: { data: string[] }; series: { data: (number | null)[] }[] };
    expect(option.xAxis.data).toEqual(['Step 1', 'Step 2']);
    expect(option.series.map((s) => s.data)).toEqual([
      [null, 9],
      [18, 16.5],
    ]);
  });
});
