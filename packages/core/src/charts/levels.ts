import type { Instant } from '../regimen/types.js';
import { levelPercent, wallTime } from './common.js';
import { CHART_PALETTE, type ChartSeries, type TimePoint } from './types.js';

/**
 * One point of the estimated relative-level curve (built by the PK model, passed in here):
 * each analyte relative to its own modelled steady state, 1 = steady state. Illustrative only
 * (REFERENCE §5.5), never a basis for a dose.
 */
export interface ChartLevelPoint {
  readonly at: Instant;
  readonly parent: number;
  readonly metabolite: number;
}

export interface LevelChartLabels {
  /** Series names, e.g. "Diazepam (estimated)", "Nordiazepam (estimated)". */
  readonly parentLevel: string;
  readonly metaboliteLevel: string;
}

/** Level points as percentages on a time axis, in time order, limited to [start, end). */
export function levelSeriesData(
  levels: readonly ChartLevelPoint[],
  zone: string,
  start: string,
  end: string,
): { parent: TimePoint[]; metabolite: TimePoint[]; maxPercent: number } {
  const points = levels
    .map((p) => ({
      t: wallTime(p.at, zone),
      ms: Date.parse(p.at),
      parent: levelPercent(p.parent),
      metabolite: levelPercent(p.metabolite),
    }))
    .filter((p) => p.t >= start && p.t < end)
    .sort((a, b) => a.ms - b.ms);
  return {
    parent: points.map((p) => [p.t, p.parent] as const),
    metabolite: points.map((p) => [p.t, p.metabolite] as const),
    maxPercent: Math.max(0, ...points.map((p) => Math.max(p.parent, p.metabolite))),
  };
}

/** The two level lines: parent solid green, metabolite dashed orange, no symbols. */
export function levelSeries(
  data: { parent: readonly TimePoint[]; metabolite: readonly TimePoint[] },
  labels: LevelChartLabels,
  axes: { xAxisIndex: number; yAxisIndex: number },
): ChartSeries[] {
  const common = { type: 'line', ...axes, showSymbol: false, connectNulls: false } as const;
  return [
    {
      ...common,
      name: labels.parentLevel,
      data: data.parent,
      lineStyle: { type: 'solid', width: 2 },
      itemStyle: { color: CHART_PALETTE.bluishGreen },
    },
    {
      ...common,
      name: labels.metaboliteLevel,
      data: data.metabolite,
      lineStyle: { type: 'dashed', width: 2 },
      itemStyle: { color: CHART_PALETTE.orange },
    },
  ];
}
