import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Client, Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { doseFixtures, paths, type DoseEvent, type ErrorJson } from './doses.test-helpers.js';

describeOnDatabases('dose corrections', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });
  beforeEach(() => {
    h.clock.set('2026-03-10T12:00:00.000Z'); // 08:00 in New York
  });
  const { patient, log, eventOf, rows, listed, slotStatus } = doseFixtures(() => h);

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
