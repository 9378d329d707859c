/** Test helpers for the instruments: build answers, unwrap outcomes, check citations. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { isSourceId } from '../sources.js';
import type { SourceRef } from '../sources.js';
import type {
  InstrumentAnswers,
  InstrumentDefinition,
  InstrumentScore,
  InstrumentScoreOutcome,
} from './types.js';

/** The score of an outcome that must be valid. */
export function scored(outcome: InstrumentScoreOutcome): InstrumentScore {
  if (!outcome.ok) throw new Error(`expected a score, got ${JSON.stringify(outcome.errors)}`);
  return outcome.score;
}

/** Answers for the given item ids, in order. */
export function answersOf(ids: readonly string[], values: readonly number[]): InstrumentAnswers {
  return Object.fromEntries(ids.map((id, i) => [id, values[i] ?? 0]));
}

/** Scored-item answers adding up to `total`, filling items from the first; `skip` stays 0. */
export function answersWithTotal(
  def: InstrumentDefinition,
  total: number,
  skip: readonly string[] = [],
): Record<string, number> {
  let left = total;
  const out: Record<string, number> = {};
  for (const item of def.items.filter((i) => i.scored)) {
    const max = Math.max(...item.options.map((o) => o.value));
    const v = skip.includes(item.id) ? 0 : Math.min(max, left);
    out[item.id] = v;
    left -= v;
  }
  if (left !== 0) throw new Error(`cannot reach ${total} with ${def.id}`);
  return out;
}

export function expectValidSources(sources: readonly SourceRef[]): void {
  expect(sources.length).toBeGreaterThan(0);
  for (const s of sources) {
    expect(isSourceId(s.id), s.id).toBe(true);
    expect(['C', 'P', 'U']).toContain(s.status);
  }
}

/** Any complete, valid set of answers for an instrument (optional items sometimes left out). */
export function validAnswers(
  def: InstrumentDefinition,
): fc.Arbitrary<Record<string, number | undefined>> {
  const entries = def.items.map((item) => {
    const values = fc.constantFrom(...item.options.map((o) => o.value));
    return [item.id, item.required ? values : fc.option(values, { nil: undefined })] as const;
  });
  return fc.record(Object.fromEntries(entries));
}
