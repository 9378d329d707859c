/**
 * Web Push end to end: the routes, the VAPID keys, and delivery to a local receiver that checks
 * the VAPID signature and decrypts the aes128gcm body with its own code (pushReceiver), so what
 * a browser would show is what is asserted.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { auditLog, notifications, pushSubscriptions, vapidKeys } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { caregiverOf, contextOf } from '../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';
import {
  startPushReceiver,
  type PushReceiver,
  type ReceiverSubscription,
} from '../testing/pushReceiver.test-helpers.js';
import { describeOnDatabases } from '../testing/suites.js';
import { PUSH_ERRORS, pushNotification } from './push.js';
import { TEST_PUSH_LIMIT } from './pushRoutes.js';
import { ensureVapidKeys } from './vapid.js';

interface DeviceView {
  id: string;
  label: string;
  createdAt: string;
  lastSuccessAt: string | null;
  lastError: string | null;
}

const DEVICES = '/api/me/push/devices';

describeOnDatabases(
  'web push',
  (harness) => {
    let h: Harness;
    let patient: Client;
    let other: Client;
    let caregiver: Client;
    const receivers: PushReceiver[] = [];

    const receiver = async () => {
      const r = await startPushReceiver({ subject: h.config.vapidSubject });
      receivers.push(r);
      return r;
    };
    const addDevice = async (
      client: Client,
      subscription: ReceiverSubscription,
      label = 'Test phone',
    ) => {
      const res = await client.post(DEVICES, { ...subscription, label });
      expect([200, 201], res.body).toContain(res.statusCode);
      return res.json<{ device: DeviceView }>().device;
    };
    const devicesOf = async (client: Client) => {
      const res = await client.get('/api/me/push');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ publicKey: string; devices: DeviceView[] }>();
    };
    /** A stored notification, as the scheduler's fire step stores them. */
    const storeNotification = async (values: {
      recipientId: string;
      patientId: string;
      kind: 'dose' | 'again' | 'caregiver';
      slotKey?: string;
      silent?: boolean;
    }) => {
      const id = randomUUID();
      const slotKey = values.slotKey ?? '2026-03-10T08:00';
      await h.database.db.insert(notifications).values({
        id,
        recipientId: values.recipientId,
        patientId: values.patientId,
        kind: values.kind,
        dedupeKey: `${values.kind}:${id}`,
        slotKey,
        data: { localTime: slotKey.slice(11), amountMg: 7.5, patientName: 'Robin Quintero' },
        dueAt: h.clock.now(),
        createdAt: h.clock.now(),
        silent: values.silent ?? false,
        pushStatus: values.silent === true ? 'none' : 'pending',
      });
      return id;
    };
    const pushStatusOf = async (id: string) =>
      (
        await h.database.db
          .select({ s: notifications.pushStatus })
          .from(notifications)
          .where(eq(notifications.id, id))
      )[0]?.s;

    beforeAll(async () => {
      h = harness();
      patient = await registerPatient(h.app, { displayName: 'Robin Quintero' });
      other = await registerPatient(h.app, { displayName: 'Other Person' });
      ({ caregiver } = await caregiverOf(h, patient));
    });
    afterAll(async () => {
      for (const r of receivers) await r.close();
    });

    it('generates the VAPID keys once and gives every instance on the database the same', async () => {
      const first = await devicesOf(patient);
      expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
      const second = await buildApp({
        config: { ...h.config, webDir: null },
        database: h.database,
        now: h.clock.now,
      });
      await second.ready();
      try {
        const res = await second.inject({
          method: 'GET',
          url: '/api/me/push',
          headers: { cookie: patient.cookie },
        });
        expect(res.json<{ publicKey: string }>().publicKey).toBe(first.publicKey);
      } finally {
        await second.close();
      }
      const rows = await h.database.db.select().from(vapidKeys);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.publicKey).toBe(first.publicKey);
      // The private key is never sent.
      expect(JSON.stringify(first)).not.toContain(rows[0]?.privateKey ?? 'missing');
    });

    it('stores one key pair when two instances race to create it', async () => {
      const before = await h.database.db.select().from(vapidKeys);
      await h.database.db.delete(vapidKeys);
      try {
        const [a, b] = await Promise.all([
          ensureVapidKeys(h.database.db, h.clock.now()),
          ensureVapidKeys(h.database.db, h.clock.now()),
        ]);
        expect(a).toEqual(b);
        expect(await h.database.db.select().from(vapidKeys)).toHaveLength(1);
      } finally {
        await h.database.db.delete(vapidKeys);
        if (before[0] !== undefined) await h.database.db.insert(vapidKeys).values(before[0]);
      }
    });

    it('adds a device once, updates it when the browser subscribes again, and lists it', async () => {
      const r = await receiver();
      const res = await patient.post(DEVICES, { ...r.subscription(), label: '  Kitchen tablet ' });
      expect(res.statusCode, res.body).toBe(201);
      const device = res.json<{ device: DeviceView }>().device;
      expect(device).toEqual({
        id: expect.any(String) as string,
        label: 'Kitchen tablet',
        createdAt: h.clock.now().toISOString(),
        lastSuccessAt: null,
        lastError: null,
      });
      const again = await patient.post(DEVICES, { ...r.subscription(), label: 'Tablet' });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<{ device: DeviceView }>().device).toMatchObject({
        id: device.id,
        label: 'Tablet',
      });
      const listed = (await devicesOf(patient)).devices.filter((d) => d.id === device.id);
      expect(listed).toEqual([{ ...device, label: 'Tablet' }]);
      // Secrets stay out of the answers and the audit trail.
      const { endpoint, keys } = r.subscription();
      const audit = await h.database.db
        .select({ action: auditLog.action, details: auditLog.details })
        .from(auditLog)
        .where(eq(auditLog.entityId, device.id));
      expect(audit.map((a) => a.action)).toEqual(['push.device.add', 'push.device.update']);
      for (const text of [JSON.stringify(audit), (await patient.get('/api/me/push')).body]) {
        for (const secret of [endpoint, keys.p256dh, keys.auth]) expect(text).not.toContain(secret);
      }
    });

    it('moves a device to whoever signs in on that browser', async () => {
      const r = await receiver();
      const mine = await addDevice(other, r.subscription());
      const res = await patient.post(DEVICES, { ...r.subscription(), label: 'Shared phone' });
      expect(res.statusCode).toBe(200);
      expect(res.json<{ device: DeviceView }>().device.id).toBe(mine.id);
      expect((await devicesOf(other)).devices.map((d) => d.id)).not.toContain(mine.id);
      expect((await devicesOf(patient)).devices.map((d) => d.id)).toContain(mine.id);
    });

    it('refuses endpoints that are not on the allow-list (server-side request forgery)', async () => {
      const { keys } = (await receiver()).subscription();
      for (const endpoint of [
        'https://169.254.169.254/latest/meta-data/',
        'https://metadata.google.internal/computeMetadata/v1/',
        'http://fcm.googleapis.com/fcm/send/x',
        'https://fcm.googleapis.com.evil.example/fcm/send/x',
        'https://user:pw@127.0.0.1/push',
        'http://10.0.0.1/push',
        'http://localhost:9/push',
        'ftp://127.0.0.1/push',
        'file:///etc/passwd',
        'not a url',
      ]) {
        const res = await patient.post(DEVICES, { endpoint, keys, label: 'Phone' });
        expectError(res, 400, 'STEADY_ERR_PUSH_ENDPOINT', endpoint);
      }
      const stored = await h.database.db
        .select({ endpoint: pushSubscriptions.endpoint })
        .from(pushSubscriptions);
      expect(
        stored.map((s) => s.endpoint).filter((e) => !e.startsWith('http://127.0.0.1:')),
      ).toEqual([]);
    });

    it('refuses keys that are not a P-256 public key and a 16-byte secret', async () => {
      const { endpoint, keys } = (await receiver()).subscription();
      const p256 = Buffer.from(keys.p256dh, 'base64url');
      const bad = [
        { p256dh: p256.subarray(0, 64).toString('base64url'), auth: keys.auth },
        {
          p256dh: Buffer.concat([Buffer.from([5]), p256.subarray(1)]).toString('base64url'),
          auth: keys.auth,
        },
        { p256dh: keys.p256dh, auth: Buffer.alloc(15, 1).toString('base64url') },
        { p256dh: `${keys.p256dh.slice(0, -2)}+/`, auth: keys.auth },
        { p256dh: keys.p256dh, auth: keys.auth, extra: 'x' },
      ];
      for (const k of bad) {
        const res = await patient.post(DEVICES, { endpoint, keys: k, label: 'Phone' });
        expectError(res, 400, 'STEADY_ERR_VALIDATION', JSON.stringify(k));
      }
      for (const label of ['', '   ', 'x'.repeat(101)]) {
        const res = await patient.post(DEVICES, { endpoint, keys, label });
        expectError(res, 400, 'STEADY_ERR_VALIDATION', `label ${label}`);
      }
      expectError(
        await patient.post(DEVICES, {
          endpoint: `${endpoint}/${'x'.repeat(2048)}`,
          keys,
          label: 'P',
        }),
        400,
        'STEADY_ERR_VALIDATION',
      );
    });

    it('removes the caller’s own device, and answers 404 for anyone else’s', async () => {
      const r = await receiver();
      const device = await addDevice(other, r.subscription());
      expectError(await patient.delete(`${DEVICES}/${device.id}`), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(await patient.post(`${DEVICES}/${device.id}/test`), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(await other.delete(`${DEVICES}/${randomUUID()}`), 404, 'STEADY_ERR_NOT_FOUND');
      expect(r.messages).toEqual([]);
      expect((await other.delete(`${DEVICES}/${device.id}`)).statusCode).toBe(204);
      expect((await devicesOf(other)).devices.map((d) => d.id)).not.toContain(device.id);
      const [removal] = await h.database.db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, device.id), eq(auditLog.action, 'push.device.remove')));
      expect(removal?.details).toEqual({ deviceId: device.id });
    });

    it('sends a test push that the device decrypts to exactly the contract payload', async () => {
      const r = await receiver();
      const device = await addDevice(patient, r.subscription());
      const res = await patient.post(`${DEVICES}/${device.id}/test`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ result: 'sent', error: null });
      expect(r.rejected).toEqual([]);
      const [stored] = await h.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientId, patient.userId), eq(notifications.kind, 'test')));
      expect(stored?.pushStatus).toBe('sent');
      expect(r.messages).toEqual([
        {
          v: 1,
          notificationId: stored?.id,
          kind: 'test',
          title: 'Steady notifications work on this device',
          body: 'Your reminders will show here.',
          tag: stored?.id,
          url: '/notifications',
          patientId: patient.userId,
          slotKey: null,
          actions: [],
        },
      ]);
      const [delivery] = r.received;
      expect(delivery?.urgency).toBe('high');
      expect(delivery?.claims.sub).toBe(h.config.vapidSubject);
      expect(delivery?.vapidKey).toBe((await devicesOf(patient)).publicKey);
      const listed = (await devicesOf(patient)).devices.find((d) => d.id === device.id);
      expect(listed?.lastSuccessAt).toBe(h.clock.now().toISOString());
      expect(listed?.lastError).toBeNull();
    });

    it('removes a device whose push service answers 410 (the browser dropped it)', async () => {
      const r = await receiver();
      const device = await addDevice(patient, r.subscription());
      r.respondNext(410);
      const res = await patient.post(`${DEVICES}/${device.id}/test`);
      expect(res.json()).toEqual({ result: 'failed', error: PUSH_ERRORS.gone });
      expect((await devicesOf(patient)).devices.map((d) => d.id)).not.toContain(device.id);
      expect(r.messages).toEqual([]);
    });

    it('records a failing push service on the device and the notification', async () => {
      const r = await receiver();
      const device = await addDevice(caregiver, r.subscription());
      r.respondNext(500);
      const id = await storeNotification({
        recipientId: caregiver.userId,
        patientId: patient.userId,
        kind: 'caregiver',
      });
      expect(await pushNotification(contextOf(h), id)).toEqual({ sent: 0, failed: 1 });
      expect(await pushStatusOf(id)).toBe('failed');
      const listed = (await devicesOf(caregiver)).devices.find((d) => d.id === device.id);
      expect(listed?.lastError).toBe(PUSH_ERRORS.status(500));
      // Pushing the same notification again sends nothing: it is no longer pending.
      expect(await pushNotification(contextOf(h), id)).toEqual({ sent: 0, failed: 0 });
      expect(r.messages).toEqual([]);
      await caregiver.delete(`${DEVICES}/${device.id}`);
    });

    it('tells a caregiver without the drug, the amount or the patient’s full name', async () => {
      const r = await receiver();
      await addDevice(caregiver, r.subscription());
      const id = await storeNotification({
        recipientId: caregiver.userId,
        patientId: patient.userId,
        kind: 'caregiver',
      });
      expect(await pushNotification(contextOf(h), id)).toEqual({ sent: 1, failed: 0 });
      expect(await pushStatusOf(id)).toBe('sent');
      expect(r.messages).toEqual([
        {
          v: 1,
          notificationId: id,
          kind: 'caregiver',
          title: 'Robin has not logged the 08:00 dose',
          body: 'Open Steady to see their day.',
          tag: id,
          url: '/notifications',
          patientId: patient.userId,
          slotKey: '2026-03-10T08:00',
          actions: [],
        },
      ]);
      const text = JSON.stringify(r.messages);
      for (const word of [/diazepam/i, /valium/i, /\bmg\b/i, /7\.5/, /Quintero/]) {
        expect(text).not.toMatch(word);
      }
    });

    it('sends a dose reminder to each of the patient’s devices with a Taken button', async () => {
      const phone = await receiver();
      const laptop = await receiver();
      const someone = await registerPatient(h.app);
      await addDevice(someone, phone.subscription(), 'Phone');
      await addDevice(someone, laptop.subscription(), 'Laptop');
      const id = await storeNotification({
        recipientId: someone.userId,
        patientId: someone.userId,
        kind: 'again',
        slotKey: '2026-03-10T20:30',
      });
      expect(await pushNotification(contextOf(h), id)).toEqual({ sent: 2, failed: 0 });
      const expected = {
        v: 1,
        notificationId: id,
        kind: 'again',
        title: 'Your 20:30 dose is not logged yet',
        body: 'Tap Taken if you have taken it, or open Steady.',
        tag: 'slot:2026-03-10T20:30',
        url: '/notifications',
        patientId: someone.userId,
        slotKey: '2026-03-10T20:30',
        actions: [{ action: 'taken', title: 'Taken' }],
      };
      expect(phone.messages).toEqual([expected]);
      expect(laptop.messages).toEqual([expected]);
      expect(phone.received[0]?.ttl).toBe(3600);
      expect(await pushStatusOf(id)).toBe('sent');
    });

    it('pushes nothing for a silent notification, and marks one without devices none', async () => {
      const silent = await storeNotification({
        recipientId: other.userId,
        patientId: other.userId,
        kind: 'dose',
        silent: true,
      });
      expect(await pushNotification(contextOf(h), silent)).toEqual({ sent: 0, failed: 0 });
      expect(await pushStatusOf(silent)).toBe('none');
      const nobody = await registerPatient(h.app);
      const id = await storeNotification({
        recipientId: nobody.userId,
        patientId: nobody.userId,
        kind: 'dose',
      });
      expect(await pushNotification(contextOf(h), id)).toEqual({ sent: 0, failed: 0 });
      expect(await pushStatusOf(id)).toBe('none');
    });

    it('re-checks the allow-list when sending', async () => {
      const r = await receiver();
      const someone = await registerPatient(h.app);
      const device = await addDevice(someone, r.subscription());
      const id = await storeNotification({
        recipientId: someone.userId,
        patientId: someone.userId,
        kind: 'dose',
      });
      const narrower = {
        ...contextOf(h),
        config: { ...h.config, pushHosts: ['fcm.googleapis.com'] },
      };
      expect(await pushNotification(narrower, id)).toEqual({ sent: 0, failed: 1 });
      expect(r.messages).toEqual([]);
      const listed = (await devicesOf(someone)).devices.find((d) => d.id === device.id);
      expect(listed?.lastError).toBe(PUSH_ERRORS.notAllowed);
    });

    it('limits test pushes per person', async () => {
      const r = await receiver();
      const someone = await registerPatient(h.app);
      const device = await addDevice(someone, r.subscription());
      for (let i = 0; i < TEST_PUSH_LIMIT; i += 1) {
        expect((await someone.post(`${DEVICES}/${device.id}/test`)).statusCode).toBe(200);
      }
      expectError(
        await someone.post(`${DEVICES}/${device.id}/test`),
        429,
        'STEADY_ERR_RATE_LIMITED',
      );
      expect(r.messages).toHaveLength(TEST_PUSH_LIMIT);
    });
  },
  { STEADY_PUSH_HOSTS: '127.0.0.1' },
);
