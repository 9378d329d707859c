import { describe, expect, it } from 'vitest';
import { bandFor, safetyFlags, validateAnswers, zeroToTenOptions } from './common.js';
import { PHQ9, PHQ9_CRISIS_FLAG } from './phq9.js';
import type { InstrumentAnswers, InstrumentBand } from './types.js';

const items = PHQ9.items;

describe('validateAnswers', () => {
  it('accepts values among the options and ignores an unanswered optional item', () => {
    const answers = Object.fromEntries(items.filter((i) => i.required).map((i) => [i.id, 1]));
    const { errors, values } = validateAnswers(items, answers);
    expect(errors).toEqual([]);
    expect(Object.keys(values)).toHaveLength(9);
    expect(values['phq9-difficulty']).toBeUndefined();
  });

  it('reports every missing required item, treating null and undefined as unanswered', () => {
    const { errors } = validateAnswers(items, { 'phq9-1': null, 'phq9-2': undefined });
    expect(errors.map((e) => e.itemId)).toEqual(items.filter((i) => i.required).map((i) => i.id));
    expect(errors.every((e) => e.code === 'missing')).toBe(true);
  });

  it('rejects values outside the options: out of range, fractional', () => {
    const base = Object.fromEntries(items.map((i) => [i.id, 0]));
    for (const bad of [-1, 4, 1.5, 99]) {
      const { errors, values } = validateAnswers(items, { ...base, 'phq9-3': bad });
      expect(errors).toEqual([
        {
          code: 'invalid-option',
          itemId: 'phq9-3',
          message: `Item "phq9-3": ${bad} is not one of 0, 1, 2, 3.`,
        },
      ]);
      expect(values['phq9-3']).toBeUndefined();
    }
  });

  it('rejects non-numbers from untyped callers (strings, NaN, Infinity, booleans)', () => {
    const base = Object.fromEntries(items.map((i) => [i.id, 0]));
    for (const bad of ['2', Number.NaN, Number.POSITIVE_INFINITY, true]) {
      const answers = { ...base, 'phq9-4': bad } as unknown as InstrumentAnswers;
      expect(validateAnswers(items, answers).errors.map((e) => e.code)).toEqual(['not-a-number']);
    }
  });

  it('rejects answers to items the form does not have, but ignores empty ones', () => {
    const base = Object.fromEntries(items.map((i) => [i.id, 0]));
    expect(validateAnswers(items, { ...base, 'phq9-10': 1 }).errors).toEqual([
      { code: 'unknown-item', itemId: 'phq9-10', message: 'No item "phq9-10" in this form.' },
    ]);
    expect(validateAnswers(items, { ...base, extra: null }).errors).toEqual([]);
  });

  it('does not read inherited properties as answers', () => {
    const answers = Object.create({ 'phq9-1': 2 }) as InstrumentAnswers;
    expect(validateAnswers(items, answers).errors.map((e) => e.itemId)).toContain('phq9-1');
  });
});

describe('safetyFlags', () => {
  it('raises an item flag for any valid value above 0, and none at 0', () => {
    expect(safetyFlags(items, { 'phq9-9': 0 })).toEqual([]);
    expect(safetyFlags(items, { 'phq9-9': 1 })).toEqual([PHQ9_CRISIS_FLAG]);
    expect(safetyFlags(items, {})).toEqual([]);
  });
});

describe('bandFor', () => {
  const bands: InstrumentBand[] = [
    { id: 'a', label: 'A', min: 0, max: 4, status: 'C', sources: [] },
    { id: 'b', label: 'B', min: 5, max: 9, status: 'C', sources: [] },
  ];
  it('uses inclusive bounds on both ends', () => {
    expect([0, 4, 5, 9].map((t) => bandFor(bands, t)?.id)).toEqual(['a', 'a', 'b', 'b']);
  });
  it('returns null outside every band', () => {
    expect(bandFor(bands, 10)).toBeNull();
    expect(bandFor([], 3)).toBeNull();
  });
});

describe('zeroToTenOptions', () => {
  it('gives eleven options with anchors on the ends', () => {
    const options = zeroToTenOptions('No pain', 'Worst possible pain', false);
    expect(options.map((o) => o.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(options[0]?.label).toBe('0 – No pain');
    expect(options[5]?.label).toBe('5');
    expect(options[10]?.label).toBe('10 – Worst possible pain');
    expect(options.every((o) => o.code === undefined)).toBe(true);
  });

  it('carries the LOINC answer codes with LOINC displays when asked', () => {
    const options = zeroToTenOptions('a', 'b', true);
    expect(options.map((o) => o.code?.code)).toEqual([
      'LA6111-4',
      'LA6112-2',
      'LA6113-0',
      'LA6114-8',
      'LA6115-5',
      'LA10137-0',
      'LA10138-8',
      'LA10139-6',
      'LA10140-4',
      'LA10141-2',
      'LA13942-0',
    ]);
    expect(options[2]?.code?.display).toBe('2 or more');
    expect(options[2]?.label).toBe('2');
  });
});
