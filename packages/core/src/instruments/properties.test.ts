import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sum } from './common.js';
import { PHQ9_CRISIS_FLAG, PHQ9_ITEM9_ID } from './phq9.js';
import { INSTRUMENTS } from './registry.js';
import type { InstrumentAnswers } from './types.js';
import { validAnswers } from './instruments.test-helpers.js';

const defs = Object.values(INSTRUMENTS);

/** Ways to spoil one answer: each must stop a score being produced. */
const spoilers: fc.Arbitrary<unknown>[] = [
  fc.constant(undefined), // unanswered
  fc.constant(null),
  fc.integer({ min: -1000, max: -1 }),
  fc.integer({ min: 11, max: 1000 }),
  fc.double({ min: 0.01, max: 9.99, noNaN: true }).filter((x) => !Number.isInteger(x)),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '1', true, {}),
];

describe.each(defs.map((d) => [d.id, d] as const))('%s properties', (_id, def) => {
  it('scores any valid answers within the declared range, with a band when it has bands', () => {
    fc.assert(
      fc.property(validAnswers(def), (answers) => {
        const out = def.score(answers);
        expect(out.ok).toBe(true);
        if (!out.ok) return;
        const { total, band, itemScores } = out.score;
        expect(total).toBeGreaterThanOrEqual(def.scoring.min);
        expect(total).toBeLessThanOrEqual(def.scoring.max);
        const scoredValues = def.items.filter((i) => i.scored).map((i) => answers[i.id] ?? NaN);
        expect(Object.values(itemScores)).toEqual(scoredValues);
        const expected =
          def.scoring.method === 'mean'
            ? sum(scoredValues) / scoredValues.length
            : sum(scoredValues);
        expect(total).toBeCloseTo(expected, 12);
        if (def.bands.length > 0) {
          expect(band).not.toBeNull();
          expect(total).toBeGreaterThanOrEqual(band?.min ?? NaN);
          expect(total).toBeLessThanOrEqual(band?.max ?? NaN);
        }
        for (const flag of out.score.flags) expect(flag.sources.length).toBeGreaterThan(0);
      }),
    );
  });

  it('never produces a score when a required answer is spoiled', () => {
    const required = def.items.filter((i) => i.required);
    fc.assert(
      fc.property(
        validAnswers(def),
        fc.constantFrom(...required.map((i) => i.id)),
        fc.oneof(...spoilers),
        (answers, itemId, bad) => {
          const spoiled = { ...answers, [itemId]: bad } as unknown as InstrumentAnswers;
          const out = def.score(spoiled);
          expect(out.ok).toBe(false);
          if (!out.ok) expect(out.errors.some((e) => e.itemId === itemId)).toBe(true);
        },
      ),
    );
  });

  it('never produces a score with an answer to an item the form lacks', () => {
    fc.assert(
      fc.property(validAnswers(def), fc.integer({ min: 0, max: 3 }), (answers, v) => {
        expect(def.score({ ...answers, 'not-an-item': v }).ok).toBe(false);
      }),
    );
  });

  it('raises the same safety flags whether or not the form is complete', () => {
    fc.assert(
      fc.property(
        validAnswers(def),
        fc.constantFrom(...def.items.map((i) => i.id)),
        (answers, drop) => {
          const full = def.score(answers);
          const partial = def.score({ ...answers, [drop]: undefined });
          const crisisOf = (flags: readonly { kind: string; id: string }[]): string[] =>
            flags.filter((f) => f.kind === 'crisis' || f.kind === 'urgent').map((f) => f.id);
          const fullFlags = full.ok ? full.score.flags : full.safetyFlags;
          const partialFlags = partial.ok ? partial.score.flags : partial.safetyFlags;
          const droppedFlag = def.items.find((i) => i.id === drop)?.safetyFlag?.id;
          expect(crisisOf(partialFlags)).toEqual(
            crisisOf(fullFlags).filter((id) => id !== droppedFlag),
          );
        },
      ),
    );
  });
});

describe('PHQ-9 crisis property', () => {
  it('raises the crisis flag exactly when item 9 is above 0', () => {
    const def = INSTRUMENTS.phq9;
    fc.assert(
      fc.property(validAnswers(def), (answers) => {
        const out = def.score(answers);
        const flags = out.ok ? out.score.flags : [];
        expect(flags.includes(PHQ9_CRISIS_FLAG)).toBe((answers[PHQ9_ITEM9_ID] ?? 0) > 0);
      }),
    );
  });
});
