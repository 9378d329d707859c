/** The instrument registry: look up a definition by id and score a completed form. */
import { GAD7 } from './gad7.js';
import { PAIN_NRS } from './nrs.js';
import { PEG } from './peg.js';
import { PHQ9 } from './phq9.js';
import { SDS } from './sds.js';
import type {
  InstrumentAnswers,
  InstrumentDefinition,
  InstrumentId,
  InstrumentScoreOutcome,
} from './types.js';
import { WITHDRAWAL_CHECKLIST } from './withdrawal.js';

/** Every instrument Steady embeds, keyed by id. */
export const INSTRUMENTS: Readonly<Record<InstrumentId, InstrumentDefinition>> = {
  nrs: PAIN_NRS,
  peg: PEG,
  phq9: PHQ9,
  gad7: GAD7,
  sds: SDS,
  withdrawal: WITHDRAWAL_CHECKLIST,
};

export const INSTRUMENT_IDS: readonly InstrumentId[] = Object.keys(INSTRUMENTS) as InstrumentId[];

export function isInstrumentId(value: string): value is InstrumentId {
  return Object.hasOwn(INSTRUMENTS, value);
}

/**
 * The definition for an id, or undefined for an unknown id.
 * @example getInstrument('phq9')?.items.length // 10 (nine items + difficulty)
 */
export function getInstrument(id: string): InstrumentDefinition | undefined {
  return isInstrumentId(id) ? INSTRUMENTS[id] : undefined;
}

/**
 * Scores a completed form. Never throws on bad input: returns `{ ok: false, errors, safetyFlags }`
 * (safety flags such as PHQ-9 item 9 are raised even then), else `{ ok: true, score }`.
 * @example
 * const out = scoreInstrument('gad7', { 'gad7-1': 2, 'gad7-2': 2, 'gad7-3': 1, 'gad7-4': 1,
 *   'gad7-5': 1, 'gad7-6': 2, 'gad7-7': 1 });
 * if (out.ok) out.score.total; // 10, band "Moderate anxiety symptoms", one screen-positive flag
 */
export function scoreInstrument(id: string, answers: InstrumentAnswers): InstrumentScoreOutcome {
  const definition = getInstrument(id);
  if (definition === undefined) {
    return {
      ok: false,
      errors: [{ code: 'unknown-instrument', itemId: null, message: `No instrument "${id}".` }],
      safetyFlags: [],
    };
  }
  return definition.score(answers);
}
