import {
  EMERGENCY_GUIDANCE,
  getInstrument,
  PHQ9,
  PHQ9_ITEM9_ID,
  type InstrumentId,
} from '@steady/core';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireResponse } from './api';
import {
  answeredInstruments,
  answeredOnly,
  localGuidance,
  missingItems,
  optionColumns,
  parseCadenceDays,
  presetOf,
  scoreInterval,
  trendOption,
  trendPoints,
} from './logic';

describe('cadence', () => {
  it('names the presets and calls anything else custom', () => {
    expect(presetOf(7)).toBe('weekly');
    expect(presetOf(30)).toBe('monthly');
    expect(presetOf(90)).toBe('quarterly');
    expect(presetOf(14)).toBe('custom');
  });

  it('reads a custom number of days, 1 to 366', () => {
    expect(parseCadenceDays(' 14 ')).toBe(14);
    expect(parseCadenceDays('366')).toBe(366);
    expect(parseCadenceDays('1')).toBe(1);
    for (const bad of ['0', '367', '1.5', '-3', 'two', '', '1e2']) {
      expect(parseCadenceDays(bad), bad).toBeNull();
    }
  });
});

describe('answering', () => {
  const all = (value: number) =>
    Object.fromEntries(PHQ9.items.filter((i) => i.required).map((i) => [i.id, value]));

  it('lists the required items still unanswered, in form order', () => {
    expect(missingItems(PHQ9, {})).toEqual(PHQ9.items.filter((i) => i.required).map((i) => i.id));
    expect(missingItems(PHQ9, { ...all(0), 'phq9-3': null })).toEqual(['phq9-3']);
    // The difficulty item is optional.
    expect(missingItems(PHQ9, all(0))).toEqual([]);
  });

  it('sends answered items only', () => {
    expect(answeredOnly({ a: 1, b: null, c: 0 })).toEqual({ a: 1, c: 0 });
  });

  it('raises crisis guidance from PHQ-9 item 9 even before the form is complete', () => {
    const partial = localGuidance('phq9', { [PHQ9_ITEM9_ID]: 2 });
    expect(partial).toHaveLength(1);
    expect(partial[0]).toMatchObject({ flagId: 'phq9.item9-crisis', kind: 'crisis' });
    expect(partial[0]?.text).toContain(EMERGENCY_GUIDANCE);
    expect(localGuidance('phq9', { ...all(0), [PHQ9_ITEM9_ID]: 1 })[0]?.kind).toBe('crisis');
    // Clinician-only flags (screen-positive) are not patient guidance.
    expect(localGuidance('phq9', { ...all(2), [PHQ9_ITEM9_ID]: 0 })).toEqual([]);
    expect(localGuidance('phq9', {})).toEqual([]);
  });

  it('lays short answer labels side by side and long ones stacked', () => {
    expect(optionColumns(['Not at all', 'Several days'])).toBe(2);
    expect(optionColumns(['None', 'Mild', 'Moderate', 'Severe'])).toBe(4);
    expect(
      optionColumns(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']),
    ).toBe(2);
    expect(optionColumns(['Never or almost never', 'Sometimes, some of the time really'])).toBe(1);
    expect(optionColumns(Array.from({ length: 11 }, (_, i) => String(i)))).toBe(0);
  });
});

describe('trends', () => {
  it('steps the score axis evenly where it can', () => {
    expect(scoreInterval(0, 27)).toBe(3);
    expect(scoreInterval(0, 21)).toBe(3);
    expect(scoreInterval(0, 15)).toBe(3);
    expect(scoreInterval(0, 10)).toBe(2);
    expect(scoreInterval(0, 93)).toBeNull();
  });

  const response = (id: string, instrumentId: InstrumentId, at: string, total: number) =>
    ({
      id,
      instrumentId,
      assignmentId: null,
      at,
      answers: {},
      taperStepIndex: null,
      score: {
        version: '1',
        total,
        min: 0,
        max: 27,
        band: total >= 10 ? { id: 'moderate', label: 'Moderate', min: 10, max: 14 } : null,
        flags: [],
        subscores: [],
        sources: [],
      },
    }) satisfies QuestionnaireResponse;

  const list = [
    response('b', 'phq9', '2026-03-08T10:00:00Z', 12),
    response('x', 'peg', '2026-03-02T10:00:00Z', 5),
    response('a', 'phq9', '2026-03-01T10:00:00Z', 4),
  ];

  it('keeps one instrument, oldest first, with band labels', () => {
    expect(trendPoints(list, 'phq9')).toEqual([
      { id: 'a', at: '2026-03-01T10:00:00Z', total: 4, band: null },
      { id: 'b', at: '2026-03-08T10:00:00Z', total: 12, band: 'Moderate' },
    ]);
    expect(answeredInstruments(list)).toEqual(['phq9', 'peg']);
  });

  it('charts the totals on the instrument range with its bands shaded', () => {
    const phq9 = getInstrument('phq9');
    if (phq9 === undefined) throw new Error('no PHQ-9');
    const option = trendOption(trendPoints(list, 'phq9'), phq9, (at) => at.slice(5, 10), false);
    expect(option).toMatchObject({
      xAxis: { data: ['03-01', '03-08'] },
      yAxis: { min: 0, max: 27, interval: 3 },
      series: [{ type: 'line', data: [4, 12] }],
    });
    const series = (
      option.series as { markArea?: { data: [{ yAxis: number }, { yAxis: number }][] } }[]
    )[0];
    expect(series?.markArea?.data.map(([lo, hi]) => [lo.yAxis, hi.yAxis])).toEqual([
      [0, 5],
      [5, 10],
      [10, 15],
      [15, 20],
      [20, 27],
    ]);
    const peg = getInstrument('peg');
    if (peg === undefined) throw new Error('no PEG');
    const pegOption = trendOption(trendPoints(list, 'peg'), peg, String, false);
    expect((pegOption.series as { markArea?: unknown }[])[0]?.markArea).toBeUndefined();
  });
});
