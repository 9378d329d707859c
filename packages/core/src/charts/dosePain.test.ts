import { describe, expect, it } from 'vitest';
import { dosePainChart } from './dosePain.js';
import { CHART_COLORS, CHART_PALETTE } from './types.js';

const labels = {
  title: 'Last 30 days',
  description: 'Daily diazepam dose and pain, 1 to 4 March.',
  dose: 'Diazepam taken',
  pain: 'Pain',
  doseAxis: 'Diazepam (mg/day)',
  painAxis: 'Pain (0–10)',
};

const days = [
  { date: '2026-03-04', doseMg: 7.5, pain: 3 },
  { date: '2026-03-01', doseMg: 10, pain: 5 },
  { date: '2026-03-02', doseMg: 0, pain: null },
];

describe('dosePainChart', () => {
  const option = dosePainChart(days, labels);

  it('maps every day of the period to a category, with gaps for missing values', () => {
    expect(option.xAxis[0]).toMatchObject({
      type: 'category',
      data: ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'],
    });
    expect(option.series.map((s) => [s.type, s.name, s.data])).toEqual([
      ['bar', 'Diazepam taken', [10, 0, null, 7.5]],
      ['line', 'Pain', [5, null, null, 3]],
    ]);
    expect(option.series[1]).toMatchObject({ yAxisIndex: 1, connectNulls: false });
  });

  it('fixes axis ranges and shows units', () => {
    expect(option.yAxis[0]).toMatchObject({
      name: 'Diazepam (mg/day)',
      min: 0,
      max: 10,
      interval: 2,
      position: 'left',
      axisLabel: { formatter: '{value} mg' },
    });
    expect(option.yAxis[1]).toMatchObject({
      name: 'Pain (0–10)',
      min: 0,
      max: 10,
      interval: 2,
      position: 'right',
    });
    expect(
      dosePainChart([{ date: '2026-03-01', doseMg: 22, pain: 1 }], labels).yAxis[0],
    ).toMatchObject({ max: 25, interval: 5 });
    expect(
      dosePainChart([{ date: '2026-03-01', doseMg: 40, pain: 1 }], labels).yAxis[0],
    ).toMatchObject({ max: 40, interval: 10 });
  });

  it('has accessible defaults: title, aria description, safe palette, no animation', () => {
    expect(option.title.text).toBe('Last 30 days');
    expect(option.aria).toEqual({ enabled: true, description: labels.description });
    expect(option.animation).toBe(false);
    expect(option.color).toEqual(CHART_COLORS);
    expect(option.series[0]?.itemStyle?.color).toBe(CHART_PALETTE.blue);
    expect(option.series[1]?.itemStyle?.color).toBe(CHART_PALETTE.vermillion);
    expect(dosePainChart(days, labels, { animation: true }).animation).toBe(true);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
  });

  it('uses an explicit period, dropping days outside it', () => {
    const o = dosePainChart(days, labels, { from: '2026-03-02', to: '2026-03-05' });
    expect(o.xAxis[0]?.data).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(o.series[0]?.data).toEqual([0, null, 7.5, null]);
  });

  it('handles no data', () => {
    const o = dosePainChart([], labels);
    expect(o.xAxis[0]?.data).toEqual([]);
    expect(o.series[0]?.data).toEqual([]);
    expect(o.yAxis[0]).toMatchObject({ min: 0, max: 2 });
  });

  it('rejects bad input', () => {
    expect(() => dosePainChart([{ date: '2026-02-30', doseMg: 1, pain: 1 }], labels)).toThrow(
      RangeError,
    );
    expect(() => dosePainChart([days[0]!, days[0]!], labels)).toThrow(/twice/);
    expect(() => dosePainChart([{ date: '2026-03-01', doseMg: -1, pain: 1 }], labels)).toThrow(
      RangeError,
    );
    expect(() => dosePainChart([{ date: '2026-03-01', doseMg: 1, pain: 11 }], labels)).toThrow(
      RangeError,
    );
    expect(() =>
      dosePainChart([{ date: '2026-03-01', doseMg: 1, pain: Number.NaN }], labels),
    ).toThrow(RangeError);
    expect(() => dosePainChart(days, labels, { from: 'x' })).toThrow(RangeError);
    expect(() => dosePainChart(days, labels, { to: 'x' })).toThrow(RangeError);
  });
});
