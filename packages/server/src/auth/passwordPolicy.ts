/**
 * The rules for a new password, after NIST SP 800-63B: long enough, not too long to hash, any
 * Unicode (NFKC-normalised), no composition rules, and not a known common or breached password
 * nor one made of words specific to this account or to Steady. They apply when a password is
 * chosen (registration, the command line), never at sign-in: older passwords keep working.
 * See docs/authentication.md.
 */
import { AppError } from '../http/errors.js';
import { COMMON_PASSWORDS } from './commonPasswords.js';

/** Steady's minimum, stricter than NIST's 8: Steady accounts hold health data. In code points. */
export const MIN_PASSWORD_LENGTH = 12;
/** NIST asks to allow at least 64; 256 keeps hashing cheap. In code points. */
export const MAX_PASSWORD_LENGTH = 256;
/**
 * What must be left once the account's own words and "steady" are taken out: NIST's minimum
 * length. "steady-demo-2024" or "robin.case!!" (for robin.case@…) leave too little.
 */
const MIN_REMAINDER = 8;

/** Why a new password is refused (the web app shows a message for each). */
export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'context' | 'repetitive';

/** Words that belong to this account or this service. */
export interface PasswordContext {
  readonly email?: string;
  readonly displayName?: string;
}

/** The form a password is hashed and compared in: Unicode NFKC, as NIST asks. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

let common: ReadonlySet<string> | null = null;

/**
 * The bundled list (lower-cased, 8 characters or more), loaded once on first use. Source and
 * licence: docs/authentication.md.
 */
function commonList(): ReadonlySet<string> {
  common ??= new Set(COMMON_PASSWORDS.split('\n'));
  return common;
}

/** NIST counts each Unicode code point as one character (not UTF-16 units, not graphemes). */
const length = (text: string) => Array.from(text).length;

/** "robin.case-2@example.org" → robin.case-2, robin, case (parts of 3 letters or more). */
function contextWords(context: PasswordContext): string[] {
  const words = new Set(['steady']);
  const add = (text: string) => {
    const lower = normalizePassword(text).toLowerCase().trim();
    if (length(lower) >= 3) words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (length(part) >= 3) words.add(part);
  };
  if (context.email !== undefined) add(context.email.split('@')[0] ?? '');
  if (context.displayName !== undefined) add(context.displayName);
  // Longest first, so "robin.case" goes before "robin".
  return [...words].sort((a, b) => length(b) - length(a));
}

function isCommon(lower: string): boolean {
  const list = commonList();
  return list.has(lower) || list.has(lower.replace(/\s+/gu, ''));
}

/** One character, or one short run, over and over ("aaaaaaaaaaaa", "abcabcabcabc"). */
function isRepetitive(lower: string): boolean {
  const chars = Array.from(lower.replace(/\s+/gu, ''));
  for (let size = 1; size <= 3; size++) {
    const unit = chars.slice(0, size);
    if (chars.length >= size * 3 && chars.every((c, i) => c === unit[i % size])) return true;
  }
  // A straight run of digits or letters, up or down ("123456789012", "abcdefghijkl").
  const codes = chars.map((c) => c.codePointAt(0) ?? 0);
  const steps = codes.slice(1).map((c, i) => c - (codes[i] ?? 0));
  const digits = /^\d+$/u.test(chars.join(''));
  const up = steps.every((s) => s === 1 || (digits && s === -9));
  const down = steps.every((s) => s === -1 || (digits && s === 9));
  return steps.length > 0 && (up || down);
}

/** The first rule a new password breaks, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  context: PasswordContext = {},
): PasswordProblem | null {
  const normalized = normalizePassword(password);
  const n = length(normalized);
  if (n < MIN_PASSWORD_LENGTH) return 'too-short';
  if (n > MAX_PASSWORD_LENGTH) return 'too-long';
  const lower = normalized.toLowerCase();
  if (isCommon(lower)) return 'common';
  if (isRepetitive(lower)) return 'repetitive';
  let rest = lower;
  for (const word of contextWords(context)) rest = rest.replaceAll(word, ' ');
  const remainder = rest.replace(/\s+/gu, '');
  if (rest !== lower && (length(remainder) < MIN_REMAINDER || isCommon(remainder))) {
    return 'context';
  }
  return null;
}

const MESSAGES: Readonly<Record<PasswordProblem, string>> = {
  'too-short': `Use at least ${String(MIN_PASSWORD_LENGTH)} characters.`,
  'too-long': `Use at most ${String(MAX_PASSWORD_LENGTH)} characters.`,
  common: 'This password is too common: it appears in lists of leaked passwords.',
  context: 'This password is too close to your email, your name or the word Steady.',
  repetitive: 'This password is a repeated or straight run of characters.',
};

/** The plain-words explanation of a problem (the web app shows its own, translated). */
export function passwordProblemMessage(problem: PasswordProblem): string {
  return MESSAGES[problem];
}

/**
 * Throws 400 STEADY_ERR_VALIDATION (at `path`, with the `reason`) unless `password` follows the
 * rules. `path` is where the password was in the request.
 */
export function assertNewPassword(
  password: string,
  context: PasswordContext,
  path = '/body/password',
): void {
  const problem = passwordProblem(password, context);
  if (problem !== null) {
    throw new AppError('STEADY_ERR_VALIDATION', [
      { path, message: MESSAGES[problem], reason: problem },
    ]);
  }
}
