/** Response and request shapes of the Steady HTTP API, built on the domain types of @steady/core. */
import type {
  AsNeededRule,
  CheckIn,
  DoseEvent,
  DoseKind,
  FormulationId,
  Instant,
  LocalDate,
  LocalTime,
  PatientProfile,
  RegimenVersion,
  ScheduledDose,
} from '@steady/core';

export type Role = 'patient' | 'clinician' | 'admin';

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly discipline: string | null;
  readonly timeZone: string;
}

export interface SessionResponse {
  readonly user: SessionUser;
  readonly csrfToken: string;
}

export interface RegisterInput {
  email: string;
  password: string;
  displayName: string;
  timeZone: string;
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface UpdateMeInput {
  displayName?: string;
  timeZone?: string;
}

export interface RegimenVersionView extends RegimenVersion {
  readonly enteredBy: { readonly id: string; readonly displayName: string };
  readonly reason: string;
}

export interface RegimenResponse {
  readonly current: RegimenVersionView | null;
  readonly versions: readonly RegimenVersionView[];
}

export interface RegimenInput {
  formulation: FormulationId;
  doses: ScheduledDose[];
  asNeeded: AsNeededRule | null;
  startDate: LocalDate;
  endDate: LocalDate | null;
  prescriber: string | null;
  indication: string | null;
  reason: string;
}

export interface DoseEventView extends DoseEvent {
  readonly createdAt: Instant;
  readonly supersedes: string | null;
}

export type SlotStatus = 'due' | 'taken' | 'skipped';

export interface TodaySlot {
  readonly key: string;
  readonly localTime: LocalTime;
  readonly dueAt: Instant;
  readonly amountMg: number;
  readonly status: SlotStatus;
  readonly event: DoseEventView | null;
}

export interface AsNeededToday {
  readonly rule: AsNeededRule;
  readonly takenToday: number;
  readonly nextAllowedAt: Instant | null;
}

export interface TodayResponse {
  readonly date: LocalDate;
  readonly timeZone: string;
  readonly regimen: RegimenVersionView | null;
  readonly slots: readonly TodaySlot[];
  readonly extras: readonly DoseEventView[];
  readonly asNeeded: AsNeededToday | null;
}

export interface LogDoseInput {
  idempotencyKey: string;
  kind: DoseKind;
  slotKey: string | null;
  takenAt?: Instant;
  amountMg?: number;
  reason?: string;
  confirmDuplicate?: boolean;
}

export interface CorrectDoseInput {
  idempotencyKey: string;
  kind?: DoseKind;
  takenAt?: Instant;
  amountMg?: number;
  reason: string;
}

export interface DoseEventResponse {
  readonly event: DoseEventView;
}

export type CheckInView = CheckIn;

export type CheckInInput = Omit<CheckIn, 'id' | 'at' | 'activities'> & {
  idempotencyKey: string;
  activities: string[];
};

export const GUIDANCE_CODES = [
  'EMERGENCY_BREATHING',
  'CONTACT_FALL',
  'CONTACT_SEVERE_SIDE_EFFECT',
] as const;
export type GuidanceCode = (typeof GUIDANCE_CODES)[number];
export type GuidanceLevel = 'emergency' | 'contact_team';

export interface Guidance {
  readonly level: GuidanceLevel;
  /** One of GUIDANCE_CODES; typed as string because the server may add codes before the web app knows them. */
  readonly code: string;
}

export interface CheckInResponse {
  readonly checkIn: CheckInView;
  readonly guidance: readonly Guidance[];
}

export interface Medication {
  readonly id: string;
  readonly name: string;
  readonly dose: string | null;
  readonly frequency: string | null;
  readonly active: boolean;
  readonly createdAt: Instant;
}

export interface MedicationInput {
  name: string;
  dose: string | null;
  frequency: string | null;
  active: boolean;
}

export type ProfileInput = { -readonly [K in keyof PatientProfile]: PatientProfile[K] };

export interface HistoryDay {
  readonly date: LocalDate;
  readonly doseMg: number;
  readonly pain: number | null;
}

export type TimelineItem =
  | { readonly type: 'dose'; readonly at: Instant; readonly event: DoseEventView }
  | { readonly type: 'checkin'; readonly at: Instant; readonly checkIn: CheckInView };

export interface HistoryResponse {
  readonly timeZone: string;
  readonly daily: readonly HistoryDay[];
  readonly timeline: readonly TimelineItem[];
}

/** The error body every failing API call returns. */
export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}
