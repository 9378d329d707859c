/**
 * Second factors (docs/authentication.md, "Second factor"): passkeys (WebAuthn), an
 * authenticator app (TOTP, RFC 6238) and one-time recovery codes. Split from schema.ts to keep
 * files small.
 */
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from './columns.js';
import { sessions, users } from './schema.js';

const owner = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

/** A passkey (WebAuthn credential) of an account. */
export const webauthnCredentials = pgTable(
  'webauthn_credentials',
  {
    id: uuid('id').primaryKey(),
    userId: owner(),
    /** The authenticator's credential id, base64url. */
    credentialId: text('credential_id').notNull(),
    /** The COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    /** The signature counter last seen (0 for authenticators that do not count). */
    counter: bigint('counter', { mode: 'number' }).notNull(),
    transports: jsonb('transports').$type<string[]>().notNull(),
    /** The name the person gave it ("Work laptop"). */
    name: text('name').notNull(),
    createdAt: instant('created_at').notNull(),
    lastUsedAt: instant('last_used_at'),
  },
  (t) => [
    uniqueIndex('webauthn_credentials_credential_key').on(t.credentialId),
    index('webauthn_credentials_user_idx').on(t.userId),
  ],
);

/**
 * The authenticator-app secret of an account (one at most). Unconfirmed (`confirmed_at` null)
 * until the person types a first code; never sent to the browser again after enrolment.
 */
export const totpSecrets = pgTable('totp_secrets', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Base32 (RFC 4648), 160 bits. */
  secret: text('secret').notNull(),
  createdAt: instant('created_at').notNull(),
  confirmedAt: instant('confirmed_at'),
  /** The 30-second step of the last accepted code: a code is accepted once (RFC 6238 §5.2). */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
});

/** One-time recovery codes (SHA-256 of the normalised code; they are random, 50 bits). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey(),
    userId: owner(),
    codeHash: text('code_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    usedAt: instant('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Failed second-factor attempts: the throttle counts them per account, across instances. */
export const mfaFailures = pgTable(
  'mfa_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: owner(),
    at: instant('at').notNull(),
  },
  (t) => [index('mfa_failures_user_at_idx').on(t.userId, t.at)],
);

/** The WebAuthn challenge a session was last given (one at a time, short-lived). */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  tokenHash: text('token_hash')
    .primaryKey()
    .references(() => sessions.tokenHash, { onDelete: 'cascade' }),
  purpose: text('purpose', { enum: ['register', 'authenticate'] }).notNull(),
  challenge: text('challenge').notNull(),
  expiresAt: instant('expires_at').notNull(),
});
