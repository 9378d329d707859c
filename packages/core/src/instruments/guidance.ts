/** What the patient is shown after answering: the flags' patient texts, the most urgent first. */
import type { SourceRef } from '../sources.js';
import type { InstrumentFlag, InstrumentFlagKind } from './types.js';

/** A patient-facing message the answers triggered. */
export interface PatientGuidance {
  readonly flagId: string;
  readonly kind: InstrumentFlagKind;
  readonly title: string;
  readonly text: string;
  readonly sources: readonly SourceRef[];
}

const KIND_ORDER: Readonly<Record<InstrumentFlagKind, number>> = {
  crisis: 0,
  urgent: 1,
  'screen-positive': 2,
  review: 3,
};

/** The flags with a patient text, crisis first, then urgent, screen-positive and review. */
export function patientGuidance(flags: readonly InstrumentFlag[]): PatientGuidance[] {
  return flags
    .filter((f) => f.patientText !== null)
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
    .map((f) => ({
      flagId: f.id,
      kind: f.kind,
      title: f.title,
      text: f.patientText ?? '',
      sources: f.sources,
    }));
}
