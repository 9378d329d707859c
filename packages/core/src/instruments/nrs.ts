/**
 * Pain intensity, 0–10 numeric rating scale (REFERENCE §7: EMBED, generic, no owner), and the
 * clinically important change of FARRAR-2001.
 */
import { cite } from '../sources.js';
import type { Parameter } from '../sources.js';
import { LOINC_NOTICE, computeScore, zeroToTenOptions } from './common.js';
import type { InstrumentDefinition, InstrumentSpec } from './types.js';
import { LOINC_SYSTEM } from './types.js';

const FARRAR = cite('FARRAR-2001', 'C', 'REFERENCE §7');
const LOINC_72514 = cite('HL7BE-PAIN', 'C', 'ValueSet pain-scale (LOINC 72514-3)');

export const NRS_ITEM_ID = 'nrs-pain';

/** Points of reduction that Farrar et al. found clinically important on average. */
export const NRS_MCID_POINTS: Parameter<number> = {
  name: 'nrs.mcidPoints',
  value: 2,
  unit: 'points',
  confirmed: true,
  sources: [FARRAR],
  note: '"a reduction of approximately two points" on the 0–10 NRS',
};

/** Percentage reduction that Farrar et al. found clinically important on average. */
export const NRS_MCID_PERCENT: Parameter<number> = {
  name: 'nrs.mcidPercent',
  value: 30,
  unit: '%',
  confirmed: true,
  sources: [FARRAR],
  note: '"or … approximately 30%"; more raw change is needed at a high baseline',
};

const spec: InstrumentSpec = {
  id: 'nrs',
  title: 'Pain intensity, 0–10 numeric rating scale',
  shortTitle: 'Pain (0–10)',
  version: '1.0.0',
  kind: 'single-item-scale',
  description: 'One rating of pain intensity from 0 (no pain) to 10 (worst possible pain).',
  recallPeriod: {
    text: 'right now',
    confirmed: false,
    note: 'Steady setting. The NRS has no fixed recall period; LOINC 72514-3 is a point-in-time rating.',
    sources: [LOINC_72514],
  },
  instructions: 'Please rate your pain.',
  items: [
    {
      id: NRS_ITEM_ID,
      linkId: NRS_ITEM_ID,
      text: 'What number best describes your pain right now, from 0 (no pain) to 10 (worst possible pain)?',
      clinicianLabel: 'Pain now (0–10)',
      code: { system: LOINC_SYSTEM, code: '72514-3' },
      required: true,
      scored: true,
      options: zeroToTenOptions('No pain', 'Worst possible pain', true),
    },
  ],
  scoring: {
    method: 'single-item',
    min: 0,
    max: 10,
    description: 'The rating itself (0–10).',
  },
  bands: [],
  notes: [
    {
      text:
        'Clinically important change: "a reduction of approximately two points or … approximately ' +
        '30%" on average; more raw change is needed at a high baseline. No severity bands are used.',
      sources: [FARRAR],
    },
  ],
  codes: {
    total: {
      system: LOINC_SYSTEM,
      code: '72514-3',
      display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
      source: LOINC_72514,
    },
    unit: '{score}',
  },
  derivedFrom: [],
  licence: {
    verdict: 'EMBED',
    status: 'C',
    attribution: 'Generic 0–10 numeric pain rating scale (no owner).',
    loincNotice: LOINC_NOTICE,
    clinicMayDisable: false,
    note: 'Generic scale with no owner (REFERENCE §7).',
    sources: [FARRAR],
  },
  wording: {
    text:
      'Question wording is Steady\'s own; anchors as in REFERENCE §7 ("0 = no pain, 10 = worst ' +
      'possible pain"). Answer codes LA6111-4 … LA13942-0 from the HL7 Belgium pain-scale value set.',
    sources: [FARRAR, LOINC_72514],
  },
  sources: [FARRAR, LOINC_72514],
};

export const PAIN_NRS: InstrumentDefinition = {
  ...spec,
  score: (answers) => computeScore(spec, answers, { aggregate: (xs) => xs[0] ?? 0 }),
};

export interface PainChange {
  readonly baseline: number;
  readonly followUp: number;
  /** followUp − baseline; negative is improvement. */
  readonly change: number;
  /** Change as a percentage of baseline; null when the baseline is 0. */
  readonly percentChange: number | null;
  /** Reduction of ≥ 2 points or ≥ 30 % (FARRAR-2001). Worsening is never "important" here. */
  readonly clinicallyImportantImprovement: boolean;
  readonly sources: readonly [typeof FARRAR];
}

// Ratings may be averages (e.g. a weekly mean); allow for floating-point error in differences.
const EPSILON = 1e-9;

function checkRating(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 10) {
    throw new RangeError(`${name} must be a pain rating between 0 and 10, got ${value}`);
  }
}

/**
 * Change between two 0–10 pain ratings (single ratings or averages), judged by FARRAR-2001.
 * Throws RangeError for values outside 0–10: ratings are validated before they get here.
 * @example painChange(6, 4).clinicallyImportantImprovement // true (2 points)
 */
export function painChange(baseline: number, followUp: number): PainChange {
  checkRating('baseline', baseline);
  checkRating('followUp', followUp);
  const reduction = baseline - followUp;
  const important =
    reduction > 0 &&
    (reduction >= NRS_MCID_POINTS.value - EPSILON ||
      reduction * 100 >= NRS_MCID_PERCENT.value * baseline - EPSILON);
  return {
    baseline,
    followUp,
    change: followUp - baseline,
    percentChange: baseline === 0 ? null : ((followUp - baseline) / baseline) * 100,
    clinicallyImportantImprovement: important,
    sources: [FARRAR],
  };
}

/**
 * True when pain fell by about 2 points or 30 % or more (FARRAR-2001): a clinically important
 * improvement on average. A rise is not judged (the source covers reductions only).
 * @example isClinicallyImportantChange(8, 6) // true
 * @example isClinicallyImportantChange(3, 2) // true (33 %)
 * @example isClinicallyImportantChange(9, 8) // false
 */
export function isClinicallyImportantChange(baseline: number, followUp: number): boolean {
  return painChange(baseline, followUp).clinicallyImportantImprovement;
}
