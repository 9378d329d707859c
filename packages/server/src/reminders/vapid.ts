/**
 * The server's VAPID key pair (RFC 8292): push services accept a message only when it is signed
 * with the private key whose public half the browser subscribed with. One pair per installation,
 * generated on first start and stored in `vapid_keys` (row id 1), so every instance on the
 * database signs with the same key and subscriptions survive restarts. The private key never
 * leaves the server: no route returns it and nothing logs it.
 */
import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Db } from '../db/client.js';
import { vapidKeys } from '../db/schema.js';

export interface VapidKeys {
  /** Uncompressed P-256 public key, base64url (what browsers take as `applicationServerKey`). */
  readonly publicKey: string;
  /** Secret: never returned, never logged. */
  readonly privateKey: string;
}

async function readKeys(db: Db): Promise<VapidKeys | null> {
  const rows = await db
    .select({ publicKey: vapidKeys.publicKey, privateKey: vapidKeys.privateKey })
    .from(vapidKeys)
    .where(eq(vapidKeys.id, 1))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * The stored key pair, generated and stored first if there is none. Race-safe: two instances
 * starting together both insert with ON CONFLICT DO NOTHING, then both read the one row that won.
 */
export async function ensureVapidKeys(db: Db, now: Date): Promise<VapidKeys> {
  const existing = await readKeys(db);
  if (existing !== null) return existing;
  const fresh = webpush.generateVAPIDKeys();
  try {
    await db
      .insert(vapidKeys)
      .values({ id: 1, publicKey: fresh.publicKey, privateKey: fresh.privateKey, createdAt: now })
      .onConflictDoNothing({ target: vapidKeys.id });
  } catch {
    // The driver's error repeats the query's parameters, the private key among them: never log it.
    throw new Error('VAPID keys could not be stored');
  }
  const stored = await readKeys(db);
  if (stored === null) throw new Error('VAPID keys could not be stored');
  return stored;
}
