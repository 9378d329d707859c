/**
 * Pure helpers of the browser side of Web Push (client.ts): whether this browser can get
 * notifications, a readable name for it, and the VAPID key in the form the browser wants.
 */

export type PushUnsupported =
  /** Not https (or localhost): browsers offer push only to secure pages. */
  | 'insecure'
  /** No service worker (old browser, private mode in some browsers). */
  | 'no-service-worker'
  /** No Push API (e.g. iPhone Safari outside an app added to the home screen). */
  | 'no-push'
  /** The person (or the browser's settings) blocked notifications for Steady. */
  | 'blocked';

export type PushSupport =
  | { readonly ok: true; readonly permission: 'granted' | 'default' }
  | { readonly ok: false; readonly reason: PushUnsupported };

export interface BrowserFacts {
  readonly secureContext: boolean;
  readonly serviceWorker: boolean;
  readonly pushManager: boolean;
  readonly notification: boolean;
  /** Notification.permission, or null without the Notification API. */
  readonly permission: NotificationPermission | null;
}

/** Whether this browser can turn on notifications, and if not, why (the first reason found). */
export function supportOf(facts: BrowserFacts): PushSupport {
  if (!facts.secureContext) return { ok: false, reason: 'insecure' };
  if (!facts.serviceWorker) return { ok: false, reason: 'no-service-worker' };
  if (!facts.pushManager || !facts.notification) return { ok: false, reason: 'no-push' };
  if (facts.permission === 'denied') return { ok: false, reason: 'blocked' };
  return { ok: true, permission: facts.permission === 'granted' ? 'granted' : 'default' };
}

const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/(\b|Headless)(Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];

const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\bAndroid\b/, 'Android'],
  [/\b(iPhone|iPod)\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'Mac'],
  [/\bLinux\b/, 'Linux'],
];

/** "Chrome on Android", "Safari on iPhone", … from a user-agent string; "This browser" when unknown. */
export function deviceLabel(userAgent: string): string {
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser !== undefined && system !== undefined) return `${browser} on ${system}`;
  return browser ?? system ?? 'This browser';
}

/** A base64url string (the VAPID public key) as bytes, for `applicationServerKey`. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes (a subscription's key) as base64url without padding, as the server stores them. */
export function bytesToBase64Url(bytes: ArrayBuffer | null): string {
  if (bytes === null) return '';
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Whether a browser subscription was made with the server's current key: a subscription made
 * with another key (the server's keys were replaced) gets no messages and must be renewed.
 */
export function sameKey(current: ArrayBuffer | null, publicKey: string): boolean {
  if (current === null) return true;
  return bytesToBase64Url(current) === publicKey.replace(/=+$/, '');
}

/**
 * A device's last delivery error in plain words: 'gone' when the push service says the
 * subscription no longer exists (404/410: notifications turned off there, browser data cleared),
 * else 'other'.
 */
export function lastErrorKind(error: string): 'gone' | 'other' {
  return /\b(404|410)\b|expired|unsubscribed|gone/i.test(error) ? 'gone' : 'other';
}
