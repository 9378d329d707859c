import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library default algorithm) with OWASP's recommended minimums. */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Verify against a throwaway hash so that an unknown email costs as much time as a wrong
 * password: response timing must not reveal which emails have accounts.
 */
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword('steady-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}
