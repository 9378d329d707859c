/**
 * The browser side of Web Push: turning notifications on for this browser (permission, push
 * subscription with the server's VAPID key, registration with the server), off again, and a
 * test. The service worker (src/sw.ts) shows what arrives.
 */
import { apiPath, type ApiClient } from '../shared/api/client';
import {
  base64UrlToBytes,
  bytesToBase64Url,
  deviceLabel,
  sameKey,
  supportOf,
  type PushSupport,
  type PushUnsupported,
} from './device';

export interface PushDevice {
  readonly id: string;
  readonly label: string;
  readonly createdAt: string;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
}

export interface PushOverview {
  /** The server's VAPID public key (base64url). */
  readonly publicKey: string;
  readonly devices: readonly PushDevice[];
}

export interface TestResult {
  readonly result: 'sent' | 'failed';
  readonly error: string | null;
}

/** Why turning notifications on did not work, for the person to read. */
export type EnableFailure =
  | PushUnsupported
  /** The permission prompt was closed without an answer. */
  | 'dismissed'
  /** The browser or its push service refused the subscription. */
  | 'subscribe-failed';

export class PushEnableError extends Error {
  constructor(readonly reason: EnableFailure) {
    super(reason);
    this.name = 'PushEnableError';
  }
}

const DEVICE_STORAGE_KEY = 'steady-push-device';
/** How long to wait for the service worker before saying it is not there (dev builds have none). */
const WORKER_WAIT_MS = 10_000;

/** Whether this browser can get notifications from Steady, and if not, why. */
export function pushSupport(): PushSupport {
  const hasWindow = typeof window !== 'undefined';
  return supportOf({
    secureContext: hasWindow && window.isSecureContext,
    serviceWorker: typeof navigator !== 'undefined' && 'serviceWorker' in navigator,
    pushManager: hasWindow && 'PushManager' in window,
    notification: hasWindow && 'Notification' in window,
    permission: hasWindow && 'Notification' in window ? Notification.permission : null,
  });
}

/** The device id this browser was registered under for this user, or null. */
export function thisDeviceId(userId: string): string | null {
  try {
    const saved = JSON.parse(localStorage.getItem(DEVICE_STORAGE_KEY) ?? 'null') as {
      userId?: unknown;
      deviceId?: unknown;
    } | null;
    return saved?.userId === userId && typeof saved.deviceId === 'string' ? saved.deviceId : null;
  } catch {
    return null;
  }
}

function rememberDevice(userId: string, deviceId: string | null): void {
  try {
    if (deviceId === null) localStorage.removeItem(DEVICE_STORAGE_KEY);
    else localStorage.setItem(DEVICE_STORAGE_KEY, JSON.stringify({ userId, deviceId }));
  } catch {
    // Storage refused (private mode): the list just won't mark this device.
  }
}

async function workerRegistration(): Promise<ServiceWorkerRegistration> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new PushEnableError('no-service-worker'));
    }, WORKER_WAIT_MS);
  });
  try {
    return await Promise.race([navigator.serviceWorker.ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** This browser's current push subscription, or null. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupport().ok) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/**
 * Turn notifications on for this browser: ask permission, subscribe with the server's key
 * (renewing a subscription made with an older key) and register it with the server. Resolves
 * with the device as stored; rejects with a PushEnableError (or the API's error).
 */
export async function enablePush(
  api: ApiClient,
  userId: string,
  label = deviceLabel(navigator.userAgent),
): Promise<PushDevice> {
  const support = pushSupport();
  if (!support.ok) throw new PushEnableError(support.reason);
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new PushEnableError('blocked');
  if (permission !== 'granted') throw new PushEnableError('dismissed');

  const registration = await workerRegistration();
  const { publicKey } = await api.get<PushOverview>('/api/me/push');
  let subscription = await registration.pushManager.getSubscription();
  if (subscription !== null && !sameKey(subscription.options.applicationServerKey, publicKey)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  try {
    subscription ??= await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(publicKey),
    });
  } catch {
    throw new PushEnableError('subscribe-failed');
  }
  const { device } = await api.post<{ device: PushDevice }>('/api/me/push/devices', {
    endpoint: subscription.endpoint,
    keys: {
      p256dh: bytesToBase64Url(subscription.getKey('p256dh')),
      auth: bytesToBase64Url(subscription.getKey('auth')),
    },
    label,
  });
  rememberDevice(userId, device.id);
  return device;
}

/**
 * Remove a device from the user's list; when it is this browser, also end its subscription, so
 * the push service stops delivering here.
 */
export async function disablePush(api: ApiClient, userId: string, deviceId: string): Promise<void> {
  await api.delete(apiPath`/api/me/push/devices/${deviceId}`);
  if (thisDeviceId(userId) !== deviceId) return;
  rememberDevice(userId, null);
  try {
    await (await currentSubscription())?.unsubscribe();
  } catch {
    // The server no longer sends here; a subscription the browser keeps gets nothing.
  }
}

/** Send a test notification to one device (it also appears in the notification centre). */
export function testPush(api: ApiClient, deviceId: string): Promise<TestResult> {
  return api.post<TestResult>(apiPath`/api/me/push/devices/${deviceId}/test`);
}
