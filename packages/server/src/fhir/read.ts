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

const SOURCES: Readonly<Record<IdKind, { section: SectionId; owner: OwnerLookup }>> = {
  regimen: {
    section: 'medications',
    owner: (ctx, id) =>
      ctx.db
        .select({ patientId: regimenVersions.patientId })
        .from(regimenVersions)
        .where(eq(regimenVersions.id, id)),
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
    owner: (ctx, id) =>
      ctx.db
        .select({ patientId: doseEvents.patientId })
        .from(doseEvents)
        .where(eq(doseEvents.id, id)),
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
    owner: (ctx, id) =>
      ctx.db.select({ patientId: checkIns.patientId }).from(checkIns).where(eq(checkIns.id, id)),
  },
  score: { section: 'questionnaires', owner: responseOwner },
  qr: { section: 'questionnaires', owner: responseOwner },
  technique: {
    section: 'techniques',
    owner: (ctx, id) =>
      ctx.db
        .select({ patientId: techniqueAssignments.patientId })
        .from(techniqueAssignments)
        .where(eq(techniqueAssignments.id, id)),
  },
  alert: {
    section: 'alerts',
    owner: (ctx, id) =>
      ctx.db.select({ patientId: alerts.patientId }).from(alerts).where(eq(alerts.id, id)),
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

function responseOwner(ctx: AppContext, id: string) {
  return ctx.db
    .select({ patientId: questionnaireResponses.patientId })
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.id, id));
}

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
