import { describe, expect, it } from 'vitest';
import { taperChart } from './taper.js';

const labels = {
  title: 'Taper plan',
  description:
    'Planned daily dose falls from 10 to 8 mg over four weeks; estimated levels follow over days.',
  dose: 'Planned daily dose',
  parentLevel: 'Diazepam (estimated)',
  metaboliteLevel: 'Nordiazepam (estimated)',
  doseAxis: 'mg/day',
  levelAxis: 'Relative level',
};
const zone = 'America/New_York';
const steps = [
  { startDate: '2026-03-15', dailyTotalMg: 9 },
  { startDate: '2026-03-01', dailyTotalMg: 10 },
  { startDate: '2026-03-29', dailyTotalMg: 8 },
];
const levels = [
  { at: '2026-03-08T17:00:00.000Z', parent: 1, metabolite: 1 },
  { at: '2026-04-02T16:00:00.000Z', parent: 0.82, metabolite: 0.9 },
];

describe('taperChart', () => {
  it('draws the steps as a step line held until the next step, closed at the chart end', () => {
    const option = taperChart({ steps, levels, zone, end: '2026-04-11' }, labels);
    const [dose, parent, metabolite] = option.series;
    expect(dose).toMatchObject({
      type: 'line',
      step: 'end',
      yAxisIndex: 0,
      name: 'Planned daily dose',
    });
    expect(dose?.data).toEqual([
      ['2026-03-01 00:00', 10],
      ['2026-03-15 00:00', 9],
      ['2026-03-29 00:00', 8],
      ['2026-04-12 00:00', 8],
    ]);
    // Local New York wall times: EST before 8 March 02:00, EDT after.
    expect(parent?.data).toEqual([
      ['2026-03-08 13:00', 100],
      ['2026-04-02 12:00', 82],
    ]);
    expect(metabolite?.data).toEqual([
      ['2026-03-08 13:00', 100],
      ['2026-04-02 12:00', 90],
    ]);
    expect(option.xAxis[0]).toMatchObject({
      type: 'time',
      min: '2026-03-01 00:00',
      max: '2026-04-12 00:00',
    });
    expect(
      option.yAxis.map((a) => [a.position, a.min, a.max, a.interval, a.axisLabel?.formatter]),
    ).toEqual([
      ['left', 0, 10, 2, '{value} mg'],
      ['right', 0, 100, 25, '{value} %'],
    ]);
  });

  it('ends after the last step or level point by default and drops steps after an explicit end', () => {
    const byData = taperChart({ steps, levels, zone }, labels);
    expect(byData.xAxis[0]?.max).toBe('2026-04-03 00:00');
    const cut = taperChart({ steps, levels, zone, end: '2026-03-20' }, labels);
    expect(cut.series[0]?.data).toEqual([
      ['2026-03-01 00:00', 10],
      ['2026-03-15 00:00', 9],
      ['2026-03-21 00:00', 9],
    ]);
    expect(cut.series[1]?.data).toEqual([['2026-03-08 13:00', 100]]);
  });

  it('handles an empty plan', () => {
    const empty = taperChart({ steps: [], levels: [], zone }, labels);
    expect(empty.series.map((s) => s.data)).toEqual([[], [], []]);
    expect(empty.xAxis[0]).toEqual({ type: 'time', axisLabel: { hideOverlap: true } });
    const onlyEnd = taperChart({ steps: [], levels: [], zone, end: '2026-03-01' }, labels);
    expect(onlyEnd.xAxis[0]).toMatchObject({ min: '2026-03-01 00:00', max: '2026-03-02 00:00' });
  });

  it('has accessible defaults and is plain JSON', () => {
    const option = taperChart({ steps, levels, zone }, labels, { animation: false });
    expect(option.aria.description).toBe(labels.description);
    expect(option.title.text).toBe('Taper plan');
    expect(option.animation).toBe(false);
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
  });

  it('rejects bad input', () => {
    expect(() =>
      taperChart(
        { steps: [...steps, { startDate: '2026-03-15', dailyTotalMg: 7 }], levels, zone },
        labels,
      ),
    ).toThrow(/two steps/);
    expect(() =>
      taperChart(
        { steps: [{ startDate: '2026-03-32', dailyTotalMg: 7 }], levels: [], zone },
        labels,
      ),
    ).toThrow(RangeError);
    expect(() =>
      taperChart(
        { steps: [{ startDate: '2026-03-01', dailyTotalMg: -2 }], levels: [], zone },
        labels,
      ),
    ).toThrow(RangeError);
    expect(() => taperChart({ steps, levels, zone, end: 'later' }, labels)).toThrow(RangeError);
    expect(() => taperChart({ steps, levels, zone, end: '2026-02-01' }, labels)).toThrow(
      /before the first day/,
    );
  });
});
