/** Route-suite fixtures of the second-factor routes (see http/features.test-helpers.ts). */
import type { FeatureSeeder } from '../../http/features.test-helpers.js';
import type { RouteIds } from '../../http/routes.test-helpers.js';

/** Second factors are the caller's own: nothing about the seeded patient to add. */
export const seed: FeatureSeeder = () => Promise.resolve({ ids: {}, secrets: [] });

const credential = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
  clientExtensionResults: {},
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  'POST /api/auth/mfa/passkey': () => ({ response: credential }),
  'POST /api/auth/mfa/totp': () => ({ code: '123456' }),
  'POST /api/auth/mfa/recovery': () => ({ code: 'ABCDE-FGHJK' }),
  'POST /api/auth/mfa/passkeys': () => ({ response: credential, name: 'Sample key' }),
  'POST /api/auth/mfa/totp/confirm': () => ({ code: '123456' }),
};

export const queries: Readonly<Record<string, string>> = {};
