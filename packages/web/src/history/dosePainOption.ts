/**
 * The History chart option: core's `dosePainChart` (shared with the PDF report), adapted for
 * the screen. The page already has an HTML heading and a text summary, so the in-chart title is
 * dropped (and the legend and plot moved up), and day categories get localised short labels.
 */
import { dosePainChart, type ChartOption } from '@steady/core';
import type { EChartsCoreOption } from 'echarts/core';
import type { HistoryDay } from '../shared/api/types';

export interface DosePainScreenLabels {
  description: string;
  dose: string;
  pain: string;
  doseAxis: string;
  painAxis: string;
}

const LEGEND_TOP = 0;
const GRID_TOP = 40;

export function dosePainOption(
  daily: readonly HistoryDay[],
  labels: DosePainScreenLabels,
  formatDate: (date: string) => string,
  animate: boolean,
): EChartsCoreOption {
  const option: ChartOption = dosePainChart(
    daily,
    { title: '', ...labels },
    { animation: animate },
  );
  const { title: _title, aria: _aria, ...rest } = option;
  return {
    ...rest,
    color: [...option.color],
    legend: { ...option.legend, top: LEGEND_TOP },
    grid: option.grid.map((g) => ({ ...g, top: GRID_TOP })),
    xAxis: option.xAxis.map((axis) =>
      axis.data === undefined ? axis : { ...axis, data: axis.data.map(formatDate) },
    ),
  };
}
