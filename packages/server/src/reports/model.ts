/**
 * What a visit summary says, as plain data: the loaders fill it (load.ts) and the document
 * builder lays it out (document.ts). A section the caller may not see is absent and named in
 * `hidden`; a section not asked for is absent and not named.
 */
import type { LocalDate, SourceRef } from '@steady/core';
import type { MemberKind } from '../careteam/consent.js';
import type { PaperSize, ReportSection } from './sections.js';

export interface RegimenRow {
  readonly version: number;
  readonly recordedAt: string;
  readonly startDate: LocalDate;
  readonly endDate: LocalDate | null;
  readonly schedule: readonly { readonly time: string; readonly amountMg: number }[];
  readonly dailyMg: number;
  readonly asNeeded: {
    readonly amountMg: number;
    readonly minIntervalHours: number;
    readonly maxPerDay: number;
  } | null;
  readonly formulation: string;
  readonly reason: string;
  readonly enteredBy: string;
  /** Recorded within the period (a change), rather than in force when it began. */
  readonly changedInPeriod: boolean;
}

export interface AdherenceFacts {
  readonly due: number;
  readonly taken: number;
  readonly takenOnTime: number;
  readonly skipped: number;
  readonly missed: number;
  readonly takenShare: number | null;
  readonly onTimeShare: number | null;
  readonly daysAssessed: number;
  readonly daysCovered: number;
  readonly onTimeWindowMinutes: number;
}

export interface ExtraDoseDay {
  readonly date: LocalDate;
  readonly count: number;
  readonly mg: number;
  readonly scheduledMg: number | null;
  readonly takenMg: number;
}

export interface TrendDay {
  readonly date: LocalDate;
  /** Null when doses are not shared or nothing is known. */
  readonly doseMg: number | null;
  readonly pain: number | null;
}

export interface PainTrend {
  readonly days: readonly TrendDay[];
  /** PEG scores (0–10) at their local date; empty when questionnaires are not shared. */
  readonly peg: readonly { readonly date: LocalDate; readonly total: number }[];
  readonly dosesShown: boolean;
  readonly pegShown: boolean;
  readonly daysReported: number;
  readonly meanPain: number | null;
  readonly firstWeekMean: number | null;
  readonly lastWeekMean: number | null;
}

export interface SideEffectRow {
  readonly label: string;
  readonly mild: number;
  readonly moderate: number;
  readonly severe: number;
  readonly worst: string;
}

export interface SideEffects {
  readonly daysReported: number;
  readonly rows: readonly SideEffectRow[];
  readonly falls: number;
  readonly nearFalls: number;
  readonly breathingDays: number;
}

export interface SignalRow {
  readonly title: string;
  readonly severity: string;
  readonly status: string;
  readonly firstSeen: string;
  readonly resolvedAt: string | null;
  readonly resolutionNote: string | null;
  readonly sources: readonly SourceRef[];
}

export interface TaperSummary {
  readonly status: string;
  readonly steps: readonly {
    readonly index: number;
    readonly startDate: LocalDate;
    readonly endDate: LocalDate | null;
    readonly dailyMg: number;
    readonly reductionPct: number;
    readonly state: 'done' | 'current' | 'next';
  }[];
  readonly projectedEndDate: LocalDate | null;
  readonly versions: readonly {
    readonly version: number;
    readonly action: string;
    readonly reason: string;
    readonly effectiveDate: LocalDate;
    readonly signedAt: string;
  }[];
  /** Withdrawal check-ins per step; null when questionnaires are not shared. */
  readonly withdrawal:
    | readonly {
        readonly stepIndex: number;
        readonly count: number;
        readonly mean: number;
        readonly max: number;
        readonly scoreMax: number;
      }[]
    | null;
  readonly sources: readonly SourceRef[];
}

export interface TechniqueRow {
  readonly title: string;
  readonly sessions: number;
  readonly minutes: number;
  /** Mean of after − before over sessions rated both times (negative: pain fell). */
  readonly painChange: number | null;
  readonly painRated: number;
  readonly tensionChange: number | null;
}

export interface QuestionnaireRow {
  readonly title: string;
  readonly count: number;
  readonly scoreMin: number;
  readonly scoreMax: number;
  readonly first: { readonly at: string; readonly total: number };
  readonly last: { readonly at: string; readonly total: number; readonly band: string | null };
  readonly sources: readonly SourceRef[];
}

export interface ReportData {
  readonly patient: { readonly displayName: string; readonly timeZone: string };
  readonly period: { readonly from: LocalDate; readonly to: LocalDate };
  readonly generatedAt: string;
  readonly reader: { readonly as: 'patient' | MemberKind; readonly displayName: string };
  readonly paper: PaperSize;
  /** The sections asked for and shown, in report order. */
  readonly sections: readonly ReportSection[];
  /** Sections asked for that the patient does not share with the reader. */
  readonly hidden: readonly ReportSection[];
  readonly regimen?: readonly RegimenRow[];
  readonly adherence?: AdherenceFacts | null;
  readonly extraDoses?: {
    readonly days: readonly ExtraDoseDay[];
    readonly asNeededMg: number | null;
  };
  readonly painTrend?: PainTrend;
  readonly sideEffects?: SideEffects;
  readonly signals?: {
    readonly open: readonly SignalRow[];
    readonly resolved: readonly SignalRow[];
  };
  readonly taper?: TaperSummary | null;
  readonly techniques?: readonly TechniqueRow[];
  readonly questionnaires?: readonly QuestionnaireRow[];
  readonly questions?: readonly { readonly text: string; readonly createdAt: string }[];
}
