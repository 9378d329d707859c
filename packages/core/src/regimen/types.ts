/**
 * Shared domain shapes used by the engine, the server and the web app.
 * Instants are ISO-8601 strings in UTC ("2026-03-08T13:05:00.000Z"); local dates are
 * "YYYY-MM-DD" and local clock times "HH:mm" in the patient's IANA time zone.
 */

/** ISO-8601 instant in UTC. */
export type Instant = string;
/** Local calendar date, "YYYY-MM-DD". */
export type LocalDate = string;
/** Local wall-clock time, "HH:mm" (24 h). */
export type LocalTime = string;

/** Diazepam formulations Steady knows (REFERENCE §2). */
export type FormulationId = 'tab2' | 'tab5' | 'tab10' | 'sol1';

export interface ScheduledDose {
  /** Local wall-clock time of the dose. */
  readonly time: LocalTime;
  readonly amountMg: number;
}

export interface AsNeededRule {
  readonly amountMg: number;
  readonly minIntervalHours: number;
  readonly maxPerDay: number;
}

/** One version of the diazepam regimen. Versions are never edited, only superseded. */
export interface RegimenVersion {
  readonly id: string;
  readonly version: number;
  readonly formulation: FormulationId;
  readonly doses: readonly ScheduledDose[];
  readonly asNeeded: AsNeededRule | null;
  /** First local day the regimen applies. */
  readonly startDate: LocalDate;
  /** Last local day it applies (inclusive), or null when open-ended. */
  readonly endDate: LocalDate | null;
  readonly prescriber: string | null;
  readonly indication: string | null;
  /** Instant this version was recorded and took effect. */
  readonly createdAt: Instant;
}

export type DoseKind = 'taken' | 'skipped' | 'extra';

/** A logged dose event. Corrections create a new event that supersedes an older one. */
export interface DoseEvent {
  readonly id: string;
  readonly kind: DoseKind;
  /** Scheduled slot this event answers ("2026-03-08T08:00" local), null for extra doses. */
  readonly slotKey: string | null;
  /** When the dose was taken (or the slot skipped), UTC. */
  readonly takenAt: Instant;
  /** Amount actually taken; 0 for skipped. */
  readonly amountMg: number;
  readonly reason: string | null;
}

export type Severity4 = 'none' | 'mild' | 'moderate' | 'severe';

export const SIDE_EFFECT_KEYS = ['drowsiness', 'dizziness', 'unsteadiness', 'confusion'] as const;
export type SideEffectKey = (typeof SIDE_EFFECT_KEYS)[number];

export type FallReport = 'none' | 'near_fall' | 'fall';

export interface CheckIn {
  readonly id: string;
  readonly at: Instant;
  /** Pain now, NRS 0–10 (0 no pain, 10 worst possible). */
  readonly pain: number;
  /** Muscle spasm/tension 0–10. */
  readonly spasm: number;
  /** Sleep quality last night 0 (very poor) – 10 (very good), optional. */
  readonly sleepQuality: number | null;
  /** Anxiety 0 (none) – 10 (extreme), optional. */
  readonly anxiety: number | null;
  /** Mood 0 (very low) – 10 (very good), optional. */
  readonly mood: number | null;
  readonly sideEffects: Readonly<Record<SideEffectKey, Severity4>>;
  readonly fall: FallReport;
  /** Slow or shallow breathing, or someone could not wake the patient: an emergency. */
  readonly breathingProblem: boolean;
  readonly otherSideEffect: { readonly text: string; readonly severity: Severity4 } | null;
  readonly activities: readonly string[];
  readonly note: string | null;
}

export interface PatientProfile {
  readonly dateOfBirth: LocalDate | null;
  readonly sleepApnea: boolean | null;
  readonly myastheniaGravis: boolean | null;
  readonly severeRespiratoryInsufficiency: boolean | null;
  readonly severeHepaticInsufficiency: boolean | null;
  readonly acuteNarrowAngleGlaucoma: boolean | null;
  readonly copd: boolean | null;
  readonly substanceUseDisorderHistory: boolean | null;
  readonly pregnancy: boolean | null;
}

export interface OtherMedication {
  readonly id: string;
  readonly name: string;
  readonly dose: string | null;
  readonly frequency: string | null;
  readonly active: boolean;
}
