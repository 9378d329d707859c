/** Shapes of the check-up API (docs/care-team/checkups.md). */
import type { Discipline } from '../shared/api/types';

export type AppointmentMode = 'in_person' | 'phone' | 'video';
export type AppointmentStatus = 'scheduled' | 'cancelled' | 'done';
export type AppointmentScope = 'upcoming' | 'past' | 'all';

export interface Person {
  readonly id: string;
  readonly displayName: string;
}

export interface Appointment {
  readonly id: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** The start in the patient's zone, whoever asks. */
  readonly localDate: string;
  readonly localTime: string;
  readonly durationMinutes: number;
  readonly mode: AppointmentMode;
  readonly location: string | null;
  readonly note: string | null;
  readonly status: AppointmentStatus;
  readonly member: Person & { readonly discipline: Discipline | null };
  readonly createdBy: Person;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AppointmentsResponse {
  readonly timeZone: string;
  readonly appointments: readonly Appointment[];
}

export interface AppointmentInput {
  readonly memberId: string;
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly mode: AppointmentMode;
  readonly location: string | null;
  readonly note: string | null;
}

export type AppointmentChange = Partial<Omit<AppointmentInput, 'memberId'>> & {
  readonly status?: 'cancelled' | 'done';
};

export interface VisitQuestion {
  readonly id: string;
  readonly text: string;
  /** null: for the next visit. */
  readonly appointmentId: string | null;
  readonly createdAt: string;
  readonly answered: { readonly at: string; readonly by: Person } | null;
}

export interface QuestionChange {
  readonly text?: string;
  readonly appointmentId?: string | null;
  readonly answered?: boolean;
}

export type Severity = 'none' | 'mild' | 'moderate' | 'severe';
export type SummaryPart = 'doseChanges' | 'adherence' | 'pain' | 'sideEffects';

export interface Comparison {
  readonly before: number | null;
  readonly since: number | null;
  readonly change: number | null;
}

export interface AlertBrief {
  readonly id: string;
  readonly signalId: string;
  readonly severity: string;
  readonly title: string;
  readonly status: string;
  readonly at: string;
}

export interface VisitSummary {
  readonly timeZone: string;
  readonly period: {
    readonly basis: 'appointment' | 'last-30-days';
    readonly appointment: Appointment | null;
    readonly from: string;
    readonly to: string;
    readonly fromDate: string;
    readonly toDate: string;
    readonly beforeFromDate: string;
  };
  readonly doseChanges: {
    readonly before: { readonly version: number; readonly dailyMg: number } | null;
    readonly versions: readonly {
      readonly id: string;
      readonly version: number;
      readonly createdAt: string;
      readonly startDate: string;
      readonly dailyMg: number;
      readonly reason: string;
      readonly enteredBy: Person;
    }[];
  } | null;
  readonly adherence: Comparison | null;
  readonly pain:
    (Comparison & { readonly checkIns: number; readonly checkInsBefore: number }) | null;
  readonly sideEffects: {
    readonly changes: readonly {
      readonly key: 'drowsiness' | 'dizziness' | 'unsteadiness' | 'confusion';
      readonly change: 'appeared' | 'worsened';
      readonly before: Severity | null;
      readonly since: Severity;
    }[];
    readonly other: readonly {
      readonly at: string;
      readonly text: string;
      readonly severity: Severity;
    }[];
  } | null;
  readonly alerts: {
    readonly opened: readonly AlertBrief[];
    readonly resolved: readonly AlertBrief[];
  };
  readonly questions: readonly VisitQuestion[];
  readonly hidden: readonly SummaryPart[];
}
