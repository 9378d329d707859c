/**
 * Web Push delivery (RFC 8030, 8291, 8292): one stored notification, encrypted for each of its
 * recipient's devices and posted to each device's push service. `web-push` builds the request
 * (the VAPID JWT and the aes128gcm body); the request itself is sent here with `fetch`, so that
 * the endpoint is checked against the allow-list right before sending, redirects are refused,
 * and a slow push service cannot hold a worker for long. See docs/push.md.
 */
import { and, eq, inArray } from 'drizzle-orm';
import webpush from 'web-push';
import type { AppContext } from '../context.js';
import { notifications, pushSubscriptions } from '../db/schema.js';
import { pushPayload, type NotificationKind, type PushPayload } from './pushText.js';
import { ensureVapidKeys, type VapidKeys } from './vapid.js';

export interface PushOutcome {
  /** Devices the push service accepted it for. */
  readonly sent: number;
  readonly failed: number;
}

/** What happened on one device. `error` is short, safe to show, and never holds the payload. */
export interface DeviceResult {
  readonly deviceId: string;
  readonly result: 'sent' | 'failed' | 'gone';
  readonly error: string | null;
}

export interface Delivery extends PushOutcome {
  readonly devices: readonly DeviceResult[];
}

/** How long to wait for a push service. */
export const PUSH_TIMEOUT_MS = 10_000;

/** How long a push service keeps a message for an offline device (seconds). */
const TTL_SECONDS: Readonly<Record<NotificationKind, number>> = {
  dose: 60 * 60,
  again: 60 * 60,
  caregiver: 60 * 60,
  test: 10 * 60,
};

export const PUSH_ERRORS = {
  notAllowed: 'This push service is not allowed on this server.',
  badKeys: 'The device keys could not be used.',
  timeout: 'The push service did not answer in time.',
  unreachable: 'The push service could not be reached.',
  gone: 'This device is no longer subscribed. It was removed.',
  status: (status: number) => `The push service answered ${String(status)}.`,
} as const;

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Whether the server may post to this endpoint: https on a listed host (`*.example.org` lists
 * every subdomain of example.org), or plain http on a listed loopback address (a local test
 * push service). Anything else — other hosts, internal addresses, credentials in the URL,
 * other schemes — is refused: the server would otherwise post wherever a user told it to
 * (server-side request forgery).
 */
export function endpointAllowed(endpoint: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  const hostname = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const host = url.host.toLowerCase();
  if (hostname === '') return false;
  const listed = hosts.some((entry) =>
    entry.startsWith('*.')
      ? hostname.endsWith(entry.slice(1)) && hostname.length > entry.length - 1
      : entry === hostname || entry === host,
  );
  if (!listed) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (LOOPBACK_V4.test(hostname) || hostname === '::1');
}

interface Device {
  readonly id: string;
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

type Sent = { readonly ok: true } | { readonly ok: false; readonly gone: boolean; error: string };

/** Encrypt and post one message to one device. Never throws. */
async function postToDevice(
  ctx: AppContext,
  keys: VapidKeys,
  device: Device,
  payload: PushPayload,
): Promise<Sent> {
  if (!endpointAllowed(device.endpoint, ctx.config.pushHosts)) {
    return { ok: false, gone: false, error: PUSH_ERRORS.notAllowed };
  }
  let request: webpush.RequestDetails;
  try {
    request = webpush.generateRequestDetails(
      { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: {
          subject: ctx.config.vapidSubject,
          publicKey: keys.publicKey,
          privateKey: keys.privateKey,
        },
        TTL: TTL_SECONDS[payload.kind],
        urgency: 'high',
        contentEncoding: 'aes128gcm',
      },
    );
  } catch {
    return { ok: false, gone: false, error: PUSH_ERRORS.badKeys };
  }
  // fetch sets Content-Length from the body itself. (TTL comes as a number, whatever the types say.)
  const headers = Object.fromEntries(
    Object.entries(request.headers as Record<string, string | number>)
      .filter(([name]) => name.toLowerCase() !== 'content-length')
      .map(([name, value]) => [name, String(value)]),
  );
  try {
    const res = await fetch(device.endpoint, {
      method: 'POST',
      headers,
      body: request.body === null ? null : new Uint8Array(request.body),
      // A redirect could lead anywhere: the allow-list applies to the one URL checked above.
      redirect: 'error',
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    await res.body?.cancel();
    if (res.ok) return { ok: true };
    const gone = res.status === 404 || res.status === 410;
    return { ok: false, gone, error: gone ? PUSH_ERRORS.gone : PUSH_ERRORS.status(res.status) };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      ok: false,
      gone: false,
      error: timedOut ? PUSH_ERRORS.timeout : PUSH_ERRORS.unreachable,
    };
  }
}

/** Send to one device and record the outcome on it (a device the browser dropped is deleted). */
async function deliverToDevice(
  ctx: AppContext,
  keys: VapidKeys,
  device: Device,
  payload: PushPayload,
): Promise<DeviceResult> {
  const sent = await postToDevice(ctx, keys, device, payload);
  const where = eq(pushSubscriptions.id, device.id);
  if (sent.ok) {
    await ctx.db
      .update(pushSubscriptions)
      .set({ lastSuccessAt: ctx.now(), lastError: null })
      .where(where);
    return { deviceId: device.id, result: 'sent', error: null };
  }
  if (sent.gone) {
    // Only this subscription: the same row may have been re-registered with a new endpoint.
    await ctx.db
      .delete(pushSubscriptions)
      .where(and(where, eq(pushSubscriptions.endpoint, device.endpoint)));
    return { deviceId: device.id, result: 'gone', error: sent.error };
  }
  await ctx.db.update(pushSubscriptions).set({ lastError: sent.error }).where(where);
  return { deviceId: device.id, result: 'failed', error: sent.error };
}

/**
 * Push one stored notification to its recipient's devices (all, or only `deviceIds`), and set
 * its `push_status`: 'sent' when at least one device accepted it, 'failed' when all failed,
 * 'none' when the recipient has no device. Only a notification still 'pending' is sent, so a
 * job handed out twice does not buzz twice. Device failures are recorded, never thrown.
 */
export async function deliverNotification(
  ctx: AppContext,
  notificationId: string,
  deviceIds: readonly string[] | null = null,
): Promise<Delivery> {
  const [row] = await ctx.db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      recipientId: notifications.recipientId,
      patientId: notifications.patientId,
      slotKey: notifications.slotKey,
      data: notifications.data,
      pushStatus: notifications.pushStatus,
    })
    .from(notifications)
    .where(eq(notifications.id, notificationId))
    .limit(1);
  if (row?.pushStatus !== 'pending') return { sent: 0, failed: 0, devices: [] };
  const mine = eq(pushSubscriptions.userId, row.recipientId);
  const devices =
    deviceIds?.length === 0
      ? []
      : await ctx.db
          .select({
            id: pushSubscriptions.id,
            endpoint: pushSubscriptions.endpoint,
            p256dh: pushSubscriptions.p256dh,
            auth: pushSubscriptions.auth,
          })
          .from(pushSubscriptions)
          .where(
            deviceIds === null ? mine : and(mine, inArray(pushSubscriptions.id, [...deviceIds])),
          );
  let results: DeviceResult[] = [];
  if (devices.length > 0) {
    const keys = await ensureVapidKeys(ctx.db, ctx.now());
    const payload = pushPayload({ ...row, kind: row.kind as NotificationKind });
    results = await Promise.all(devices.map((d) => deliverToDevice(ctx, keys, d, payload)));
  }
  const sent = results.filter((r) => r.result === 'sent').length;
  const failed = results.length - sent;
  const status = results.length === 0 ? 'none' : sent > 0 ? 'sent' : 'failed';
  await ctx.db
    .update(notifications)
    .set({ pushStatus: status })
    .where(eq(notifications.id, notificationId));
  return { sent, failed, devices: results };
}

/**
 * Send one stored notification to every push device of its recipient, and record the outcome
 * on the notification (`push_status`). Never throws for a device's failure.
 */
export async function pushNotification(
  ctx: AppContext,
  notificationId: string,
): Promise<PushOutcome> {
  const { sent, failed } = await deliverNotification(ctx, notificationId);
  return { sent, failed };
}
