/**
 * Passkeys (WebAuthn, with @simplewebauthn/server). The relying party is the host people use:
 * STEADY_PUBLIC_URL when set (its origin, and its host name as the RP ID), else the request's
 * own Host (fine for http://localhost, 127.0.0.1 and a direct HTTPS deployment; behind a proxy
 * that changes Host or scheme, set STEADY_PUBLIC_URL).
 */
import { randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { webauthnChallenges, webauthnCredentials } from '../../db/schema.js';
import type { ActiveSession, SessionUser } from '../sessions.js';

/** A challenge is good for 5 minutes (the browser's own time-out is shorter). */
const CHALLENGE_MS = 5 * 60_000;

export interface RelyingParty {
  readonly id: string;
  readonly origin: string;
}

export function relyingParty(
  config: Pick<Config, 'publicUrl'>,
  request: FastifyRequest,
): RelyingParty {
  if (config.publicUrl !== null) {
    return { id: new URL(config.publicUrl).hostname, origin: config.publicUrl };
  }
  return { id: request.hostname, origin: `${request.protocol}://${request.host}` };
}

async function saveChallenge(
  db: Db,
  session: ActiveSession,
  purpose: 'register' | 'authenticate',
  challenge: string,
  now: Date,
): Promise<void> {
  const row = {
    purpose,
    challenge,
    expiresAt: new Date(now.getTime() + CHALLENGE_MS),
  };
  await db
    .insert(webauthnChallenges)
    .values({ tokenHash: session.tokenHash, ...row })
    .onConflictDoUpdate({ target: webauthnChallenges.tokenHash, set: row });
}

/** The session's live challenge for `purpose`, used up (deleted) whether or not it then verifies. */
async function takeChallenge(
  db: Db,
  session: ActiveSession,
  purpose: 'register' | 'authenticate',
  now: Date,
): Promise<string | null> {
  const rows = await db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.tokenHash, session.tokenHash),
        eq(webauthnChallenges.purpose, purpose),
        gt(webauthnChallenges.expiresAt, now),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });
  return rows[0]?.challenge ?? null;
}

/** A user's passkeys as the browser is told about them (exclude on register, allow on sign-in). */
async function descriptorsOf(db: Db, userId: string) {
  const rows = await db
    .select({ id: webauthnCredentials.credentialId, transports: webauthnCredentials.transports })
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, userId));
  return rows.map((c) => ({ id: c.id, transports: c.transports }));
}

/** The library's verdict, or null when it throws on an answer that does not verify. */
async function verdict<T>(verify: () => Promise<T>): Promise<T | null> {
  try {
    return await verify();
  } catch {
    return null;
  }
}

export async function registrationOptions(
  db: Db,
  rp: RelyingParty,
  session: ActiveSession,
  now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user: SessionUser = session.user;
  const existing = await descriptorsOf(db, user.id);
  const options = await generateRegistrationOptions({
    rpName: 'Steady',
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing,
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
  });
  await saveChallenge(db, session, 'register', options.challenge, now);
  return options;
}

/** Verify a new passkey and store it; false when the browser's answer does not verify. */
export async function registerPasskey(
  db: Db,
  rp: RelyingParty,
  session: ActiveSession,
  response: RegistrationResponseJSON,
  name: string,
  now: Date,
): Promise<{ id: string } | null> {
  const challenge = await takeChallenge(db, session, 'register', now);
  if (challenge === null) return null;
  const verification = await verdict(() =>
    verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    }),
  );
  if (verification === null || !verification.verified) return null;
  const { credential } = verification.registrationInfo;
  const id = randomUUID();
  const inserted = await db
    .insert(webauthnCredentials)
    .values({
      id,
      userId: session.user.id,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: webauthnCredentials.id });
  return inserted.length === 1 ? { id } : null;
}

export async function authenticationOptions(
  db: Db,
  rp: RelyingParty,
  session: ActiveSession,
  now: Date,
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const existing = await descriptorsOf(db, session.user.id);
  if (existing.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: existing,
    userVerification: 'required',
  });
  await saveChallenge(db, session, 'authenticate', options.challenge, now);
  return options;
}

/**
 * Verify a passkey assertion against one of the session user's own passkeys (another
 * account's credential id finds nothing); updates its counter and last use.
 */
export async function verifyPasskey(
  db: Db,
  rp: RelyingParty,
  session: ActiveSession,
  response: AuthenticationResponseJSON,
  now: Date,
): Promise<boolean> {
  const challenge = await takeChallenge(db, session, 'authenticate', now);
  if (challenge === null) return false;
  const [stored] = await db
    .select()
    .from(webauthnCredentials)
    .where(
      and(
        eq(webauthnCredentials.userId, session.user.id),
        eq(webauthnCredentials.credentialId, response.id),
      ),
    );
  if (stored === undefined) return false;
  // A throw (null) includes a signature counter that went backwards (a cloned authenticator).
  const verification = await verdict(() =>
    verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: {
        id: stored.credentialId,
        publicKey: new Uint8Array(Buffer.from(stored.publicKey, 'base64url')),
        counter: stored.counter,
        transports: stored.transports,
      },
    }),
  );
  if (verification === null || !verification.verified) return false;
  await db
    .update(webauthnCredentials)
    .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: now })
    .where(eq(webauthnCredentials.id, stored.id));
  return true;
}
