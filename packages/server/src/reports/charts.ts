/**
 * The report's charts: the clinical engine's chart specifications (core `charts/`) rendered
 * server-side to SVG with ECharts SSR, the same options the web app draws. Sized for a printed
 * page (points: pdfmake scales the SVG to the width it is given).
 */
import {
  CHART_PALETTE,
  dosePainChart,
  taperChart,
  type ChartOption,
  type ChartSeries,
} from '@steady/core';
import * as echarts from 'echarts';
import type { PainTrend, TaperSummary } from './model.js';

/**
 * Drawn at this size in SVG units and scaled to the page's width (about 515 pt), so ECharts'
 * 12 px labels print at about 8 pt, a little smaller than the body text.
 */
export const CHART_WIDTH = 760;
export const CHART_HEIGHT = 340;
/** Room at the top for the legend and, below it, the axis names. */
const PLOT_TOP = 64;

/** One SVG of an option; every chart is disposed right away (no state kept between reports). */
export function renderSvg(option: ChartOption, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    // Print: no tooltip, nothing animated; core options are plain JSON ECharts accepts.
    chart.setOption({
      ...option,
      animation: false,
      tooltip: { show: false },
    } as echarts.EChartsCoreOption);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Daily dose (bars) and pain (line) from core's `dosePainChart`, with PEG scores overlaid. */
export function painTrendOption(trend: PainTrend): ChartOption {
  const dates = trend.days.map((d) => d.date);
  const base = dosePainChart(
    trend.days.map((d) => ({ date: d.date, doseMg: d.doseMg, pain: d.pain })),
    {
      title: '',
      description: 'Daily diazepam taken and daily pain over the period',
      dose: 'Diazepam taken (mg)',
      pain: 'Pain (0–10, daily mean)',
      doseAxis: 'Diazepam mg/day',
      painAxis: 'Pain, PEG (0–10)',
    },
    { from: dates[0], to: dates.at(-1) },
  );
  const series: ChartSeries[] = [...base.series];
  if (!trend.dosesShown) series.shift();
  if (trend.pegShown && trend.peg.length > 0) {
    const byDate = new Map(trend.peg.map((p) => [p.date, p.total]));
    // PEG is a 0–10 mean, on the pain axis; dashed with squares, never told apart by colour alone.
    series.push({
      type: 'line',
      name: 'PEG (0–10)',
      data: dates.map((d) => byDate.get(d) ?? null),
      yAxisIndex: 1,
      connectNulls: true,
      showSymbol: true,
      symbol: 'rect',
      symbolSize: 7,
      lineStyle: { type: 'dashed', width: 2 },
      itemStyle: { color: CHART_PALETTE.bluishGreen },
    });
  }
  // No chart title (the report's heading says it); the legend takes the top line.
  return {
    ...base,
    legend: { top: 0, left: 'center' },
    grid: base.grid.map((g) => ({ ...g, top: PLOT_TOP })),
    series,
  };
}

/** The taper's planned daily dose as a step line (core's `taperChart`), without level curves. */
export function taperOption(taper: TaperSummary): ChartOption {
  const base = taperChart(
    {
      steps: taper.steps.map((s) => ({ startDate: s.startDate, dailyTotalMg: s.dailyMg })),
      levels: [],
      zone: 'UTC',
    },
    {
      title: '',
      description: 'Planned daily dose at each taper step',
      dose: 'Planned daily dose (mg)',
      doseAxis: 'Diazepam mg/day',
      levelAxis: '',
      parentLevel: 'Diazepam',
      metaboliteLevel: 'Nordiazepam',
    },
  );
  return {
    ...base,
    legend: { top: 0, left: 'center' },
    grid: base.grid.map((g) => ({ ...g, top: PLOT_TOP })),
    yAxis: base.yAxis.slice(0, 1),
    series: base.series.slice(0, 1),
  };
}
