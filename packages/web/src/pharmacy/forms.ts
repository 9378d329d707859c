/**
 * The logic of the pharmacy forms, kept out of the components so it can be tested: turning
 * what was typed into request bodies, with the same rules the server applies.
 */
import {
  dispensedQuantityProblem,
  isLocalDate,
  isLocalTime,
  localDateOf,
  localTimeOf,
  localToInstant,
  type FormulationId,
} from '@steady/core';
import { parseAmount } from '../shared/parse';
import type { DispensingInput, InteractionDecision, ReviewInput, ReviewItemInput } from './api';

/** Clock skew allowed for "dispensed now", as on the server. */
const FUTURE_GRACE_MS = 5 * 60_000;

export interface DispensingDraft {
  formulation: FormulationId;
  quantity: string;
  /** The patient's local date and time of the dispensing. */
  date: string;
  time: string;
  daysSupply: string;
  note: string;
}

export type QuantityError = 'required' | 'notPositive' | 'tooLarge' | 'step';
export interface DispensingErrors {
  quantity?: QuantityError;
  when?: 'invalid' | 'future';
  daysSupply?: 'invalid';
}

/** An empty form dated now in the patient's zone. */
export function initialDispensingDraft(now: string, zone: string): DispensingDraft {
  return {
    formulation: 'tab5',
    quantity: '',
    date: localDateOf(now, zone),
    time: localTimeOf(now, zone),
    daysSupply: '',
    note: '',
  };
}

const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

function quantityError(formulation: FormulationId, text: string): QuantityError | null {
  if (text.trim() === '') return 'required';
  const value = Number(text.trim().replace(',', '.'));
  switch (dispensedQuantityProblem(formulation, value)) {
    case 'not-positive':
      return 'notPositive';
    case 'too-large':
      return 'tooLarge';
    case 'step':
      return 'step';
    case null:
      return null;
  }
}

/**
 * The request body for a dispensing typed in the patient's zone, or what is wrong with it.
 *
 * @example dispensingFromDraft({ formulation: 'tab5', quantity: '30', date: '2026-03-10', time: '09:00', daysSupply: '', note: '' }, 'UTC', now)
 * // → { input: { formulation: 'tab5', quantity: 30, dispensedAt: '2026-03-10T09:00:00.000Z', daysSupply: null, note: null } }
 */
export function dispensingFromDraft(
  draft: DispensingDraft,
  zone: string,
  nowMs: number,
): { input: DispensingInput } | { errors: DispensingErrors } {
  const errors: DispensingErrors = {};
  const quantity = quantityError(draft.formulation, draft.quantity);
  if (quantity !== null) errors.quantity = quantity;
  let dispensedAt: string | null = null;
  if (!isLocalDate(draft.date) || !isLocalTime(draft.time)) errors.when = 'invalid';
  else {
    dispensedAt = localToInstant(draft.date, draft.time, zone);
    if (Date.parse(dispensedAt) > nowMs + FUTURE_GRACE_MS) errors.when = 'future';
  }
  let daysSupply: number | null = null;
  if (draft.daysSupply.trim() !== '') {
    const days = Number(draft.daysSupply.trim());
    if (Number.isInteger(days) && days >= 1 && days <= 365) daysSupply = days;
    else errors.daysSupply = 'invalid';
  }
  if (Object.keys(errors).length > 0 || dispensedAt === null) return { errors };
  return {
    input: {
      formulation: draft.formulation,
      quantity: parseAmount(draft.quantity) ?? 0,
      dispensedAt,
      daysSupply,
      note: blankToNull(draft.note),
    },
  };
}

// ── Reviews ─────────────────────────────────────────────────────────────────────────────────

/** Key of the diazepam regimen in a reconciliation checklist (its items have no medication id). */
export const REGIMEN_KEY = 'regimen';

export type ReconcileDecision = 'confirmed' | 'changed' | 'stopped';

export interface ReconcileRow {
  decision: ReconcileDecision | null;
  note: string;
}

export interface AddedMedication {
  name: string;
  dose: string;
  frequency: string;
}

export interface ReconcileErrors {
  /** By row key: no decision yet, or a change without a note. */
  rows: Record<string, 'decision' | 'note'>;
  /** By index of the added medications: the name is missing. */
  added: Record<number, 'name'>;
}

/**
 * The reconciliation body: every row of the checklist needs a decision (a change needs a note
 * saying what changed); added medications need a name. Rows are the regimen (`REGIMEN_KEY`)
 * and medication ids, in the order shown.
 */
export function reconciliationFromDraft(
  keys: readonly string[],
  rows: Readonly<Record<string, ReconcileRow>>,
  added: readonly AddedMedication[],
  note: string,
): { input: ReviewInput } | { errors: ReconcileErrors } {
  const errors: ReconcileErrors = { rows: {}, added: {} };
  const items: ReviewItemInput[] = [];
  for (const key of keys) {
    const row = rows[key] ?? { decision: null, note: '' };
    if (row.decision === null) {
      errors.rows[key] = 'decision';
      continue;
    }
    if (row.decision === 'changed' && row.note.trim() === '') errors.rows[key] = 'note';
    items.push({
      medicationId: key === REGIMEN_KEY ? null : key,
      decision: row.decision,
      note: blankToNull(row.note),
    });
  }
  added.forEach((m, i) => {
    if (m.name.trim() === '') {
      errors.added[i] = 'name';
      return;
    }
    items.push({
      medicationId: null,
      decision: 'added',
      note: null,
      medication: {
        name: m.name.trim(),
        dose: blankToNull(m.dose),
        frequency: blankToNull(m.frequency),
      },
    });
  });
  if (Object.keys(errors.rows).length > 0 || Object.keys(errors.added).length > 0) {
    return { errors };
  }
  return { input: { kind: 'reconciliation', items, note: blankToNull(note) } };
}

export interface InteractionRow {
  decision: InteractionDecision | null;
  note: string;
}

/**
 * The interaction-review body: the flagged medications given a decision (at least one);
 * referring one to the prescriber needs a note. `null` when nothing was decided.
 */
export function interactionFromDraft(
  keys: readonly string[],
  rows: Readonly<Record<string, InteractionRow>>,
  note: string,
): { input: ReviewInput } | { errors: Record<string, 'note'> } | null {
  const errors: Record<string, 'note'> = {};
  const items: ReviewItemInput[] = [];
  for (const key of keys) {
    const row = rows[key];
    if (row === undefined || row.decision === null) continue;
    if (row.decision === 'refer' && row.note.trim() === '') errors[key] = 'note';
    items.push({ medicationId: key, decision: row.decision, note: blankToNull(row.note) });
  }
  if (Object.keys(errors).length > 0) return { errors };
  if (items.length === 0) return null;
  return { input: { kind: 'interaction', items, note: blankToNull(note) } };
}
