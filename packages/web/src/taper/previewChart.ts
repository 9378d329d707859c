/**
 * The planner's picture: the daily dose steps with the estimated relative-level curves, built
 * in the browser from a core `TaperPlan` (core `taperChart` + `relativeLevels`). Illustrative.
 */
import { addDays, localToInstant, relativeLevels, taperChart } from '@steady/core';
import type { DoseInput, LocalDate, TaperChartLabels, TaperPlan } from '@steady/core';
import type { EChartsCoreOption } from 'echarts/core';

/** Days on the starting doses before the first step, so the curves start at steady state. */
export const WARM_UP_DAYS = 28;
/** Days shown after the last step starts. */
export const TAIL_DAYS = 28;
/** One level point a day at the same clock time, so the curve shows the trend, not the daily swing. */
const STEP_MINUTES = 24 * 60;

/** Doses at their local times, day by day, in the patient's zone. */
function dosesOf(
  doses: readonly { time: string; amountMg: number }[],
  from: LocalDate,
  toExclusive: LocalDate,
  zone: string,
  out: DoseInput[],
): void {
  for (let day = from; day < toExclusive; day = addDays(day, 1)) {
    for (const d of doses)
      out.push({ at: localToInstant(day, d.time, zone), amountMg: d.amountMg });
  }
}

/** Last day the chart shows. */
export function previewEnd(plan: TaperPlan): LocalDate {
  const last = plan.steps.at(-1);
  return addDays(last?.startDate ?? plan.inputs.startDate, TAIL_DAYS);
}

// Dates read "Sep 5" at every tick (ECharts alone shows bare day numbers between months).
const TIME_LABELS = { year: '{yyyy}', month: '{MMM} {d}', day: '{MMM} {d}' };

/**
 * The screen option of a plan: core's taper chart without its title and legend (the page has
 * both as text). Levels are relative to the starting doses (100 % = their steady state).
 */
export function previewOption(
  plan: TaperPlan,
  zone: string,
  labels: TaperChartLabels,
  animation: boolean,
): EChartsCoreOption {
  const start = plan.inputs.startDate;
  const end = previewEnd(plan);
  const doses: DoseInput[] = [];
  dosesOf(plan.inputs.doses, addDays(start, -WARM_UP_DAYS), start, zone, doses);
  for (const step of plan.steps) {
    const stepEnd = step.endDate === null ? addDays(end, 1) : addDays(step.endDate, 1);
    dosesOf(
      step.doses,
      step.startDate,
      stepEnd < addDays(end, 1) ? stepEnd : addDays(end, 1),
      zone,
      doses,
    );
  }
  const shownFrom = addDays(start, -7);
  const levels = relativeLevels({
    doses,
    reference: { doses: plan.inputs.doses },
    times: {
      from: localToInstant(shownFrom, '12:00', zone),
      to: localToInstant(end, '12:00', zone),
      stepMinutes: STEP_MINUTES,
    },
  }).points;
  const baseline = plan.inputs.doses.reduce((s, d) => s + d.amountMg, 0);
  const option = taperChart(
    {
      steps: [
        { startDate: shownFrom, dailyTotalMg: baseline },
        ...plan.steps.map((s) => ({ startDate: s.startDate, dailyTotalMg: s.dailyTotalMg })),
      ],
      levels,
      zone,
      end,
    },
    labels,
    { animation },
  );
  const { title: _title, aria: _aria, ...rest } = option;
  return {
    ...rest,
    color: [...option.color],
    legend: { show: false },
    xAxis: option.xAxis.map((axis) => ({
      ...axis,
      axisLabel: { ...axis.axisLabel, formatter: TIME_LABELS },
    })),
  };
}
