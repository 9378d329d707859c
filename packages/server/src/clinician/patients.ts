/**
 * The clinician's (or caregiver's) patient list: only patients with an active link to the
 * caller, searchable by name. Each field needs its consent; what the caller may not see is
 * null and named in `hidden`. Listing shows patient data, so each listed patient's access log
 * records it.
 */
import { localDateOf, regimenOn } from '@steady/core';
import { and, asc, eq, ilike } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordMemberAccess } from '../audit/access.js';
import type { SessionUser } from '../auth/sessions.js';
import { granted, normalizeConsent, type ConsentMap } from '../careteam/consent.js';
import { lastCheckInAt } from '../checkins/service.js';
import type { AppContext } from '../context.js';
import { careLinks, users } from '../db/schema.js';
import { loadRegimenVersions } from '../regimen/service.js';

export const LIST_ROUTE = 'GET /api/clinician/patients';

export interface PatientRow {
  readonly id: string;
  readonly displayName: string;
  readonly since: string;
  readonly consent: ConsentMap;
  /** Scheduled diazepam per day in today's regimen (needs `medications`). */
  readonly currentDailyDoseMg: number | null;
  /** Needs `checkins`. */
  readonly lastCheckInAt: string | null;
  readonly hidden: readonly ('currentDailyDoseMg' | 'lastCheckInAt')[];
}

/** `%` and `_` typed by the user are literal characters, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function dailyDoseMg(ctx: AppContext, patientId: string, zone: string) {
  const versions = await loadRegimenVersions(ctx, patientId);
  const today = localDateOf(ctx.now().toISOString(), zone);
  const regimen = regimenOn(versions, today, zone);
  return regimen === null ? null : regimen.doses.reduce((sum, d) => sum + d.amountMg, 0);
}

export async function linkedPatients(
  ctx: AppContext,
  member: SessionUser,
  q: string | undefined,
): Promise<PatientRow[]> {
  const patient = alias(users, 'patient');
  const search =
    q === undefined || q === '' ? undefined : ilike(patient.displayName, likePattern(q));
  const links = await ctx.db
    .select({
      linkId: careLinks.id,
      patientId: careLinks.patientId,
      since: careLinks.since,
      consent: careLinks.consent,
      displayName: patient.displayName,
      timeZone: patient.timeZone,
    })
    .from(careLinks)
    .innerJoin(patient, eq(patient.id, careLinks.patientId))
    .where(
      and(
        eq(careLinks.memberId, member.id),
        eq(careLinks.status, 'active'),
        eq(patient.active, true),
        search,
      ),
    )
    .orderBy(asc(patient.displayName), asc(careLinks.id));

  const now = ctx.now();
  const rows: PatientRow[] = [];
  for (const link of links) {
    const consent = normalizeConsent(link.consent);
    const hidden: PatientRow['hidden'][number][] = [];
    if (!consent.medications) hidden.push('currentDailyDoseMg');
    if (!consent.checkins) hidden.push('lastCheckInAt');
    rows.push({
      id: link.patientId,
      displayName: link.displayName,
      since: link.since.toISOString(),
      consent,
      currentDailyDoseMg: consent.medications
        ? await dailyDoseMg(ctx, link.patientId, link.timeZone)
        : null,
      lastCheckInAt: consent.checkins ? await lastCheckInAt(ctx, link.patientId) : null,
      hidden,
    });
    await recordMemberAccess(
      ctx.db,
      {
        actorId: member.id,
        patientId: link.patientId,
        access: 'read',
        subject: 'patient-list',
        categories: granted(consent).filter((c) => c === 'medications' || c === 'checkins'),
        route: LIST_ROUTE,
        linkId: link.linkId,
      },
      now,
    );
  }
  return rows;
}
