/**
 * The caller's push devices (issue 7 item 2): the VAPID public key a browser subscribes with,
 * and the subscriptions themselves — one per browser, belonging to whoever is signed in on it.
 * Any signed-in person may have devices (patients get dose reminders, caregivers notices).
 * Endpoints and keys are secrets of the device: they are never returned and never audited.
 * See docs/push.md.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { notifications, pushSubscriptions } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { callerOf, type RoutePolicy } from '../http/policy.js';
import type { TypedApp } from '../http/types.js';
import { deliverNotification, endpointAllowed } from './push.js';
import { ensureVapidKeys } from './vapid.js';

const SIGNED_IN: RoutePolicy = { kind: 'signed-in' };

/** Test pushes per person per minute: each one makes the server call a push service. */
export const TEST_PUSH_LIMIT = 10;

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** A base64url string that decodes to `bytes` bytes (and passes `check`). */
const base64urlKey = (bytes: number, maxLength: number, check?: (raw: Buffer) => boolean) =>
  z
    .string()
    .min(1)
    .max(maxLength)
    .regex(BASE64URL, 'must be base64url')
    .refine(
      (value) => {
        const raw = Buffer.from(value, 'base64url');
        return raw.length === bytes && (check?.(raw) ?? true);
      },
      `must decode to ${String(bytes)} bytes`,
    );

const deviceBody = z
  .object({
    endpoint: z.string().min(1).max(2048),
    keys: z
      .object({
        /** The browser's uncompressed P-256 public key (0x04, x, y). */
        p256dh: base64urlKey(65, 100, (raw) => raw[0] === 0x04),
        /** The browser's 16-byte auth secret. */
        auth: base64urlKey(16, 30),
      })
      .strict(),
    label: z.string().trim().min(1).max(100),
  })
  .strict();

const deviceParams = z.object({ deviceId: z.uuid() });

const deviceView = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

const deviceColumns = {
  id: pushSubscriptions.id,
  label: pushSubscriptions.label,
  createdAt: pushSubscriptions.createdAt,
  lastSuccessAt: pushSubscriptions.lastSuccessAt,
  lastError: pushSubscriptions.lastError,
};

interface DeviceRow {
  readonly id: string;
  readonly label: string;
  readonly createdAt: Date;
  readonly lastSuccessAt: Date | null;
  readonly lastError: string | null;
}

const view = (d: DeviceRow): z.infer<typeof deviceView> => ({
  id: d.id,
  label: d.label,
  createdAt: d.createdAt.toISOString(),
  lastSuccessAt: d.lastSuccessAt?.toISOString() ?? null,
  lastError: d.lastError,
});

/** Audit entries name the patient only when the caller is one. */
const auditPatient = (user: SessionUser) => (user.role === 'patient' ? user.id : null);

/** Base64url without padding, the form browsers send and web-push reads. */
const canonical = (value: string) => Buffer.from(value, 'base64url').toString('base64url');

export function pushRoutes(app: TypedApp, ctx: AppContext): void {
  // Generate the key pair on first start rather than on the first subscription. A failure here
  // is not fatal: the first request that needs the keys tries again.
  app.addHook('onReady', async () => {
    try {
      await ensureVapidKeys(ctx.db, ctx.now());
    } catch {
      app.log.warn('could not prepare the push (VAPID) keys yet; will retry on first use');
    }
  });

  app.get(
    '/api/me/push',
    {
      config: { policy: SIGNED_IN },
      schema: {
        tags: ['push'],
        summary: "The server's VAPID public key and the caller's push devices",
        response: { 200: z.object({ publicKey: z.string(), devices: z.array(deviceView) }) },
      },
    },
    async (request) => {
      const user = callerOf(request);
      const { publicKey } = await ensureVapidKeys(ctx.db, ctx.now());
      const devices = await ctx.db
        .select(deviceColumns)
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, user.id))
        .orderBy(asc(pushSubscriptions.createdAt), asc(pushSubscriptions.id));
      return { publicKey, devices: devices.map(view) };
    },
  );

  app.post(
    '/api/me/push/devices',
    {
      config: { policy: SIGNED_IN },
      schema: {
        tags: ['push'],
        summary:
          'Add this browser as a push device (201), or update it (200): an endpoint is one device, whoever had it',
        body: deviceBody,
        response: { 200: z.object({ device: deviceView }), 201: z.object({ device: deviceView }) },
      },
    },
    async (request, reply) => {
      const user = callerOf(request);
      const { endpoint, keys, label } = request.body;
      if (!endpointAllowed(endpoint, ctx.config.pushHosts)) {
        throw new AppError('STEADY_ERR_PUSH_ENDPOINT');
      }
      const now = ctx.now();
      const id = randomUUID();
      const device = await ctx.db.transaction(async (tx) => {
        const [before] = await tx
          .select({ userId: pushSubscriptions.userId })
          .from(pushSubscriptions)
          .where(eq(pushSubscriptions.endpoint, endpoint))
          .limit(1);
        const [row] = await tx
          .insert(pushSubscriptions)
          .values({
            id,
            userId: user.id,
            endpoint,
            p256dh: canonical(keys.p256dh),
            auth: canonical(keys.auth),
            label,
            createdAt: now,
          })
          .onConflictDoUpdate({
            target: pushSubscriptions.endpoint,
            set: {
              userId: user.id,
              p256dh: canonical(keys.p256dh),
              auth: canonical(keys.auth),
              label,
              lastError: null,
              // Another person's delivery history is not the caller's.
              lastSuccessAt: sql`case when ${pushSubscriptions.userId} = ${user.id} then ${pushSubscriptions.lastSuccessAt} else null end`,
            },
          })
          .returning(deviceColumns);
        if (row === undefined) throw new Error('push device not stored');
        const created = row.id === id;
        // The browser was someone else's device (they signed out, the caller signed in on it).
        const previousOwnerId = !created && before?.userId !== user.id ? before?.userId : undefined;
        await audit(
          tx,
          {
            actorId: user.id,
            patientId: auditPatient(user),
            action:
              created || previousOwnerId !== undefined ? 'push.device.add' : 'push.device.update',
            entityId: row.id,
            details: {
              deviceId: row.id,
              ...(previousOwnerId === undefined ? {} : { previousOwnerId }),
            },
          },
          now,
        );
        return row;
      });
      return reply.status(device.id === id ? 201 : 200).send({ device: view(device) });
    },
  );

  app.delete(
    '/api/me/push/devices/:deviceId',
    {
      config: { policy: SIGNED_IN },
      schema: {
        tags: ['push'],
        summary: "Remove one of the caller's push devices (another person's: 404)",
        params: deviceParams,
      },
    },
    async (request, reply) => {
      const user = callerOf(request);
      const { deviceId } = request.params;
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const removed = await tx
          .delete(pushSubscriptions)
          .where(and(eq(pushSubscriptions.id, deviceId), eq(pushSubscriptions.userId, user.id)))
          .returning({ id: pushSubscriptions.id });
        if (removed.length === 0) throw new AppError('STEADY_ERR_NOT_FOUND');
        await audit(
          tx,
          {
            actorId: user.id,
            patientId: auditPatient(user),
            action: 'push.device.remove',
            entityId: deviceId,
            details: { deviceId },
          },
          now,
        );
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/push/devices/:deviceId/test',
    {
      config: {
        policy: SIGNED_IN,
        rateLimit: {
          max: TEST_PUSH_LIMIT,
          timeWindow: '1 minute',
          // Per person (the guard has already found the session), whatever their address.
          keyGenerator: (request: FastifyRequest) =>
            request.auth === null ? `ip:${request.ip}` : `user:${request.auth.user.id}`,
        },
      },
      schema: {
        tags: ['push'],
        summary:
          'Send a test notification to one of the caller’s devices (stored in the notification centre too)',
        params: deviceParams,
        response: {
          200: z.object({ result: z.enum(['sent', 'failed']), error: z.string().nullable() }),
        },
      },
    },
    async (request) => {
      const user = callerOf(request);
      const { deviceId } = request.params;
      const now = ctx.now();
      const notificationId = randomUUID();
      await ctx.db.transaction(async (tx) => {
        const [device] = await tx
          .select({ id: pushSubscriptions.id })
          .from(pushSubscriptions)
          .where(and(eq(pushSubscriptions.id, deviceId), eq(pushSubscriptions.userId, user.id)))
          .limit(1);
        if (device === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
        await tx.insert(notifications).values({
          id: notificationId,
          recipientId: user.id,
          // A test is about nobody else: it names the caller.
          patientId: user.id,
          kind: 'test',
          dedupeKey: `test:${notificationId}`,
          slotKey: null,
          data: {},
          dueAt: now,
          createdAt: now,
          silent: false,
          pushStatus: 'pending',
        });
        await audit(
          tx,
          {
            actorId: user.id,
            patientId: auditPatient(user),
            action: 'push.device.test',
            entityId: deviceId,
            details: { deviceId, notificationId },
          },
          now,
        );
      });
      const delivery = await deliverNotification(ctx, notificationId, [deviceId]);
      const outcome = delivery.devices[0];
      return outcome?.result === 'sent'
        ? { result: 'sent' as const, error: null }
        : { result: 'failed' as const, error: outcome?.error ?? 'The device was not found.' };
    },
  );
}
