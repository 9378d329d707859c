/**
 * Planning and firing against a real database, with the test clock: which reminders are stored,
 * for whom, and that each is stored once however often it is planned or fired.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notifications, reminderSettings } from '../db/schema.js';
import { caregiverOf } from '../testing/careteam.js';
import { registerPatient, regimenBody, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { fireReminders } from './fire.js';
import { planReminders, type FireJob } from './planner.js';

async function plan(h: Harness, from: string, to: string): Promise<FireJob[]> {
  const jobs: FireJob[] = [];
  await planReminders(h.database.db, new Date(from), new Date(to), async (page) => {
    jobs.push(...page);
    await Promise.resolve();
  });
  return jobs;
}

async function rowsOf(h: Harness, patientId: string) {
  return h.database.db
    .select()
    .from(notifications)
    .where(eq(notifications.patientId, patientId))
    .orderBy(notifications.dueAt, notifications.kind);
}

async function newPatient(h: Harness, times: string[] = ['08:00', '14:00', '20:00']) {
  const patient = await registerPatient(h.app, { timeZone: 'Europe/Berlin' });
  const res = await patient.post(
    `/api/patients/${patient.userId}/regimen`,
    regimenBody('2026-03-09', { doses: times.map((time) => ({ time, amountMg: 5 })) }),
  );
  expect(res.statusCode).toBe(201);
  return patient;
}

const mine = (jobs: FireJob[], p: Client) => jobs.filter((j) => j.patientId === p.userId);

describeOnDatabases('reminder planning and firing', (harness) => {
  beforeAll(() => {
    harness().clock.set('2026-03-10T12:00:00.000Z');
  });

  it('plans the dose at its local time and stores it once, however often it fires', async () => {
    const h = harness();
    const patient = await newPatient(h);
    // 14:00 in Berlin (UTC+1 in March) is 13:00 UTC.
    const jobs = mine(await plan(h, '2026-03-10T12:55:00Z', '2026-03-10T13:05:00Z'), patient);
    expect(jobs).toEqual([
      {
        patientId: patient.userId,
        kind: 'dose',
        slotKey: '2026-03-10T14:00',
        dueAt: '2026-03-10T13:00:00.000Z',
      },
    ]);
    const at = new Date('2026-03-10T13:00:01Z');
    const first = await fireReminders(h.database.db, jobs, at);
    expect(first.created).toBe(1);
    expect(first.toPush).toHaveLength(1);
    const again = await fireReminders(h.database.db, [...jobs, ...jobs], at);
    expect(again).toMatchObject({ created: 0, toPush: [] });
    const rows = await rowsOf(h, patient.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      recipientId: patient.userId,
      kind: 'dose',
      slotKey: '2026-03-10T14:00',
      silent: false,
      pushStatus: 'pending',
      data: { localTime: '14:00', amountMg: 5 },
    });
    // Once stored, a later planning pass over the same window leaves it out.
    expect(mine(await plan(h, '2026-03-10T12:55:00Z', '2026-03-10T13:05:00Z'), patient)).toEqual(
      [],
    );
  });

  it('reminds again only while the dose is not logged', async () => {
    const h = harness();
    const logged = await newPatient(h);
    const forgot = await newPatient(h);
    const window = ['2026-03-10T13:29:00Z', '2026-03-10T13:31:00Z'] as const;
    const jobs = await plan(h, ...window);
    expect(mine(jobs, forgot).map((j) => j.kind)).toEqual(['again']);
    // The dose is logged between planning and firing: the repeat is dropped.
    h.clock.set('2026-03-10T13:20:00Z');
    const res = await logged.post(`/api/patients/${logged.userId}/doses`, {
      idempotencyKey: 'reminder-test-0001',
      kind: 'taken',
      slotKey: '2026-03-10T14:00',
    });
    expect(res.statusCode).toBe(201);
    h.clock.set('2026-03-10T12:00:00.000Z');
    const fired = await fireReminders(
      h.database.db,
      [...mine(jobs, logged), ...mine(jobs, forgot)],
      new Date('2026-03-10T13:30:02Z'),
    );
    expect(fired.created).toBe(1);
    expect(await rowsOf(h, logged.userId)).toEqual([]);
    expect((await rowsOf(h, forgot.userId)).map((r) => r.kind)).toEqual(['again']);
    // Once logged, nothing is planned for the slot any more.
    expect(mine(await plan(h, ...window), logged)).toEqual([]);
  });

  it('drops a planned reminder whose dose time the regimen no longer has', async () => {
    const h = harness();
    const patient = await newPatient(h);
    const jobs = mine(await plan(h, '2026-03-10T18:55:00Z', '2026-03-10T19:05:00Z'), patient);
    expect(jobs.map((j) => j.slotKey)).toEqual(['2026-03-10T20:00']);
    const changed = await patient.post(
      `/api/patients/${patient.userId}/regimen`,
      regimenBody('2026-03-10', {
        doses: [
          { time: '08:00', amountMg: 5 },
          { time: '21:00', amountMg: 5 },
        ],
        reason: 'Evening dose moved',
      }),
    );
    expect(changed.statusCode).toBe(201);
    const fired = await fireReminders(h.database.db, jobs, new Date('2026-03-10T19:00:01Z'));
    expect(fired).toMatchObject({ created: 0, dropped: 1 });
    const moved = mine(await plan(h, '2026-03-10T19:55:00Z', '2026-03-10T20:05:00Z'), patient);
    expect(moved.map((j) => j.slotKey)).toEqual(['2026-03-10T21:00']);
  });

  it('does not send a reminder later than the catch-up window', async () => {
    const h = harness();
    const patient = await newPatient(h);
    const jobs = mine(await plan(h, '2026-03-10T18:55:00Z', '2026-03-10T19:05:00Z'), patient);
    expect(jobs).toHaveLength(1);
    const fired = await fireReminders(h.database.db, jobs, new Date('2026-03-10T19:16:00Z'));
    expect(fired).toMatchObject({ created: 0, dropped: 1 });
  });

  it('keeps quiet hours: the dose reminder is silent, the repeat is not sent', async () => {
    const h = harness();
    const patient = await newPatient(h, ['23:00']);
    await h.database.db.insert(reminderSettings).values({
      patientId: patient.userId,
      enabled: true,
      remindAgainMinutes: 30,
      quietStart: '22:00',
      quietEnd: '07:00',
      caregiverNotice: false,
      caregiverAfterMinutes: 120,
      updatedAt: new Date(),
    });
    // 23:00 Berlin = 22:00 UTC.
    const jobs = mine(await plan(h, '2026-03-10T21:55:00Z', '2026-03-10T23:00:00Z'), patient);
    expect(jobs.map((j) => j.kind)).toEqual(['dose']);
    const fired = await fireReminders(h.database.db, jobs, new Date('2026-03-10T22:00:01Z'));
    expect(fired).toMatchObject({ created: 1, toPush: [] });
    expect((await rowsOf(h, patient.userId))[0]).toMatchObject({
      silent: true,
      pushStatus: 'none',
    });
  });

  describe('caregiver notice', () => {
    it('goes to caregivers with medication consent, once each, when the patient turned it on', async () => {
      const h = harness();
      const patient = await newPatient(h);
      const { caregiver } = await caregiverOf(h, patient);
      const { caregiver: withoutConsent } = await caregiverOf(h, patient, {
        medications: false,
        checkins: false,
        questionnaires: false,
        notes: false,
        techniques: false,
        messages: true,
      });
      const window = ['2026-03-10T13:59:00Z', '2026-03-10T14:01:00Z'] as const;
      expect(mine(await plan(h, ...window), patient).map((j) => j.kind)).toEqual([]);
      await h.database.db.insert(reminderSettings).values({
        patientId: patient.userId,
        enabled: true,
        remindAgainMinutes: null,
        quietStart: null,
        quietEnd: null,
        caregiverNotice: true,
        caregiverAfterMinutes: 60,
        updatedAt: new Date(),
      });
      const jobs = mine(await plan(h, ...window), patient);
      expect(jobs.map((j) => [j.kind, j.slotKey])).toEqual([['caregiver', '2026-03-10T14:00']]);
      const at = new Date('2026-03-10T14:00:01Z');
      expect((await fireReminders(h.database.db, jobs, at)).created).toBe(1);
      expect((await fireReminders(h.database.db, jobs, at)).created).toBe(0);
      const rows = await rowsOf(h, patient.userId);
      expect(rows.map((r) => [r.kind, r.recipientId])).toEqual([['caregiver', caregiver.userId]]);
      expect(rows.some((r) => r.recipientId === withoutConsent.userId)).toBe(false);
      expect(rows[0]?.data).toMatchObject({ localTime: '14:00' });
    });
  });
});
