import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { doseFixtures, paths, type ErrorJson } from './doses.test-helpers.js';

describeOnDatabases('doses', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });
  beforeEach(() => {
    h.clock.set('2026-03-10T12:00:00.000Z'); // 08:00 in New York
  });
  const { patient, log, eventOf, rows, slotStatus } = doseFixtures(() => h);

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
});
