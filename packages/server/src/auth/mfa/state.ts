/**
 * The second factor's session states (docs/authentication.md, "Second factor"). A session in
 * `mfa-pending` or `mfa-enrol` may call only the routes that list its state in
 * `config.mfaStep`; every other signed-in route answers 401 with a code naming the step.
 */
import type { Config } from '../../config.js';
import { AppError } from '../../http/errors.js';
import type { ActiveSession, Role, SessionState } from '../sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The unfinished sign-in states that may call the route (default: none). */
    mfaStep?: readonly Exclude<SessionState, 'full'>[];
  }
}

/** Both unfinished states: the session and sign-out routes. */
export const ANY_STEP = ['mfa-pending', 'mfa-enrol'] as const;

/** How long a second factor given in a session counts as recent (removing a factor needs it). */
export const RECENT_MINUTES = 10;

/** Care-team accounts open many patients' records: they must have a second factor. */
export function mfaRequiredFor(role: Role, config: Pick<Config, 'requireMfa'>): boolean {
  return config.requireMfa && (role === 'clinician' || role === 'admin');
}

/** The state a session starts in after the right password. */
export function stateAfterPassword(
  role: Role,
  hasFactor: boolean,
  config: Pick<Config, 'requireMfa'>,
): SessionState {
  if (hasFactor) return 'mfa-pending';
  return mfaRequiredFor(role, config) ? 'mfa-enrol' : 'full';
}

/** Refuse a route an unfinished sign-in may not call (the guard runs this first). */
export function assertSessionState(
  session: ActiveSession,
  allowed: readonly SessionState[] | undefined,
): void {
  if (session.state === 'full' || (allowed ?? []).includes(session.state)) return;
  throw new AppError(
    session.state === 'mfa-pending'
      ? 'STEADY_ERR_MFA_REQUIRED'
      : 'STEADY_ERR_MFA_ENROLMENT_REQUIRED',
  );
}

/** Whether the session gave a second factor in the last RECENT_MINUTES. */
export function verifiedRecently(session: ActiveSession, now: Date): boolean {
  const at = session.mfaVerifiedAt;
  return at !== null && now.getTime() - at.getTime() <= RECENT_MINUTES * 60_000;
}
