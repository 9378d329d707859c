/**
 * Invitations both ways: a clinician invites a patient; a patient invites a clinician or a
 * caregiver. Codes are single use and valid 14 days; unknown, expired and used codes get one
 * and the same answer (404 STEADY_ERR_INVITATION_INVALID).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { audit } from '../audit/audit.js';
import type { SessionUser } from '../auth/sessions.js';
import {
  CONSENT_DEFAULTS,
  NO_CONSENT,
  normalizeConsent,
  type ConsentMap,
  type MemberKind,
} from '../careteam/consent.js';
import {
  createLink,
  isLinked,
  linkView,
  type LinkView,
  type NewLink,
} from '../careteam/service.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { clinics, invitations, users } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { invitationCodeHash, newInvitationCode, normalizeInvitationCode } from './codes.js';

const VALID_DAYS = 14;

export type InvitationKind = (typeof invitations.$inferSelect)['kind'];
export type InvitedMemberKind = 'clinician' | 'caregiver';

export interface CreatedInvitation {
  readonly code: string;
  readonly url: string;
  readonly expiresAt: string;
  readonly kind: InvitationKind;
}

/** A created invitation with its row id (for the email and its audit; not sent to clients). */
export interface StoredInvitation extends CreatedInvitation {
  readonly id: string;
}

interface NewInvitation {
  readonly kind: InvitationKind;
  readonly createdBy: string;
  readonly patientId: string | null;
  readonly memberKind: InvitedMemberKind | null;
  readonly consent: ConsentMap | null;
  readonly clinicId: string | null;
  readonly note: string | null;
}

async function createInvitation(ctx: AppContext, input: NewInvitation): Promise<StoredInvitation> {
  const now = ctx.now();
  const code = newInvitationCode();
  const canonical = normalizeInvitationCode(code) ?? '';
  const expiresAt = new Date(now.getTime() + VALID_DAYS * 86_400_000);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(invitations).values({
      id,
      codeHash: invitationCodeHash(canonical),
      ...input,
      createdAt: now,
      expiresAt,
    });
    await audit(
      tx,
      {
        actorId: input.createdBy,
        patientId: input.patientId,
        action: 'invitation.create',
        entityId: id,
        details: { kind: input.kind, memberKind: input.memberKind },
      },
      now,
    );
  });
  return { id, code, url: `/join/${code}`, expiresAt: expiresAt.toISOString(), kind: input.kind };
}

/** A clinician invites a patient (who chooses the consent when accepting). */
export function invitePatient(
  ctx: AppContext,
  clinician: SessionUser,
  note: string | null,
): Promise<StoredInvitation> {
  return createInvitation(ctx, {
    kind: 'clinician-invites-patient',
    createdBy: clinician.id,
    patientId: null,
    memberKind: null,
    consent: null,
    clinicId: clinician.clinicId,
    note,
  });
}

/** A patient invites a clinician or a caregiver, optionally choosing the consent now. */
export function inviteMember(
  ctx: AppContext,
  patientId: string,
  memberKind: InvitedMemberKind,
  consent: ConsentMap | null,
): Promise<StoredInvitation> {
  return createInvitation(ctx, {
    kind: 'patient-invites-member',
    createdBy: patientId,
    patientId,
    memberKind,
    consent,
    clinicId: null,
    note: null,
  });
}

/** A usable invitation with the person who sent it. */
async function findUsable(db: Db, typed: string, now: Date) {
  const canonical = normalizeInvitationCode(typed);
  if (canonical === null) return null;
  const creator = alias(users, 'creator');
  const rows = await db
    .select({
      invitation: invitations,
      from: {
        id: creator.id,
        displayName: creator.displayName,
        role: creator.role,
        discipline: creator.discipline,
      },
      clinicName: clinics.name,
    })
    .from(invitations)
    .innerJoin(creator, eq(creator.id, invitations.createdBy))
    .leftJoin(clinics, eq(clinics.id, creator.clinicId))
    .where(
      and(
        eq(invitations.codeHash, invitationCodeHash(canonical)),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, now),
        eq(creator.active, true),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

type Usable = NonNullable<Awaited<ReturnType<typeof findUsable>>>;

async function usable(ctx: AppContext, typed: string): Promise<Usable> {
  const found = await findUsable(ctx.db, typed, ctx.now());
  if (found === null) throw new AppError('STEADY_ERR_INVITATION_INVALID');
  return found;
}

/** What a user would be in a care team, if anything. */
function memberKindOf(user: SessionUser | null): MemberKind | null {
  if (user?.role === 'caregiver') return 'caregiver';
  return user?.role === 'clinician' ? user.discipline : null;
}

/** The consent a member gets: the patient's choice when inviting, else the member's defaults. */
function presetOrDefaults(found: Usable, kind: MemberKind | null): ConsentMap {
  if (found.invitation.consent !== null) return normalizeConsent(found.invitation.consent);
  return kind === null ? NO_CONSENT : CONSENT_DEFAULTS[kind];
}

/** What the join page shows before accepting (signed in or not). */
export async function describeInvitation(
  ctx: AppContext,
  typed: string,
  viewer: SessionUser | null,
) {
  const found = await usable(ctx, typed);
  const { invitation, from, clinicName } = found;
  // For a patient: the inviting clinician's defaults. For a member: the patient's choice, else
  // the defaults of the member's kind — a clinician's discipline is known once they sign in.
  const consentDefaults =
    invitation.kind === 'clinician-invites-patient'
      ? from.discipline === null
        ? NO_CONSENT
        : CONSENT_DEFAULTS[from.discipline]
      : presetOrDefaults(
          found,
          invitation.memberKind === 'caregiver' ? 'caregiver' : memberKindOf(viewer),
        );
  return {
    kind: invitation.kind,
    from: {
      displayName: from.displayName,
      role: from.role,
      discipline: from.discipline,
      clinicName,
    },
    ...(invitation.memberKind === null ? {} : { memberKind: invitation.memberKind }),
    consentDefaults,
    note: invitation.note,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** Who joins whom, and with what consent, when `caller` accepts; wrong kind of caller → 403. */
function linkFor(
  found: Usable,
  caller: SessionUser,
  consent: ConsentMap | undefined,
): Omit<NewLink, 'actorId'> {
  const { invitation, from } = found;
  if (invitation.kind === 'clinician-invites-patient') {
    if (caller.role !== 'patient' || from.discipline === null) {
      throw new AppError('STEADY_ERR_FORBIDDEN');
    }
    if (consent === undefined) {
      throw new AppError('STEADY_ERR_VALIDATION', [
        { path: '/body/consent', message: 'choose what this clinician may see' },
      ]);
    }
    return {
      patientId: caller.id,
      memberId: from.id,
      memberKind: from.discipline,
      consent,
    };
  }
  const clinician = invitation.memberKind === 'clinician' && caller.role === 'clinician';
  const caregiver = invitation.memberKind === 'caregiver' && caller.role === 'caregiver';
  const memberKind: MemberKind | null = caregiver
    ? 'caregiver'
    : clinician
      ? caller.discipline
      : null;
  if (memberKind === null || invitation.patientId === null) {
    throw new AppError('STEADY_ERR_FORBIDDEN');
  }
  return {
    patientId: invitation.patientId,
    memberId: caller.id,
    memberKind,
    consent: presetOrDefaults(found, memberKind),
  };
}

/** Use an invitation inside a transaction: exactly once, even when two accept at once. */
async function consume(
  tx: Pick<Db, 'update'>,
  invitationId: string,
  userId: string,
  now: Date,
): Promise<void> {
  const used = await tx
    .update(invitations)
    .set({ usedAt: now, usedBy: userId })
    .where(
      and(
        eq(invitations.id, invitationId),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning({ id: invitations.id });
  if (used.length === 0) throw new AppError('STEADY_ERR_INVITATION_INVALID');
}

/**
 * Accept an invitation: the link is made at once. A patient's `consent` is their choice (the
 * page pre-fills the defaults); a member's consent is what the patient chose when inviting.
 */
export async function acceptInvitation(
  ctx: AppContext,
  typed: string,
  caller: SessionUser,
  consent: ConsentMap | undefined,
): Promise<LinkView> {
  const found = await usable(ctx, typed);
  const link = linkFor(found, caller, consent);
  if (await isLinked(ctx.db, link.patientId, link.memberId)) {
    throw new AppError('STEADY_ERR_ALREADY_LINKED');
  }
  const now = ctx.now();
  const linkId = await ctx.db.transaction(async (tx) => {
    await consume(tx, found.invitation.id, caller.id, now);
    return createLink(tx, { ...link, actorId: caller.id }, now);
  });
  return linkView(ctx, linkId);
}

/**
 * Register a caregiver through a patient's caregiver invitation: the account, the use of the
 * code and the link are one transaction. Returns null when the email is taken.
 */
export async function registerCaregiver(
  ctx: AppContext,
  typed: string,
  createAccount: (tx: Pick<Db, 'insert'>) => Promise<SessionUser | null>,
): Promise<SessionUser | null> {
  const found = await usable(ctx, typed);
  const { invitation } = found;
  if (
    invitation.kind !== 'patient-invites-member' ||
    invitation.memberKind !== 'caregiver' ||
    invitation.patientId === null
  ) {
    throw new AppError('STEADY_ERR_INVITATION_INVALID');
  }
  const patientId = invitation.patientId;
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const user = await createAccount(tx);
    if (user === null) return null;
    await consume(tx, invitation.id, user.id, now);
    await createLink(
      tx,
      {
        patientId,
        memberId: user.id,
        memberKind: 'caregiver',
        consent: presetOrDefaults(found, 'caregiver'),
        actorId: user.id,
      },
      now,
    );
    return user;
  });
}
