import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { amountText } from './amount';

// Echoes the key and its values, so the test sees which texts are picked.
const t = ((key: string, values?: Record<string, unknown>) =>
  `${key}${values === undefined ? '' : JSON.stringify(values)}`) as unknown as TFunction;

describe('amountText', () => {
  it('joins sets, reps and minutes, naming only what was given', () => {
    expect(amountText(t, { sets: 2, reps: 10, minutes: 5 })).toBe(
      'exercises.setsReps{"sets":2,"reps":10} · exercises.minutes{"count":5}',
    );
    expect(amountText(t, { sets: 3, reps: null, minutes: null })).toBe('exercises.sets{"count":3}');
    expect(amountText(t, { sets: null, reps: 8, minutes: null })).toBe('exercises.reps{"count":8}');
    expect(amountText(t, { sets: null, reps: null, minutes: null })).toBe('');
  });
});
