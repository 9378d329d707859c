/**
 * English text for every message the server itself shows to people (error messages).
 * Keys are the stable error codes; the web app may also translate by code.
 */
export const en = {
  STEADY_ERR_VALIDATION: 'Some of the information sent is not valid.',
  STEADY_ERR_MALFORMED_JSON: 'The request body is not valid JSON.',
  STEADY_ERR_BODY_TOO_LARGE: 'The request is too large.',
  STEADY_ERR_UNSUPPORTED_MEDIA_TYPE: 'Send the request body as JSON.',
  STEADY_ERR_BAD_REQUEST: 'The request could not be understood.',
  STEADY_ERR_NOT_FOUND: 'Not found.',
  STEADY_ERR_UNAUTHENTICATED: 'Please sign in.',
  STEADY_ERR_FORBIDDEN: 'You are not allowed to do this.',
  STEADY_ERR_CSRF: 'Your session could not be verified. Reload the page and try again.',
  STEADY_ERR_INVALID_CREDENTIALS: 'The email or password is not correct.',
  STEADY_ERR_REGISTRATION_FAILED:
    'We could not create an account with these details. If you already have an account, sign in instead.',
  STEADY_ERR_RATE_LIMITED: 'Too many attempts. Please wait a few minutes and try again.',
  STEADY_ERR_ALREADY_LOGGED: 'This dose is already logged.',
  STEADY_ERR_ALREADY_CORRECTED:
    'This entry was already corrected. Correct the newest entry instead.',
  STEADY_ERR_IDEMPOTENCY_CONFLICT: 'This request key was already used for a different entry.',
  STEADY_ERR_NO_REGIMEN: 'There is no regimen for this day.',
  STEADY_ERR_UNKNOWN_SLOT: 'There is no scheduled dose at this time.',
  STEADY_ERR_INVALID_TIME_ZONE: 'This time zone is not known.',
  STEADY_ERR_ACCOUNT_INACTIVE:
    'This account has been deactivated. Please contact your clinic administrator.',
  STEADY_ERR_EMAIL_TAKEN: 'An account with this email already exists.',
  STEADY_ERR_INVITATION_INVALID:
    'This invitation code is not valid. It may have expired or been used already.',
  STEADY_ERR_ALREADY_LINKED: 'You are already connected.',
  STEADY_ERR_REGIMEN_PRESCRIBED:
    'Your prescriber manages your regimen. Send them a request to change it.',
  STEADY_ERR_ALERT_RESOLVED: 'This alert is already resolved.',
  STEADY_ERR_ALREADY_ASSIGNED:
    'This questionnaire is already assigned to this patient. End that assignment first.',
  STEADY_ERR_APPOINTMENT_CLOSED: 'This check-up was already cancelled or marked done.',
  STEADY_ERR_ALREADY_VOIDED: 'This dispensing record was already voided.',
  STEADY_ERR_KIND_NOT_ALLOWED: 'Your discipline cannot assign this kind of homework.',
  STEADY_ERR_EXERCISE_ENDED: 'This exercise has ended.',
  STEADY_ERR_GOAL_ARCHIVED: 'This goal is archived.',
  STEADY_ERR_UNDO_TOO_LATE: 'Only entries made today can be undone.',
  STEADY_ERR_DELETE_TOO_LATE: 'A session can only be deleted in the 24 hours after it was logged.',
  STEADY_ERR_NO_TAPER: 'There is no taper plan for this patient.',
  STEADY_ERR_TAPER_EXISTS:
    'This patient already has a taper in progress. Change that plan instead of starting another.',
  STEADY_ERR_TAPER_CHANGE_REFUSED: 'This change cannot be made to the taper plan as it is now.',
  STEADY_ERR_TAPER_REQUEST_CLOSED: 'This request was already answered.',
  STEADY_ERR_SIGNATURE_FAILED: 'The password is not correct. The plan was not signed.',
  STEADY_ERR_TAPER_CHECK_IN_NOT_DUE:
    'This withdrawal check-in is not open now. Your list of check-ins shows the one that is due.',
  STEADY_ERR_PASSWORD_MISMATCH: 'The password is not correct. Nothing was changed.',
  STEADY_ERR_DELETION_PENDING:
    'Your account is already set to be deleted. You can cancel that, or wait for it.',
  STEADY_ERR_UNSAFE_INSTRUCTION:
    'This instruction cannot be saved: it must never advise a double or catch-up dose, or stopping diazepam.',
  STEADY_ERR_NOT_READY: 'Steady is not ready yet.',
  STEADY_ERR_PUSH_ENDPOINT:
    'This browser’s notification service is not one this server sends to. Ask your administrator.',
  STEADY_ERR_MFA_REQUIRED: 'Confirm it is you with your passkey or authenticator app.',
  STEADY_ERR_MFA_ENROLMENT_REQUIRED:
    'Add a passkey or an authenticator app to your account before you continue.',
  STEADY_ERR_MFA_INVALID: 'That did not work. Check the code (or your passkey) and try again.',
  STEADY_ERR_MFA_RECENT_REQUIRED:
    'For your safety, confirm it is you again (passkey or code) before you change this.',
  STEADY_ERR_MFA_TOTP_EXISTS:
    'An authenticator app is already set up. Remove it first to set up another.',
  STEADY_ERR_INTERNAL:
    'Something went wrong on our side. Your data was not changed. Please try again.',
} as const;

export type ErrorCode = keyof typeof en;
export type Messages = Readonly<Record<ErrorCode, string>>;

const catalogs: Readonly<Record<string, Messages>> = { en };

/** The message catalog for a language tag, falling back to English. */
export function messagesFor(lang: string | undefined): Messages {
  const base = (lang ?? 'en').toLowerCase().split(/[-_,;]/)[0] ?? 'en';
  return catalogs[base] ?? en;
}
