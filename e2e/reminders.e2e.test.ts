import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSession, type ApiSession } from './support/api.js';
import { afternoonTimeZone, localDate, newPhonePage } from './support/browser.js';
import {
  enterRegimen,
  heading,
  newPatient,
  openTab,
  register,
  visible,
  visited,
} from './support/patient.js';
import { startPushService, type FakeDevice, type FakePushService } from './support/pushService.js';
import { e2eSuite } from './support/suite.js';

/**
 * Dose reminders (issue 7): the server's scheduler (planning every second here) stores a
 * reminder when a dose falls due and pushes it to the patient's devices; it shows in the
 * notification centre, where "Taken" logs the dose, and on the phone, where the service worker
 * shows it with a "Taken" action that logs it with the same key — once, however often tapped.
 *
 * What headless Chromium cannot do here, and how the test gets round it:
 * - It cannot subscribe to a real push service (no network to FCM). The server pushes to a fake
 *   push service on 127.0.0.1 instead (support/pushService.ts decrypts what it gets), and the
 *   test hands the decrypted payload to the browser's worker with the DevTools protocol
 *   (ServiceWorker.deliverPushMessage), which fires its `push` event as a real message would.
 * - There is no notification shade to tap, and nothing in the protocol fires `notificationclick`.
 *   The test dispatches one inside the worker (Playwright's worker.evaluate) on the notification
 *   the worker showed, so the worker's own handler runs: its fetches, the offline queue and the
 *   confirmation. A script-made event may not call `waitUntil` (browsers throw for untrusted
 *   events), so the test gives the event its own `waitUntil` that it then awaits.
 * - For the same reason "Turn on notifications on this device" cannot succeed here: the test
 *   checks that it says why, and the device list with a device added through the API.
 */
const suite = e2eSuite({
  env: { STEADY_REMINDER_PLAN_SECONDS: '1', STEADY_PUSH_HOSTS: '127.0.0.1' },
});
let pushService: FakePushService | undefined;
beforeAll(async () => {
  pushService = await startPushService();
});
afterAll(async () => {
  await pushService?.stop();
});

/**
 * A new patient registered on a phone in an afternoon time zone (so an 08:00 dose is earlier
 * today), with notifications allowed for the app unless `notifications: false`.
 */
async function patientOnPhone(name: string, { notifications = true } = {}) {
  const timeZone = afternoonTimeZone();
  const phone = await newPhonePage(suite.browser, timeZone);
  suite.contexts.push(phone);
  const { page, context } = phone;
  const origin = suite.server.url;
  if (notifications) await context.grantPermissions(['notifications'], { origin });
  const patient = newPatient(name);
  await register(page, origin, patient, { shots: null });
  return { page, context, timeZone, origin, patient };
}

/** An API session of the patient, beside the browser's. */
function signIn(origin: string, patient: { email: string; password: string }): Promise<ApiSession> {
  return apiSession(origin, '/api/auth/login', {
    email: patient.email,
    password: patient.password,
  });
}

/** A fake phone registered as one of the user's push devices (through the API). */
async function fakeDevice(api: ApiSession, label: string): Promise<FakeDevice> {
  if (pushService === undefined) throw new Error('The push service has not started.');
  const device = pushService.device();
  await api.post('/api/me/push/devices', { ...device.subscription, label });
  return device;
}

interface PushPayload {
  readonly kind: string;
  readonly title: string;
  readonly tag: string;
  readonly slotKey: string | null;
}

function received(device: FakeDevice): PushPayload[] {
  return device.messages.map((m) => JSON.parse(m) as PushPayload);
}

interface NotificationView {
  readonly kind: string;
  readonly slotKey: string | null;
  readonly dose: null | { readonly status: string };
}

interface History {
  readonly timeline: readonly { readonly type: string }[];
}

/** "HH:mm" now in a time zone. */
function localMinute(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
}

/** "8:05 AM" for "08:05", as the app shows a wall time in US English. */
function shownTime(hhmm: string): string {
  return new Intl.DateTimeFormat('en-US', {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`1970-01-01T${hhmm}:00Z`));
}

async function doseReminder(api: ApiSession, slotKey: string) {
  const { notifications } = await api.get<{ notifications: NotificationView[] }>(
    '/api/me/notifications?limit=20',
  );
  return notifications.find((n) => n.kind === 'dose' && n.slotKey === slotKey);
}

/** The service worker's registration id, as the DevTools protocol names it. */
async function registrationId(cdp: CDPSession, scope: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const live = registrations.find((r) => !r.isDeleted && r.scopeURL === scope);
      if (live !== undefined) resolve(live.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

interface ShownNotification {
  readonly title: string;
  readonly body: string;
  readonly tag: string;
  readonly actions: readonly { action: string; title: string }[];
  readonly data: unknown;
}

function shownNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const list = await registration.getNotifications();
    return list.map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      // Chromium has `actions`; the DOM typings do not list it.
      actions: (
        (n as unknown as { actions?: { action: string; title: string }[] }).actions ?? []
      ).map((a) => ({ action: a.action, title: a.title })),
      data: n.data as unknown,
    }));
  });
}

/** The app's service worker, as Playwright sees it. */
async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}

/** Deliver a push message to the worker, as the push service would. */
async function push(cdp: CDPSession, origin: string, registrationId: string, data: unknown) {
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin,
    registrationId,
    data: typeof data === 'string' ? data : JSON.stringify(data),
  });
}

/**
 * Tap an action of the notification with `tag`: a `notificationclick` dispatched in the worker,
 * resolved once the worker's handler has finished its work.
 */
async function tapAction(worker: Worker, tag: string, action: string): Promise<void> {
  await worker.evaluate(
    async ({ tag, action }) => {
      interface Scope {
        registration: { getNotifications(filter: { tag: string }): Promise<Notification[]> };
        dispatchEvent(event: Event): boolean;
        NotificationEvent: new (
          type: string,
          init: { notification: Notification; action: string },
        ) => Event;
      }
      const scope = globalThis as unknown as Scope;
      const [notification] = await scope.registration.getNotifications({ tag });
      if (notification === undefined) throw new Error(`No notification with tag ${tag}`);
      const event = new scope.NotificationEvent('notificationclick', { notification, action });
      const pending: Promise<unknown>[] = [];
      Object.defineProperty(event, 'waitUntil', {
        value: (promise: Promise<unknown>) => {
          pending.push(promise);
        },
      });
      scope.dispatchEvent(event);
      await Promise.all(pending);
    },
    { tag, action },
  );
}

/** The entries of the app's offline queue (IndexedDB "steady-offline", store "queue"). */
function offlineQueue(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('steady-offline');
        open.onerror = () => {
          reject(new Error('cannot open the offline queue'));
        };
        open.onsuccess = () => {
          const all = open.result.transaction('queue').objectStore('queue').getAll();
          all.onsuccess = () => {
            resolve(all.result as unknown[]);
            open.result.close();
          };
        };
      }),
  );
}

function doseCard(page: Page, time: string) {
  return page.getByRole('article', { name: `Dose at ${shownTime(time)}` });
}

describe('dose reminders', () => {
  test('a reminder due now reaches the centre and the phone; "Taken" logs the dose once', async () => {
    const { page, context, timeZone, origin, patient } = await patientOnPhone('Sam');
    const api = await signIn(origin, patient);
    const device = await fakeDevice(api, 'Chrome on Android');

    // A dose at the current local minute: it falls due now.
    const time = localMinute(timeZone);
    const slotKey = `${localDate(timeZone)}T${time}`;
    await enterRegimen(
      page,
      { formulation: '5 mg tablet', time, amountMg: '5', timeZone },
      { shots: null },
    );

    // The scheduler plans every second and fires at the due time: stored for the centre…
    await expect
      .poll(() => doseReminder(api, slotKey), { timeout: 60_000, interval: 500 })
      .toMatchObject({ kind: 'dose', dose: { status: 'pending' } });
    // …and pushed to the device, with no drug name or amount on the lock screen.
    await expect.poll(() => received(device).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const [message] = device.messages;
    const payload = JSON.parse(message ?? '') as PushPayload & Record<string, unknown>;
    expect(payload).toMatchObject({
      v: 1,
      kind: 'dose',
      tag: `slot:${slotKey}`,
      url: '/notifications',
      patientId: api.userId,
      slotKey,
      actions: [{ action: 'taken', title: expect.any(String) as unknown }],
    });
    expect(`${payload.title} ${String(payload['body'])}`).not.toMatch(/diazepam|\bmg\b/i);

    // The phone: the worker shows what the push service delivers.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cdp = await context.newCDPSession(page);
    const id = await registrationId(cdp, `${origin}/`);
    await push(cdp, origin, id, message);
    await expect
      .poll(() => shownNotifications(page))
      .toEqual([
        expect.objectContaining({
          title: payload.title,
          tag: `slot:${slotKey}`,
          actions: [{ action: 'taken', title: expect.any(String) as unknown }],
        }),
      ]);

    // The centre: "Taken" logs the dose.
    await page.goto(`${origin}/notifications`);
    await visible(heading(page, 'Notifications'));
    const taken = page.getByRole('button', { name: `Taken: the ${shownTime(time)} dose` });
    await visible(taken);
    await visited(page, { shots: 'reminders' }, 'centre');
    await taken.click();
    await expect
      .poll(async () => (await doseReminder(api, slotKey))?.dose?.status, { timeout: 15_000 })
      .toBe('taken');
    await openTab(page, 'Today');
    await visible(doseCard(page, time).getByText(/^Taken at /));

    // "Taken" on the phone afterwards: the same key, so the server answers with the first
    // dose, and the worker says it is logged.
    await tapAction(await serviceWorker(context), `slot:${slotKey}`, 'taken');
    expect((await shownNotifications(page)).map((n) => n.title)).toEqual(['Logged']);
    const history = await api.get<History>(`/api/patients/${api.userId}/history?days=2`);
    expect(history.timeline.filter((i) => i.type === 'dose')).toHaveLength(1);
    await cdp.detach();
  });

  test('the service worker shows a pushed reminder with its "Taken" action', async () => {
    const { page, context, timeZone, origin } = await patientOnPhone('Kim');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(await page.evaluate(() => Notification.permission)).toBe('granted');

    const cdp = await context.newCDPSession(page);
    const id = await registrationId(cdp, `${origin}/`);
    const userId = await page.evaluate(
      async () =>
        ((await (await fetch('/api/session')).json()) as { user: { id: string } }).user.id,
    );
    const slotKey = `${localDate(timeZone)}T08:00`;
    const payload = {
      v: 1,
      notificationId: '0b8f4f9e-8d6c-4d35-9a51-6f1a2b3c4d5e',
      kind: 'dose',
      title: 'Time for your 08:00 dose',
      body: 'Tap Taken once you have had it.',
      tag: `slot:${slotKey}`,
      url: '/notifications',
      patientId: userId,
      slotKey,
      actions: [{ action: 'taken', title: 'Taken' }],
    };

    // Something that is not our payload is ignored: nothing is shown for it.
    await push(cdp, origin, id, '{"not": "ours"');
    await push(cdp, origin, id, payload);

    await expect
      .poll(() => shownNotifications(page), { timeout: 15_000 })
      .toEqual([
        {
          title: 'Time for your 08:00 dose',
          body: 'Tap Taken once you have had it.',
          tag: `slot:${slotKey}`,
          actions: [{ action: 'taken', title: 'Taken' }],
          data: payload,
        },
      ]);

    // A repeat for the same slot replaces it on the lock screen (same tag): still one.
    await push(cdp, origin, id, {
      ...payload,
      notificationId: '1c9a5a0f-9e7d-4e46-8b62-7a2b3c4d5e6f',
      kind: 'again',
      title: 'Your 08:00 dose is not logged yet',
    });
    await expect
      .poll(async () => (await shownNotifications(page)).map((n) => [n.tag, n.title]), {
        timeout: 15_000,
      })
      .toEqual([[`slot:${slotKey}`, 'Your 08:00 dose is not logged yet']]);
    await cdp.detach();
  });
  test('"Taken" on the notification logs the dose, kept on the phone while offline, once', async () => {
    const { page, context, timeZone, origin, patient } = await patientOnPhone('Ari');
    // An 08:00 dose: earlier today in this afternoon time zone, so it is a real slot to log.
    await enterRegimen(
      page,
      { formulation: '5 mg tablet', time: '08:00', amountMg: '5', timeZone },
      { shots: null },
    );
    await openTab(page, 'Today');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // One more visit while controlled saves Today for offline use.
    await page.reload();
    await visible(doseCard(page, '08:00').getByText('Not logged yet'));

    const cdp = await context.newCDPSession(page);
    const id = await registrationId(cdp, `${origin}/`);
    const worker = await serviceWorker(context);
    const api = await signIn(origin, patient);
    const slotKey = `${localDate(timeZone)}T08:00`;
    const tag = `slot:${slotKey}`;
    const payload = {
      v: 1,
      notificationId: '2d0b6b1a-af8e-4f57-9c73-8b3c4d5e6f70',
      kind: 'dose',
      title: 'Time for your 08:00 dose',
      body: 'Tap Taken once you have had it.',
      tag,
      url: '/notifications',
      patientId: api.userId,
      slotKey,
      actions: [{ action: 'taken', title: 'Taken' }],
    };

    // Offline: "Taken" keeps the dose in the app's offline queue and says so.
    await push(cdp, origin, id, payload);
    await expect.poll(async () => (await shownNotifications(page)).length).toBe(1);
    await context.setOffline(true);
    await tapAction(worker, tag, 'taken');
    expect(await shownNotifications(page)).toEqual([
      {
        title: 'Saved on this phone',
        body: 'Your 08:00 dose will be logged when you are back online.',
        tag,
        actions: [],
        data: { v: 1, kind: 'confirmation', url: '/notifications' },
      },
    ]);
    // In the app's queue, with the key the notification centre uses and the time of the tap.
    expect(await offlineQueue(page)).toEqual([
      expect.objectContaining({
        key: `reminder-taken:${slotKey}`,
        userId: api.userId,
        kind: 'dose',
        path: `/api/patients/${api.userId}/doses`,
        body: {
          idempotencyKey: `reminder-taken:${slotKey}`,
          kind: 'taken',
          slotKey,
          takenAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
        },
        error: null,
      }),
    ]);

    // Back online, the open app sends it and Today shows it taken.
    await context.setOffline(false);
    await visible(doseCard(page, '08:00').getByText(/^Taken at /));
    await expect.poll(() => offlineQueue(page)).toEqual([]);

    // A second "Taken" on a new reminder for the slot: "Logged", and still one dose.
    await push(cdp, origin, id, {
      ...payload,
      kind: 'again',
      title: 'Your 08:00 dose is not logged yet',
    });
    await expect
      .poll(async () => (await shownNotifications(page)).map((n) => n.title))
      .toEqual(['Your 08:00 dose is not logged yet']);
    await tapAction(worker, tag, 'taken');
    expect((await shownNotifications(page)).map((n) => [n.title, n.body])).toEqual([
      ['Logged', 'Your 08:00 dose is logged as taken.'],
    ]);
    const history = await api.get<History>(`/api/patients/${api.userId}/history?days=2`);
    expect(history.timeline.filter((i) => i.type === 'dose')).toHaveLength(1);
    await cdp.detach();
  });
  test('the reminder settings page lists the devices, sends a test and removes one', async () => {
    const { page, origin, patient } = await patientOnPhone('Noor', { notifications: false });
    const api = await signIn(origin, patient);
    const device = await fakeDevice(api, 'Firefox on Android');

    await page.goto(`${origin}/reminders`);
    await visible(heading(page, 'Reminders'));
    const section = page.getByRole('region', { name: 'Notifications on your devices' });
    await visible(
      section.getByText('Reminders always appear in Notifications in the app too', {
        exact: false,
      }),
    );
    const row = section.getByRole('listitem', { name: 'Firefox on Android' });
    await visible(row.getByText('Nothing delivered yet'));
    await visited(page, { shots: 'reminders' }, 'devices');

    // A test goes through the push service to that device, and the list says it was delivered.
    await row.getByRole('button', { name: 'Send a test to Firefox on Android' }).click();
    await visible(row.getByText(/^Test sent\./));
    await visible(row.getByText(/^Last delivered /));
    expect(received(device).map((m) => m.kind)).toEqual(['test']);

    // Headless Chromium answers the permission question with "block" (nothing was granted to
    // this page): the page says so and how to allow them, in place of the button.
    const turnOn = section.getByRole('button', { name: 'Turn on notifications on this device' });
    await turnOn.click();
    await visible(section.getByText('Notifications are blocked for Steady'));
    await visible(section.getByText(/set Notifications to Allow, then reload this page\.$/));
    expect(await turnOn.count()).toBe(0);

    await row.getByRole('button', { name: 'Remove Firefox on Android' }).click();
    await visible(section.getByText('No devices get notifications yet.'));
  });
});
