import { describe, expect, it } from 'vitest';
import { clinicalOverviewChart } from './clinicalOverview.js';
import { CHART_PALETTE } from './types.js';

const labels = {
  title: 'Overview',
  description: 'Dose, estimated levels, pain and side effects, 28 to 30 March.',
  dose: 'Diazepam',
  pain: 'Pain',
  sideEffect: 'Strongest side effect',
  parentLevel: 'Diazepam (estimated)',
  metaboliteLevel: 'Nordiazepam (estimated)',
  doseAxis: 'mg/day',
  levelAxis: 'Relative level',
  painAxis: 'Pain (0–10)',
  sideEffectAxis: 'Severity (0–3)',
};

const zone = 'Europe/Berlin';
const input = {
  zone,
  from: '2026-03-28',
  to: '2026-03-30',
  days: [
    { date: '2026-03-28', doseMg: 10, pain: 4, sideEffect: 0 },
    { date: '2026-03-30', doseMg: 8, pain: null, sideEffect: 2 },
  ],
  levels: [
    { at: '2026-03-29T06:00:00.000Z', parent: 1.05, metabolite: 0.9 },
    // Before the period (27 March local): left out.
    { at: '2026-03-27T12:00:00.000Z', parent: 1, metabolite: 1 },
    // 23:30 UTC on 28 March is 00:30 CET on the 29th, before the clocks change at 02:00.
    { at: '2026-03-28T23:30:00.000Z', parent: 1.2345, metabolite: 0.8 },
    // 22:30 UTC on 30 March is 00:30 CEST on the 31st: after the period, left out.
    { at: '2026-03-30T22:30:00.000Z', parent: 1, metabolite: 1 },
  ],
};

describe('clinicalOverviewChart', () => {
  const option = clinicalOverviewChart(input, labels);

  it('puts daily values at local noon with gaps for missing days and values', () => {
    const [dose, parent, metabolite, pain, side] = option.series;
    expect(dose).toMatchObject({ type: 'bar', name: 'Diazepam', xAxisIndex: 0, yAxisIndex: 0 });
    expect(dose?.data).toEqual([
      ['2026-03-28 12:00', 10],
      ['2026-03-29 12:00', null],
      ['2026-03-30 12:00', 8],
    ]);
    expect(pain).toMatchObject({ type: 'line', xAxisIndex: 1, yAxisIndex: 2, connectNulls: false });
    expect(pain?.data).toEqual([
      ['2026-03-28 12:00', 4],
      ['2026-03-29 12:00', null],
      ['2026-03-30 12:00', null],
    ]);
    expect(side).toMatchObject({ type: 'line', symbol: 'triangle', xAxisIndex: 1, yAxisIndex: 3 });
    expect(side?.data).toEqual([
      ['2026-03-28 12:00', 0],
      ['2026-03-29 12:00', null],
      ['2026-03-30 12:00', 2],
    ]);
    expect(parent?.name).toBe('Diazepam (estimated)');
    expect(metabolite?.lineStyle?.type).toBe('dashed');
  });

  it('shows levels in the patient’s local time, as % of steady state, in time order', () => {
    const [, parent, metabolite] = option.series;
    expect(parent?.data).toEqual([
      ['2026-03-29 00:30', 123.5],
      ['2026-03-29 08:00', 105],
    ]);
    expect(metabolite?.data).toEqual([
      ['2026-03-29 00:30', 80],
      ['2026-03-29 08:00', 90],
    ]);
    expect(parent?.itemStyle?.color).toBe(CHART_PALETTE.bluishGreen);
  });

  it('spans the period on two linked time axes with fixed value ranges', () => {
    for (const [i, axis] of option.xAxis.entries()) {
      expect(axis).toMatchObject({
        type: 'time',
        gridIndex: i,
        min: '2026-03-28 00:00',
        max: '2026-03-31 00:00',
      });
    }
    expect(option.yAxis.map((a) => [a.gridIndex, a.position, a.min, a.max, a.interval])).toEqual([
      [0, 'left', 0, 10, 2],
      [0, 'right', 0, 125, 25],
      [1, 'left', 0, 10, 2],
      [1, 'right', 0, 3, 1],
    ]);
    expect(option.yAxis[1]?.axisLabel?.formatter).toBe('{value} %');
    expect(option.grid).toHaveLength(2);
  });

  it('has accessible defaults and is plain JSON', () => {
    expect(option.aria).toEqual({ enabled: true, description: labels.description });
    expect(option.animation).toBe(false);
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
  });

  it('keeps the level axis at 100 % or more and rejects bad values', () => {
    const low = clinicalOverviewChart({ ...input, levels: [] }, labels);
    expect(low.yAxis[1]?.max).toBe(100);
    expect(() => clinicalOverviewChart({ ...input, from: '2026-13-01' }, labels)).toThrow(
      RangeError,
    );
    expect(() => clinicalOverviewChart({ ...input, to: 'soon' }, labels)).toThrow(RangeError);
    const badSide = { ...input, days: [{ date: '2026-03-28', doseMg: 1, pain: 1, sideEffect: 4 }] };
    expect(() => clinicalOverviewChart(badSide, labels)).toThrow(/side effect on 2026-03-28/);
    const badLevel = {
      ...input,
      levels: [{ at: '2026-03-29T06:00:00.000Z', parent: -1, metabolite: 1 }],
    };
    expect(() => clinicalOverviewChart(badLevel, labels)).toThrow(RangeError);
  });
});
