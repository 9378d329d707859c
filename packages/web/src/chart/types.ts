/** The chart API (docs/care-team/chart.md), as the web app reads it. */
import type { FallReport, Instant, LocalDate, Severity4, SideEffectKey } from '@steady/core';

export type ChartCategory = 'medications' | 'checkins';

export interface ChartDayDoses {
  readonly scheduledMg: number | null;
  readonly takenMg: number;
  readonly extraDoses: number;
  readonly extraMg: number;
}

export interface ChartDayCheckIns {
  readonly count: number;
  readonly painMean: number;
  readonly painMax: number;
  readonly sideEffects: Readonly<Record<SideEffectKey, Severity4>>;
  readonly otherSideEffects: readonly { readonly text: string; readonly severity: Severity4 }[];
  readonly fall: FallReport;
  readonly breathingProblem: boolean;
}

export interface ChartDay {
  readonly date: LocalDate;
  /** Null when the dose log is hidden from the caller. */
  readonly doses: ChartDayDoses | null;
  /** Null when no check-in that day, or check-ins are hidden. */
  readonly checkIns: ChartDayCheckIns | null;
}

export interface ChartSource {
  readonly id: string;
  readonly status: 'C' | 'P' | 'U';
  readonly locator?: string;
}

export interface ChartLevels {
  readonly resolution: 'hourly' | 'daily-mean';
  readonly warmUpDays: number;
  readonly reference: {
    readonly basis: 'regimen' | 'largest-day';
    readonly dailyMg: number;
    readonly date: LocalDate;
  } | null;
  readonly logStart: LocalDate | null;
  readonly completeFrom: LocalDate | null;
  readonly points: readonly {
    readonly at: Instant;
    readonly parent: number;
    readonly metabolite: number;
  }[];
  readonly halfLivesHours: { readonly parent: number; readonly metabolite: number };
  readonly parameters: readonly {
    readonly name: string;
    readonly value: number;
    readonly unit?: string;
    readonly confirmed: boolean;
    readonly sources: readonly ChartSource[];
  }[];
  readonly caveats: readonly {
    readonly id: string;
    readonly text: string;
    readonly sources: readonly ChartSource[];
  }[];
}

export interface ChartResponse {
  readonly timeZone: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly hidden: readonly ChartCategory[];
  readonly days: readonly ChartDay[];
  readonly levels: ChartLevels | null;
}
