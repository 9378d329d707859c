/**
 * From the chart API to core's `clinicalOverviewChart` (shared with the PDF report), adapted
 * for the screen: the page has an HTML heading and legend, so the in-chart title and legend
 * go and the panels move up; the top panel's time labels are left to the bottom panel.
 */
import {
  SEVERITY_RANK,
  SIDE_EFFECT_KEYS,
  clinicalOverviewChart,
  localDateOf,
  type ChartAxis,
  type ChartOption,
  type ClinicalOverviewLabels,
  type LocalDate,
  type OverviewChartDay,
  type Severity4,
} from '@steady/core';
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartDay, ChartDayCheckIns, ChartLevels, ChartResponse } from './types';

/** Side-effect ratings as numbers, none = 0 to severe = 3 (core's ranking). */
export const SEVERITY_SCORE = SEVERITY_RANK;
const SEVERITIES: readonly Severity4[] = ['none', 'mild', 'moderate', 'severe'];

/** The strongest side effect of a day, named or in the patient's words; null without a check-in. */
export function strongestSideEffect(checkIns: ChartDayCheckIns | null): Severity4 | null {
  if (checkIns === null) return null;
  const scores = [
    ...SIDE_EFFECT_KEYS.map((k) => SEVERITY_SCORE[checkIns.sideEffects[k]]),
    ...checkIns.otherSideEffects.map((o) => SEVERITY_SCORE[o.severity]),
  ];
  return SEVERITIES[Math.max(0, ...scores)] ?? 'none';
}

/** One value per day for the chart: taken mg, mean pain, strongest side effect (0–3). */
export function overviewDays(days: readonly ChartDay[]): OverviewChartDay[] {
  return days.map((d) => {
    const strongest = strongestSideEffect(d.checkIns);
    return {
      date: d.date,
      doseMg: d.doses?.takenMg ?? null,
      pain: d.checkIns?.painMean ?? null,
      sideEffect: strongest === null ? null : SEVERITY_SCORE[strongest],
    };
  });
}

/** Mean relative level per local day (1 = steady state), from hourly points or daily means. */
export function dailyLevels(
  levels: ChartLevels | null,
  zone: string,
): Map<LocalDate, { parent: number; metabolite: number }> {
  const sums = new Map<LocalDate, { parent: number; metabolite: number; n: number }>();
  for (const p of levels?.points ?? []) {
    const day = localDateOf(p.at, zone);
    const s = sums.get(day) ?? { parent: 0, metabolite: 0, n: 0 };
    sums.set(day, {
      parent: s.parent + p.parent,
      metabolite: s.metabolite + p.metabolite,
      n: s.n + 1,
    });
  }
  return new Map(
    [...sums].map(([day, s]) => [day, { parent: s.parent / s.n, metabolite: s.metabolite / s.n }]),
  );
}

/**
 * When the dose log starts too late for the levels of the period's first days: doses taken
 * before the log began are unknown, so the curve may be too low until `completeFrom`.
 */
export function partialLog(
  levels: ChartLevels | null,
  from: LocalDate,
): { logStart: LocalDate; completeFrom: LocalDate } | null {
  if (levels === null || levels.logStart === null || levels.completeFrom === null) return null;
  return levels.completeFrom > from
    ? { logStart: levels.logStart, completeFrom: levels.completeFrom }
    : null;
}

/** Figures for the text summary read before the chart. */
export interface ChartSummary {
  readonly days: number;
  /** Mean mg taken a day over the days since the first logged dose; null when hidden or none. */
  readonly avgTakenMg: number | null;
  readonly scheduledMg: number | null;
  readonly checkInDays: number;
  readonly avgPain: number | null;
  readonly sideEffectDays: number;
  readonly fallDays: number;
  readonly breathingDays: number;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

export function chartSummary(chart: ChartResponse): ChartSummary {
  const doseDays = chart.days.flatMap((d) => (d.doses === null ? [] : [d.doses]));
  // Days before anything was logged are unknown, not zero.
  const first = doseDays.findIndex((d) => d.takenMg > 0);
  const logged = first === -1 ? [] : doseDays.slice(first);
  const checkIns = chart.days.flatMap((d) => (d.checkIns === null ? [] : [d.checkIns]));
  const lastScheduled = doseDays.findLast((d) => d.scheduledMg !== null)?.scheduledMg ?? null;
  return {
    days: chart.days.length,
    avgTakenMg: mean(logged.map((d) => d.takenMg)),
    scheduledMg: lastScheduled,
    checkInDays: checkIns.length,
    avgPain: mean(checkIns.map((c) => c.painMean)),
    sideEffectDays: checkIns.filter((c) => strongestSideEffect(c) !== 'none').length,
    fallDays: checkIns.filter((c) => c.fall !== 'none').length,
    breathingDays: checkIns.filter((c) => c.breathingProblem).length,
  };
}

const GRID_TOP = 32;
/** ECharts time-axis label templates per tick level. */
const TIME_LABELS = {
  year: '{yyyy}',
  month: '{MMM} {d}',
  day: '{MMM} {d}',
  hour: '{HH}:{mm}',
  minute: '{HH}:{mm}',
} as const;

/** The panels a caller sees: doses and levels (top), check-ins (bottom). */
export function chartPanels(chart: ChartResponse): { doses: boolean; checkIns: boolean } {
  return {
    doses: !chart.hidden.includes('medications'),
    checkIns: !chart.hidden.includes('checkins'),
  };
}

/**
 * The screen option: core's chart without its title and legend, panels moved up. A panel
 * whose data is not shared with the caller is left out rather than drawn empty.
 */
export function overviewOption(
  chart: ChartResponse,
  labels: Omit<ClinicalOverviewLabels, 'title'>,
  animate: boolean,
): EChartsCoreOption {
  const option: ChartOption = clinicalOverviewChart(
    {
      days: overviewDays(chart.days),
      levels: chart.levels?.points ?? [],
      zone: chart.timeZone,
      from: chart.from,
      to: chart.to,
    },
    { title: '', ...labels },
    { animation: animate },
  );
  const { title: _title, aria: _aria, ...rest } = option;
  // Dates read "Sep 5" at every tick (ECharts alone shows bare day numbers between months).
  const timeAxis = (axis: ChartAxis, show: boolean) => ({
    ...axis,
    axisLabel: { ...axis.axisLabel, show, formatter: TIME_LABELS },
  });
  const common = { ...rest, color: [...option.color], legend: { show: false } };
  const panels = chartPanels(chart);
  if (panels.doses && panels.checkIns) {
    const [top, bottom] = option.grid;
    return {
      ...common,
      grid: [
        { ...top, top: GRID_TOP, height: '34%' },
        { ...bottom, top: '56%' },
      ],
      xAxis: option.xAxis.map((axis, i) => timeAxis(axis, i !== 0)),
    };
  }
  // One panel: core's grid `keep`, its time axis and its two value axes, re-indexed from 0.
  const keep = panels.doses ? 0 : 1;
  const valueAxes = keep === 0 ? [0, 1] : [2, 3];
  const { height: _height, ...grid } = option.grid[keep] ?? { left: 16, right: 16, top: 0 };
  const xAxis = option.xAxis[keep];
  return {
    ...common,
    grid: [{ ...grid, top: GRID_TOP, bottom: 16 }],
    xAxis: xAxis === undefined ? [] : [{ ...timeAxis(xAxis, true), gridIndex: 0 }],
    yAxis: valueAxes.flatMap((i) => {
      const axis = option.yAxis[i];
      return axis === undefined ? [] : [{ ...axis, gridIndex: 0 }];
    }),
    series: option.series
      .filter((s) => s.xAxisIndex === keep)
      .map((s) => ({ ...s, xAxisIndex: 0, yAxisIndex: valueAxes.indexOf(s.yAxisIndex ?? -1) })),
  };
}
