import { describe, expect, it } from 'vitest';
import {
  chartSummary,
  dailyLevels,
  overviewDays,
  overviewOption,
  partialLog,
  strongestSideEffect,
} from './overview';
import type { ChartDayCheckIns, ChartLevels, ChartResponse } from './types';

const calm: ChartDayCheckIns = {
  count: 1,
  painMean: 4,
  painMax: 5,
  sideEffects: { drowsiness: 'none', dizziness: 'none', unsteadiness: 'none', confusion: 'none' },
  otherSideEffects: [],
  fall: 'none',
  breathingProblem: false,
};
const doses = (takenMg: number) => ({ scheduledMg: 15, takenMg, extraDoses: 0, extraMg: 0 });
const levels = (points: ChartLevels['points']): ChartLevels => ({
  resolution: 'hourly',
  warmUpDays: 21,
  reference: { basis: 'regimen', dailyMg: 15, date: '2026-03-10' },
  logStart: '2026-01-01',
  completeFrom: '2026-01-22',
  points,
  halfLivesHours: { parent: 31.7, metabolite: 65 },
  parameters: [],
  caveats: [],
});
const chart: ChartResponse = {
  timeZone: 'America/New_York',
  from: '2026-03-08',
  to: '2026-03-10',
  hidden: [],
  days: [
    { date: '2026-03-08', doses: doses(0), checkIns: null },
    {
      date: '2026-03-09',
      doses: doses(15),
      checkIns: { ...calm, otherSideEffects: [{ text: 'Itch', severity: 'moderate' }] },
    },
    { date: '2026-03-10', doses: doses(10), checkIns: { ...calm, painMean: 6, fall: 'near_fall' } },
  ],
  levels: levels([
    { at: '2026-03-09T03:00:00.000Z', parent: 0.5, metabolite: 0.2 }, // 23:00 EDT on 8 March
    { at: '2026-03-09T05:00:00.000Z', parent: 0.6, metabolite: 0.3 }, // 01:00 on 9 March (EDT)
    { at: '2026-03-09T06:00:00.000Z', parent: 0.8, metabolite: 0.5 },
  ]),
};

describe('strongestSideEffect', () => {
  it('takes named side effects and the patient’s own words', () => {
    expect(strongestSideEffect(null)).toBeNull();
    expect(strongestSideEffect(calm)).toBe('none');
    expect(strongestSideEffect(chart.days[1]?.checkIns ?? null)).toBe('moderate');
    expect(
      strongestSideEffect({ ...calm, sideEffects: { ...calm.sideEffects, confusion: 'severe' } }),
    ).toBe('severe');
  });
});

describe('overviewDays', () => {
  it('keeps a day without a check-in as a gap, not a zero', () => {
    expect(overviewDays(chart.days)).toEqual([
      { date: '2026-03-08', doseMg: 0, pain: null, sideEffect: null },
      { date: '2026-03-09', doseMg: 15, pain: 4, sideEffect: 2 },
      { date: '2026-03-10', doseMg: 10, pain: 6, sideEffect: 0 },
    ]);
  });

  it('leaves hidden doses out', () => {
    const hidden = chart.days.map((d) => ({ ...d, doses: null }));
    expect(overviewDays(hidden).map((d) => d.doseMg)).toEqual([null, null, null]);
  });
});

describe('dailyLevels', () => {
  it('averages the points of each local day of the patient', () => {
    const got = dailyLevels(chart.levels, chart.timeZone);
    expect(got.get('2026-03-08')).toEqual({ parent: 0.5, metabolite: 0.2 });
    expect(got.get('2026-03-09')?.parent).toBeCloseTo(0.7);
    expect(got.get('2026-03-09')?.metabolite).toBeCloseTo(0.4);
    expect(dailyLevels(null, chart.timeZone).size).toBe(0);
  });
});

describe('chartSummary', () => {
  it('averages over the days since the first dose, and counts days with events', () => {
    expect(chartSummary(chart)).toEqual({
      days: 3,
      avgTakenMg: 12.5,
      scheduledMg: 15,
      checkInDays: 2,
      avgPain: 5,
      sideEffectDays: 1,
      fallDays: 1,
      breathingDays: 0,
    });
  });
});

describe('overviewOption', () => {
  const labels = {
    description: 'Summary',
    dose: 'Diazepam taken',
    pain: 'Pain',
    sideEffect: 'Strongest side effect',
    doseAxis: 'mg/day',
    levelAxis: 'Level',
    painAxis: 'Pain',
    sideEffectAxis: 'Side effects',
    parentLevel: 'Diazepam (estimated)',
    metaboliteLevel: 'Nordiazepam (estimated)',
  };
  it('drops the in-chart title and legend and shows time labels once', () => {
    const option = overviewOption(chart, labels, false) as Record<string, unknown>;
    expect(option.title).toBeUndefined();
    expect(option.legend).toEqual({ show: false });
    const xAxis = option.xAxis as { axisLabel?: { show?: boolean } }[];
    expect(xAxis[0]?.axisLabel?.show).toBe(false);
    expect(xAxis[1]?.axisLabel?.show).toBe(true);
    const series = option.series as { name: string; data: unknown[] }[];
    expect(series.map((s) => s.name)).toEqual([
      'Diazepam taken',
      'Diazepam (estimated)',
      'Nordiazepam (estimated)',
      'Pain',
      'Strongest side effect',
    ]);
    // Level points in the patient's wall time, as percentages.
    expect(series[1]?.data[0]).toEqual(['2026-03-08 23:00', 50]);
  });
});

describe('partialLog', () => {
  it('warns only while the log is too short to count every earlier dose', () => {
    expect(partialLog(levels([]), '2026-01-10')).toEqual({
      logStart: '2026-01-01',
      completeFrom: '2026-01-22',
    });
    expect(partialLog(levels([]), '2026-01-22')).toBeNull();
    expect(
      partialLog({ ...levels([]), logStart: null, completeFrom: null }, '2026-01-10'),
    ).toBeNull();
    expect(partialLog(null, '2026-01-10')).toBeNull();
  });
});

describe('overviewOption with a part not shared', () => {
  const labels = {
    description: 'Summary',
    dose: 'Diazepam taken',
    pain: 'Pain',
    sideEffect: 'Strongest side effect',
    doseAxis: 'mg/day',
    levelAxis: 'Level',
    painAxis: 'Pain',
    sideEffectAxis: 'Side effects',
    parentLevel: 'Diazepam (estimated)',
    metaboliteLevel: 'Nordiazepam (estimated)',
  };
  type Series = { name: string; xAxisIndex: number; yAxisIndex: number };
  type Axis = { name?: string; gridIndex: number };

  it('draws only the check-in panel when doses are hidden', () => {
    const hidden: ChartResponse = {
      ...chart,
      hidden: ['medications'],
      levels: null,
      days: chart.days.map((d) => ({ ...d, doses: null })),
    };
    const option = overviewOption(hidden, labels, false) as Record<string, unknown>;
    expect(option.grid).toHaveLength(1);
    expect((option.yAxis as Axis[]).map((a) => [a.name, a.gridIndex])).toEqual([
      ['Pain', 0],
      ['Side effects', 0],
    ]);
    expect((option.series as Series[]).map((s) => [s.name, s.xAxisIndex, s.yAxisIndex])).toEqual([
      ['Pain', 0, 0],
      ['Strongest side effect', 0, 1],
    ]);
  });

  it('draws only the dose panel when check-ins are hidden', () => {
    const hidden: ChartResponse = {
      ...chart,
      hidden: ['checkins'],
      days: chart.days.map((d) => ({ ...d, checkIns: null })),
    };
    const option = overviewOption(hidden, labels, false) as Record<string, unknown>;
    expect((option.yAxis as Axis[]).map((a) => a.name)).toEqual(['mg/day', 'Level']);
    expect((option.series as Series[]).map((s) => [s.name, s.xAxisIndex, s.yAxisIndex])).toEqual([
      ['Diazepam taken', 0, 0],
      ['Diazepam (estimated)', 0, 1],
      ['Nordiazepam (estimated)', 0, 1],
    ]);
    expect((option.xAxis as { axisLabel: { show: boolean } }[])[0]?.axisLabel.show).toBe(true);
  });
});
