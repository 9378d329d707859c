/**
 * The scoring engine every instrument shares: validate answers against the item options, raise
 * item-level safety flags from whatever is valid, then aggregate and band the total.
 */
import type {
  AnswerError,
  InstrumentAnswerOption,
  InstrumentAnswers,
  InstrumentBand,
  InstrumentFlag,
  InstrumentItem,
  InstrumentScoreOutcome,
  InstrumentSpec,
  InstrumentSubscore,
} from './types.js';
import { LOINC_SYSTEM } from './types.js';

export interface ValidatedAnswers {
  readonly errors: readonly AnswerError[];
  /** Valid answers only, keyed by item id. */
  readonly values: Readonly<Record<string, number>>;
}

function optionValues(item: InstrumentItem): string {
  return item.options.map((o) => o.value).join(', ');
}

/**
 * Checks every answer against its item: required items answered, values among the options,
 * no answers to items the form lacks. Returns the errors and the valid values; never throws.
 * @example validateAnswers(PAIN_NRS.items, { 'nrs-pain': 12 }).errors[0]?.code // 'invalid-option'
 */
export function validateAnswers(
  items: readonly InstrumentItem[],
  answers: InstrumentAnswers,
): ValidatedAnswers {
  const errors: AnswerError[] = [];
  const values: Record<string, number> = {};
  const known = new Set(items.map((i) => i.id));
  for (const [key, value] of Object.entries(answers)) {
    if (!known.has(key) && value !== null && value !== undefined) {
      errors.push({ code: 'unknown-item', itemId: key, message: `No item "${key}" in this form.` });
    }
  }
  for (const item of items) {
    // Read as unknown: callers in plain JavaScript (or parsed JSON) can send anything.
    const raw: unknown = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    if (raw === undefined || raw === null) {
      if (item.required) {
        errors.push({
          code: 'missing',
          itemId: item.id,
          message: `Item "${item.id}" is required.`,
        });
      }
    } else if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      errors.push({
        code: 'not-a-number',
        itemId: item.id,
        message: `Item "${item.id}" needs a number (one of ${optionValues(item)}).`,
      });
    } else if (!item.options.some((o) => o.value === raw)) {
      errors.push({
        code: 'invalid-option',
        itemId: item.id,
        message: `Item "${item.id}": ${raw} is not one of ${optionValues(item)}.`,
      });
    } else {
      values[item.id] = raw;
    }
  }
  return { errors, values };
}

/** Flags raised by individual valid answers above 0 (suicidality, seizure, …). */
export function safetyFlags(
  items: readonly InstrumentItem[],
  values: Readonly<Record<string, number>>,
): InstrumentFlag[] {
  return items.flatMap((item) => {
    const value = values[item.id];
    return item.safetyFlag !== undefined && value !== undefined && value > 0
      ? [item.safetyFlag]
      : [];
  });
}

/** The band whose inclusive range holds the total, or null. */
export function bandFor(bands: readonly InstrumentBand[], total: number): InstrumentBand | null {
  return bands.find((b) => total >= b.min && total <= b.max) ?? null;
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export interface ScoringRules {
  readonly aggregate: (scoredValues: readonly number[]) => number;
  readonly totalFlags?: (total: number) => readonly InstrumentFlag[];
  readonly subscores?: (values: Readonly<Record<string, number>>) => readonly InstrumentSubscore[];
}

/** Validates, flags and scores one completed form. Pure; never throws on bad answers. */
export function computeScore(
  spec: InstrumentSpec,
  answers: InstrumentAnswers,
  rules: ScoringRules,
): InstrumentScoreOutcome {
  const { errors, values } = validateAnswers(spec.items, answers);
  const itemFlags = safetyFlags(spec.items, values);
  if (errors.length > 0) return { ok: false, errors, safetyFlags: itemFlags };
  const itemScores: Record<string, number> = {};
  for (const item of spec.items) {
    const value = values[item.id];
    if (item.scored && value !== undefined) itemScores[item.id] = value;
  }
  const total = rules.aggregate(Object.values(itemScores));
  return {
    ok: true,
    score: {
      instrumentId: spec.id,
      version: spec.version,
      total,
      band: bandFor(spec.bands, total),
      flags: [...itemFlags, ...(rules.totalFlags?.(total) ?? [])],
      itemScores,
      answers: values,
      subscores: rules.subscores?.(values) ?? [],
      sources: spec.sources,
    },
  };
}

/** LOINC answer list LL358-3 (PHQ-9 / GAD-7): Not at all … Nearly every day, scored 0–3. */
export const PHQ_FREQUENCY_OPTIONS: readonly InstrumentAnswerOption[] = [
  { value: 0, label: 'Not at all', code: { system: LOINC_SYSTEM, code: 'LA6568-5' } },
  { value: 1, label: 'Several days', code: { system: LOINC_SYSTEM, code: 'LA6569-3' } },
  { value: 2, label: 'More than half the days', code: { system: LOINC_SYSTEM, code: 'LA6570-1' } },
  { value: 3, label: 'Nearly every day', code: { system: LOINC_SYSTEM, code: 'LA6571-9' } },
];

/**
 * LOINC answers for a 0–10 rating, as listed by HL7BE-PAIN for 72514-3 and by LOINC's PEG form.
 * LOINC's own display for LA6113-0 is "2 or more"; it is kept as the coding display.
 */
const ZERO_TO_TEN_LOINC: readonly (readonly [string, string])[] = [
  ['LA6111-4', '0'],
  ['LA6112-2', '1'],
  ['LA6113-0', '2 or more'],
  ['LA6114-8', '3'],
  ['LA6115-5', '4'],
  ['LA10137-0', '5'],
  ['LA10138-8', '6'],
  ['LA10139-6', '7'],
  ['LA10140-4', '8'],
  ['LA10141-2', '9'],
  ['LA13942-0', '10'],
];

/** Options 0–10 with the anchors on the ends; LOINC answer codes only where a source lists them. */
export function zeroToTenOptions(
  low: string,
  high: string,
  withLoincCodes: boolean,
): readonly InstrumentAnswerOption[] {
  return ZERO_TO_TEN_LOINC.map(([code, display], value) => {
    const label = value === 0 ? `0 – ${low}` : value === 10 ? `10 – ${high}` : String(value);
    return withLoincCodes
      ? { value, label, code: { system: LOINC_SYSTEM, code, display } }
      : { value, label };
  });
}

/** Emergency guidance shown with every crisis flag (PRODUCT safety principle 4). */
export const EMERGENCY_GUIDANCE =
  'If you are in danger now or might act on these thoughts, call your local emergency number ' +
  '(for example 911 in the US or 112 in Europe) or go to the nearest emergency department. ' +
  'Please also contact your care team today.';

/** Reinforced wherever the patient reads about withdrawal (PRODUCT safety principle 5). */
export const DO_NOT_STOP_SUDDENLY =
  'Do not stop or change your diazepam on your own; talk to your prescriber first.';

export const LOINC_NOTICE =
  'This material contains content from LOINC (http://loinc.org). LOINC is copyright © ' +
  'Regenstrief Institute, Inc. and the Logical Observation Identifiers Names and Codes (LOINC) ' +
  'Committee and is available at no cost under the license at http://loinc.org/license. ' +
  'LOINC® is a registered United States trademark of Regenstrief Institute, Inc.';

/** Copyright line of PHQ-9 and GAD-7, verbatim from HL7-PCO-IG (keep it with the forms). */
export const PFIZER_COPYRIGHT =
  'Copyright © Pfizer Inc. All rights reserved. Developed by Drs. Robert L. Spitzer, Janet B.W. ' +
  'Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No ' +
  'permission required to reproduce, translate, display or distribute.';
