import type { LocalDate } from '../regimen/types.js';
import {
  GRID_TOP,
  assertDate,
  baseOption,
  checkValue,
  dateRange,
  mgRange,
  valueAxis,
} from './common.js';
import {
  CHART_PALETTE,
  type ChartOption,
  type ChartRenderOptions,
  type ChartSeries,
} from './types.js';

/** Pain NRS axis, 0–10. */
export const PAIN_RANGE = { min: 0, max: 10, interval: 2 } as const;

/** Daily pain as a line with symbols; null days are gaps (not reported), never joined over. */
export function painSeries(
  name: string,
  data: ChartSeries['data'],
  axes: Pick<ChartSeries, 'xAxisIndex' | 'yAxisIndex'>,
): ChartSeries {
  return {
    type: 'line',
    name,
    data,
    ...axes,
    connectNulls: false,
    showSymbol: true,
    symbol: 'circle',
    symbolSize: 6,
    lineStyle: { type: 'solid', width: 2 },
    itemStyle: { color: CHART_PALETTE.vermillion },
  };
}

export interface DosePainDay {
  readonly date: LocalDate;
  /** Diazepam taken that day in mg; null when unknown (no bar). 0 is a real zero. */
  readonly doseMg: number | null;
  /** Daily pain NRS 0–10; null when not reported (a gap in the line). */
  readonly pain: number | null;
}

/** Texts the caller localises. */
export interface DosePainLabels {
  readonly title: string;
  /** Screen-reader summary of what the chart shows. */
  readonly description: string;
  /** Series names, e.g. "Diazepam taken", "Pain". */
  readonly dose: string;
  readonly pain: string;
  /** Axis names, e.g. "Diazepam (mg/day)", "Pain (0–10)". */
  readonly doseAxis: string;
  readonly painAxis: string;
}

export interface DosePainOptions extends ChartRenderOptions {
  /** First and last day shown; default the earliest and latest date in the data. */
  readonly from?: LocalDate;
  readonly to?: LocalDate;
}

/**
 * Daily diazepam dose (bars, mg, left axis) and daily pain (line, 0–10, right axis) over a
 * period. Every day of the period gets a category, so a missing day shows as no bar and a gap
 * in the pain line rather than being skipped.
 *
 * @example
 * dosePainChart([{ date: '2026-03-01', doseMg: 10, pain: 5 }, { date: '2026-03-02', doseMg: 10, pain: null }],
 *   { title: 'Last 30 days', description: '…', dose: 'Diazepam', pain: 'Pain',
 *     doseAxis: 'Diazepam (mg/day)', painAxis: 'Pain (0–10)' })
 */
export function dosePainChart(
  days: readonly DosePainDay[],
  labels: DosePainLabels,
  options: DosePainOptions = {},
): ChartOption {
  const byDate = new Map<LocalDate, DosePainDay>();
  for (const d of days) {
    assertDate(d.date, 'dosePainChart');
    if (byDate.has(d.date)) throw new RangeError(`dosePainChart: ${d.date} appears twice`);
    byDate.set(d.date, d);
  }
  const sorted = [...byDate.keys()].sort();
  const from = options.from ?? sorted[0];
  const to = options.to ?? sorted[sorted.length - 1];
  if (from !== undefined) assertDate(from, 'dosePainChart from');
  if (to !== undefined) assertDate(to, 'dosePainChart to');
  const dates = from === undefined || to === undefined ? [] : dateRange(from, to);

  const dose = dates.map((date) =>
    checkValue(byDate.get(date)?.doseMg ?? null, 0, Number.MAX_VALUE, `dose on ${date}`),
  );
  const pain = dates.map((date) =>
    checkValue(byDate.get(date)?.pain ?? null, 0, 10, `pain on ${date}`),
  );
  const maxDose = Math.max(0, ...dose.map((v) => v ?? 0));

  return {
    ...baseOption(labels, options),
    grid: [{ left: 16, right: 16, top: GRID_TOP, bottom: 16, containLabel: true }],
    xAxis: [{ type: 'category', data: dates, boundaryGap: true, axisLabel: { hideOverlap: true } }],
    yAxis: [
      valueAxis('left', labels.doseAxis, mgRange(maxDose), {
        axisLabel: { formatter: '{value} mg' },
      }),
      valueAxis('right', labels.painAxis, PAIN_RANGE),
    ],
    series: [
      {
        type: 'bar',
        name: labels.dose,
        data: dose,
        yAxisIndex: 0,
        itemStyle: { color: CHART_PALETTE.blue },
        barMaxWidth: 16,
      },
      painSeries(labels.pain, pain, { yAxisIndex: 1 }),
    ],
  };
}
