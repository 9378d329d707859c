import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, notifications } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { caregiverOf, revoke } from '../testing/careteam.js';
import { regimenBody, registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface View {
  id: string;
  kind: string;
  patientId: string;
  patientName: string | null;
  slotKey: string | null;
  localTime: string | null;
  amountMg: number | null;
  dueAt: string;
  createdAt: string;
  readAt: string | null;
  silent: boolean;
  pushStatus: string;
  dose: { status: string } | null;
}

interface Page {
  notifications: View[];
  unread: number;
}

const URL = '/api/me/notifications';
const READ_URL = '/api/me/notifications/read';
const MINUTE = 60_000;

describeOnDatabases('notification centre', (harness) => {
  let h: Harness;
  let patient: Client;
  let caregiver: Client;
  let other: Client;

  /** A notification as the scheduler stores it, `minutesAgo` before the test clock. */
  const insert = async (
    recipient: Client,
    patientId: string,
    kind: 'dose' | 'again' | 'caregiver' | 'test',
    options: {
      slotKey?: string | null;
      minutesAgo?: number;
      silent?: boolean;
      data?: Record<string, unknown>;
      at?: Date;
    } = {},
  ): Promise<string> => {
    const id = randomUUID();
    const at = options.at ?? new Date(h.clock.now().getTime() - (options.minutesAgo ?? 0) * MINUTE);
    const slotKey = options.slotKey === undefined ? '2026-03-10T08:00' : options.slotKey;
    await h.database.db.insert(notifications).values({
      id,
      recipientId: recipient.userId,
      patientId,
      kind,
      dedupeKey: `${kind}:${recipient.userId}:${id}`,
      slotKey,
      data: options.data ?? { localTime: slotKey?.slice(11) ?? null, amountMg: 5 },
      dueAt: at,
      createdAt: at,
      silent: options.silent ?? false,
      pushStatus: options.silent === true ? 'none' : 'sent',
    });
    return id;
  };

  const list = async (as: Client, query = ''): Promise<Page> => {
    const res = await as.get(`${URL}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  const markRead = async (as: Client, body: object): Promise<number> => {
    const res = await as.post(READ_URL, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ unread: number }>().unread;
  };

  beforeAll(async () => {
    h = harness();
    patient = await registerPatient(h.app, { displayName: 'Nora Notified' });
    other = await registerPatient(h.app, { displayName: 'Olga Other' });
    for (const p of [patient, other]) {
      const res = await p.post(`/api/patients/${p.userId}/regimen`, regimenBody('2026-03-01'));
      expect(res.statusCode, res.body).toBe(201);
    }
    ({ caregiver } = await caregiverOf(h, patient));
  });

  it('shows an empty centre to someone with no notifications', async () => {
    expect(await list(other)).toEqual({ notifications: [], unread: 0 });
  });

  it('lists only the caller’s own rows, newest first, with the unread count', async () => {
    const dose = await insert(patient, patient.userId, 'dose', { minutesAgo: 30 });
    const again = await insert(patient, patient.userId, 'again', { minutesAgo: 10 });
    const notice = await insert(caregiver, patient.userId, 'caregiver', {
      minutesAgo: 5,
      data: { localTime: '08:00', amountMg: 5, patientName: 'Nora Notified' },
    });
    const otherDose = await insert(other, other.userId, 'dose', { minutesAgo: 1 });

    const own = await list(patient);
    expect(own.notifications.map((n) => n.id)).toEqual([again, dose]);
    expect(own.unread).toBe(2);
    expect(own.notifications[1]).toEqual({
      id: dose,
      kind: 'dose',
      patientId: patient.userId,
      patientName: null,
      slotKey: '2026-03-10T08:00',
      localTime: '08:00',
      amountMg: 5,
      dueAt: new Date(h.clock.now().getTime() - 30 * MINUTE).toISOString(),
      createdAt: new Date(h.clock.now().getTime() - 30 * MINUTE).toISOString(),
      readAt: null,
      silent: false,
      pushStatus: 'sent',
      dose: { status: 'pending' },
    });

    const theirs = await list(caregiver);
    expect(theirs.notifications.map((n) => n.id)).toEqual([notice]);
    expect(theirs.notifications[0]).toMatchObject({
      kind: 'caregiver',
      patientName: 'Nora Notified',
      localTime: '08:00',
      // The slot's state is the patient's: a caregiver's notice never carries it.
      dose: null,
    });
    expect(theirs.unread).toBe(1);

    const stranger = await list(other);
    expect(stranger.notifications.map((n) => n.id)).toEqual([otherDose]);
    for (const id of [dose, again, notice]) expect(JSON.stringify(stranger)).not.toContain(id);
    expect(JSON.stringify(stranger)).not.toContain(patient.userId);
  });

  it('names the patient from the users table when the data has no name', async () => {
    const p = await registerPatient(h.app, { displayName: 'Fallback Name' });
    const { caregiver: c } = await caregiverOf(h, p);
    await insert(c, p.userId, 'caregiver', { data: { localTime: '14:00', amountMg: 5 } });
    const [notice] = (await list(c)).notifications;
    expect(notice?.patientName).toBe('Fallback Name');
    expect(notice?.amountMg).toBe(5);
  });

  it("hides a caregiver's notices once the link is revoked or medications are no longer shared", async () => {
    const p = await registerPatient(h.app, { displayName: 'Private Person' });
    const first = await caregiverOf(h, p);
    const second = await caregiverOf(h, p);
    await insert(first.caregiver, p.userId, 'caregiver', { data: { localTime: '14:00' } });
    await insert(second.caregiver, p.userId, 'caregiver', { data: { localTime: '14:00' } });
    expect((await list(first.caregiver)).unread).toBe(1);
    await revoke(p, first.linkId);
    const revoked = await list(first.caregiver);
    expect(revoked).toMatchObject({ notifications: [], unread: 0 });
    const consent = await p.put(`/api/patients/${p.userId}/care-team/${second.linkId}/consent`, {
      consent: { medications: false, messages: true },
    });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(JSON.stringify(await list(second.caregiver))).not.toContain('Private Person');
  });

  it('marks silent (quiet-hours) reminders', async () => {
    const p = await registerPatient(h.app);
    await insert(p, p.userId, 'dose', { silent: true, slotKey: '2026-03-10T14:00' });
    const [n] = (await list(p)).notifications;
    expect(n).toMatchObject({ silent: true, pushStatus: 'none' });
  });

  it('shows the dose as taken once logged, on both the dose and the again reminder', async () => {
    const p = await registerPatient(h.app);
    const base = `/api/patients/${p.userId}`;
    expect((await p.post(`${base}/regimen`, regimenBody('2026-03-01'))).statusCode).toBe(201);
    // Slots of today (the regimen starts counting when it is recorded, at the test clock).
    const slot = '2026-03-10T08:00';
    const later = '2026-03-10T14:00';
    await insert(p, p.userId, 'dose', { slotKey: slot, minutesAgo: 60 });
    await insert(p, p.userId, 'again', { slotKey: slot, minutesAgo: 30 });
    await insert(p, p.userId, 'dose', { slotKey: later, minutesAgo: 5 });
    const status = async () =>
      Object.fromEntries(
        (await list(p)).notifications.map((n) => [`${n.kind} ${n.slotKey ?? ''}`, n.dose?.status]),
      );
    expect(await status()).toEqual({
      'dose 2026-03-10T08:00': 'pending',
      'again 2026-03-10T08:00': 'pending',
      'dose 2026-03-10T14:00': 'pending',
    });

    // "Taken" from the centre: the contract's key, so a second tap (or the push action) is a replay.
    const body = { idempotencyKey: `reminder-taken:${slot}`, kind: 'taken', slotKey: slot };
    const taken = await p.post(`${base}/doses`, body);
    expect(taken.statusCode, taken.body).toBe(201);
    expect((await p.post(`${base}/doses`, body)).statusCode).toBeLessThan(300);
    expect(await status()).toEqual({
      'dose 2026-03-10T08:00': 'taken',
      'again 2026-03-10T08:00': 'taken',
      'dose 2026-03-10T14:00': 'pending',
    });

    // A different key for a logged slot: 409, and the centre still says taken.
    const twice = await p.post(`${base}/doses`, { ...body, idempotencyKey: randomUUID() });
    expectError(twice, 409, 'STEADY_ERR_ALREADY_LOGGED');

    // A correction (taken → skipped) is what counts afterwards.
    const doseId = taken.json<{ event: { id: string } }>().event.id;
    const corrected = await p.post(`${base}/doses/${doseId}/correct`, {
      idempotencyKey: randomUUID(),
      kind: 'skipped',
      reason: 'Logged by mistake',
    });
    expect(corrected.statusCode, corrected.body).toBeLessThan(300);
    expect((await status())['dose 2026-03-10T08:00']).toBe('skipped');

    const skip = await p.post(`${base}/doses`, {
      idempotencyKey: randomUUID(),
      kind: 'skipped',
      slotKey: later,
    });
    expect(skip.statusCode, skip.body).toBe(201);
    expect((await status())['dose 2026-03-10T14:00']).toBe('skipped');
  });

  it('gives no dose state to test notifications', async () => {
    const p = await registerPatient(h.app);
    await insert(p, p.userId, 'test', { slotKey: null, data: {} });
    expect((await list(p)).notifications[0]).toMatchObject({
      kind: 'test',
      slotKey: null,
      localTime: null,
      amountMg: null,
      dose: null,
    });
  });

  it('pages with before and limit, never splitting one instant across pages', async () => {
    const p = await registerPatient(h.app);
    const at = (m: number) => new Date(h.clock.now().getTime() - m * MINUTE);
    const ids = [
      await insert(p, p.userId, 'test', { slotKey: null, at: at(1) }),
      await insert(p, p.userId, 'test', { slotKey: null, at: at(2) }),
      await insert(p, p.userId, 'test', { slotKey: null, at: at(3) }),
      await insert(p, p.userId, 'test', { slotKey: null, at: at(3) }),
      await insert(p, p.userId, 'test', { slotKey: null, at: at(4) }),
    ];
    const first = await list(p, '?limit=2');
    expect(first.notifications.map((n) => n.id)).toEqual(ids.slice(0, 2));
    expect(first.unread).toBe(5);
    const cursor = first.notifications.at(-1)?.createdAt ?? '';
    const second = await list(p, `?limit=2&before=${encodeURIComponent(cursor)}`);
    expect(second.notifications.map((n) => n.id).sort()).toEqual(ids.slice(2, 4).sort());

    // A page ending inside an instant brings the rest of that instant with it.
    const third = await list(p, `?limit=3`);
    expect(third.notifications).toHaveLength(4);
    const last = third.notifications.at(-1)?.createdAt ?? '';
    const rest = await list(p, `?limit=3&before=${encodeURIComponent(last)}`);
    expect(rest.notifications.map((n) => n.id)).toEqual([ids[4]]);
    expect([...third.notifications, ...rest.notifications].map((n) => n.id).sort()).toEqual(
      [...ids].sort(),
    );

    const all = await list(p);
    expect(all.notifications).toHaveLength(5);
  });

  it('marks the caller’s rows read, and never anyone else’s', async () => {
    const p = await registerPatient(h.app);
    const q = await registerPatient(h.app);
    const mine = [
      await insert(p, p.userId, 'test', { slotKey: null, minutesAgo: 3 }),
      await insert(p, p.userId, 'test', { slotKey: null, minutesAgo: 2 }),
      await insert(p, p.userId, 'test', { slotKey: null, minutesAgo: 1 }),
    ];
    const theirs = await insert(q, q.userId, 'test', { slotKey: null });

    // Someone else's id: nothing changes for them, and the answer is the caller's own count.
    expect(await markRead(p, { ids: [theirs] })).toBe(3);
    expect((await list(q)).unread).toBe(1);
    expect((await list(q)).notifications[0]?.readAt).toBeNull();

    expect(await markRead(p, { ids: [mine[0], theirs] })).toBe(2);
    const after = await list(p);
    expect(after.unread).toBe(2);
    const read = after.notifications.find((n) => n.id === mine[0]);
    expect(read?.readAt).toBe(h.clock.now().toISOString());

    // Marking again keeps the first read time.
    h.clock.advance(MINUTE);
    await markRead(p, { ids: [mine[0]] });
    expect((await list(p)).notifications.find((n) => n.id === mine[0])?.readAt).toBe(read?.readAt);

    // `all` reads every one of the caller's, none of q's.
    expect(await markRead(p, { all: true })).toBe(0);
    expect((await list(q)).unread).toBe(1);
    expect(await markRead(q, { ids: [randomUUID()] })).toBe(1);

    const entries = await h.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, p.userId));
    expect(entries.filter((e) => e.action === 'notifications.read')).toHaveLength(2);
  });

  it('refuses bad pages and bad read bodies (400)', async () => {
    for (const query of ['?limit=0', '?limit=101', '?limit=abc', '?before=yesterday']) {
      expectError(await patient.get(`${URL}${query}`), 400, 'STEADY_ERR_VALIDATION', query);
    }
    const bodies: [string, object][] = [
      ['empty', {}],
      ['no ids', { ids: [] }],
      ['not uuids', { ids: ['abc'] }],
      ['too many', { ids: Array.from({ length: 101 }, () => randomUUID()) }],
      ['both', { ids: [randomUUID()], all: true }],
      ['all false', { all: false }],
      ['unknown field', { all: true, everyone: true }],
    ];
    const before = await list(patient);
    for (const [name, body] of bodies) {
      expectError(await patient.post(READ_URL, body), 400, 'STEADY_ERR_VALIDATION', name);
    }
    expect(await list(patient)).toEqual(before);
  });

  it('answers 401 without a session', async () => {
    expectError(await h.app.inject({ method: 'GET', url: URL }), 401, 'STEADY_ERR_UNAUTHENTICATED');
  });
});
