/**
 * What `$everything` holds, section by section, each loaded only when the caller may see it:
 * the patient always (any linked member knows who the patient is; the date of birth only with
 * the medications consent, like the profile); medications (regimen,
 * other medications, doses, taper), check-ins, questionnaires (Questionnaire, responses and
 * score Observations), techniques (assigned care plans) and messages need that consent; alerts
 * follow the alert rule (a member sees an alert only with consent for all its categories).
 */
import { isInstrumentId, localDateOf, type InstrumentId } from '@steady/core';
import type { Resource } from '@medplum/fhirtypes';
import { asc, eq, and, isNull } from 'drizzle-orm';
import { listAlerts, viewerOf } from '../alerts/repo.js';
import type { DataCategory } from '../careteam/consent.js';
import { toCheckIn } from '../checkins/repo.js';
import type { AppContext } from '../context.js';
import {
  checkIns,
  doseEvents,
  medications,
  patientProfiles,
  questionnaireAssignments,
  questionnaireResponses,
  techniqueAssignments,
  users,
} from '../db/schema.js';
import type { PatientAccess } from '../http/policy.js';
import { listMessages, listThreads } from '../messages/repo.js';
import { readerOf } from '../messages/service.js';
import { loadRegimenVersions } from '../regimen/service.js';
import { loadTaperVersions } from '../taper/repository.js';
import {
  alertFlag,
  messageCommunication,
  patientResource,
  taperCarePlan,
  techniqueCarePlan,
} from './care.js';
import {
  doseAdministration,
  otherMedicationRequest,
  regimenRequest,
  regimenStatuses,
} from './medications.js';
import { checkInObservations, scoreObservation } from './observations.js';
import { instrumentQuestionnaire, questionnaireResponse } from './questionnaires.js';

export const SECTION_IDS = [
  'patient',
  'medications',
  'checkins',
  'questionnaires',
  'techniques',
  'alerts',
  'messages',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** The consent each section needs; null: decided otherwise (patient: link; alerts: the rule). */
export const SECTION_CATEGORY: Readonly<Record<SectionId, DataCategory | null>> = {
  patient: null,
  medications: 'medications',
  checkins: 'checkins',
  questionnaires: 'questionnaires',
  techniques: 'techniques',
  alerts: null,
  messages: 'messages',
};

/** The consent categories `$everything` draws on: any one lets a member in. */
export const EVERYTHING_CATEGORIES: readonly DataCategory[] = [
  'medications',
  'checkins',
  'questionnaires',
  'techniques',
  'messages',
];

type Loader = (ctx: AppContext, access: PatientAccess) => Promise<Resource[]>;

const today = (ctx: AppContext, access: PatientAccess) =>
  localDateOf(ctx.now().toISOString(), access.timeZone);

async function loadPatient(ctx: AppContext, access: PatientAccess): Promise<Resource[]> {
  const [row] = await ctx.db
    .select({
      id: users.id,
      displayName: users.displayName,
      active: users.active,
      birthDate: patientProfiles.dateOfBirth,
    })
    .from(users)
    .leftJoin(patientProfiles, eq(patientProfiles.patientId, users.id))
    .where(eq(users.id, access.patientId));
  if (row === undefined) return [];
  // The date of birth is a profile fact, shared with the medications category (profile routes).
  return [
    patientResource({ ...row, birthDate: access.consent.medications ? row.birthDate : null }),
  ];
}

async function loadMedications(ctx: AppContext, access: PatientAccess): Promise<Resource[]> {
  const { patientId, timeZone: zone } = access;
  const [versions, others, doses, taper] = await Promise.all([
    loadRegimenVersions(ctx, patientId),
    ctx.db
      .select()
      .from(medications)
      .where(and(eq(medications.patientId, patientId), isNull(medications.deletedAt)))
      .orderBy(asc(medications.createdAt), asc(medications.id)),
    ctx.db
      .select()
      .from(doseEvents)
      .where(eq(doseEvents.patientId, patientId))
      .orderBy(asc(doseEvents.takenAt), asc(doseEvents.id)),
    loadTaperVersions(ctx, patientId),
  ]);
  const day = today(ctx, access);
  const superseded = new Set(doses.flatMap((d) => (d.supersedes === null ? [] : [d.supersedes])));
  const plan = taperCarePlan(taper, day);
  const statuses = regimenStatuses(versions, day, zone);
  return [
    ...versions.map((v) => regimenRequest(v, patientId, statuses.get(v.id) ?? 'completed')),
    ...others.map(otherMedicationRequest),
    ...doses.map((d) => doseAdministration(d, { versions, zone, superseded })),
    ...(plan === null ? [] : [plan]),
  ];
}

async function loadCheckIns(ctx: AppContext, access: PatientAccess): Promise<Resource[]> {
  const rows = await ctx.db
    .select()
    .from(checkIns)
    .where(eq(checkIns.patientId, access.patientId))
    .orderBy(asc(checkIns.at), asc(checkIns.id));
  return rows.flatMap((r) => checkInObservations(toCheckIn(r), access.patientId));
}

async function loadQuestionnaires(ctx: AppContext, access: PatientAccess): Promise<Resource[]> {
  const [responses, assigned] = await Promise.all([
    ctx.db
      .select()
      .from(questionnaireResponses)
      .where(eq(questionnaireResponses.patientId, access.patientId))
      .orderBy(asc(questionnaireResponses.at), asc(questionnaireResponses.id)),
    ctx.db
      .selectDistinct({ id: questionnaireAssignments.instrumentId })
      .from(questionnaireAssignments)
      .where(eq(questionnaireAssignments.patientId, access.patientId)),
  ]);
  const known = responses.filter((r) => isInstrumentId(r.instrumentId));
  const instruments = new Set<InstrumentId>();
  for (const id of [...assigned.map((a) => a.id), ...known.map((r) => r.instrumentId)]) {
    if (isInstrumentId(id)) instruments.add(id);
  }
  return [
    ...[...instruments].sort().map(instrumentQuestionnaire),
    ...known.flatMap((r) => [
      questionnaireResponse(r, r.instrumentId as InstrumentId),
      scoreObservation(r),
    ]),
  ];
}

async function loadTechniques(ctx: AppContext, access: PatientAccess): Promise<Resource[]> {
  const rows = await ctx.db
    .select()
    .from(techniqueAssignments)
    .where(eq(techniqueAssignments.patientId, access.patientId))
    .orderBy(asc(techniqueAssignments.assignedAt), asc(techniqueAssignments.id));
  return rows.map(techniqueCarePlan);
}

async function loadAlerts(ctx: AppContext, access: PatientAccess): Promise<Resource[]> {
  const rows = await listAlerts(ctx.db, access.patientId, viewerOf(access), { status: 'all' });
  return rows.map((a) => alertFlag(a, access.patientId));
}

async function loadMessages(ctx: AppContext, access: PatientAccess): Promise<Resource[]> {
  const threads = await listThreads(ctx.db, access.patientId, readerOf(access));
  const out: Resource[] = [];
  for (const thread of [...threads].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const messages = await listMessages(ctx.db, thread.id);
    out.push(...messages.map((m) => messageCommunication(m, thread, access.patientId)));
  }
  return out;
}

export const SECTION_LOADERS: Readonly<Record<SectionId, Loader>> = {
  patient: loadPatient,
  medications: loadMedications,
  checkins: loadCheckIns,
  questionnaires: loadQuestionnaires,
  techniques: loadTechniques,
  alerts: loadAlerts,
  messages: loadMessages,
};

/** Whether the caller may see a section (the patient sees all of their own). */
export function maySeeSection(access: PatientAccess, section: SectionId): boolean {
  const category = SECTION_CATEGORY[section];
  return category === null || access.consent[category];
}
