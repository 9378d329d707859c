/**
 * Steady's service worker, built by vite-plugin-pwa (injectManifest) into /sw.js. It keeps the
 * built app (the precache manifest below) so the app opens offline, and keeps the last answers of
 * GET /api/session and GET /api/patients/:id/today (network first) so Today shows what was saved,
 * stamped with the time it was saved (SAVED_AT_HEADER). Which request gets what is decided in
 * offline/swRoutes.ts. Signing out or an ended session deletes the saved answers.
 *
 * It also shows Web Push reminders and answers a tap on them: "Taken" logs the dose (or keeps
 * it in the offline queue when the server cannot be reached), a plain tap opens the app. What
 * to show and send is decided in push/payload.ts.
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
import enPush from './i18n/en-push.json';
import { idbStore } from './offline/idbStore';
import { enqueue, withTakenAt } from './offline/queue';
import { postJson } from './shared/api/client';
import {
  confirmation,
  notificationOptions,
  parsePushPayload,
  queues,
  takenOutcome,
  takenRequest,
  tapUrl,
  windowToFocus,
  type PushPayload,
  type ShownNotification,
  type TakenOutcome,
  type TakenRequest,
} from './push/payload';

// The worker's own types (the app's tsconfig has the DOM library, not WebWorker).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface PushEvent extends ExtendableEvent {
  readonly data: { text(): string } | null;
}
interface NotificationEvent extends ExtendableEvent {
  readonly notification: Notification;
  /** The action button tapped ('taken'), or '' for the notification itself. */
  readonly action: string;
}
interface WindowClient {
  readonly url: string;
  focus(): Promise<WindowClient>;
  navigate(url: string): Promise<WindowClient | null>;
}
interface WorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
  };
  readonly registration: {
    showNotification(title: string, options: ShownNotification['options']): Promise<void>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
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

// ---- Web Push reminders ----

self.addEventListener('push', (event) => {
  let payload: PushPayload | null;
  try {
    payload = parsePushPayload(event.data?.text() ?? null);
  } catch {
    // Reading the message failed (not text): not one of ours.
    payload = null;
  }
  // Not one of ours (or unreadable): nothing to show.
  if (payload === null) return;
  const { title, options } = notificationOptions(payload);
  event.waitUntil(self.registration.showNotification(title, options).catch(() => undefined));
});

/** Open the app at `path`: focus a window already there, else move one there, else open one. */
async function openApp(path: string): Promise<void> {
  const url = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const target = windowToFocus(windows, self.location.origin, path);
  const client = target === null ? undefined : windows[target.index];
  if (target === null || client === undefined) {
    await self.clients.openWindow(url);
    return;
  }
  await client.focus();
  // Only a window this worker controls can be navigated; otherwise open the page anew.
  if (target.navigate && (await client.navigate(url).catch(() => null)) === null) {
    await self.clients.openWindow(url);
  }
}

async function errorCode(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * POST the dose as the app does: the session cookie, and the CSRF token the app gets from GET
 * /api/session (the worker cannot read the app's memory, so it asks the same way).
 */
async function sendTaken(request: TakenRequest): Promise<TakenOutcome> {
  let response: Response;
  try {
    const session = await fetch('/api/session', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (!session.ok) return takenOutcome(session.status, await errorCode(session));
    const { csrfToken } = (await session.json()) as { csrfToken?: unknown };
    if (typeof csrfToken !== 'string') return 'failed';
    response = await postJson(request.path, csrfToken, request.body);
  } catch {
    return takenOutcome(0);
  }
  return takenOutcome(response.status, response.ok ? '' : await errorCode(response));
}

/**
 * Keep the dose in the app's offline queue, with the same idempotency key, stamped with the
 * time of the tap; the app sends it when it next runs online. "Taken" is only offered on the
 * patient's own reminders, so the patient is the user it belongs to.
 */
async function queueTaken(payload: PushPayload, request: TakenRequest): Promise<void> {
  const store = idbStore();
  const now = new Date().toISOString();
  const { item } = enqueue(await store.all(), {
    userId: payload.patientId,
    kind: 'dose',
    path: request.path,
    body: withTakenAt(request.body, now),
    now,
  });
  await store.put(item);
}

async function logTaken(payload: PushPayload, request: TakenRequest): Promise<void> {
  let outcome = await sendTaken(request);
  if (queues(outcome)) {
    try {
      await queueTaken(payload, request);
    } catch {
      outcome = 'failed';
    }
  }
  const shown = confirmation(payload, outcome, enPush.push.worker);
  // Signed out or refused: the app shows why, and the reminder can be answered there.
  if (shown === null) await openApp(payload.url);
  else await self.registration.showNotification(shown.title, shown.options);
}

self.addEventListener('notificationclick', (event) => {
  const { notification, action } = event;
  notification.close();
  const payload = parsePushPayload(notification.data);
  const request = action === 'taken' && payload !== null ? takenRequest(payload) : null;
  if (payload !== null && request !== null) {
    event.waitUntil(logTaken(payload, request).catch(() => undefined));
    return;
  }
  event.waitUntil(openApp(tapUrl(notification.data)).catch(() => undefined));
});
