import { addDays, isLocalDate, localDateOf, localTimeOf } from '../regimen/slots.js';
import type { Instant, LocalDate } from '../regimen/types.js';
import {
  CHART_COLORS,
  type ChartAxis,
  type ChartOption,
  type ChartRenderOptions,
} from './types.js';

/** Title, aria, palette, tooltip, legend and animation every chart shares. */
export function baseOption(
  labels: { readonly title: string; readonly description: string },
  options: ChartRenderOptions,
): Pick<ChartOption, 'title' | 'aria' | 'animation' | 'color' | 'tooltip' | 'legend'> {
  return {
    title: { text: labels.title, left: 'center', top: 8 },
    aria: { enabled: true, description: labels.description },
    animation: options.animation ?? false,
    color: CHART_COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 40, left: 'center' },
  };
}

/** Top of the plotting area, below title and legend. */
export const GRID_TOP = 88;

/** A value axis on the left or right of a grid, its name kept inside the chart. */
export function valueAxis(
  side: 'left' | 'right',
  name: string,
  range: { readonly min: number; readonly max: number; readonly interval: number },
  extra: Omit<ChartAxis, 'type' | 'name' | 'position' | 'min' | 'max' | 'interval'> = {},
): ChartAxis {
  return {
    type: 'value',
    name,
    position: side,
    nameTextStyle: { align: side },
    ...range,
    ...(side === 'right' ? { splitLine: { show: false } } : {}),
    ...extra,
  };
}

/** 0…max mg axis range with a tidy step. */
export function mgRange(maxMg: number): { min: number; max: number; interval: number } {
  const step = mgStep(maxMg);
  return { min: 0, max: niceMax(maxMg, step), interval: step };
}

/** 0…max % axis range for relative levels: at least 100 %, in steps of 25 %. */
export function levelRange(maxPercent: number): { min: number; max: number; interval: number } {
  return { min: 0, max: niceMax(Math.max(100, maxPercent), 25), interval: 25 };
}

/** Local wall time "YYYY-MM-DD HH:mm" of an instant: what a time axis shows, whatever zone renders it. */
export function wallTime(at: Instant, zone: string): string {
  return `${localDateOf(at, zone)} ${localTimeOf(at, zone)}`;
}

/** Midnight starting a local day, as a time-axis value. */
export function dayStart(date: LocalDate): string {
  return `${date} 00:00`;
}

/** Noon of a local day: where a daily value sits on a time axis. */
export function dayNoon(date: LocalDate): string {
  return `${date} 12:00`;
}

/** Every local date from `from` to `to` inclusive. */
export function dateRange(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function assertDate(date: string, what: string): void {
  const valid: boolean = isLocalDate(date);
  if (!valid) throw new RangeError(`${what}: invalid date ${date}`);
}

/** A value in [min, max], or null (a gap); anything else is a caller error. */
export function checkValue(
  value: number | null,
  min: number,
  max: number,
  what: string,
): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${what}: ${value} is outside ${min}–${max}`);
  }
  return value;
}

/** Smallest multiple of `step` ≥ value, and at least `step`: a tidy fixed axis maximum. */
export function niceMax(value: number, step: number): number {
  return Math.max(step, Math.ceil(value / step) * step);
}

/** A reasonable step for a milligram axis with this maximum. */
export function mgStep(max: number): number {
  if (max <= 10) return 2;
  if (max <= 25) return 5;
  return 10;
}

/** Relative level (1 = modelled steady state) as a percentage rounded to 0.1. */
export function levelPercent(fraction: number): number {
  if (!Number.isFinite(fraction) || fraction < 0)
    throw new RangeError(`Relative level ${fraction} is not a non-negative number`);
  return Math.round(fraction * 1000) / 10;
}
