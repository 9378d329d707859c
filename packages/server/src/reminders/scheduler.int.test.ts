/**
 * The scheduler as it runs in `serve`: pg-boss on the embedded database (PGlite adapter) and on
 * PostgreSQL, real time. A dose due this very minute must reach the notification centre within
 * seconds; with two instances on one PostgreSQL database every reminder is stored (and pushed)
 * exactly once.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import { openDatabase, type Database } from '../db/client.js';
import { notifications } from '../db/schema.js';
import {
  createHarness,
  DATABASES,
  registerPatient,
  regimenBody,
  type Client,
  type Harness,
} from '../testing/harness.js';
import { startPushReceiver, type PushReceiver } from '../testing/pushReceiver.test-helpers.js';
import { startReminderScheduler, type ReminderScheduler } from './scheduler.js';

/** The current UTC minute as "HH:mm" and today's UTC date. */
function thisMinute(): { time: string; date: string } {
  const now = new Date().toISOString();
  return { date: now.slice(0, 10), time: now.slice(11, 16) };
}

async function patientDueNow(h: Harness): Promise<Client> {
  const patient = await registerPatient(h.app, { timeZone: 'UTC' });
  const { date, time } = thisMinute();
  const res = await patient.post(
    `/api/patients/${patient.userId}/regimen`,
    regimenBody(date, { doses: [{ time, amountMg: 5 }] }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return patient;
}

function realTimeContext(h: Harness, database: Database): AppContext {
  return { db: database.db, config: h.config, now: () => new Date() };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const rowsFor = (database: Database, patientIds: string[]) =>
  database.db
    .select({ patientId: notifications.patientId, kind: notifications.kind })
    .from(notifications)
    .where(inArray(notifications.patientId, patientIds));

for (const { kind, skipReason } of DATABASES) {
  describe.skipIf(skipReason !== null)(
    `reminder scheduler on ${kind}${skipReason === null ? '' : ` (${skipReason})`}`,
    () => {
      const cleanup: (() => Promise<void>)[] = [];
      afterAll(async () => {
        for (const step of cleanup.reverse()) await step();
      });

      it('stores a dose reminder due this minute within seconds', async () => {
        const h = await createHarness(kind);
        cleanup.push(() => h.close());
        // Recorded ten minutes ago: a dose time already past when recorded is never reminded of.
        h.clock.set(new Date(Date.now() - 10 * 60_000));
        const patient = await patientDueNow(h);
        const scheduler = await startReminderScheduler(
          realTimeContext(h, h.database),
          h.database.jobs,
          h.app.log,
          { planSeconds: 1, pollSeconds: 0.5 },
        );
        cleanup.push(() => scheduler.stop());
        const rows = await waitFor(
          () => rowsFor(h.database, [patient.userId]),
          (r) => r.length > 0,
        );
        expect(rows).toEqual([{ patientId: patient.userId, kind: 'dose' }]);
        await scheduler.stop();
      });
    },
  );
}

describe.skipIf(DATABASES[1]?.skipReason !== null)(
  `two Steady instances on one PostgreSQL database${DATABASES[1]?.skipReason === null ? '' : ` (${DATABASES[1]?.skipReason ?? ''})`}`,
  () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const step of cleanup.reverse()) await step();
    });

    it('store and push each reminder exactly once', async () => {
      const h = await createHarness('postgres', { STEADY_PUSH_HOSTS: '127.0.0.1' });
      cleanup.push(() => h.close());
      const second = await openDatabase(
        h.database.jobs.kind === 'postgres'
          ? { kind: 'postgres', url: h.database.jobs.url }
          : { kind: 'pglite', dataDir: null },
      );
      cleanup.push(() => second.close());
      // Recorded ten minutes ago: a dose time already past when recorded is never reminded of.
      h.clock.set(new Date(Date.now() - 10 * 60_000));
      const patients: Client[] = [];
      const phones: PushReceiver[] = [];
      for (let i = 0; i < 25; i += 1) {
        const patient = await patientDueNow(h);
        // Each patient's phone: a local push service that checks VAPID and decrypts (RFC 8291).
        const phone = await startPushReceiver();
        cleanup.push(() => phone.close());
        const added = await patient.post('/api/me/push/devices', {
          ...phone.subscription(),
          label: `Phone ${String(i)}`,
        });
        expect(added.statusCode, added.body).toBe(201);
        patients.push(patient);
        phones.push(phone);
      }
      const ids = patients.map((p) => p.userId);

      const instances: ReminderScheduler[] = await Promise.all(
        [h.database, second].map((database) =>
          startReminderScheduler(realTimeContext(h, database), database.jobs, h.app.log, {
            planSeconds: 1,
            pollSeconds: 0.5,
            fireBatch: 5,
          }),
        ),
      );
      for (const s of instances) cleanup.push(() => s.stop());
      // Both instances also plan at the same moment, several times: the races a deployment has.
      await Promise.all(instances.flatMap((s) => [s.planNow(), s.planNow()]));

      const rows = await waitFor(
        () => rowsFor(h.database, ids),
        (r) => r.length >= ids.length,
      );
      // Give both instances time to do anything extra they would wrongly do.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await Promise.all(instances.map((s) => s.planNow()));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const after = await rowsFor(h.database, ids);
      expect(rows.length).toBe(ids.length);
      expect(after.length).toBe(ids.length);
      expect(new Set(after.map((r) => r.patientId)).size).toBe(ids.length);
      // Every phone got its reminder once, from whichever instance stored it.
      await waitFor(
        () => Promise.resolve(phones.filter((p) => p.messages.length > 0).length),
        (n) => n === phones.length,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await Promise.all(instances.map((s) => s.stop()));
      phones.forEach((phone, i) => {
        expect(phone.rejected).toEqual([]);
        expect(phone.messages).toHaveLength(1);
        expect(phone.messages[0]).toMatchObject({
          v: 1,
          kind: 'dose',
          patientId: ids[i],
          actions: [{ action: 'taken' }],
        });
      });
      const sent = await h.database.db.$count(notifications, eq(notifications.pushStatus, 'sent'));
      expect(sent).toBe(ids.length);
    });
  },
);
