/**
 * A minimal, local subset of the ECharts option type. Everything is plain JSON (no
 * functions), so the same object renders in the browser and server-side to SVG for PDFs.
 * Core does not depend on echarts; these shapes follow its documented option names.
 */

export type AxisValue = number | string;

export interface ChartTitle {
  readonly text: string;
  readonly left?: string;
  readonly top?: number;
}

export interface ChartAria {
  readonly enabled: true;
  /** Read by screen readers instead of the generated summary. */
  readonly description: string;
}

export interface ChartGrid {
  readonly left: number | string;
  readonly right: number | string;
  readonly top: number | string;
  readonly height?: number | string;
  readonly bottom?: number | string;
  readonly containLabel?: boolean;
}

export interface ChartAxis {
  readonly type: 'category' | 'value' | 'time';
  readonly name?: string;
  readonly nameLocation?: 'start' | 'middle' | 'end';
  readonly nameGap?: number;
  /** Keeps axis names inside the chart: 'left' for left axes, 'right' for right axes. */
  readonly nameTextStyle?: { readonly align: 'left' | 'right' | 'center' };
  readonly gridIndex?: number;
  readonly position?: 'left' | 'right' | 'top' | 'bottom';
  readonly min?: AxisValue;
  readonly max?: AxisValue;
  readonly interval?: number;
  /** Category labels (category axes only). */
  readonly data?: readonly string[];
  /** String template, e.g. "{value} mg"; no functions so the option stays JSON. */
  readonly axisLabel?: { readonly formatter?: string; readonly hideOverlap?: boolean };
  readonly splitLine?: { readonly show: boolean };
  readonly boundaryGap?: boolean;
}

/** One point on a time axis: [local wall time "YYYY-MM-DD HH:mm", value or null for a gap]. */
export type TimePoint = readonly [string, number | null];

export interface ChartSeries {
  readonly type: 'bar' | 'line';
  readonly name: string;
  readonly data: readonly (number | null)[] | readonly TimePoint[];
  readonly xAxisIndex?: number;
  readonly yAxisIndex?: number;
  readonly step?: 'start' | 'middle' | 'end';
  /** Always false here: a missing day shows as a gap, not an invented line. */
  readonly connectNulls?: boolean;
  readonly showSymbol?: boolean;
  readonly symbol?: string;
  readonly symbolSize?: number;
  readonly lineStyle?: { readonly type: 'solid' | 'dashed' | 'dotted'; readonly width: number };
  readonly itemStyle?: { readonly color: string };
  readonly barMaxWidth?: number;
}

export interface ChartOption {
  readonly title: ChartTitle;
  readonly aria: ChartAria;
  readonly animation: boolean;
  readonly color: readonly string[];
  readonly tooltip: { readonly trigger: 'axis' };
  readonly legend: { readonly top: number | string; readonly left?: string };
  readonly grid: readonly ChartGrid[];
  readonly xAxis: readonly ChartAxis[];
  readonly yAxis: readonly ChartAxis[];
  readonly series: readonly ChartSeries[];
}

/** Rendering choices shared by every chart builder. */
export interface ChartRenderOptions {
  /**
   * Default false: no motion (kinder to people who are unwell or sensitive to motion) and
   * stable output for SVG/PDF. The web app may pass true when the user has not asked for
   * reduced motion.
   */
  readonly animation?: boolean;
}

/**
 * Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), in the order the charts use it.
 * Series are also told apart by line style and symbol, never by colour alone.
 */
export const CHART_PALETTE = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  orange: '#E69F00',
  reddishPurple: '#CC79A7',
  skyBlue: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

export const CHART_COLORS: readonly string[] = Object.values(CHART_PALETTE);
