/**
 * Emailing a fresh invitation (when SMTP is configured and the inviter gave an address). The
 * invitation exists before the email is tried, so a failure loses nothing: the answer says
 * `emailed: false` with a reason and the inviter shares the link by hand.
 */
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { audit } from '../audit/audit.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { auditLog, clinics } from '../db/schema.js';
import { invitationEmail } from '../mail/invitationEmail.js';
import type { Mailer } from '../mail/mailer.js';
import type { StoredInvitation } from './service.js';

/**
 * Emails one sender may have sent in the last hour; beyond that invitations are still made
 * but not emailed, so an account cannot be used to flood strangers' mailboxes.
 */
export const EMAILS_PER_HOUR = 20;

/** Why an invitation was not emailed. */
export type EmailError = 'not-configured' | 'limit-reached' | 'send-failed';

export interface EmailOutcome {
  readonly emailed: boolean;
  /** Null when emailed, or when no address was given. */
  readonly emailError: EmailError | null;
}

export const NOT_EMAILED: EmailOutcome = { emailed: false, emailError: null };

export interface InvitationToEmail {
  readonly invitation: StoredInvitation;
  readonly sender: SessionUser;
  /** The inviting patient (patient-invites-member), null for a clinician's invitation. */
  readonly patientId: string | null;
  readonly memberKind: 'clinician' | 'caregiver' | null;
  readonly to: string;
}

async function sentLastHour(ctx: AppContext, item: InvitationToEmail, now: Date) {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        // Matches the audit index (patient, time): a patient's own entries, or a clinician's
        // entries that name no patient.
        item.patientId === null
          ? isNull(auditLog.patientId)
          : eq(auditLog.patientId, item.patientId),
        gt(auditLog.at, new Date(now.getTime() - 3_600_000)),
        eq(auditLog.action, 'invitation.email'),
        eq(auditLog.actorId, item.sender.id),
      ),
    );
  return row?.n ?? 0;
}

async function clinicName(ctx: AppContext, clinicId: string | null): Promise<string | null> {
  if (clinicId === null) return null;
  const [row] = await ctx.db
    .select({ name: clinics.name })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return row?.name ?? null;
}

/**
 * Email an invitation that was just created. Every attempt is audited (`invitation.email`,
 * ids and the outcome only, never the address); a failure is logged as codes only.
 */
export async function emailInvitation(
  ctx: AppContext,
  mailer: Mailer | null,
  log: FastifyBaseLogger,
  item: InvitationToEmail,
): Promise<EmailOutcome> {
  const publicUrl = ctx.config.mail?.publicUrl;
  if (mailer === null || publicUrl === undefined) {
    return { emailed: false, emailError: 'not-configured' };
  }
  const now = ctx.now();
  if ((await sentLastHour(ctx, item, now)) >= EMAILS_PER_HOUR) {
    return { emailed: false, emailError: 'limit-reached' };
  }
  const { invitation, sender } = item;
  const message = invitationEmail({
    kind: invitation.kind,
    memberKind: item.memberKind,
    from: {
      displayName: sender.displayName,
      clinicName:
        invitation.kind === 'clinician-invites-patient'
          ? await clinicName(ctx, sender.clinicId)
          : null,
    },
    code: invitation.code,
    link: `${publicUrl}${invitation.url}`,
    expiresAt: invitation.expiresAt,
    timeZone: sender.timeZone,
  });
  const result = await mailer.send({ to: item.to, ...message });
  await audit(
    ctx.db,
    {
      actorId: sender.id,
      patientId: item.patientId,
      action: 'invitation.email',
      entityId: invitation.id,
      details: { sent: result.sent },
    },
    ctx.now(),
  );
  if (result.sent) return { emailed: true, emailError: null };
  log.warn({ invitationId: invitation.id, ...result.failure }, 'invitation email not sent');
  return { emailed: false, emailError: 'send-failed' };
}
