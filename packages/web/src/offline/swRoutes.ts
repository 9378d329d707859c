/**
 * How the service worker (src/sw.ts) answers each request. Pure, so it is unit-tested; the
 * worker only does the fetching and caching.
 */

/** Header the worker adds to the copies of API answers it keeps: when the copy was saved. */
export const SAVED_AT_HEADER = 'x-steady-saved-at';

/** Cache of the API answers that work offline (the session and Today). */
export const API_CACHE = 'steady-api';
/** Prefix of the app-shell cache; the suffix is a hash of the precache manifest. */
export const SHELL_CACHE_PREFIX = 'steady-shell-';

export type SwStrategy =
  /** Network first; a saved copy when the network fails. */
  | 'api-network-first'
  /** A page load: network first, the cached app shell (index.html) offline. */
  | 'page'
  /** A built asset from the precache manifest: from the cache. */
  | 'precached'
  /** Signing out: the saved API copies are deleted, the request goes to the network. */
  | 'sign-out'
  /** Everything else goes to the network untouched. */
  | 'network';

const OFFLINE_API = [/^\/api\/session$/, /^\/api\/patients\/[^/]+\/today$/];
const SERVER_PATHS = ['/api/', '/fhir/', '/healthz', '/readyz'];

export interface RequestFacts {
  readonly method: string;
  readonly url: URL;
  readonly mode: string;
  /** The worker's own origin. */
  readonly origin: string;
}

/** Signing out here, or everywhere (every session of the account ends). */
const SIGN_OUT_PATHS = ['/api/auth/logout', '/api/me/sessions/revoke-all'];

export function strategyFor(req: RequestFacts, precached: ReadonlySet<string>): SwStrategy {
  if (req.url.origin !== req.origin) return 'network';
  const path = req.url.pathname;
  if (req.method === 'POST' && SIGN_OUT_PATHS.includes(path)) return 'sign-out';
  if (req.method !== 'GET') return 'network';
  if (OFFLINE_API.some((re) => re.test(path)) && req.url.search === '') {
    return 'api-network-first';
  }
  if (SERVER_PATHS.some((p) => path.startsWith(p))) return 'network';
  if (req.mode === 'navigate') return 'page';
  return precached.has(path) ? 'precached' : 'network';
}

export interface ManifestEntry {
  readonly url: string;
  readonly revision: string | null;
}

/** Absolute paths of the precache manifest's entries ("index.html" → "/index.html"). */
export function precachePaths(entries: readonly ManifestEntry[]): Set<string> {
  return new Set(entries.map((e) => (e.url.startsWith('/') ? e.url : `/${e.url}`)));
}

/** Name of the shell cache for a manifest: a new build gets a new cache, the old one is deleted. */
export function shellCacheName(entries: readonly ManifestEntry[]): string {
  // FNV-1a over the entries: stable, short, and changes whenever a file or revision does.
  let hash = 0x811c9dc5;
  for (const ch of entries.map((e) => `${e.url}@${e.revision ?? ''}`).join('|')) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${SHELL_CACHE_PREFIX}${hash.toString(16).padStart(8, '0')}`;
}
