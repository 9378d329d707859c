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

export type Role = 'patient' | 'clinician' | 'admin' | 'caregiver';

export type Discipline = 'prescriber' | 'physical_therapist' | 'psychologist' | 'pharmacist';

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly discipline: string | null; // clinicians; a string: the server may add disciplines first
  /** The clinic of a clinician or clinic administrator; null for patients and caregivers. */
  readonly clinicId: string | null;
  readonly timeZone: string;
}

export interface SessionResponse {
  readonly user: SessionUser;
  readonly csrfToken: string;
  /** `full`, or a sign-in waiting for its second factor (docs/authentication.md). */
  readonly state?: 'full' | 'mfa-pending' | 'mfa-enrol';
}

export interface RegisterInput {
  email: string;
  password: string;
  displayName: string;
  timeZone: string;
  /** A caregiver invitation: the account is created as a caregiver and linked at once. */
  invitationCode?: string;
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

// ---------- Care team (docs/care-team-api.md) ----------

export const CONSENT_CATEGORIES = [
  'medications',
  'checkins',
  'questionnaires',
  'notes',
  'techniques',
  'messages',
] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];
export type ConsentMap = Record<ConsentCategory, boolean>;

/** A care-team member's kind: consent defaults and write rights depend on it. */
export type MemberKind = Discipline | 'caregiver';

export interface ConsentDefaultsResponse {
  readonly categories: readonly ConsentCategory[];
  readonly defaults: Readonly<Record<MemberKind, ConsentMap>>;
}

export interface PersonSummary {
  readonly id: string;
  readonly displayName: string;
  readonly role: Role;
  readonly discipline: string | null;
}

export interface CareTeamMember {
  readonly linkId: string;
  /** `active: false`: the clinic deactivated the account, so the link grants nothing. */
  readonly member: PersonSummary & {
    readonly clinicName: string | null;
    readonly active?: boolean;
  };
  readonly status: 'active' | 'revoked';
  readonly since: Instant;
  readonly revokedAt: Instant | null;
  readonly consent: ConsentMap;
}

export type InvitationKind = 'clinician-invites-patient' | 'patient-invites-member';
export type InvitedMemberKind = 'clinician' | 'caregiver';

/** A freshly created invitation: the only time the code is known in clear. */
export interface Invitation {
  readonly code: string;
  readonly url: string;
  readonly expiresAt: Instant;
  readonly kind: InvitationKind;
}

/** What the join page shows before accepting. */
export interface InvitationDetails {
  readonly kind: InvitationKind;
  readonly from: {
    readonly displayName: string;
    readonly role: Role;
    readonly discipline: string | null;
    readonly clinicName: string | null;
  };
  readonly memberKind?: InvitedMemberKind;
  readonly consentDefaults: ConsentMap;
  readonly expiresAt: Instant;
}

export interface AccessLogEntry {
  readonly at: Instant;
  readonly actor: PersonSummary;
  /** Dotted verb, e.g. "regimen.read"; typed as string because the server adds actions first. */
  readonly action: string;
  readonly category: ConsentCategory | null;
}

export interface ClinicianPatientRow {
  readonly id: string;
  readonly displayName: string;
  readonly since: Instant;
  readonly consent: ConsentMap;
  readonly currentDailyDoseMg: number | null; // null without `medications` consent
  readonly lastCheckInAt: Instant | null; // null without `checkins` consent
  /** The most serious unresolved alert the member may see. */
  readonly topAlert?: AlertSummary | null;
  /** Share of due doses taken over the last 7 days (needs `medications`). */
  readonly adherence7d?: number | null;
  /** Mean pain of the last 7 days against the 7 before (needs `checkins`). */
  readonly painTrend?: {
    readonly recent: number | null;
    readonly previous: number | null;
    readonly change: number | null;
  } | null;
  readonly lastActivityAt?: Instant | null;
  /** Names of the fields the member may not see. */
  readonly hidden?: readonly string[];
}

export type AlertSeverity = 'info' | 'caution' | 'warning' | 'urgent';

export interface AlertSummary {
  readonly id: string;
  readonly signalId: string;
  readonly severity: AlertSeverity;
  readonly title: string;
  /** Urgent: emergency guidance, shown first and differently. */
  readonly crisis: boolean;
}

export interface AlertSource {
  readonly id: string;
  readonly status: string;
  readonly locator?: string;
}

export interface AlertEvidence {
  readonly kind: string;
  readonly ids?: readonly string[];
  readonly dates?: readonly string[];
  readonly note?: string;
}

export interface AlertView extends AlertSummary {
  readonly audience: 'patient' | 'clinician' | 'both';
  readonly evidence: readonly AlertEvidence[];
  readonly sources: readonly AlertSource[];
  readonly patientText: string | null;
  readonly clinicianText: string | null;
  readonly status: 'open' | 'acknowledged' | 'resolved';
  /** Whether the latest computation still raised it. */
  readonly present: boolean;
  readonly firstSeen: Instant;
  readonly lastSeen: Instant;
  readonly acknowledged: {
    readonly at: Instant;
    readonly by: { readonly displayName: string };
  } | null;
  readonly resolved: {
    readonly at: Instant;
    readonly by: { readonly displayName: string };
    readonly note: string | null;
  } | null;
}

export type RegimenRequestStatus = 'open' | 'done' | 'declined';

export interface RegimenRequest {
  readonly id: string;
  readonly message: string;
  readonly createdAt: Instant;
  readonly status: RegimenRequestStatus;
  readonly response?: string | null;
  readonly resolvedBy?: { readonly id: string; readonly displayName: string } | null;
}

export interface ClinicClinician {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly discipline: string | null;
  readonly active: boolean;
}

export interface NewClinicianInput {
  email: string;
  displayName: string;
  discipline: Discipline;
}

/** The error body every failing API call returns. */
export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}
