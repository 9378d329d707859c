/**
 * Shapes of the supervised-taper API (issue 5), as the server sends them. Plans are the core
 * engine's `TaperPlan`; this file only adds the server's envelope (versions, requests, status).
 */
import type {
  LocalDate,
  TaperAction,
  TaperInputs,
  TaperPlan,
  TaperReductionMethod,
  TaperStep,
} from '@steady/core';

export type TaperViewStatus = 'active' | 'paused' | 'maintenance' | 'followUp' | 'finished';

/** A switch from another benzodiazepine, estimated with the table the prescriber chose. */
export interface TaperConversion {
  /** The drug switched from, as named in the reference's equivalence tables. */
  readonly fromDrug: string;
  readonly fromDailyMg: number;
  /** Equivalence table id from the reference (§6.4). */
  readonly tableId: string;
  /** The table's estimate in mg diazepam per day (min = max when the table gives one value). */
  readonly estimateMinMg: number;
  readonly estimateMaxMg: number;
  /** What the prescriber actually set as the starting diazepam dose. */
  readonly chosenDailyMg: number;
}

export interface TaperPerson {
  readonly id: string;
  readonly displayName: string;
}

export interface TaperVersionView {
  readonly version: number;
  readonly action: TaperAction;
  readonly reason: string;
  readonly effectiveDate: LocalDate;
  readonly plan: TaperPlan;
  readonly conversion: TaperConversion | null;
  readonly checkInDays: readonly number[];
  readonly followUpMonths: number;
  readonly followUpIntervalDays: number;
  readonly requestId: string | null;
  readonly signedBy: TaperPerson;
  readonly signatureMethod: string;
  /** Instant (ISO, UTC). */
  readonly signedAt: string;
}

export type TaperRequestKind = 'pause' | 'slower';

export interface TaperRequestView {
  readonly id: string;
  readonly kind: TaperRequestKind;
  readonly reason: string;
  readonly createdAt: string;
  readonly createdBy: TaperPerson;
  readonly closedAt: string | null;
  readonly closingVersion: number | null;
  readonly closingNote: string | null;
}

export interface TaperProgress {
  readonly stepsDone: number;
  readonly stepsTotal: number;
  readonly startDailyMg: number;
  readonly currentDailyMg: number;
  readonly goalDailyMg: number;
}

export interface TaperFollowUp {
  readonly startDate: LocalDate;
  readonly endDate: LocalDate;
  readonly intervalDays: number;
}

export interface TaperView {
  /** The taper id (stable across versions). */
  readonly id: string;
  readonly status: TaperViewStatus;
  /** The patient's local date. */
  readonly today: LocalDate;
  readonly currentStep: TaperStep | null;
  readonly nextStep: TaperStep | null;
  readonly progress: TaperProgress;
  readonly followUp: TaperFollowUp | null;
  readonly current: TaperVersionView;
  /** Oldest first. */
  readonly versions: readonly TaperVersionView[];
  /** Open requests first. */
  readonly requests: readonly TaperRequestView[];
}

export interface TaperResponse {
  readonly taper: TaperView | null;
}

/** Body of POST /taper. */
export interface CreateTaperBody {
  readonly inputs: TaperInputs;
  readonly conversion?: TaperConversion | null;
  readonly checkInDays?: readonly number[];
  readonly followUpMonths?: number;
  readonly followUpIntervalDays?: number;
  readonly password: string;
}

export type TaperChangeAction = Exclude<TaperAction, 'created'>;

/** Body of POST /taper/changes. */
export interface TaperChangeBody {
  readonly action: TaperChangeAction;
  readonly on: LocalDate;
  readonly reason: string;
  readonly intervalDays?: number;
  readonly method?: TaperReductionMethod;
  readonly requestId?: string;
  readonly password: string;
}

/** Body of POST /taper/requests (the patient). */
export interface TaperRequestBody {
  readonly kind: TaperRequestKind;
  readonly reason: string;
}
