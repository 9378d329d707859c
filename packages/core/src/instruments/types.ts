/**
 * Types shared by Steady's questionnaire instruments (REFERENCE §7, §8.1).
 * Definitions are data plus a pure scoring function; scores are flags for clinician review,
 * never diagnoses.
 */
import type { SourceRef, SourceStatus } from '../sources.js';

/** Instruments Steady embeds (REFERENCE §7 verdict EMBED or EMBED WITH ATTRIBUTION), plus the
 * withdrawal-symptom checklist built from JCPG-2025 Table 3. Ids match `SignalInstrumentId`. */
export type InstrumentId = 'nrs' | 'peg' | 'phq9' | 'gad7' | 'sds' | 'withdrawal';

export const LOINC_SYSTEM = 'http://loinc.org';

/** A code from a terminology (only LOINC is used here). */
export interface InstrumentCoding {
  readonly system: typeof LOINC_SYSTEM;
  readonly code: string;
  /** The terminology's own display, when it differs from what Steady shows. */
  readonly display?: string;
}

/** A panel or score code together with the citation that establishes it. */
export interface SourcedCoding extends InstrumentCoding {
  readonly source: SourceRef;
}

export interface InstrumentAnswerOption {
  /** The value the answer scores (its ordinal). */
  readonly value: number;
  /** What the respondent sees. */
  readonly label: string;
  /** LOINC answer code (LA…), where the reference or LOINC lists one. */
  readonly code?: InstrumentCoding;
}

export type RedFlagKind = 'suicidality' | 'seizure' | 'confusion' | 'psychosis';

export interface InstrumentItem {
  /** Steady's stable id; the key of this item in an answers record. */
  readonly id: string;
  /** FHIR Questionnaire linkId: LOINC's own where LOINC publishes the form, else `id`. */
  readonly linkId: string;
  readonly text: string;
  /** Short wording for clinician tables, when `text` is long or patient-worded. */
  readonly clinicianLabel?: string;
  /** LOINC question code, where REFERENCE §8.1 lists one. */
  readonly code?: InstrumentCoding;
  readonly required: boolean;
  /** False for items that are asked but never added to the total (PHQ-9 difficulty item). */
  readonly scored: boolean;
  readonly options: readonly InstrumentAnswerOption[];
  /** Checklist domain (withdrawal checklist only). */
  readonly domain?: string;
  /** Any answer above 0 raises this flag, even when the rest of the form is incomplete. */
  readonly safetyFlag?: InstrumentFlag;
}

/** An inclusive score range with a label. Bands describe symptom severity, not a diagnosis. */
export interface InstrumentBand {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly status: SourceStatus;
  readonly sources: readonly SourceRef[];
}

/**
 * crisis: show emergency guidance to the patient immediately and alert the clinician.
 * urgent: same-day contact with the care team. screen-positive / review: clinician review.
 */
export type InstrumentFlagKind = 'crisis' | 'urgent' | 'screen-positive' | 'review';

export interface InstrumentFlag {
  readonly id: string;
  readonly kind: InstrumentFlagKind;
  readonly audience: 'patient-and-clinician' | 'clinician';
  readonly title: string;
  /** Shown to the patient; null when the flag is for the clinician only. */
  readonly patientText: string | null;
  readonly clinicianText: string;
  /** Items whose answers raised the flag (empty for flags on the total). */
  readonly itemIds: readonly string[];
  readonly sources: readonly SourceRef[];
}

export interface RecallPeriod {
  readonly text: string;
  /** False when the period is a Steady setting rather than part of the published instrument. */
  readonly confirmed: boolean;
  readonly note?: string;
  readonly sources: readonly SourceRef[];
}

export type LicenceVerdict = 'EMBED' | 'EMBED WITH ATTRIBUTION';

export interface InstrumentLicence {
  readonly verdict: LicenceVerdict;
  /** How sure the reference is that the instrument may be embedded. */
  readonly status: SourceStatus;
  /** Text to show wherever the instrument is shown or exported. */
  readonly attribution: string;
  /** Copyright line to reproduce verbatim, when the owner gives one. */
  readonly copyright?: string;
  /** LOINC's notice, required when LOINC content (codes, form wording) is redistributed. */
  readonly loincNotice?: string;
  /** EMBED WITH ATTRIBUTION instruments can be switched off per clinic (REFERENCE §7). */
  readonly clinicMayDisable: boolean;
  readonly note: string;
  readonly sources: readonly SourceRef[];
}

export interface InstrumentNote {
  readonly text: string;
  readonly sources: readonly SourceRef[];
}

export interface InstrumentScoring {
  readonly method: 'sum' | 'mean' | 'single-item';
  readonly min: number;
  readonly max: number;
  readonly description: string;
}

/** The data part of an instrument definition. */
export interface InstrumentSpec {
  readonly id: InstrumentId;
  readonly title: string;
  readonly shortTitle: string;
  /** Version of Steady's definition (wording, codes, rules); stored with every score. */
  readonly version: string;
  readonly kind: 'validated-scale' | 'single-item-scale' | 'checklist';
  readonly description: string;
  readonly recallPeriod: RecallPeriod;
  /** Question stem shown above the items. */
  readonly instructions: string;
  readonly items: readonly InstrumentItem[];
  readonly scoring: InstrumentScoring;
  /** Empty when the instrument has no bands with clinical meaning. */
  readonly bands: readonly InstrumentBand[];
  /** Interpretation notes such as minimal important differences. */
  readonly notes: readonly InstrumentNote[];
  readonly codes: {
    readonly panel?: SourcedCoding;
    readonly total?: SourcedCoding;
    /** Unit of the score in FHIR (UCUM annotation). */
    readonly unit: '{score}';
    readonly note?: string;
  };
  /** Canonical URLs of the published forms this definition follows (FHIR Questionnaire.derivedFrom). */
  readonly derivedFrom: readonly string[];
  readonly licence: InstrumentLicence;
  /** Where the wording comes from and where Steady departs from it, and why. */
  readonly wording: InstrumentNote;
  readonly sources: readonly SourceRef[];
}

/** Answers keyed by item id. Missing, null and undefined all mean "not answered". */
export type InstrumentAnswers = Readonly<Record<string, number | null | undefined>>;

export type AnswerErrorCode =
  'unknown-instrument' | 'missing' | 'unknown-item' | 'not-a-number' | 'invalid-option';

export interface AnswerError {
  readonly code: AnswerErrorCode;
  /** The offending item, or null for errors about the whole form. */
  readonly itemId: string | null;
  readonly message: string;
}

export interface InstrumentSubscore {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly code?: SourcedCoding;
}

export interface InstrumentScore {
  readonly instrumentId: InstrumentId;
  readonly version: string;
  readonly total: number;
  readonly band: InstrumentBand | null;
  readonly flags: readonly InstrumentFlag[];
  /** Values of the scored items (what the total is computed from). */
  readonly itemScores: Readonly<Record<string, number>>;
  /** Every validated answer, including unscored items such as the PHQ-9 difficulty item. */
  readonly answers: Readonly<Record<string, number>>;
  readonly subscores: readonly InstrumentSubscore[];
  readonly sources: readonly SourceRef[];
}

/**
 * A score, or the errors that prevented one. Safety flags (e.g. PHQ-9 item 9) are raised from
 * the valid answers even when the form is incomplete: a crisis must never wait for a full form.
 */
export type InstrumentScoreOutcome =
  | { readonly ok: true; readonly score: InstrumentScore }
  | {
      readonly ok: false;
      readonly errors: readonly AnswerError[];
      readonly safetyFlags: readonly InstrumentFlag[];
    };

export interface InstrumentDefinition extends InstrumentSpec {
  readonly score: (answers: InstrumentAnswers) => InstrumentScoreOutcome;
}
