import { addDays } from '../regimen/slots.js';
import type { LocalDate } from '../regimen/types.js';
import {
  GRID_TOP,
  assertDate,
  baseOption,
  checkValue,
  dateRange,
  dayNoon,
  dayStart,
  levelRange,
  mgRange,
  valueAxis,
} from './common.js';
import { PAIN_RANGE, painSeries } from './dosePain.js';
import {
  levelSeries,
  levelSeriesData,
  type LevelChartLabels,
  type ChartLevelPoint,
} from './levels.js';
import { CHART_PALETTE, type ChartOption, type ChartRenderOptions } from './types.js';

export interface OverviewChartDay {
  readonly date: LocalDate;
  /** Diazepam taken that day (mg); null when unknown. */
  readonly doseMg: number | null;
  /** Daily pain NRS 0–10; null when not reported. */
  readonly pain: number | null;
  /** Strongest side effect of the day, 0 none – 3 severe; null when not reported. */
  readonly sideEffect: number | null;
}

export interface ClinicalOverviewInput {
  readonly days: readonly OverviewChartDay[];
  readonly levels: readonly ChartLevelPoint[];
  /** The patient's IANA zone: level instants are shown in the patient's local time. */
  readonly zone: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export interface ClinicalOverviewLabels extends LevelChartLabels {
  readonly title: string;
  readonly description: string;
  readonly dose: string;
  readonly pain: string;
  readonly sideEffect: string;
  readonly doseAxis: string;
  readonly levelAxis: string;
  readonly painAxis: string;
  readonly sideEffectAxis: string;
}

/**
 * The prescriber's one-screen picture, on one time axis in two panels: top, daily dose (bars,
 * mg) with the estimated relative levels of diazepam and nordiazepam (% of steady state);
 * bottom, daily pain (line, 0–10) and strongest side effect (triangles, 0–3). Daily values sit at
 * local noon; missing days are gaps.
 *
 * @example
 * clinicalOverviewChart({ days, levels, zone: 'Europe/Berlin', from: '2026-03-01', to: '2026-03-31' }, labels)
 */
export function clinicalOverviewChart(
  input: ClinicalOverviewInput,
  labels: ClinicalOverviewLabels,
  options: ChartRenderOptions = {},
): ChartOption {
  assertDate(input.from, 'clinicalOverviewChart from');
  assertDate(input.to, 'clinicalOverviewChart to');
  const start = dayStart(input.from);
  const end = dayStart(addDays(input.to, 1));
  const byDate = new Map(input.days.map((d) => [d.date, d]));
  const dates = dateRange(input.from, input.to);
  const day = (
    date: LocalDate,
    pick: (d: OverviewChartDay) => number | null,
    max: number,
    what: string,
  ) =>
    [
      dayNoon(date),
      checkValue(
        byDate.has(date) ? pick(byDate.get(date) as OverviewChartDay) : null,
        0,
        max,
        `${what} on ${date}`,
      ),
    ] as const;
  const dose = dates.map((d) => day(d, (x) => x.doseMg, Number.MAX_VALUE, 'dose'));
  const pain = dates.map((d) => day(d, (x) => x.pain, 10, 'pain'));
  const sideEffect = dates.map((d) => day(d, (x) => x.sideEffect, 3, 'side effect'));
  const level = levelSeriesData(input.levels, input.zone, start, end);
  const maxDose = Math.max(0, ...dose.map(([, v]) => v ?? 0));

  const timeAxis = (gridIndex: number) =>
    ({ type: 'time', gridIndex, min: start, max: end, axisLabel: { hideOverlap: true } }) as const;
  return {
    ...baseOption(labels, options),
    grid: [
      { left: 16, right: 16, top: GRID_TOP, height: '28%', containLabel: true },
      { left: 16, right: 16, top: '62%', bottom: 16, containLabel: true },
    ],
    xAxis: [timeAxis(0), timeAxis(1)],
    yAxis: [
      valueAxis('left', labels.doseAxis, mgRange(maxDose), {
        gridIndex: 0,
        axisLabel: { formatter: '{value} mg' },
      }),
      valueAxis('right', labels.levelAxis, levelRange(level.maxPercent), {
        gridIndex: 0,
        axisLabel: { formatter: '{value} %' },
      }),
      valueAxis('left', labels.painAxis, PAIN_RANGE, { gridIndex: 1 }),
      valueAxis('right', labels.sideEffectAxis, { min: 0, max: 3, interval: 1 }, { gridIndex: 1 }),
    ],
    series: [
      {
        type: 'bar',
        name: labels.dose,
        data: dose,
        xAxisIndex: 0,
        yAxisIndex: 0,
        itemStyle: { color: CHART_PALETTE.blue },
        barMaxWidth: 12,
      },
      ...levelSeries(level, labels, { xAxisIndex: 0, yAxisIndex: 1 }),
      painSeries(labels.pain, pain, { xAxisIndex: 1, yAxisIndex: 2 }),
      // A line with symbols rather than bars, so that "none" (0) is visible and unlike "not reported".
      {
        type: 'line',
        name: labels.sideEffect,
        data: sideEffect,
        xAxisIndex: 1,
        yAxisIndex: 3,
        connectNulls: false,
        showSymbol: true,
        symbol: 'triangle',
        symbolSize: 8,
        lineStyle: { type: 'dashed', width: 1 },
        itemStyle: { color: CHART_PALETTE.reddishPurple },
      },
    ],
  };
}
