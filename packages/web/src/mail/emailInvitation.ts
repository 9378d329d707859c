/**
 * Invitation email in the web app: the answer to creating an invitation, the optional email
 * field, and what to tell the inviter afterwards. Server contract: docs/care-team/mail-and-demo.md.
 */
import type { Invitation } from '../shared/api/types';

/** Why the server did not email an invitation it made. */
export type EmailError = 'not-configured' | 'limit-reached' | 'send-failed';

/** `POST /api/invitations` and `POST /api/patients/:patientId/invitations` → 201. */
export interface InvitationCreated {
  readonly invitation: Invitation;
  readonly emailed: boolean;
  readonly emailError: EmailError | null;
}

/** Close to the server's check: one @, something before it, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The address to send, or undefined when the optional field is left empty. */
export function emailToSend(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Whether the optional email field can be sent as it is (empty is fine). */
export function isEmailFieldValid(value: string): boolean {
  const email = emailToSend(value);
  return email === undefined || (email.length <= 254 && EMAIL.test(email));
}

export type EmailNotice =
  | { readonly kind: 'sent'; readonly to: string }
  | { readonly kind: 'not-sent'; readonly to: string; readonly reason: EmailError };

/** What the share panel says about email; null when no address was given. */
export function emailNotice(
  created: InvitationCreated,
  to: string | undefined,
): EmailNotice | null {
  if (to === undefined) return null;
  if (created.emailed) return { kind: 'sent', to };
  return { kind: 'not-sent', to, reason: created.emailError ?? 'send-failed' };
}
