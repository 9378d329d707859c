/**
 * Care links in the database. The guard's lookup is one query per request and never cached,
 * so a consent change or a revocation takes effect on the very next request.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { careLinks, clinics, users } from '../db/schema.js';
import type { MemberLink } from '../http/policy.js';
import { normalizeConsent, type ConsentMap, type MemberKind } from './consent.js';

/** The active link of a member to a patient (both accounts active), or null. */
export async function findActiveLink(
  db: Db,
  memberId: string,
  patientId: string,
): Promise<MemberLink | null> {
  const patient = alias(users, 'patient');
  const member = alias(users, 'member');
  const rows = await db
    .select({
      linkId: careLinks.id,
      memberKind: careLinks.memberKind,
      consent: careLinks.consent,
      timeZone: patient.timeZone,
    })
    .from(careLinks)
    .innerJoin(patient, eq(patient.id, careLinks.patientId))
    .innerJoin(member, eq(member.id, careLinks.memberId))
    .where(
      and(
        eq(careLinks.patientId, patientId),
        eq(careLinks.memberId, memberId),
        eq(careLinks.status, 'active'),
        eq(patient.role, 'patient'),
        eq(patient.active, true),
        eq(member.active, true),
      ),
    )
    .limit(1);
  const row = rows[0];
  return row === undefined ? null : { ...row, consent: normalizeConsent(row.consent) };
}

/** A link as the API shows it, to the patient and to the member. */
export interface LinkView {
  readonly linkId: string;
  readonly patient: { readonly id: string; readonly displayName: string };
  readonly member: {
    readonly id: string;
    readonly displayName: string;
    readonly role: string;
    readonly discipline: string | null;
    readonly clinicName: string | null;
    readonly active: boolean;
  };
  readonly memberKind: MemberKind;
  readonly status: 'active' | 'revoked';
  readonly since: string;
  readonly revokedAt: string | null;
  readonly consent: ConsentMap;
}

/** Links matching `where`, newest first, with both people and the member's clinic. */
export async function listLinks(db: Db, where: SQL | undefined): Promise<LinkView[]> {
  const patient = alias(users, 'patient');
  const member = alias(users, 'member');
  const rows = await db
    .select({
      link: careLinks,
      patientName: patient.displayName,
      member: {
        id: member.id,
        displayName: member.displayName,
        role: member.role,
        discipline: member.discipline,
        active: member.active,
      },
      clinicName: clinics.name,
    })
    .from(careLinks)
    .innerJoin(patient, eq(patient.id, careLinks.patientId))
    .innerJoin(member, eq(member.id, careLinks.memberId))
    .leftJoin(clinics, eq(clinics.id, member.clinicId))
    .where(where)
    .orderBy(desc(careLinks.since), desc(careLinks.id));
  return rows.map(({ link, patientName, member: m, clinicName }) => ({
    linkId: link.id,
    patient: { id: link.patientId, displayName: patientName },
    member: { ...m, clinicName },
    memberKind: link.memberKind,
    status: link.status,
    since: link.since.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    consent: normalizeConsent(link.consent),
  }));
}

export async function findLinkView(db: Db, linkId: string): Promise<LinkView | null> {
  return (await listLinks(db, eq(careLinks.id, linkId)))[0] ?? null;
}
