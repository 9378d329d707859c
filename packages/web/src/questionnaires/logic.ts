/** Pure helpers of the questionnaire screens: cadences, form checks, safety texts, trends. */
import {
  patientGuidance,
  scoreInstrument,
  type InstrumentDefinition,
  type InstrumentId,
} from '@steady/core';
import type { EChartsCoreOption } from 'echarts/core';
import type { Guidance, QuestionnaireResponse } from './api';

// ── Cadence ────────────────────────────────────────────────────────────────────────────────

export type CadencePreset = 'weekly' | 'monthly' | 'quarterly' | 'custom';

/** Days of each preset: monthly is every 30 days, every 3 months every 90. */
export const CADENCE_DAYS: Readonly<Record<Exclude<CadencePreset, 'custom'>, number>> = {
  weekly: 7,
  monthly: 30,
  quarterly: 90,
};

export const MAX_CADENCE_DAYS = 366;

/** The preset a number of days is, or 'custom'. */
export function presetOf(days: number): CadencePreset {
  const found = (Object.keys(CADENCE_DAYS) as (keyof typeof CADENCE_DAYS)[]).find(
    (k) => CADENCE_DAYS[k] === days,
  );
  return found ?? 'custom';
}

/** A custom cadence typed by the clinician: a whole number of days, 1–366, else null. */
export function parseCadenceDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= 1 && days <= MAX_CADENCE_DAYS ? days : null;
}

// ── Answering ──────────────────────────────────────────────────────────────────────────────

export type Answers = Readonly<Record<string, number | null>>;

/** Required items not answered yet, in form order. */
export function missingItems(instrument: InstrumentDefinition, answers: Answers): string[] {
  return instrument.items
    .filter((item) => item.required && (answers[item.id] ?? null) === null)
    .map((item) => item.id);
}

/** The answers to send: answered items only. */
export function answeredOnly(answers: Answers): Record<string, number> {
  return Object.fromEntries(
    Object.entries(answers).filter((e): e is [string, number] => e[1] !== null),
  );
}

/**
 * The patient-facing messages the answers given so far trigger, computed in the browser by the
 * same engine as the server: shown when the form cannot be sent (incomplete, or no network), so
 * a crisis answer never waits for a complete form or a connection.
 */
export function localGuidance(instrumentId: InstrumentId, answers: Answers): Guidance[] {
  const outcome = scoreInstrument(instrumentId, answeredOnly(answers));
  return patientGuidance(outcome.ok ? outcome.score.flags : outcome.safetyFlags);
}

/** Columns for a row of answer options on a phone: short labels side by side, long ones stacked. */
export function optionColumns(labels: readonly string[]): number {
  if (labels.length > 4) return 0; // a 0–10 scale: its own layout
  const longest = Math.max(...labels.map((l) => l.length));
  if (longest <= 12) return labels.length;
  return longest <= 24 ? 2 : 1;
}

// ── Trends ─────────────────────────────────────────────────────────────────────────────────

export interface TrendPoint {
  readonly id: string;
  readonly at: string;
  readonly total: number;
  readonly band: string | null;
}

/** Responses of one instrument as points, oldest first. */
export function trendPoints(
  responses: readonly QuestionnaireResponse[],
  instrumentId: InstrumentId,
): TrendPoint[] {
  return responses
    .filter((r) => r.instrumentId === instrumentId)
    .map((r) => ({ id: r.id, at: r.at, total: r.score.total, band: r.score.band?.label ?? null }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** Instruments that have answers, in the order of first appearance. */
export function answeredInstruments(responses: readonly QuestionnaireResponse[]): InstrumentId[] {
  return [...new Set(responses.map((r) => r.instrumentId))];
}

/** One or two decimals at most (PEG is a mean). */
export const roundScore = (n: number): number => Math.round(n * 100) / 100;

/**
 * A tick step that divides the scale evenly into at most 9 steps (PHQ-9 0–27 by 3, PEG 0–10 by
 * 2), or null when none does (the top label is then left out so labels do not collide).
 */
export function scoreInterval(min: number, max: number): number | null {
  const span = max - min;
  for (const step of [1, 2, 3, 5, 10, 15, 20, 25, 50]) {
    if (span % step === 0 && span / step <= 9) return step;
  }
  return null;
}

const BAND_COLOURS = ['#e7f5e9', '#fff9db', '#fff0e0', '#ffe3e3', '#ffd6d6'];

/**
 * A small line chart of one instrument's totals over time, with the instrument's bands shaded
 * behind it (no bands: none). Dates are labelled by `formatDate`.
 */
export function trendOption(
  points: readonly TrendPoint[],
  instrument: Pick<InstrumentDefinition, 'shortTitle' | 'scoring' | 'bands'>,
  formatDate: (instant: string) => string,
  animate: boolean,
): EChartsCoreOption {
  const interval = scoreInterval(instrument.scoring.min, instrument.scoring.max);
  return {
    animation: animate,
    grid: { top: 16, right: 16, bottom: 32, left: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => formatDate(p.at)) },
    yAxis: {
      type: 'value',
      min: instrument.scoring.min,
      max: instrument.scoring.max,
      ...(interval === null ? { axisLabel: { showMaxLabel: false } } : { interval }),
    },
    series: [
      {
        type: 'line',
        name: instrument.shortTitle,
        data: points.map((p) => roundScore(p.total)),
        symbolSize: 8,
        lineStyle: { width: 3, color: '#1864ab' },
        itemStyle: { color: '#1864ab' },
        markArea:
          instrument.bands.length === 0
            ? undefined
            : {
                silent: true,
                // Each band is shaded up to where the next one starts (bands of sums are 0–4, 5–9, …).
                data: instrument.bands.map((b, i) => [
                  {
                    yAxis: b.min,
                    itemStyle: { color: BAND_COLOURS[Math.min(i, BAND_COLOURS.length - 1)] },
                  },
                  { yAxis: instrument.bands[i + 1]?.min ?? b.max },
                ]),
              },
      },
    ],
  };
}
