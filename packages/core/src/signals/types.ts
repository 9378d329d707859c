/**
 * Shapes of the safety-signal engine: what goes in (a patient's logs, `now` passed in) and what
 * comes out (flags for people to review, never diagnoses; each with its evidence and sources).
 */
import type { LoggedDoseEvent } from '../regimen/doseLog.js';
import type {
  CheckIn,
  FormulationId,
  Instant,
  LocalDate,
  OtherMedication,
  PatientProfile,
  RegimenVersion,
} from '../regimen/types.js';
import type { SourceRef } from '../sources.js';
import type { SignalSettings } from './settings.js';

/** How soon someone should look: info < caution < warning < urgent (emergency guidance). */
export type SignalSeverity = 'info' | 'caution' | 'warning' | 'urgent';

/** Who the signal is for. Patient-facing text is set whenever the audience includes the patient. */
export type SignalAudience = 'patient' | 'clinician' | 'both';

/** Which kind of data point a piece of evidence names. */
export type SignalEvidenceKind =
  | 'dose'
  | 'slot'
  | 'day'
  | 'checkIn'
  | 'questionnaire'
  | 'medication'
  | 'dispensing'
  | 'taperStep'
  | 'regimen'
  | 'profile'
  | 'review'
  | 'metric';

/** The data points that triggered a signal: ids, dates and computed values. */
export interface SignalEvidence {
  readonly kind: SignalEvidenceKind;
  /** Ids of dose events, check-ins, medications, regimen versions, … */
  readonly ids?: readonly string[];
  /** Local dates ("YYYY-MM-DD"), slot keys or instants, as the kind implies. */
  readonly dates?: readonly string[];
  readonly values?: Readonly<Record<string, number | string | boolean | null>>;
  /** One line saying what this evidence shows. */
  readonly note?: string;
}

/** One flag for review. */
export interface Signal {
  /** Reference id (REFERENCE §9), with a sub-id where one id has several rules: 'SIG-RISK-MOD/opioid'. */
  readonly id: string;
  readonly severity: SignalSeverity;
  readonly audience: SignalAudience;
  /** Short neutral heading for lists. */
  readonly title: string;
  readonly evidence: readonly SignalEvidence[];
  readonly sources: readonly SourceRef[];
  /** Plain-language text for the patient; null when the audience is the clinician only. */
  readonly patientText: string | null;
  readonly clinicianText: string;
  /** Project settings (by Parameter name) the rule used, so a reviewer sees every threshold. */
  readonly settings: Readonly<Record<string, number>>;
  /** The `now` of the input. */
  readonly computedAt: Instant;
}

/** Instruments the rules read; other ids are accepted and ignored. */
export type SignalInstrumentId =
  'phq9' | 'gad7' | 'sds' | 'peg' | 'withdrawal' | 'alcohol' | (string & {});

/** A scored questionnaire (PHQ-9, SDS, PEG, withdrawal checklist, an alcohol item, …). */
export interface SignalQuestionnaire {
  readonly id?: string;
  readonly instrumentId: SignalInstrumentId;
  readonly at: Instant;
  readonly total: number;
  readonly itemScores: Readonly<Record<string, number>>;
  /** The taper step the answers were collected for, when asked as a post-step check-in. */
  readonly taperStepIndex?: number | null;
}

/** One pharmacy dispensing of diazepam. */
export interface SignalDispensing {
  readonly id?: string;
  readonly at: Instant;
  readonly formulation: FormulationId;
  /** Tablets, or mL for the solution. */
  readonly quantity: number;
  /** Milligrams per tablet or per mL. */
  readonly mgPerUnit: number;
}

/** One count by the patient of what they hold of a formulation (issue 7 item 5). */
export interface SignalStockCount {
  readonly id?: string;
  readonly at: Instant;
  readonly formulation: FormulationId;
  /** Tablets, or mL for the solution. */
  readonly quantity: number;
  /** Milligrams per tablet or per mL. */
  readonly mgPerUnit: number;
}

/** One step of a signed (or proposed) taper plan. */
export interface SignalTaperStep {
  readonly index: number;
  readonly startDate: LocalDate;
  readonly dailyTotalMg: number;
}

export interface SignalTaperPlan {
  readonly steps: readonly SignalTaperStep[];
  /**
   * Last day of the follow-up phase after a final step to 0 mg (the taper's own setting);
   * when left out, `postTaperFollowUpMonths` after that step.
   */
  readonly followUpEndDate?: LocalDate | null;
}

/** A medication of the patient's list; `startDate`, when known, lets "new opioid" be flagged. */
export interface SignalMedication extends OtherMedication {
  readonly startDate?: LocalDate | null;
}

/**
 * Maps a free-text medication name to interaction class ids (`clinical/interactionTypes.ts`).
 * Defaults to the clinical module's `matchMedication`; inject another (e.g. a clinic-extended
 * matcher) through `SignalInput.classifyMedication`.
 */
export type SignalMedicationClassifier = (name: string) => readonly { readonly classId: string }[];

export interface SignalInput {
  /** The current instant; rules never read the clock. */
  readonly now: Instant;
  /** The patient's IANA time zone. */
  readonly timeZone: string;
  readonly profile: PatientProfile;
  readonly regimenVersions: readonly RegimenVersion[];
  /** The dose log in the order recorded (corrections are resolved like `effectiveDoseEvents`). */
  readonly doses: readonly LoggedDoseEvent[];
  readonly checkIns: readonly CheckIn[];
  readonly questionnaires: readonly SignalQuestionnaire[];
  readonly otherMedications: readonly SignalMedication[];
  readonly dispensing: readonly SignalDispensing[];
  /** The patient's stock counts (SIG-EARLY-REFILL/count); none when the patient never counted. */
  readonly stockCounts?: readonly SignalStockCount[];
  readonly taper?: SignalTaperPlan | null;
  /** The last documented risk/benefit review (JCPG Rec 1). */
  readonly lastReviewAt?: Instant | null;
  /** Overrides of the project settings (see `SIGNAL_SETTINGS`). */
  readonly settings?: Partial<SignalSettings>;
  readonly classifyMedication?: SignalMedicationClassifier;
}

/** A rule: input in, zero or more signals out. */
export type SignalRule = (input: SignalInput) => Signal[];
