/**
 * The missed-dose instruction shown to the patient (issue 7 item 6): Steady's sourced default,
 * and the guard every instruction passes before it is shown — it never advises a double dose
 * (or any "catch-up" dose) and never advises stopping (PRODUCT safety principle 5).
 *
 * REFERENCE has no label wording for what to do about a missed dose, so the default does not
 * invent one: it says not to stop or change the dose alone, to ask the prescriber or
 * pharmacist, and (during a taper) to try not to skip doses.
 */
import { DO_NOT_STOP_SUDDENLY } from '../instruments/common.js';
import { cite, type SourceRef } from '../sources.js';

export interface MissedDoseInstructionText {
  readonly text: string;
  readonly sources: readonly SourceRef[];
}

/** Steady's default instruction, shown until the prescriber sets one. */
export const DEFAULT_MISSED_DOSE_INSTRUCTION: MissedDoseInstructionText = {
  text:
    `${DO_NOT_STOP_SUDDENLY} If you miss a dose, ask your prescriber or pharmacist what to do. ` +
    'During a taper, try not to skip any doses: skipping doses can make withdrawal worse.',
  sources: [
    cite(
      'LABEL-TAB',
      'C',
      'Boxed Warning: abrupt discontinuation or rapid dosage reduction may precipitate acute withdrawal reactions (REFERENCE §4.1)',
    ),
    cite(
      'ASAM-PATIENT',
      'C',
      'p.13: "Try to avoid skipping any doses during the tapering process" (REFERENCE §6.5)',
    ),
  ],
};

/** Longest instruction a prescriber may set (characters). A software limit, not a clinical one. */
export const MAX_MISSED_DOSE_TEXT = 1000;

/** Why an instruction cannot be shown. */
export type MissedDoseTextProblem =
  'empty' | 'too-long' | 'advises-double-dose' | 'advises-stopping';

const DOUBLING: readonly RegExp[] = [
  /\bdoubl(?:e|ed|es|ing)\b/g,
  /\b(?:two|2|both)\s+(?:doses|tablets|pills)\b/g,
  /\btake\s+both\b/g,
  /\bextra\s+(?:dose|doses|tablet|tablets|pill|pills|mg)\b/g,
  /\b(?:catch|make)[\s-]+up\b/g,
  /\b(?:with|together with|along with)\s+(?:your|the)\s+next\s+dose\b/g,
];

const STOPPING: readonly RegExp[] = [
  /\bstop(?:s|ped|ping)?\b/g,
  /\bdiscontinu\w*/g,
  /\bquit(?:s|ting)?\b/g,
  /\bceas(?:e|es|ing)\b/g,
  /\bcold\s+turkey\b/g,
  /\bcome\s+off\b/g,
];

/** Words that turn what follows (within a few words) into advice NOT to do it. */
const NEGATION = /^(?:not|no|never|avoid|without|nor|\w+n't|dont|cannot)$/;
/**
 * How many words before a phrase a negation may stand ("do not take a double dose"). Short on
 * purpose: "don't worry and take two doses" must not read as negated.
 */
const NEGATION_WINDOW = 3;

interface Hit {
  readonly word: number;
  readonly endWord: number;
  readonly kind: 'advises-double-dose' | 'advises-stopping';
}

const wordIndexAt = (clause: string, offset: number): number =>
  (clause.slice(0, offset).match(/[\w']+/g) ?? []).length;

function hitsIn(clause: string): Hit[] {
  const hits: Hit[] = [];
  const scan = (patterns: readonly RegExp[], kind: Hit['kind']) => {
    for (const re of patterns) {
      for (const m of clause.matchAll(re)) {
        const word = wordIndexAt(clause, m.index);
        hits.push({ word, endWord: wordIndexAt(clause, m.index + m[0].length), kind });
      }
    }
  };
  scan(DOUBLING, 'advises-double-dose');
  scan(STOPPING, 'advises-stopping');
  return hits.sort((a, b) => a.word - b.word);
}

/**
 * The first unsafe advice in one clause: a doubling or stopping phrase with no negation in the
 * few words before it. A phrase right after a negated one shares its negation ("never take an
 * extra dose to catch up").
 */
function unsafeIn(clause: string): Hit['kind'] | null {
  const words = (clause.match(/[\w']+/g) ?? []).map((w) => w.replace(/’/g, "'"));
  let negatedUntil = Number.NEGATIVE_INFINITY;
  for (const hit of hitsIn(clause)) {
    const before = words.slice(Math.max(0, hit.word - NEGATION_WINDOW), hit.word);
    const negated =
      before.some((w) => NEGATION.test(w)) || hit.word - negatedUntil <= NEGATION_WINDOW;
    if (!negated) return hit.kind;
    negatedUntil = Math.max(negatedUntil, hit.endWord);
  }
  return null;
}

/**
 * Whether an instruction may be shown to the patient, or why not. A guard against plainly
 * unsafe wording, not a reading of meaning: any mention of doubling, two doses, an extra or
 * catch-up dose, or stopping must be negated ("do not", "never", "avoid", …) in its clause.
 *
 * @example missedDoseTextProblem('Do not take a double dose; ask your pharmacist.') // null
 * @example missedDoseTextProblem('Take two doses next time.') // 'advises-double-dose'
 * @example missedDoseTextProblem('If you feel fine, stop taking diazepam.') // 'advises-stopping'
 */
export function missedDoseTextProblem(text: string): MissedDoseTextProblem | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > MAX_MISSED_DOSE_TEXT) return 'too-long';
  const normal = trimmed.toLowerCase().replace(/[’‘]/g, "'");
  for (const clause of normal.split(/[.;:!?,\n()]|\b(?:but|however|then)\b/)) {
    const problem = unsafeIn(clause);
    if (problem !== null) return problem;
  }
  return null;
}
