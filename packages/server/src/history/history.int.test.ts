import { beforeAll, beforeEach, expect, it } from 'vitest';
import {
  checkInBody,
  registerPatient,
  regimenBody,
  type Client,
  type Harness,
} from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface DoseEvent {
  id: string;
  kind: string;
  slotKey: string | null;
  takenAt: string;
  amountMg: number;
  supersedes: string | null;
}
type TimelineItem =
  | { type: 'dose'; at: string; event: DoseEvent }
  | { type: 'checkin'; at: string; checkIn: { id: string; pain: number } };
interface History {
  timeZone: string;
  daily: { date: string; doseMg: number; pain: number | null }[];
  timeline: TimelineItem[];
}

describeOnDatabases('history', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });
  beforeEach(() => {
    h.clock.set('2026-03-10T12:00:00.000Z');
  });

  /** A New York patient on 3 × 5 mg (08:00, 14:00, 20:00) since 1 March. */
  async function patient(): Promise<Client> {
    h.clock.set('2026-03-01T12:00:00.000Z');
    const p = await registerPatient(h.app);
    await p.post(`/api/patients/${p.userId}/regimen`, regimenBody('2026-03-01'));
    h.clock.set('2026-03-10T12:00:00.000Z');
    return p;
  }
  const history = async (p: Client, query = '') => {
    const res = await p.get(`/api/patients/${p.userId}/history${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<History>();
  };
  const dose = async (p: Client, body: Record<string, unknown>) => {
    const res = await p.post(`/api/patients/${p.userId}/doses`, body);
    expect(res.statusCode).toBe(201);
    return res.json<{ event: DoseEvent }>().event;
  };
  const checkIn = async (p: Client, at: string, pain: number) => {
    h.clock.set(at);
    const res = await p.post(`/api/patients/${p.userId}/checkins`, checkInBody({ pain }));
    expect(res.statusCode).toBe(201);
    return res.json<{ checkIn: { id: string } }>().checkIn.id;
  };

  it('gives 30 empty days ending today by default', async () => {
    const p = await patient();
    const got = await history(p);
    expect(got.timeZone).toBe('America/New_York');
    expect(got.daily).toHaveLength(30);
    expect(got.daily[0]).toEqual({ date: '2026-02-09', doseMg: 0, pain: null });
    expect(got.daily[29]).toEqual({ date: '2026-03-10', doseMg: 0, pain: null });
    expect(got.daily.every((d) => d.doseMg === 0 && d.pain === null)).toBe(true);
    expect(got.timeline).toEqual([]);
  });

  it("ends on the patient's local today", async () => {
    const p = await patient();
    h.clock.set('2026-03-11T03:30:00.000Z'); // 23:30 on 10 March in New York
    const got = await history(p, '?days=3');
    expect(got.daily.map((d) => d.date)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
  });

  it('sums doses and averages pain per local day, after corrections', async () => {
    const p = await patient();
    // Check-ins (recorded at the clock's time).
    const c7 = await checkIn(p, '2026-02-09T05:30:00.000Z', 7); // 00:30 on 9 Feb: first day
    await checkIn(p, '2026-02-09T04:30:00.000Z', 9); // 23:30 on 8 Feb: outside
    const c2 = await checkIn(p, '2026-03-09T14:00:00.000Z', 2);
    const c3a = await checkIn(p, '2026-03-09T20:00:00.000Z', 3);
    const c3b = await checkIn(p, '2026-03-10T02:00:00.000Z', 3); // 22:00 on 9 March
    const c4 = await checkIn(p, '2026-03-10T11:00:00.000Z', 4);
    const c5 = await checkIn(p, '2026-03-10T11:30:00.000Z', 5);
    h.clock.set('2026-03-10T12:00:00.000Z');

    // Doses on 9 March: 5 + (5 corrected to 2.5) + skipped + 2.5 extra + 2.5 extra at 23:30.
    const a = await dose(p, {
      idempotencyKey: 'hist-a-0001',
      kind: 'taken',
      slotKey: '2026-03-09T08:00',
      takenAt: '2026-03-09T12:05:00Z',
    });
    const b = await dose(p, {
      idempotencyKey: 'hist-b-0001',
      kind: 'taken',
      slotKey: '2026-03-09T14:00',
      takenAt: '2026-03-09T18:00:00Z',
    });
    const corrected = await p.post(`/api/patients/${p.userId}/doses/${b.id}/correct`, {
      idempotencyKey: 'hist-c-0001',
      takenAt: '2026-03-09T18:30:00Z',
      amountMg: 2.5,
      reason: 'Half a tablet, a bit later',
    });
    expect(corrected.statusCode).toBe(201);
    const c = corrected.json<{ event: DoseEvent }>().event;
    const d = await dose(p, {
      idempotencyKey: 'hist-d-0001',
      kind: 'skipped',
      slotKey: '2026-03-09T20:00',
      takenAt: '2026-03-10T00:00:00Z',
      reason: 'Too drowsy',
    });
    const e = await dose(p, {
      idempotencyKey: 'hist-e-0001',
      kind: 'extra',
      slotKey: null,
      takenAt: '2026-03-09T21:00:00Z',
      amountMg: 2.5,
      reason: 'Spasm',
    });
    const f = await dose(p, {
      idempotencyKey: 'hist-f-0001',
      kind: 'extra',
      slotKey: null,
      takenAt: '2026-03-10T03:30:00Z',
      amountMg: 2.5,
      reason: 'Spasm at night',
    });
    // 10 March: the morning dose.
    const g = await dose(p, {
      idempotencyKey: 'hist-g-0001',
      kind: 'taken',
      slotKey: '2026-03-10T08:00',
    });

    const got = await history(p);
    expect(got.daily).toHaveLength(30);
    const byDate = new Map(got.daily.map((x) => [x.date, x]));
    expect(byDate.get('2026-02-09')).toEqual({ date: '2026-02-09', doseMg: 0, pain: 7 });
    expect(byDate.get('2026-03-08')).toEqual({ date: '2026-03-08', doseMg: 0, pain: null });
    expect(byDate.get('2026-03-09')).toEqual({ date: '2026-03-09', doseMg: 12.5, pain: 2.7 });
    expect(byDate.get('2026-03-10')).toEqual({ date: '2026-03-10', doseMg: 5, pain: 4.5 });
    expect(got.daily.filter((x) => x.date < '2026-03-09').every((x) => x.doseMg === 0)).toBe(true);

    // Newest first, doses and check-ins mixed; the superseded entry stays, linked.
    expect(got.timeline.map((t) => (t.type === 'dose' ? t.event.id : t.checkIn.id))).toEqual([
      g.id,
      c5,
      c4,
      f.id,
      c3b,
      d.id,
      e.id,
      c3a,
      c.id,
      b.id,
      c2,
      a.id,
      c7,
    ]);
    expect(got.timeline.map((t) => t.type)).toEqual([
      'dose',
      'checkin',
      'checkin',
      'dose',
      'checkin',
      'dose',
      'dose',
      'checkin',
      'dose',
      'dose',
      'checkin',
      'dose',
      'checkin',
    ]);
    const itemOf = (id: string) => got.timeline.find((t) => t.type === 'dose' && t.event.id === id);
    expect(itemOf(c.id)).toEqual({
      type: 'dose',
      at: '2026-03-09T18:30:00.000Z',
      event: expect.objectContaining({ amountMg: 2.5, supersedes: b.id }) as DoseEvent,
    });
    expect(itemOf(b.id)).toEqual({
      type: 'dose',
      at: '2026-03-09T18:00:00.000Z',
      event: expect.objectContaining({ amountMg: 5, supersedes: null }) as DoseEvent,
    });
  });

  it('limits the window to the requested number of days', async () => {
    const p = await patient();
    await checkIn(p, '2026-03-03T16:00:00.000Z', 6); // outside a 7-day window
    const inside = await checkIn(p, '2026-03-04T16:00:00.000Z', 8);
    h.clock.set('2026-03-10T12:00:00.000Z');
    const got = await history(p, '?days=7');
    expect(got.daily.map((x) => x.date)).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(got.daily[0]?.pain).toBe(8);
    expect(got.timeline.map((t) => (t.type === 'checkin' ? t.checkIn.id : null))).toEqual([inside]);
    expect((await history(p, '?days=1')).daily.map((x) => x.date)).toEqual(['2026-03-10']);
    expect((await history(p, '?days=366')).daily).toHaveLength(366);
  });

  it('counts a dose corrected to another day on that day only', async () => {
    const p = await patient();
    // Logged this morning as an extra "now", then corrected: it was taken last night.
    const extra = await dose(p, {
      idempotencyKey: 'moved-extra-1',
      kind: 'extra',
      slotKey: null,
      amountMg: 2.5,
      reason: 'Spasm',
    });
    const moved = await p.post(`/api/patients/${p.userId}/doses/${extra.id}/correct`, {
      idempotencyKey: 'moved-extra-2',
      takenAt: '2026-03-10T02:00:00Z', // 22:00 on 9 March
      reason: 'I took it last night',
    });
    expect(moved.statusCode).toBe(201);
    const two = await history(p, '?days=2');
    expect(two.daily).toEqual([
      { date: '2026-03-09', doseMg: 2.5, pain: null },
      { date: '2026-03-10', doseMg: 0, pain: null },
    ]);
    // Also when the window holds only the day the dose was first logged on.
    const one = await history(p, '?days=1');
    expect(one.daily).toEqual([{ date: '2026-03-10', doseMg: 0, pain: null }]);
  });

  it.each(['0', '400', '-1', '2.5', 'many'])('rejects days=%s with 400', async (days) => {
    const p = await patient();
    const res = await p.get(`/api/patients/${p.userId}/history?days=${days}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'STEADY_ERR_VALIDATION' } });
  });

  it("hides another patient's history (404)", async () => {
    const owner = await patient();
    const other = await patient();
    expect((await other.get(`/api/patients/${owner.userId}/history`)).statusCode).toBe(404);
  });
});
