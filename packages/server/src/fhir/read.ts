/**
 * Reads of single resources by id. The id names its record (ids.ts), the record names its
 * patient, and the caller is then authorized exactly as on a patient-data route of that
 * section's consent category (the same `authorize`, the same 404 for anyone who may not see
 * it, the same access-log entry). The resource is cut from the section as `$everything`
 * builds it, so a read never shows more, or other, than the Bundle would.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { FastifyRequest } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { recordMemberAccess } from '../audit/access.js';
import { findActiveLink } from '../careteam/repo.js';
import type { AppContext } from '../context.js';
import {
  alerts,
  checkIns,
  doseEvents,
  medications,
  messages,
  messageThreads,
  questionnaireResponses,
  regimenVersions,
  taperVersions,
  techniqueAssignments,
} from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { authorize, callerOf, type PatientAccess } from '../http/policy.js';
import { parseFhirId, type IdKind, type ReadableType } from './ids.js';
import { SECTION_CATEGORY, SECTION_LOADERS, type SectionId } from './sections.js';

type OwnerLookup = (ctx: AppContext, uuid: string) => Promise<{ patientId: string }[]>;

/** The owner of a row of a table keyed by `id` with a `patient_id` column. */
const ownedBy =
  (
    table:
      | typeof regimenVersions
      | typeof doseEvents
      | typeof checkIns
      | typeof questionnaireResponses
      | typeof techniqueAssignments
      | typeof alerts,
  ): OwnerLookup =>
  (ctx, id) =>
    ctx.db.select({ patientId: table.patientId }).from(table).where(eq(table.id, id));

const SOURCES: Readonly<Record<IdKind, { section: SectionId; owner: OwnerLookup }>> = {
  regimen: {
    section: 'medications',
    owner: ownedBy(regimenVersions),
  },
  med: {
    section: 'medications',
    owner: (ctx, id) =>
      ctx.db
        .select({ patientId: medications.patientId })
        .from(medications)
        .where(and(eq(medications.id, id), isNull(medications.deletedAt))),
  },
  dose: {
    section: 'medications',
    owner: ownedBy(doseEvents),
  },
  taper: {
    section: 'medications',
    owner: (ctx, id) =>
      ctx.db
        .select({ patientId: taperVersions.patientId })
        .from(taperVersions)
        .where(eq(taperVersions.taperId, id))
        .limit(1),
  },
  checkin: {
    section: 'checkins',
    owner: ownedBy(checkIns),
  },
  score: { section: 'questionnaires', owner: ownedBy(questionnaireResponses) },
  qr: { section: 'questionnaires', owner: ownedBy(questionnaireResponses) },
  technique: {
    section: 'techniques',
    owner: ownedBy(techniqueAssignments),
  },
  alert: {
    section: 'alerts',
    owner: ownedBy(alerts),
  },
  msg: {
    section: 'messages',
    owner: (ctx, id) =>
      ctx.db
        .select({ patientId: messageThreads.patientId })
        .from(messages)
        .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
        .where(eq(messages.id, id)),
  },
};

/** The caller's access to the owner of a record, as a patient-data read of its section. */
async function accessTo(
  ctx: AppContext,
  request: FastifyRequest,
  patientId: string,
  section: SectionId,
): Promise<PatientAccess> {
  const category = SECTION_CATEGORY[section] ?? 'care-team';
  const policy = { kind: 'patient-data', category, access: 'read' } as const;
  const access = await authorize(policy, callerOf(request), { patientId }, (member, patient) =>
    findActiveLink(ctx.db, member, patient),
  );
  if (access === null) throw new AppError('STEADY_ERR_NOT_FOUND');
  if (access.as !== 'patient') {
    await recordMemberAccess(
      ctx.db,
      {
        actorId: access.user.id,
        patientId,
        access: 'read',
        subject: `fhir-${section}`,
        categories: access.categories,
        route: `GET ${request.routeOptions.url ?? ''}`,
        linkId: access.linkId,
      },
      ctx.now(),
    );
  }
  return access;
}

/** One resource by type and id, if the caller may see it; 404 otherwise. */
export async function readResource(
  ctx: AppContext,
  request: FastifyRequest,
  type: ReadableType,
  id: string,
): Promise<{ readonly resource: Resource; readonly patientId: string }> {
  const parsed = parseFhirId(type, id);
  if (parsed === null) throw new AppError('STEADY_ERR_NOT_FOUND');
  const source = SOURCES[parsed.kind];
  const [owner] = await source.owner(ctx, parsed.uuid);
  if (owner === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
  const access = await accessTo(ctx, request, owner.patientId, source.section);
  const resources = await SECTION_LOADERS[source.section](ctx, access);
  const found = resources.find((r) => r.resourceType === type && r.id === id);
  if (found === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
  return { resource: found, patientId: owner.patientId };
}
