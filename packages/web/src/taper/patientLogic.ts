/** Pure helpers of the patient's taper views and the per-step withdrawal chart. */
import type { EChartsCoreOption } from 'echarts/core';
import type { TaperProgress } from './types';
import type { StepScores, TaperCheckIn } from './useCheckIns';

/** The withdrawal check-in form. */
export const TAPER_CHECK_IN_PATH = '/taper/check-in';

/** The check-in open today, if any (at most one is). */
export function dueCheckIn(schedule: readonly TaperCheckIn[]): TaperCheckIn | null {
  return schedule.find((c) => c.status === 'due') ?? null;
}

/**
 * The check-ins worth listing: the `recent` ones before the first open (due or upcoming) one,
 * then up to the next `upcoming` planned ones (a long plan has dozens, past and ahead).
 * `earlier` holds the older past ones (behind a disclosure); `later` counts the rest ahead.
 */
export function visibleCheckIns(
  schedule: readonly TaperCheckIn[],
  upcoming = 3,
  recent = 3,
): {
  readonly earlier: readonly TaperCheckIn[];
  readonly shown: readonly TaperCheckIn[];
  readonly later: number;
} {
  const firstOpen = schedule.findIndex((c) => c.status === 'due' || c.status === 'upcoming');
  const start = Math.max(0, (firstOpen < 0 ? schedule.length : firstOpen) - recent);
  const firstUpcoming = schedule.findIndex((c) => c.status === 'upcoming');
  const end =
    firstUpcoming < 0 ? schedule.length : Math.min(schedule.length, firstUpcoming + upcoming);
  return {
    earlier: schedule.slice(0, start),
    shown: schedule.slice(start, end),
    later: schedule.length - end,
  };
}

/** Share of the way from the starting dose to the goal, 0–100 (by milligrams, not steps). */
export function progressPercent(p: TaperProgress): number {
  const span = p.startDailyMg - p.goalDailyMg;
  if (span <= 0) return 100;
  const done = ((p.startDailyMg - p.currentDailyMg) / span) * 100;
  return Math.round(Math.min(100, Math.max(0, done)));
}

/** Highest checklist total of a step, or null without answers. */
export function highestScore(step: StepScores): number | null {
  return step.scores.length === 0 ? null : Math.max(...step.scores.map((s) => s.total));
}

export interface WithdrawalChartLabels {
  readonly step: (n: number) => string;
  readonly dose: string;
  readonly highest: string;
}

/** Bars: the highest checklist total per step; line: the step's daily dose (second axis). */
export function withdrawalChartOption(
  byStep: readonly StepScores[],
  labels: WithdrawalChartLabels,
): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 44, right: 44, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: byStep.map((s) => labels.step(s.stepIndex + 1)) },
    yAxis: [
      { type: 'value', name: labels.highest, min: 0, nameTextStyle: { align: 'left' } },
      { type: 'value', name: labels.dose, min: 0, nameTextStyle: { align: 'right' } },
    ],
    series: [
      {
        name: labels.highest,
        type: 'bar',
        data: byStep.map(highestScore),
        itemStyle: { color: '#9a3412' },
      },
      {
        name: labels.dose,
        type: 'line',
        step: 'start',
        yAxisIndex: 1,
        data: byStep.map((s) => s.dailyTotalMg),
        itemStyle: { color: '#1c4f8a' },
      },
    ],
  };
}
