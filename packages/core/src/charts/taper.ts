import { addDays, localDateOf } from '../regimen/slots.js';
import type { LocalDate } from '../regimen/types.js';
import {
  GRID_TOP,
  assertDate,
  baseOption,
  checkValue,
  dayStart,
  levelRange,
  mgRange,
  valueAxis,
} from './common.js';
import {
  levelSeries,
  levelSeriesData,
  type LevelChartLabels,
  type ChartLevelPoint,
} from './levels.js';
import {
  CHART_PALETTE,
  type ChartOption,
  type ChartRenderOptions,
  type TimePoint,
} from './types.js';

export interface TaperChartStep {
  /** First local day of the step. */
  readonly startDate: LocalDate;
  /** Total daily dose during the step (mg). */
  readonly dailyTotalMg: number;
}

export interface TaperChartInput {
  readonly steps: readonly TaperChartStep[];
  readonly levels: readonly ChartLevelPoint[];
  /** The patient's IANA zone, for the level instants. */
  readonly zone: string;
  /**
   * Last day shown (inclusive). Default: the later of the last step's start and the last
   * level point's day.
   */
  readonly end?: LocalDate;
}

export interface TaperChartLabels extends LevelChartLabels {
  readonly title: string;
  readonly description: string;
  /** Series name, e.g. "Planned daily dose". */
  readonly dose: string;
  readonly doseAxis: string;
  readonly levelAxis: string;
}

/**
 * A taper plan as a step line of the daily dose (mg, left axis: each step holds until the next
 * one starts) with the estimated relative-level curves overlaid (% of steady state, right
 * axis), which shows that levels fall over days, not at once, after each step.
 *
 * @example
 * taperChart({ steps: [{ startDate: '2026-04-01', dailyTotalMg: 10 }, { startDate: '2026-04-15', dailyTotalMg: 9 }],
 *   levels, zone: 'Europe/Berlin' }, labels)
 */
export function taperChart(
  input: TaperChartInput,
  labels: TaperChartLabels,
  options: ChartRenderOptions = {},
): ChartOption {
  const steps = [...input.steps].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  steps.forEach((s, i) => {
    assertDate(s.startDate, 'taperChart step');
    checkValue(s.dailyTotalMg, 0, Number.MAX_VALUE, `taperChart step ${s.startDate}`);
    if (i > 0 && steps[i - 1]?.startDate === s.startDate)
      throw new RangeError(`taperChart: two steps start on ${s.startDate}`);
  });
  if (input.end !== undefined) assertDate(input.end, 'taperChart end');

  // The chart spans the steps and the level points; `end` overrides the last day.
  const dataDays = [
    ...steps.map((s) => s.startDate),
    ...input.levels.map((p) => localDateOf(p.at, input.zone)),
  ].sort();
  const first = dataDays[0] ?? input.end;
  const last = input.end ?? dataDays[dataDays.length - 1];
  const range =
    first === undefined || last === undefined
      ? null
      : { start: dayStart(first), end: dayStart(addDays(last, 1)) };
  if (range !== null && range.start >= range.end)
    throw new RangeError(`taperChart: end ${last ?? ''} is before the first day ${first ?? ''}`);

  const dose: TimePoint[] = steps
    .filter((s) => range !== null && dayStart(s.startDate) < range.end)
    .map((s) => [dayStart(s.startDate), s.dailyTotalMg]);
  const lastStep = dose[dose.length - 1];
  // Close the final step at the end of the chart so it is drawn as a run, not a lone point.
  if (lastStep !== undefined && range !== null) dose.push([range.end, lastStep[1]]);
  const level =
    range === null
      ? { parent: [], metabolite: [], maxPercent: 0 }
      : levelSeriesData(input.levels, input.zone, range.start, range.end);
  const maxDose = Math.max(0, ...steps.map((s) => s.dailyTotalMg));

  const xAxis = { type: 'time', axisLabel: { hideOverlap: true } } as const;
  return {
    ...baseOption(labels, options),
    grid: [{ left: 16, right: 16, top: GRID_TOP, bottom: 16, containLabel: true }],
    xAxis: [range === null ? xAxis : { ...xAxis, min: range.start, max: range.end }],
    yAxis: [
      valueAxis('left', labels.doseAxis, mgRange(maxDose), {
        axisLabel: { formatter: '{value} mg' },
      }),
      valueAxis('right', labels.levelAxis, levelRange(level.maxPercent), {
        axisLabel: { formatter: '{value} %' },
      }),
    ],
    series: [
      {
        type: 'line',
        name: labels.dose,
        data: dose,
        yAxisIndex: 0,
        step: 'end',
        connectNulls: false,
        showSymbol: true,
        symbol: 'rect',
        symbolSize: 6,
        lineStyle: { type: 'solid', width: 3 },
        itemStyle: { color: CHART_PALETTE.blue },
      },
      ...levelSeries(level, labels, { xAxisIndex: 0, yAxisIndex: 1 }),
    ],
  };
}
