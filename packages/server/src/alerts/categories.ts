/**
 * Which consent categories an alert draws on. A care-team member sees an alert only when the
 * patient shares every one of them with them (see docs/care-team-api.md, "Alerts"): an alert
 * about severe drowsiness while an opioid is listed tells of both check-ins and medications.
 *
 * The map is by signal id (the rule decides what the evidence is about); evidence kinds that
 * clearly name a category add it, so a rule that starts citing new data cannot leak it.
 */
import { signalBaseId, type Signal, type SignalEvidenceKind } from '@steady/core';
import type { DataCategory } from '../careteam/consent.js';

const M: DataCategory = 'medications';
const C: DataCategory = 'checkins';
const Q: DataCategory = 'questionnaires';

/** By full id first, then by base id (the part before the slash). */
const BY_SIGNAL: Readonly<Record<string, readonly DataCategory[]>> = {
  'SIG-RED-FLAG/self-harm': [Q],
  'SIG-RED-FLAG/breathing': [C],
  'SIG-RED-FLAG/seizure': [C],
  'SIG-RED-FLAG/extreme-sleepiness': [C, M],
  'SIG-RED-FLAG/confusion': [C],
  'SIG-RED-FLAG/new-opioid': [M],
  'SIG-OTHER-PURPOSE/alcohol': [C],
  'SIG-OTHER-PURPOSE/reason': [M],
  'SIG-FALL': [C],
  'SIG-SIDE-EFFECT': [C],
  'SIG-RISK-MOD': [M],
  'SIG-DOSE-ESC': [M],
  'SIG-EARLY-DOSE': [M],
  'SIG-TAPER-SKIP': [M],
  'SIG-MISSED-STREAK': [M],
  'SIG-INTERDOSE-WD': [M, C],
  'SIG-TOLERANCE': [M, C],
  'SIG-WD-RISK': [M],
  'SIG-SDS': [Q],
  'SIG-ADJUSTMENT': [M],
  'SIG-TAPER-FAST': [M],
  'SIG-WD-AFTER-STEP': [M, C],
  'SIG-POST-TAPER/symptoms': [M, Q],
  'SIG-POST-TAPER/doses': [M],
  'SIG-REVIEW-DUE': [M],
  'SIG-EARLY-REFILL': [M],
};

/** Withdrawal-checklist red flags (`SIG-RED-FLAG/withdrawal-<kind>`) come from questionnaires. */
const WITHDRAWAL_RED_FLAG = /^SIG-RED-FLAG\/withdrawal-/;

const BY_EVIDENCE: Partial<Record<SignalEvidenceKind, DataCategory>> = {
  dose: M,
  slot: M,
  medication: M,
  dispensing: M,
  regimen: M,
  taperStep: M,
  checkIn: C,
  questionnaire: Q,
};

/** An unknown rule needs everything it might be about. */
const UNKNOWN: readonly DataCategory[] = [M, C, Q];

export function signalCategories(signal: Pick<Signal, 'id' | 'evidence'>): DataCategory[] {
  const base = WITHDRAWAL_RED_FLAG.test(signal.id)
    ? [Q]
    : (BY_SIGNAL[signal.id] ?? BY_SIGNAL[signalBaseId(signal.id)] ?? UNKNOWN);
  const found = new Set<DataCategory>(base);
  for (const e of signal.evidence) {
    const category = BY_EVIDENCE[e.kind];
    if (category !== undefined) found.add(category);
  }
  return [...found].sort();
}

/** The ids and dates a signal rests on, sorted: new evidence reopens a resolved alert. */
export function signalFingerprint(signal: Pick<Signal, 'evidence'>): string[] {
  const parts = new Set<string>();
  for (const e of signal.evidence) {
    for (const id of e.ids ?? []) parts.add(`${e.kind}:${id}`);
    // Computed metrics carry moving dates (windows ending today); they are not new evidence.
    if (e.ids === undefined && e.kind !== 'metric') {
      for (const d of e.dates ?? []) parts.add(`${e.kind}@${d}`);
    }
  }
  return [...parts].sort();
}

export const SEVERITY_RANK = { info: 1, caution: 2, warning: 3, urgent: 4 } as const;
