import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { doseEvents } from '../db/schema.js';
import { registerPatient, regimenBody, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface DoseEvent {
  id: string;
  kind: 'taken' | 'skipped' | 'extra';
  slotKey: string | null;
  takenAt: string;
  amountMg: number;
  reason: string | null;
  createdAt: string;
  supersedes: string | null;
}
interface ErrorJson {
  error: { code: string; details?: unknown };
}

const paths = (json: ErrorJson) =>
  (json.error.details as { path: string }[]).map((d) => d.path.replace(/^\//, ''));

describeOnDatabases('doses', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });
  beforeEach(() => {
    h.clock.set('2026-03-10T12:00:00.000Z'); // 08:00 in New York
  });

  /** A New York patient on 3 × 5 mg (08:00, 14:00, 20:00) since 1 March. */
  async function patient(): Promise<Client> {
    h.clock.set('2026-03-01T12:00:00.000Z');
    const p = await registerPatient(h.app);
    await p.post(`/api/patients/${p.userId}/regimen`, regimenBody('2026-03-01'));
    h.clock.set('2026-03-10T12:00:00.000Z');
    return p;
  }
  const log = (p: Client, body: Record<string, unknown>) =>
    p.post(`/api/patients/${p.userId}/doses`, body);
  const eventOf = (res: LightMyRequestResponse) => res.json<{ event: DoseEvent }>().event;
  const rows = async (p: Client) => {
    const [r] = await h.database.db
      .select({ n: count() })
      .from(doseEvents)
      .where(eq(doseEvents.patientId, p.userId));
    return r?.n;
  };
  const listed = async (p: Client, from: string, to: string) => {
    const res = await p.get(`/api/patients/${p.userId}/doses?from=${from}&to=${to}`);
    expect(res.statusCode).toBe(200);
    return res.json<{ events: DoseEvent[] }>().events;
  };
  const slotStatus = async (p: Client, date = '2026-03-10') =>
    (await p.get(`/api/patients/${p.userId}/today?date=${date}`))
      .json<{ slots: { status: string; event: DoseEvent | null }[] }>()
      .slots.map((s) => [s.status, s.event?.id ?? null]);

  describe('logging', () => {
    it('logs a dose taken now, with the slot amount', async () => {
      const p = await patient();
      const res = await log(p, {
        idempotencyKey: 'taken-now-001',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
      });
      expect(res.statusCode).toBe(201);
      expect(eventOf(res)).toEqual({
        id: expect.any(String) as string,
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
        takenAt: '2026-03-10T12:00:00.000Z',
        amountMg: 5,
        reason: null,
        createdAt: '2026-03-10T12:00:00.000Z',
        supersedes: null,
      });
    });

    it('logs a dose taken earlier, at the given instant (any offset)', async () => {
      const p = await patient();
      const res = await log(p, {
        idempotencyKey: 'taken-early-1',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
        takenAt: '2026-03-10T07:40:00-04:00',
      });
      expect(res.statusCode).toBe(201);
      expect(eventOf(res)).toMatchObject({
        takenAt: '2026-03-10T11:40:00.000Z',
        createdAt: '2026-03-10T12:00:00.000Z',
        amountMg: 5,
      });
    });

    it('logs a different amount than scheduled when given', async () => {
      const p = await patient();
      const res = await log(p, {
        idempotencyKey: 'taken-half-01',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
        amountMg: 2.5,
      });
      expect(eventOf(res).amountMg).toBe(2.5);
    });

    it('logs a skipped dose with its reason and 0 mg', async () => {
      const p = await patient();
      const res = await log(p, {
        idempotencyKey: 'skipped-0001',
        kind: 'skipped',
        slotKey: '2026-03-10T08:00',
        amountMg: 5,
        reason: 'Felt too drowsy',
      });
      expect(res.statusCode).toBe(201);
      expect(eventOf(res)).toMatchObject({
        kind: 'skipped',
        slotKey: '2026-03-10T08:00',
        amountMg: 0,
        reason: 'Felt too drowsy',
      });
    });

    it('logs an extra dose, without a slot', async () => {
      const p = await patient();
      const res = await log(p, {
        idempotencyKey: 'extra-00001',
        kind: 'extra',
        slotKey: null,
        amountMg: 2.5,
        reason: 'Spasm after lifting',
      });
      expect(res.statusCode).toBe(201);
      expect(eventOf(res)).toMatchObject({
        kind: 'extra',
        slotKey: null,
        amountMg: 2.5,
        reason: 'Spasm after lifting',
        supersedes: null,
      });
    });

    it.each([
      ['without an amount', { reason: 'Spasm' }, 'body/amountMg'],
      ['without a reason', { amountMg: 2.5 }, 'body/reason'],
    ])('rejects an extra dose %s (400) and stores nothing', async (_l, fields, path) => {
      const p = await patient();
      const res = await log(p, {
        idempotencyKey: 'extra-bad-01',
        kind: 'extra',
        slotKey: null,
        ...fields,
      });
      expect(res.statusCode).toBe(400);
      const json = res.json<ErrorJson>();
      expect(json.error.code).toBe('STEADY_ERR_VALIDATION');
      expect(paths(json)).toEqual([path]);
      expect(await rows(p)).toBe(0);
    });

    it('rejects a taken or skipped dose without a slot (400)', async () => {
      const p = await patient();
      for (const k of ['taken', 'skipped']) {
        const res = await log(p, { idempotencyKey: `no-slot-${k}`, kind: k, slotKey: null });
        expect(res.statusCode).toBe(400);
        expect(paths(res.json<ErrorJson>())).toEqual(['body/slotKey']);
      }
      expect(await rows(p)).toBe(0);
    });

    it.each([
      ['a time with no dose', '2026-03-10T09:00'],
      ['a day before the regimen', '2026-02-28T08:00'],
      ['a day after tomorrow', '2026-03-12T08:00'],
    ])('rejects %s as an unknown slot (400)', async (_label, slotKey) => {
      const p = await patient();
      const res = await log(p, { idempotencyKey: 'unknown-slot', kind: 'taken', slotKey });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorJson>().error.code).toBe('STEADY_ERR_UNKNOWN_SLOT');
      expect(await rows(p)).toBe(0);
    });

    it("accepts tomorrow's slot (a late-night dose logged ahead)", async () => {
      const p = await patient();
      const res = await log(p, {
        idempotencyKey: 'tomorrow-001',
        kind: 'taken',
        slotKey: '2026-03-11T08:00',
        takenAt: '2026-03-10T12:00:00Z',
      });
      expect(res.statusCode).toBe(201);
    });

    it('rejects a slot key that is not YYYY-MM-DDTHH:mm (400)', async () => {
      const p = await patient();
      const res = await log(p, {
        idempotencyKey: 'bad-slot-key',
        kind: 'taken',
        slotKey: '2026-03-10 08:00',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorJson>().error.code).toBe('STEADY_ERR_VALIDATION');
    });

    it('rejects takenAt in the future, allowing 5 minutes of clock skew', async () => {
      const p = await patient();
      const future = await log(p, {
        idempotencyKey: 'future-0001',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
        takenAt: '2026-03-10T12:05:01Z',
      });
      expect(future.statusCode).toBe(400);
      expect(future.json()).toMatchObject({
        error: {
          code: 'STEADY_ERR_VALIDATION',
          details: [{ path: '/body/takenAt', message: 'in the future' }],
        },
      });
      expect(await rows(p)).toBe(0);
      const skewed = await log(p, {
        idempotencyKey: 'future-0002',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
        takenAt: '2026-03-10T12:04:00Z',
      });
      expect(skewed.statusCode).toBe(201);
    });

    it('rejects a short idempotency key (400)', async () => {
      const p = await patient();
      const res = await log(p, {
        idempotencyKey: 'short',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
      });
      expect(res.statusCode).toBe(400);
    });
  });

  describe('idempotency', () => {
    it('answers a resent request with 200 and the same event, storing one row', async () => {
      const p = await patient();
      const body = {
        idempotencyKey: 'resend-0001',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
      };
      const first = await log(p, body);
      expect(first.statusCode).toBe(201);
      h.clock.advance(30_000);
      const again = await log(p, body);
      expect(again.statusCode).toBe(200);
      expect(eventOf(again)).toEqual(eventOf(first));
      expect(await rows(p)).toBe(1);
    });

    it('answers a resent extra dose with 200, even when the client sent a slot key', async () => {
      const p = await patient();
      const body = {
        idempotencyKey: 'resend-extra',
        kind: 'extra',
        slotKey: '2026-03-10T08:00',
        amountMg: 2.5,
        reason: 'Spasm',
      };
      const first = await log(p, body);
      expect(first.statusCode).toBe(201);
      expect(eventOf(first).slotKey).toBeNull();
      const again = await log(p, body);
      expect(again.statusCode).toBe(200);
      expect(eventOf(again)).toEqual(eventOf(first));
      expect(await rows(p)).toBe(1);
    });

    it.each([
      ['another kind', { kind: 'skipped', reason: 'Drowsy' }],
      ['another slot', { slotKey: '2026-03-10T14:00' }],
    ])('answers 409 when the key is reused for %s', async (_label, change) => {
      const p = await patient();
      const body = {
        idempotencyKey: 'reused-key-1',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
      };
      expect((await log(p, body)).statusCode).toBe(201);
      const res = await log(p, { ...body, ...change });
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorJson>().error.code).toBe('STEADY_ERR_IDEMPOTENCY_CONFLICT');
      expect(await rows(p)).toBe(1);
    });

    it('keeps keys per patient', async () => {
      const a = await patient();
      const b = await patient();
      const body = {
        idempotencyKey: 'shared-key-1',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
      };
      expect((await log(a, body)).statusCode).toBe(201);
      expect((await log(b, body)).statusCode).toBe(201);
    });
  });

  describe('a slot logged twice', () => {
    it('answers 409 with the existing entry and stores nothing', async () => {
      const p = await patient();
      const first = await log(p, {
        idempotencyKey: 'twice-first',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
      });
      const second = await log(p, {
        idempotencyKey: 'twice-second',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
      });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({
        error: { code: 'STEADY_ERR_ALREADY_LOGGED', details: { existing: eventOf(first) } },
      });
      expect(await rows(p)).toBe(1);
    });

    it('lets only one of two simultaneous first logs of a slot land', async () => {
      const p = await patient();
      const send = (key: string) =>
        log(p, { idempotencyKey: key, kind: 'taken', slotKey: '2026-03-10T14:00' });
      const answers = await Promise.all([send('race-first-a'), send('race-first-b')]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(await rows(p)).toBe(1);
    });

    it('stores it with confirmDuplicate under the same key; the new entry supersedes', async () => {
      const p = await patient();
      const first = eventOf(
        await log(p, {
          idempotencyKey: 'dup-first-1',
          kind: 'taken',
          slotKey: '2026-03-10T08:00',
        }),
      );
      const body = {
        idempotencyKey: 'dup-second-1',
        kind: 'skipped',
        slotKey: '2026-03-10T08:00',
        reason: 'Logged by mistake, I did not take it',
      };
      expect((await log(p, body)).statusCode).toBe(409);
      h.clock.advance(60_000);
      const confirmed = await log(p, { ...body, confirmDuplicate: true });
      expect(confirmed.statusCode).toBe(201);
      const second = eventOf(confirmed);
      expect(second).toMatchObject({
        kind: 'skipped',
        slotKey: '2026-03-10T08:00',
        supersedes: first.id,
        createdAt: '2026-03-10T12:01:00.000Z',
      });
      expect(await rows(p)).toBe(2);
      expect(await slotStatus(p)).toEqual([
        ['skipped', second.id],
        ['due', null],
        ['due', null],
      ]);
      // Resending the confirmed request is a replay, not a third entry.
      const resent = await log(p, { ...body, confirmDuplicate: true });
      expect(resent.statusCode).toBe(200);
      expect(eventOf(resent)).toEqual(second);
      expect(await rows(p)).toBe(2);
    });

    it('compares against the latest entry after a confirmed duplicate', async () => {
      const p = await patient();
      await log(p, {
        idempotencyKey: 'chain-0001',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
      });
      h.clock.advance(1000);
      const second = eventOf(
        await log(p, {
          idempotencyKey: 'chain-0002',
          kind: 'taken',
          slotKey: '2026-03-10T08:00',
          confirmDuplicate: true,
        }),
      );
      h.clock.advance(1000);
      const third = await log(p, {
        idempotencyKey: 'chain-0003',
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
      });
      expect(third.statusCode).toBe(409);
      expect(third.json()).toMatchObject({ error: { details: { existing: second } } });
    });
  });

  describe('corrections', () => {
    const correct = (p: Client, id: string, body: Record<string, unknown>) =>
      p.post(`/api/patients/${p.userId}/doses/${id}/correct`, body);

    it('adds a correcting event; the original stays in the list', async () => {
      const p = await patient();
      const original = eventOf(
        await log(p, {
          idempotencyKey: 'orig-00001',
          kind: 'taken',
          slotKey: '2026-03-10T08:00',
        }),
      );
      h.clock.set('2026-03-10T14:00:00.000Z');
      const res = await correct(p, original.id, {
        idempotencyKey: 'corr-00001',
        takenAt: '2026-03-10T11:30:00Z',
        amountMg: 2.5,
        reason: 'I took half a tablet, earlier',
      });
      expect(res.statusCode).toBe(201);
      const correction = eventOf(res);
      expect(correction).toEqual({
        id: expect.any(String) as string,
        kind: 'taken',
        slotKey: '2026-03-10T08:00',
        takenAt: '2026-03-10T11:30:00.000Z',
        amountMg: 2.5,
        reason: 'I took half a tablet, earlier',
        createdAt: '2026-03-10T14:00:00.000Z',
        supersedes: original.id,
      });
      expect(await listed(p, '2026-03-10', '2026-03-10')).toEqual([original, correction]);
      expect((await slotStatus(p))[0]).toEqual(['taken', correction.id]);
    });

    it('keeps the original values the correction does not change', async () => {
      const p = await patient();
      const original = eventOf(
        await log(p, {
          idempotencyKey: 'orig-00002',
          kind: 'taken',
          slotKey: '2026-03-10T08:00',
          takenAt: '2026-03-10T11:50:00Z',
        }),
      );
      const correction = eventOf(
        await correct(p, original.id, {
          idempotencyKey: 'corr-00002',
          kind: 'skipped',
          reason: 'I did not take it after all',
        }),
      );
      expect(correction).toMatchObject({
        kind: 'skipped',
        slotKey: '2026-03-10T08:00',
        takenAt: '2026-03-10T11:50:00.000Z',
        amountMg: 0,
        supersedes: original.id,
      });
      expect((await slotStatus(p))[0]).toEqual(['skipped', correction.id]);
    });

    it('gives a skipped dose corrected to taken the scheduled amount', async () => {
      const p = await patient();
      const skipped = eventOf(
        await log(p, {
          idempotencyKey: 'orig-skip-01',
          kind: 'skipped',
          slotKey: '2026-03-10T08:00',
          reason: 'Forgot',
        }),
      );
      const res = await correct(p, skipped.id, {
        idempotencyKey: 'corr-skip-01',
        kind: 'taken',
        reason: 'I did take it after all',
      });
      expect(res.statusCode).toBe(201);
      expect(eventOf(res)).toMatchObject({
        kind: 'taken',
        amountMg: 5,
        supersedes: skipped.id,
      });
      const half = await correct(p, eventOf(res).id, {
        idempotencyKey: 'corr-skip-02',
        amountMg: 2.5,
        reason: 'Only half',
      });
      expect(eventOf(half)).toMatchObject({ kind: 'taken', amountMg: 2.5 });
    });

    it('corrects an extra dose', async () => {
      const p = await patient();
      const extra = eventOf(
        await log(p, {
          idempotencyKey: 'extra-orig-1',
          kind: 'extra',
          slotKey: null,
          amountMg: 5,
          reason: 'Spasm',
        }),
      );
      const res = await correct(p, extra.id, {
        idempotencyKey: 'extra-corr-1',
        amountMg: 2.5,
        reason: 'It was half a tablet',
      });
      expect(res.statusCode).toBe(201);
      expect(eventOf(res)).toMatchObject({
        kind: 'extra',
        slotKey: null,
        amountMg: 2.5,
        supersedes: extra.id,
      });
      const today = (await p.get(`/api/patients/${p.userId}/today`)).json<{
        extras: DoseEvent[];
      }>();
      expect(today.extras.map((e) => e.id)).toEqual([eventOf(res).id]);
    });

    it('refuses to turn a scheduled dose into an extra one (400)', async () => {
      const p = await patient();
      const original = eventOf(
        await log(p, {
          idempotencyKey: 'orig-00003',
          kind: 'taken',
          slotKey: '2026-03-10T08:00',
        }),
      );
      const res = await correct(p, original.id, {
        idempotencyKey: 'corr-00003',
        kind: 'extra',
        reason: 'Wrong',
      });
      expect(res.statusCode).toBe(400);
      expect(paths(res.json<ErrorJson>())).toEqual(['body/kind']);
      expect(await rows(p)).toBe(1);
    });

    it('answers 409 when the same original is corrected twice', async () => {
      const p = await patient();
      const original = eventOf(
        await log(p, {
          idempotencyKey: 'orig-00004',
          kind: 'taken',
          slotKey: '2026-03-10T08:00',
        }),
      );
      const body = { idempotencyKey: 'corr-00004', amountMg: 2.5, reason: 'Half a tablet' };
      const first = await correct(p, original.id, body);
      expect(first.statusCode).toBe(201);
      // The same request again is a replay…
      const resent = await correct(p, original.id, body);
      expect(resent.statusCode).toBe(200);
      expect(eventOf(resent)).toEqual(eventOf(first));
      // …a second, different correction of the same original is refused.
      const second = await correct(p, original.id, {
        idempotencyKey: 'corr-00005',
        amountMg: 5,
        reason: 'No, it was a whole one',
      });
      expect(second.statusCode).toBe(409);
      expect(second.json<ErrorJson>().error.code).toBe('STEADY_ERR_ALREADY_CORRECTED');
      expect(await rows(p)).toBe(2);
      // Correcting the correction is the way to change it again.
      const third = await correct(p, eventOf(first).id, {
        idempotencyKey: 'corr-00006',
        amountMg: 5,
        reason: 'No, it was a whole one',
      });
      expect(third.statusCode).toBe(201);
      expect(eventOf(third).supersedes).toBe(eventOf(first).id);
      expect((await slotStatus(p))[0]).toEqual(['taken', eventOf(third).id]);
    });

    it('answers 409 when a correction key was already used for something else', async () => {
      const p = await patient();
      const a = eventOf(
        await log(p, {
          idempotencyKey: 'orig-00007',
          kind: 'taken',
          slotKey: '2026-03-10T08:00',
        }),
      );
      const res = await correct(p, a.id, { idempotencyKey: 'orig-00007', reason: 'x' });
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorJson>().error.code).toBe('STEADY_ERR_IDEMPOTENCY_CONFLICT');
    });

    it('rejects a corrected takenAt in the future (400)', async () => {
      const p = await patient();
      const original = eventOf(
        await log(p, {
          idempotencyKey: 'orig-00008',
          kind: 'taken',
          slotKey: '2026-03-10T08:00',
        }),
      );
      const res = await correct(p, original.id, {
        idempotencyKey: 'corr-00008',
        takenAt: '2026-03-10T13:00:00Z',
        reason: 'Later',
      });
      expect(res.statusCode).toBe(400);
      expect(await rows(p)).toBe(1);
    });

    it("answers 404 for an unknown dose or another patient's dose", async () => {
      const owner = await patient();
      const other = await patient();
      const dose = eventOf(
        await log(owner, {
          idempotencyKey: 'orig-00009',
          kind: 'taken',
          slotKey: '2026-03-10T08:00',
        }),
      );
      const body = { idempotencyKey: 'corr-00009', amountMg: 0, reason: 'Not mine' };
      const viaOwnPath = await correct(other, dose.id, body);
      expect(viaOwnPath.statusCode).toBe(404);
      expect(viaOwnPath.json<ErrorJson>().error.code).toBe('STEADY_ERR_NOT_FOUND');
      const viaTheirPath = await other.post(
        `/api/patients/${owner.userId}/doses/${dose.id}/correct`,
        body,
      );
      expect(viaTheirPath.statusCode).toBe(404);
      const unknown = await correct(owner, '00000000-0000-4000-8000-000000000000', body);
      expect(unknown.statusCode).toBe(404);
      expect(await rows(owner)).toBe(1);
      expect(await rows(other)).toBe(0);
    });

    it('requires a reason (400)', async () => {
      const p = await patient();
      const original = eventOf(
        await log(p, {
          idempotencyKey: 'orig-00010',
          kind: 'taken',
          slotKey: '2026-03-10T08:00',
        }),
      );
      const res = await correct(p, original.id, {
        idempotencyKey: 'corr-00010',
        amountMg: 2.5,
      });
      expect(res.statusCode).toBe(400);
    });
  });

  describe('GET /doses', () => {
    it('lists events by local day of takenAt, in recording order', async () => {
      const p = await patient();
      // 20:00 on 9 March taken at 23:30 New York time (03:30Z on 10 March).
      const late = eventOf(
        await log(p, {
          idempotencyKey: 'list-00001',
          kind: 'taken',
          slotKey: '2026-03-09T20:00',
          takenAt: '2026-03-10T03:30:00Z',
        }),
      );
      h.clock.advance(1000);
      const morning = eventOf(
        await log(p, {
          idempotencyKey: 'list-00002',
          kind: 'taken',
          slotKey: '2026-03-10T08:00',
        }),
      );
      expect(await listed(p, '2026-03-09', '2026-03-09')).toEqual([late]);
      expect(await listed(p, '2026-03-10', '2026-03-10')).toEqual([morning]);
      expect(await listed(p, '2026-03-01', '2026-03-10')).toEqual([late, morning]);
      expect(await listed(p, '2026-03-11', '2026-03-20')).toEqual([]);
    });

    it('rejects a range that ends before it starts, or bad dates (400)', async () => {
      const p = await patient();
      const base = `/api/patients/${p.userId}/doses`;
      expect((await p.get(`${base}?from=2026-03-10&to=2026-03-09`)).statusCode).toBe(400);
      expect((await p.get(`${base}?from=2026-03-10`)).statusCode).toBe(400);
      expect((await p.get(`${base}?from=yesterday&to=2026-03-10`)).statusCode).toBe(400);
    });

    it('accepts up to 400 local days in one request and refuses more (400)', async () => {
      const p = await patient();
      const base = `/api/patients/${p.userId}/doses`;
      expect((await p.get(`${base}?from=2025-02-04&to=2026-03-10`)).statusCode).toBe(200);
      const tooLong = await p.get(`${base}?from=2025-02-03&to=2026-03-10`);
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json()).toMatchObject({ error: { code: 'STEADY_ERR_VALIDATION' } });
    });

    it("hides another patient's doses (404)", async () => {
      const owner = await patient();
      const other = await patient();
      const res = await other.get(
        `/api/patients/${owner.userId}/doses?from=2026-03-01&to=2026-03-10`,
      );
      expect(res.statusCode).toBe(404);
    });
  });
});
