import type { ErrorCode } from '../i18n/en.js';

/** HTTP status for each error code: one place, so codes and statuses never drift apart. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  STEADY_ERR_VALIDATION: 400,
  STEADY_ERR_MALFORMED_JSON: 400,
  STEADY_ERR_BODY_TOO_LARGE: 413,
  STEADY_ERR_UNSUPPORTED_MEDIA_TYPE: 415,
  STEADY_ERR_BAD_REQUEST: 400,
  STEADY_ERR_NOT_FOUND: 404,
  STEADY_ERR_UNAUTHENTICATED: 401,
  STEADY_ERR_FORBIDDEN: 403,
  STEADY_ERR_CSRF: 403,
  STEADY_ERR_INVALID_CREDENTIALS: 401,
  STEADY_ERR_REGISTRATION_FAILED: 400,
  STEADY_ERR_RATE_LIMITED: 429,
  STEADY_ERR_ALREADY_LOGGED: 409,
  STEADY_ERR_ALREADY_CORRECTED: 409,
  STEADY_ERR_IDEMPOTENCY_CONFLICT: 409,
  STEADY_ERR_NO_REGIMEN: 409,
  STEADY_ERR_UNKNOWN_SLOT: 400,
  STEADY_ERR_INVALID_TIME_ZONE: 400,
  STEADY_ERR_ACCOUNT_INACTIVE: 403,
  STEADY_ERR_EMAIL_TAKEN: 409,
  STEADY_ERR_INVITATION_INVALID: 404,
  STEADY_ERR_ALREADY_LINKED: 409,
  STEADY_ERR_REGIMEN_PRESCRIBED: 403,
  STEADY_ERR_ALERT_RESOLVED: 409,
  STEADY_ERR_ALREADY_ASSIGNED: 409,
  STEADY_ERR_APPOINTMENT_CLOSED: 409,
  STEADY_ERR_ALREADY_VOIDED: 409,
  STEADY_ERR_KIND_NOT_ALLOWED: 403,
  STEADY_ERR_EXERCISE_ENDED: 409,
  STEADY_ERR_GOAL_ARCHIVED: 409,
  STEADY_ERR_UNDO_TOO_LATE: 409,
  STEADY_ERR_DELETE_TOO_LATE: 409,
  STEADY_ERR_NOT_READY: 503,
  STEADY_ERR_INTERNAL: 500,
};

/**
 * The one error currency of the server: a stable code (which fixes the HTTP status and the
 * user-facing message) and optional details that are safe to show (never health data of others).
 *
 * @example
 * throw new AppError('STEADY_ERR_NOT_FOUND');
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}
