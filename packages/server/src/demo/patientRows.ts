/** The rows one demo patient's history is made of, and what generating them takes. */
import type { RegimenVersion } from '@steady/core';
import type { Discipline } from '../careteam/consent.js';
import type {
  appointments,
  auditLog,
  careLinks,
  checkIns,
  clinicianNotes,
  dispensingRecords,
  doseEvents,
  medications,
  messageParticipants,
  messages,
  messageThreads,
  patientProfiles,
  questionnaireAssignments,
  questionnaireResponses,
  regimenVersions,
  visitQuestions,
} from '../db/schema.js';
import type { DemoPatient } from './cohort.js';

export interface DemoClinician {
  readonly id: string;
  readonly displayName: string;
}

export type DemoClinicians = Readonly<Record<Discipline, DemoClinician>>;

export interface GenerateInput {
  readonly patient: DemoPatient;
  readonly patientId: string;
  readonly clinicians: DemoClinicians;
  readonly now: Date;
  /** Fresh ids (random UUIDs in the demo, a counter in tests). */
  readonly newId: () => string;
  /**
   * Regimen versions already stored (a signed taper's, tapers.ts): the history follows them
   * and they are not written again.
   */
  readonly regimen?: readonly RegimenVersion[];
}

export interface PatientRows {
  readonly profile: (typeof patientProfiles.$inferInsert)[];
  readonly links: (typeof careLinks.$inferInsert)[];
  readonly regimenVersions: (typeof regimenVersions.$inferInsert)[];
  readonly medications: (typeof medications.$inferInsert)[];
  readonly doseEvents: (typeof doseEvents.$inferInsert)[];
  readonly checkIns: (typeof checkIns.$inferInsert)[];
  readonly dispensingRecords: (typeof dispensingRecords.$inferInsert)[];
  readonly questionnaireAssignments: (typeof questionnaireAssignments.$inferInsert)[];
  readonly questionnaireResponses: (typeof questionnaireResponses.$inferInsert)[];
  readonly messageThreads: (typeof messageThreads.$inferInsert)[];
  readonly messageParticipants: (typeof messageParticipants.$inferInsert)[];
  readonly messages: (typeof messages.$inferInsert)[];
  readonly appointments: (typeof appointments.$inferInsert)[];
  readonly visitQuestions: (typeof visitQuestions.$inferInsert)[];
  readonly clinicianNotes: (typeof clinicianNotes.$inferInsert)[];
  readonly auditLog: (typeof auditLog.$inferInsert)[];
}

/** The rows while they are generated. */
export type RowLists = { [K in keyof PatientRows]: PatientRows[K][number][] };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** How a day felt: the ratings a check-in and the questionnaires draw from. */
export interface DayState {
  readonly pain: number;
  /** The pain level without the day's ups and downs (questionnaires are steadier). */
  readonly level: number;
  readonly anxiety: number;
  readonly mood: number;
}
