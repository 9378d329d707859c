/**
 * What the service worker (src/sw.ts) does with a Web Push message and with a tap on its
 * notification, as pure functions: the worker only shows, fetches and stores. The payload is the
 * one the server's reminders/push.ts encrypts (docs: issue 7 contract); anything else is ignored.
 */

import type { NotificationKind as PushKind, PushAction, PushPayload } from '@steady/core';

export type { NotificationKind as PushKind, PushAction, PushPayload } from '@steady/core';

/** Where a tap goes when the payload names no usable path. */
export const DEFAULT_URL = '/notifications';

const KINDS: readonly PushKind[] = ['dose', 'again', 'caregiver', 'test'];
const SLOT_KEY = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;
const MAX_TEXT = 500;

function text(value: unknown, max = MAX_TEXT): string | null {
  return typeof value === 'string' && value.length <= max ? value : null;
}

/** A path on this origin ("/notifications"), never another site ("//x", "https:…", "/\\x"). */
export function safePath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return DEFAULT_URL;
  if (value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_URL;
  return value;
}

function actionsOf(value: unknown): PushAction[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a: unknown) => {
    if (typeof a !== 'object' || a === null) return [];
    const { action, title } = a as { action?: unknown; title?: unknown };
    const label = text(title, 100);
    return action === 'taken' && label !== null && label !== '' ? [{ action, title: label }] : [];
  });
}

/**
 * The push message's payload, or null when it is not one of ours (malformed JSON, another
 * version, missing fields). Accepts the message text or an already parsed value; never throws.
 */
export function parsePushPayload(data: unknown): PushPayload | null {
  let value: unknown = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Record<string, unknown>;
  if (p['v'] !== 1) return null;
  const kind = KINDS.find((k) => k === p['kind']);
  const notificationId = text(p['notificationId'], 100);
  const title = text(p['title']);
  const body = text(p['body']) ?? '';
  const tag = text(p['tag'], 200);
  const patientId = text(p['patientId'], 100);
  const rawSlot = p['slotKey'] ?? null;
  const slotKey = typeof rawSlot === 'string' && SLOT_KEY.test(rawSlot) ? rawSlot : null;
  if (rawSlot !== null && slotKey === null) return null;
  if (kind === undefined || notificationId === null || notificationId === '') return null;
  if (title === null || title === '' || tag === null || tag === '' || patientId === null) {
    return null;
  }
  // "Taken" is only offered for the patient's own dose reminders, which name their slot.
  const withTaken = (kind === 'dose' || kind === 'again') && slotKey !== null;
  return {
    v: 1,
    notificationId,
    kind,
    title,
    body,
    tag,
    url: safePath(p['url']),
    patientId,
    slotKey,
    actions: withTaken ? actionsOf(p['actions']) : [],
  };
}

/** The app's icon (from the web app manifest), for the notification and its status-bar badge. */
export const NOTIFICATION_ICON = '/icons/icon-192.png';

export interface ShownNotification {
  readonly title: string;
  readonly options: {
    readonly body: string;
    readonly tag: string;
    readonly data: PushPayload | ConfirmationData;
    readonly actions: readonly PushAction[];
    readonly icon: string;
    readonly badge: string;
    /** A repeat reminder buzzes again though it replaces the first one (same tag). */
    readonly renotify: boolean;
    readonly silent: boolean;
  };
}

/** The arguments of `registration.showNotification` for a payload. */
export function notificationOptions(payload: PushPayload): ShownNotification {
  return {
    title: payload.title,
    options: {
      body: payload.body,
      tag: payload.tag,
      data: payload,
      actions: payload.actions,
      icon: NOTIFICATION_ICON,
      badge: NOTIFICATION_ICON,
      renotify: payload.kind === 'again',
      silent: false,
    },
  };
}

/** The idempotency key of "Taken" from a reminder: the same from the notification and the centre. */
export function takenKey(slotKey: string): string {
  return `reminder-taken:${slotKey}`;
}

export interface TakenRequest {
  readonly path: string;
  readonly body: {
    readonly idempotencyKey: string;
    readonly kind: 'taken';
    readonly slotKey: string;
  };
}

/** The POST that logs the reminder's dose as taken, or null when it offers no "Taken". */
export function takenRequest(payload: PushPayload): TakenRequest | null {
  if (payload.slotKey === null || payload.actions.length === 0) return null;
  return {
    path: `/api/patients/${encodeURIComponent(payload.patientId)}/doses`,
    body: { idempotencyKey: takenKey(payload.slotKey), kind: 'taken', slotKey: payload.slotKey },
  };
}

export type TakenOutcome =
  /** Stored now (201), or a replay of the same key (200). */
  | 'logged'
  /** The slot already has a dose logged (409 STEADY_ERR_ALREADY_LOGGED): nothing to do. */
  | 'already'
  /** No answer: kept in the offline queue, sent when the connection returns. */
  | 'offline'
  /** The server is busy or failing (5xx, 408, 429): kept in the offline queue too. */
  | 'later'
  /** No session on this browser (401, stale CSRF token): the app must be opened to sign in. */
  | 'signed-out'
  /** Any other refusal: the app is opened so the patient sees why. */
  | 'failed';

/** What an answer (status 0: no answer at all) to the "Taken" POST comes to. */
export function takenOutcome(status: number, code = ''): TakenOutcome {
  if (status === 0) return 'offline';
  if (status >= 200 && status < 300) return 'logged';
  if (status === 409 && code === 'STEADY_ERR_ALREADY_LOGGED') return 'already';
  if (status === 401 || (status === 403 && code === 'STEADY_ERR_CSRF')) return 'signed-out';
  if (status >= 500 || status === 408 || status === 429) return 'later';
  return 'failed';
}

/** Whether the request goes to the offline queue after this outcome. */
export function queues(outcome: TakenOutcome): boolean {
  return outcome === 'offline' || outcome === 'later';
}

/** Data of the short notification that answers a "Taken" tap. */
export interface ConfirmationData {
  readonly v: 1;
  readonly kind: 'confirmation';
  readonly url: string;
}

/** The worker's texts (i18n/en-push.json, `push.worker`). */
export interface WorkerTexts {
  readonly logged: string;
  readonly loggedBody: string;
  readonly already: string;
  readonly alreadyBody: string;
  readonly queued: string;
  readonly offlineBody: string;
  readonly laterBody: string;
}

function fill(template: string, time: string): string {
  return template.replaceAll('{{time}}', time);
}

/**
 * The short notification that replaces the reminder (same tag) after "Taken", or null when the
 * app is opened instead (signed out, refused). Quiet: the patient has just tapped it.
 */
export function confirmation(
  payload: PushPayload,
  outcome: TakenOutcome,
  texts: WorkerTexts,
): ShownNotification | null {
  const time = payload.slotKey?.slice(11) ?? '';
  const chosen: readonly [string, string] | null =
    outcome === 'logged'
      ? [texts.logged, texts.loggedBody]
      : outcome === 'already'
        ? [texts.already, texts.alreadyBody]
        : outcome === 'offline'
          ? [texts.queued, texts.offlineBody]
          : outcome === 'later'
            ? [texts.queued, texts.laterBody]
            : null;
  if (chosen === null) return null;
  return {
    title: chosen[0],
    options: {
      body: fill(chosen[1], time),
      tag: payload.tag,
      data: { v: 1, kind: 'confirmation', url: payload.url },
      actions: [],
      icon: NOTIFICATION_ICON,
      badge: NOTIFICATION_ICON,
      renotify: false,
      silent: true,
    },
  };
}

/** The path a plain tap on one of our notifications opens (the payload's, or the default). */
export function tapUrl(data: unknown): string {
  if (typeof data !== 'object' || data === null) return DEFAULT_URL;
  return safePath((data as { url?: unknown }).url);
}

/**
 * Which open window of the app a tap focuses: one already showing the path, else any window of
 * the app (it is then navigated there), else none (a new one is opened). Index into `windows`.
 */
export function windowToFocus(
  windows: readonly { readonly url: string }[],
  origin: string,
  path: string,
): { readonly index: number; readonly navigate: boolean } | null {
  const urls = windows.map((w) => {
    try {
      return new URL(w.url);
    } catch {
      return null;
    }
  });
  const same = urls.findIndex(
    (u) => u !== null && u.origin === origin && u.pathname + u.search === path,
  );
  if (same !== -1) return { index: same, navigate: false };
  const any = urls.findIndex((u) => u !== null && u.origin === origin);
  return any === -1 ? null : { index: any, navigate: true };
}
