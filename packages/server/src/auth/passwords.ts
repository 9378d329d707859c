import { hash, verify } from '@node-rs/argon2';
import { normalizePassword } from './passwordPolicy.js';

/** argon2id (the library default algorithm) with OWASP's recommended minimums. */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes the NFKC form, so the same password typed on another keyboard still matches. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), OPTIONS);
}

async function verifyExactly(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * Compares the NFKC form; a password whose NFKC form differs is also compared as typed, for
 * hashes made before passwords were normalised.
 */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  if (await verifyExactly(stored, normalized)) return true;
  return normalized !== password && verifyExactly(stored, password);
}

/**
 * A hash with the same parameters as real ones, of a random password nobody knows. A constant,
 * so the first unknown-email sign-in costs no extra hashing and no module state is needed.
 */
const TIMING_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$vesw+NME5RE/PFSwGSfzTA$qhA3HpsSMrqcRUqYgtyz+FS7dF4e/Y/Cb1efn62xrBM';

/**
 * Verify against a throwaway hash so that an unknown email costs as much time as a wrong
 * password: response timing must not reveal which emails have accounts.
 */
export async function burnVerification(password: string): Promise<void> {
  await verifyPassword(TIMING_HASH, password);
}
