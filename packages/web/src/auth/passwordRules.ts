import { ApiError } from '../shared/api/client';

/** The server's minimum (packages/server/src/auth/passwordPolicy.ts), in characters. */
export const MIN_PASSWORD_LENGTH = 12;

/** Why the server refused a new password (the `reason` of its validation error). */
export const PASSWORD_REASONS = [
  'too-short',
  'too-long',
  'common',
  'context',
  'repetitive',
] as const;
export type PasswordReason = (typeof PASSWORD_REASONS)[number];

/** Characters as people count them: an emoji or an accented letter is one (NFKC, code points). */
export function passwordLength(password: string): number {
  return Array.from(password.normalize('NFKC')).length;
}

/** The checks the form can make before asking the server (the server checks everything). */
export function isTooShort(password: string): boolean {
  return passwordLength(password) < MIN_PASSWORD_LENGTH;
}

/** The reason of a refused new password in an API error, or null for any other error. */
export function passwordReasonOf(error: unknown): PasswordReason | null {
  if (!(error instanceof ApiError) || error.code !== 'STEADY_ERR_VALIDATION') return null;
  if (!Array.isArray(error.details)) return null;
  for (const detail of error.details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { path, reason } = detail as { path?: unknown; reason?: unknown };
    if (path === '/body/password' && PASSWORD_REASONS.some((r) => r === reason)) {
      return reason as PasswordReason;
    }
  }
  return null;
}
