/**
 * The care team of a patient: links between a patient and their members, consent per
 * category, revocation. Every change is audited; consent history lives in the audit log.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { careLinks, users } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { PatientAccess } from '../http/policy.js';
import { granted, normalizeConsent, type ConsentMap, type MemberKind } from './consent.js';
import { findLinkView, listLinks, type LinkView } from './repo.js';

export type { LinkView } from './repo.js';

export interface NewLink {
  readonly patientId: string;
  readonly memberId: string;
  readonly memberKind: MemberKind;
  readonly consent: ConsentMap;
  /** Who made the link happen (the one accepting the invitation). */
  readonly actorId: string;
}

/**
 * Link a member to a patient, inside the caller's transaction (so a failed link leaves an
 * invitation unused). An active link between them already → 409 STEADY_ERR_ALREADY_LINKED.
 */
export async function createLink(
  tx: Pick<Db, 'insert'>,
  input: NewLink,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  const rows = await tx
    .insert(careLinks)
    .values({
      id,
      patientId: input.patientId,
      memberId: input.memberId,
      memberKind: input.memberKind,
      status: 'active',
      consent: input.consent,
      since: now,
      consentUpdatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: careLinks.id });
  if (rows.length === 0) throw new AppError('STEADY_ERR_ALREADY_LINKED');
  await audit(
    tx,
    {
      actorId: input.actorId,
      patientId: input.patientId,
      action: 'careteam.link',
      entityId: id,
      details: { memberId: input.memberId, memberKind: input.memberKind, consent: input.consent },
    },
    now,
  );
  return id;
}

/** Whether an active link already joins this patient and member. */
export async function isLinked(db: Db, patientId: string, memberId: string): Promise<boolean> {
  const rows = await db
    .select({ id: careLinks.id })
    .from(careLinks)
    .where(
      and(
        eq(careLinks.patientId, patientId),
        eq(careLinks.memberId, memberId),
        eq(careLinks.status, 'active'),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function linkView(ctx: AppContext, linkId: string): Promise<LinkView> {
  const view = await findLinkView(ctx.db, linkId);
  if (view === null) throw new AppError('STEADY_ERR_INTERNAL');
  return view;
}

/** The care team as the caller may see it: the patient, every link; a member, their own. */
export async function careTeamOf(ctx: AppContext, access: PatientAccess): Promise<LinkView[]> {
  const ofPatient = eq(careLinks.patientId, access.patientId);
  if (access.as === 'patient') return listLinks(ctx.db, ofPatient);
  return listLinks(
    ctx.db,
    and(ofPatient, eq(careLinks.memberId, access.user.id), eq(careLinks.status, 'active')),
  );
}

/** Replace the consent of an active link of the patient; effective on the next request. */
export async function updateConsent(
  ctx: AppContext,
  access: PatientAccess,
  linkId: string,
  consent: ConsentMap,
): Promise<LinkView> {
  const now = ctx.now();
  const changed = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ consent: careLinks.consent })
      .from(careLinks)
      .where(
        and(
          eq(careLinks.id, linkId),
          eq(careLinks.patientId, access.patientId),
          eq(careLinks.status, 'active'),
        ),
      )
      .for('update');
    if (before === undefined) return false;
    await tx
      .update(careLinks)
      .set({ consent, consentUpdatedAt: now })
      .where(eq(careLinks.id, linkId));
    await audit(
      tx,
      {
        actorId: access.user.id,
        patientId: access.patientId,
        action: 'careteam.consent',
        entityId: linkId,
        details: { before: granted(normalizeConsent(before.consent)), after: granted(consent) },
      },
      now,
    );
    return true;
  });
  if (!changed) throw new AppError('STEADY_ERR_NOT_FOUND');
  return linkView(ctx, linkId);
}

/**
 * End a link: the patient ends any of theirs, a member only their own. Immediate: the next
 * request of the member finds no active link. Ending an ended link again changes nothing.
 */
export async function revokeLink(
  ctx: AppContext,
  access: PatientAccess,
  linkId: string,
): Promise<void> {
  const now = ctx.now();
  const mine = and(
    eq(careLinks.id, linkId),
    eq(careLinks.patientId, access.patientId),
    access.as === 'patient' ? undefined : eq(careLinks.memberId, access.user.id),
  );
  const found = await ctx.db.transaction(async (tx) => {
    const [link] = await tx
      .select({ status: careLinks.status })
      .from(careLinks)
      .where(mine)
      .for('update');
    if (link === undefined) return false;
    if (link.status === 'revoked') return true;
    await tx
      .update(careLinks)
      .set({ status: 'revoked', revokedAt: now, revokedBy: access.user.id })
      .where(eq(careLinks.id, linkId));
    await audit(
      tx,
      {
        actorId: access.user.id,
        patientId: access.patientId,
        action: 'careteam.revoke',
        entityId: linkId,
        details: { by: access.as === 'patient' ? 'patient' : 'member' },
      },
      now,
    );
    return true;
  });
  if (!found) throw new AppError('STEADY_ERR_NOT_FOUND');
}

/**
 * Whether the regimen is the prescriber's: an active prescriber (account active) holds the
 * patient's `medications` consent. Until then the patient records the regimen themself.
 */
export async function prescriberManagesRegimen(
  ctx: AppContext,
  patientId: string,
): Promise<boolean> {
  const rows = await ctx.db
    .select({ consent: careLinks.consent })
    .from(careLinks)
    .innerJoin(users, eq(users.id, careLinks.memberId))
    .where(
      and(
        eq(careLinks.patientId, patientId),
        eq(careLinks.status, 'active'),
        eq(careLinks.memberKind, 'prescriber'),
        eq(users.active, true),
      ),
    );
  return rows.some((r) => normalizeConsent(r.consent).medications);
}
