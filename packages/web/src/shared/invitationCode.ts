/**
 * Invitation codes are read out or typed from paper: ignore spaces and case (the server also
 * accepts them without dashes).
 *
 * @example normaliseCode(' k7qm 2xpd-9r ') // "K7QM2XPD-9R"
 */
export function normaliseCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}
