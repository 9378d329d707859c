/**
 * Invitation codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * shown as `K7QM-2XPD-9R`; typed with or without dashes, in any case. Only a hash is stored.
 */
import { randomInt } from 'node:crypto';
import { sha256 } from '../auth/sessions.js';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 10;

/** A fresh code, formatted for people (`XXXX-XXXX-XX`). */
export function newInvitationCode(): string {
  let raw = '';
  for (let i = 0; i < LENGTH; i += 1) raw += ALPHABET[randomInt(ALPHABET.length)] ?? '';
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** The canonical form of a typed code, or null when it cannot be one of ours. */
export function normalizeInvitationCode(typed: string): string | null {
  const raw = typed.replace(/[\s-]/g, '').toUpperCase();
  if (raw.length !== LENGTH) return null;
  for (const ch of raw) if (!ALPHABET.includes(ch)) return null;
  return raw;
}

/** What the database stores for a code. */
export function invitationCodeHash(canonical: string): string {
  return sha256(`invitation:${canonical}`);
}
