import { beforeAll, beforeEach, expect, it } from 'vitest';
import { registerPatient, regimenBody, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Slot {
  key: string;
  localTime: string;
  dueAt: string;
  amountMg: number;
  status: 'due' | 'taken' | 'skipped';
  event: { id: string; kind: string; amountMg: number } | null;
}
interface Today {
  date: string;
  timeZone: string;
  regimen: { id: string; version: number } | null;
  slots: Slot[];
  extras: { id: string; kind: string; amountMg: number; takenAt: string }[];
  asNeeded: {
    rule: { amountMg: number; minIntervalHours: number; maxPerDay: number };
    takenToday: number;
    nextAllowedAt: string | null;
  } | null;
}

const TWICE_DAILY = {
  doses: [
    { time: '08:00', amountMg: 5 },
    { time: '20:00', amountMg: 5 },
  ],
};

describeOnDatabases('today', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });
  beforeEach(() => {
    h.clock.set('2026-03-10T12:00:00.000Z');
  });

  /** A patient whose regimen was entered on 1 March 2026 (before both 2026 DST changes). */
  async function patientWith(
    timeZone: string,
    overrides: Record<string, unknown> = {},
  ): Promise<Client> {
    h.clock.set('2026-03-01T12:00:00.000Z');
    const p = await registerPatient(h.app, { timeZone });
    const res = await p.post(
      `/api/patients/${p.userId}/regimen`,
      regimenBody('2026-03-01', overrides),
    );
    expect(res.statusCode).toBe(201);
    h.clock.set('2026-03-10T12:00:00.000Z');
    return p;
  }
  const today = async (p: Client, date?: string) => {
    const res = await p.get(
      `/api/patients/${p.userId}/today${date === undefined ? '' : `?date=${date}`}`,
    );
    expect(res.statusCode).toBe(200);
    return res.json<Today>();
  };
  const dueAts = async (p: Client, date: string) =>
    (await today(p, date)).slots.map((s) => [s.key, s.dueAt]);
  const log = (p: Client, body: Record<string, unknown>) =>
    p.post(`/api/patients/${p.userId}/doses`, body);

  it("lists the day's slots in the patient's local time", async () => {
    const p = await patientWith('America/New_York');
    const t = await today(p);
    expect(t.date).toBe('2026-03-10');
    expect(t.timeZone).toBe('America/New_York');
    expect(t.regimen?.version).toBe(1);
    expect(t.slots).toEqual([
      {
        key: '2026-03-10T08:00',
        localTime: '08:00',
        dueAt: '2026-03-10T12:00:00.000Z',
        amountMg: 5,
        status: 'due',
        event: null,
      },
      {
        key: '2026-03-10T14:00',
        localTime: '14:00',
        dueAt: '2026-03-10T18:00:00.000Z',
        amountMg: 5,
        status: 'due',
        event: null,
      },
      {
        key: '2026-03-10T20:00',
        localTime: '20:00',
        dueAt: '2026-03-11T00:00:00.000Z',
        amountMg: 5,
        status: 'due',
        event: null,
      },
    ]);
    expect(t.extras).toEqual([]);
    expect(t.asNeeded).toBeNull();
  });

  it("takes 'today' from the patient's local date, not UTC", async () => {
    const p = await patientWith('America/New_York');
    h.clock.set('2026-03-11T03:30:00.000Z'); // 23:30 on 10 March in New York
    expect((await today(p)).date).toBe('2026-03-10');
    h.clock.set('2026-03-11T04:30:00.000Z'); // 00:30 on 11 March
    expect((await today(p)).date).toBe('2026-03-11');
  });

  it('shows another day with ?date=', async () => {
    const p = await patientWith('America/New_York');
    const t = await today(p, '2026-03-12');
    expect(t.date).toBe('2026-03-12');
    expect(t.slots.map((s) => s.key)).toEqual([
      '2026-03-12T08:00',
      '2026-03-12T14:00',
      '2026-03-12T20:00',
    ]);
    // Before the regimen starts there is nothing scheduled.
    const before = await today(p, '2026-02-28');
    expect(before.regimen).toBeNull();
    expect(before.slots).toEqual([]);
  });

  it('rejects a ?date= that is not a date', async () => {
    const p = await patientWith('America/New_York');
    for (const date of ['2026-02-30', 'tomorrow', '2026-3-1']) {
      const res = await p.get(`/api/patients/${p.userId}/today?date=${date}`);
      expect(res.statusCode).toBe(400);
    }
  });

  it('keeps local dose times across the New York spring-forward change', async () => {
    const p = await patientWith('America/New_York', TWICE_DAILY);
    expect(await dueAts(p, '2026-03-07')).toEqual([
      ['2026-03-07T08:00', '2026-03-07T13:00:00.000Z'], // EST, UTC−5
      ['2026-03-07T20:00', '2026-03-08T01:00:00.000Z'],
    ]);
    expect(await dueAts(p, '2026-03-08')).toEqual([
      ['2026-03-08T08:00', '2026-03-08T12:00:00.000Z'], // EDT, UTC−4
      ['2026-03-08T20:00', '2026-03-09T00:00:00.000Z'],
    ]);
  });

  it('keeps local dose times across the New York fall-back change', async () => {
    const p = await patientWith('America/New_York', TWICE_DAILY);
    expect(await dueAts(p, '2026-10-31')).toEqual([
      ['2026-10-31T08:00', '2026-10-31T12:00:00.000Z'], // EDT
      ['2026-10-31T20:00', '2026-11-01T00:00:00.000Z'],
    ]);
    expect(await dueAts(p, '2026-11-01')).toEqual([
      ['2026-11-01T08:00', '2026-11-01T13:00:00.000Z'], // EST
      ['2026-11-01T20:00', '2026-11-02T01:00:00.000Z'],
    ]);
  });

  it('moves a dose inside the spring-forward gap forward by the gap', async () => {
    const p = await patientWith('America/New_York', {
      doses: [{ time: '02:30', amountMg: 5 }],
    });
    // 02:30 does not exist on 8 March: the clock jumps from 02:00 EST to 03:00 EDT, so the
    // dose is due at 03:30 EDT (07:30Z), as a wall clock moved forward would show.
    const t = await today(p, '2026-03-08');
    expect(t.slots.map((s) => [s.key, s.localTime, s.dueAt])).toEqual([
      ['2026-03-08T02:30', '02:30', '2026-03-08T07:30:00.000Z'],
    ]);
    expect(await dueAts(p, '2026-03-09')).toEqual([
      ['2026-03-09T02:30', '2026-03-09T06:30:00.000Z'],
    ]);
  });

  it('takes the later (standard-time) 01:30 on the fall-back day', async () => {
    const p = await patientWith('America/New_York', {
      doses: [{ time: '01:30', amountMg: 5 }],
    });
    expect(await dueAts(p, '2026-11-01')).toEqual([
      ['2026-11-01T01:30', '2026-11-01T06:30:00.000Z'],
    ]);
  });

  it('keeps local dose times across the Berlin changes', async () => {
    const p = await patientWith('Europe/Berlin', TWICE_DAILY);
    expect(await dueAts(p, '2026-03-28')).toEqual([
      ['2026-03-28T08:00', '2026-03-28T07:00:00.000Z'], // CET, UTC+1
      ['2026-03-28T20:00', '2026-03-28T19:00:00.000Z'],
    ]);
    expect(await dueAts(p, '2026-03-29')).toEqual([
      ['2026-03-29T08:00', '2026-03-29T06:00:00.000Z'], // CEST, UTC+2
      ['2026-03-29T20:00', '2026-03-29T18:00:00.000Z'],
    ]);
    expect(await dueAts(p, '2026-10-25')).toEqual([
      ['2026-10-25T08:00', '2026-10-25T07:00:00.000Z'], // CET again
      ['2026-10-25T20:00', '2026-10-25T19:00:00.000Z'],
    ]);
  });

  it('logs a dose on the spring-forward day against its local slot', async () => {
    const p = await patientWith('America/New_York', TWICE_DAILY);
    h.clock.set('2026-03-08T12:05:00.000Z'); // 08:05 EDT
    expect((await today(p)).date).toBe('2026-03-08');
    const res = await log(p, {
      idempotencyKey: 'dst-dose-0001',
      kind: 'taken',
      slotKey: '2026-03-08T08:00',
    });
    expect(res.statusCode).toBe(201);
    const t = await today(p);
    expect(t.slots.map((s) => s.status)).toEqual(['taken', 'due']);
    expect(t.slots[0]?.event?.id).toBe(res.json<{ event: { id: string } }>().event.id);
  });

  it('shows each slot as due, taken or skipped, with its event', async () => {
    const p = await patientWith('America/New_York');
    const taken = await log(p, {
      idempotencyKey: 'status-taken-1',
      kind: 'taken',
      slotKey: '2026-03-10T08:00',
    });
    const skipped = await log(p, {
      idempotencyKey: 'status-skip-01',
      kind: 'skipped',
      slotKey: '2026-03-10T14:00',
      reason: 'Too drowsy',
    });
    const t = await today(p);
    expect(t.slots.map((s) => s.status)).toEqual(['taken', 'skipped', 'due']);
    expect(t.slots[0]?.event).toEqual(taken.json<{ event: unknown }>().event);
    expect(t.slots[1]?.event).toEqual(skipped.json<{ event: unknown }>().event);
    expect(t.slots[2]?.event).toBeNull();
  });

  it('lists extra doses apart from the slots', async () => {
    const p = await patientWith('America/New_York');
    const extra = await log(p, {
      idempotencyKey: 'extra-dose-01',
      kind: 'extra',
      slotKey: null,
      amountMg: 2.5,
      reason: 'Spasm after lifting',
    });
    expect(extra.statusCode).toBe(201);
    const t = await today(p);
    expect(t.extras).toEqual([extra.json<{ event: unknown }>().event]);
    expect(t.slots.map((s) => s.status)).toEqual(['due', 'due', 'due']);
    // The extra belongs to 10 March only.
    expect((await today(p, '2026-03-11')).extras).toEqual([]);
  });

  it('tracks the as-needed allowance: count, interval and daily maximum', async () => {
    const rule = { amountMg: 2.5, minIntervalHours: 6, maxPerDay: 2 };
    const p = await patientWith('America/New_York', { asNeeded: rule });
    expect((await today(p)).asNeeded).toEqual({ rule, takenToday: 0, nextAllowedAt: null });

    const extra = (key: string) =>
      log(p, {
        idempotencyKey: key,
        kind: 'extra',
        slotKey: null,
        amountMg: 2.5,
        reason: 'Breakthrough spasm',
      });
    expect((await extra('prn-dose-0001')).statusCode).toBe(201); // 12:00Z
    expect((await today(p)).asNeeded).toEqual({
      rule,
      takenToday: 1,
      nextAllowedAt: '2026-03-10T18:00:00.000Z',
    });

    h.clock.set('2026-03-10T19:00:00.000Z'); // the interval has passed
    expect((await today(p)).asNeeded).toEqual({ rule, takenToday: 1, nextAllowedAt: null });

    expect((await extra('prn-dose-0002')).statusCode).toBe(201);
    // The maximum is reached: nothing more until the local day ends (midnight EDT = 04:00Z).
    expect((await today(p)).asNeeded).toEqual({
      rule,
      takenToday: 2,
      nextAllowedAt: '2026-03-11T04:00:00.000Z',
    });
    h.clock.set('2026-03-11T12:00:00.000Z');
    expect((await today(p)).asNeeded).toEqual({ rule, takenToday: 0, nextAllowedAt: null });
  });

  it('moves an extra dose corrected to another day off today', async () => {
    const rule = { amountMg: 2.5, minIntervalHours: 6, maxPerDay: 2 };
    const p = await patientWith('America/New_York', { asNeeded: rule });
    const logged = await log(p, {
      idempotencyKey: 'moved-extra-1',
      kind: 'extra',
      slotKey: null,
      amountMg: 2.5,
      reason: 'Spasm',
    });
    const { id } = logged.json<{ event: { id: string } }>().event;
    const moved = await p.post(`/api/patients/${p.userId}/doses/${id}/correct`, {
      idempotencyKey: 'moved-extra-2',
      takenAt: '2026-03-10T02:00:00Z', // 22:00 on 9 March
      reason: 'I took it last night',
    });
    expect(moved.statusCode).toBe(201);
    const t = await today(p);
    expect(t.extras).toEqual([]);
    expect(t.asNeeded).toEqual({ rule, takenToday: 0, nextAllowedAt: null });
    const yesterday = await today(p, '2026-03-09');
    expect(yesterday.extras).toEqual([moved.json<{ event: unknown }>().event]);
  });

  it('shows nothing for a patient without a regimen', async () => {
    const p = await registerPatient(h.app);
    expect(await today(p)).toEqual({
      date: '2026-03-10',
      timeZone: 'America/New_York',
      regimen: null,
      slots: [],
      extras: [],
      asNeeded: null,
    });
  });

  it("hides another patient's day (404)", async () => {
    const owner = await patientWith('America/New_York');
    const other = await registerPatient(h.app);
    expect((await other.get(`/api/patients/${owner.userId}/today`)).statusCode).toBe(404);
  });
});
