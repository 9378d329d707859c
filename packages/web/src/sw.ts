/**
 * Steady's service worker, built by vite-plugin-pwa (injectManifest) into /sw.js. It keeps the
 * built app (the precache manifest below) so the app opens offline, and keeps the last answers of
 * GET /api/session and GET /api/patients/:id/today (network first) so Today shows what was saved,
 * stamped with the time it was saved (SAVED_AT_HEADER). Which request gets what is decided in
 * offline/swRoutes.ts. Signing out or an ended session deletes the saved answers.
 */
import {
  API_CACHE,
  SAVED_AT_HEADER,
  SHELL_CACHE_PREFIX,
  precachePaths,
  shellCacheName,
  strategyFor,
  type ManifestEntry,
} from './offline/swRoutes';

// The worker's own types (the app's tsconfig has the DOM library, not WebWorker).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

declare const self: WorkerScope & { readonly __WB_MANIFEST: (string | ManifestEntry)[] };

// workbox-build replaces `self.__WB_MANIFEST` with the list of built files at build time.
const manifest: ManifestEntry[] = self.__WB_MANIFEST.map((e) =>
  typeof e === 'string' ? { url: e, revision: null } : e,
);
const shellCache = shellCacheName(manifest);
const precached = precachePaths(manifest);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(shellCache);
      await cache.addAll([...precached].map((path) => new Request(path, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((n) => n.startsWith(SHELL_CACHE_PREFIX) && n !== shellCache)
          .map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

/** A copy of an answer stamped with the time it was saved. */
async function stamped(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT_HEADER, new Date().toISOString());
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

async function apiNetworkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, await stamped(response.clone()));
    // The session ended: nothing saved for it may be shown any more.
    else if (response.status === 401) await caches.delete(API_CACHE);
    return response;
  } catch (error) {
    const saved = await cache.match(request, { ignoreVary: true });
    if (saved !== undefined) return saved;
    throw error;
  }
}

async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match('/index.html', { cacheName: shellCache });
    if (shell !== undefined) return shell;
    throw error;
  }
}

async function fromShell(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: shellCache });
  return cached ?? fetch(request);
}

async function signOut(request: Request): Promise<Response> {
  await caches.delete(API_CACHE);
  return fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const strategy = strategyFor(
    {
      method: request.method,
      url: new URL(request.url),
      mode: request.mode,
      origin: self.location.origin,
    },
    precached,
  );
  switch (strategy) {
    case 'api-network-first':
      event.respondWith(apiNetworkFirst(request));
      break;
    case 'page':
      event.respondWith(page(request));
      break;
    case 'precached':
      event.respondWith(fromShell(request));
      break;
    case 'sign-out':
      event.respondWith(signOut(request));
      break;
    case 'network':
      break;
  }
});
