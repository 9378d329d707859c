import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import { createAlertQueue } from './queue.js';

const log = { error: () => undefined } as unknown as FastifyBaseLogger;
const ctx = { now: () => new Date(0) } as unknown as AppContext;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(durationMs = 0) {
  const calls: { patientId: string; at: string }[] = [];
  const recompute = async (c: AppContext, patientId: string) => {
    calls.push({ patientId, at: c.now().toISOString() });
    await sleep(durationMs);
  };
  return { calls, recompute };
}

describe('alert queue', () => {
  it('coalesces a burst of writes into one run as of the newest write', async () => {
    const { calls, recompute } = recorder();
    const queue = createAlertQueue(ctx, log, { delayMs: 50, maxWaitMs: 1000 }, recompute);
    for (let i = 0; i < 10; i++) queue.schedule('p1', new Date(Date.UTC(2026, 0, 1, 0, i)));
    await sleep(120);
    expect(calls).toEqual([{ patientId: 'p1', at: '2026-01-01T00:09:00.000Z' }]);
  });

  it('does not wait for the quiet period when a reader needs the result', async () => {
    const { calls, recompute } = recorder();
    const queue = createAlertQueue(ctx, log, { delayMs: 60_000, maxWaitMs: 60_000 }, recompute);
    queue.schedule('p1', new Date(1000));
    queue.schedule('p2', new Date(2000));
    await queue.settled('p1');
    expect(calls.map((c) => c.patientId)).toEqual(['p1']);
    await queue.settled();
    expect(calls.map((c) => c.patientId)).toEqual(['p1', 'p2']);
  });

  it('runs once more after a run when writes arrived during it', async () => {
    const { calls, recompute } = recorder(40);
    const queue = createAlertQueue(ctx, log, { delayMs: 0, maxWaitMs: 0 }, recompute);
    queue.schedule('p1', new Date(1000));
    await sleep(10); // the first run is under way
    queue.schedule('p1', new Date(2000));
    queue.schedule('p1', new Date(3000));
    await queue.settled('p1');
    expect(calls.map((c) => c.at)).toEqual([
      new Date(1000).toISOString(),
      new Date(3000).toISOString(),
    ]);
  });

  it('bounds the wait under a steady stream of writes', async () => {
    const { calls, recompute } = recorder();
    const queue = createAlertQueue(ctx, log, { delayMs: 50, maxWaitMs: 120 }, recompute);
    for (let i = 0; i < 12; i++) {
      queue.schedule('p1', new Date(i * 1000));
      await sleep(20);
    }
    expect(calls.length).toBeGreaterThanOrEqual(1);
    await queue.settled();
  });

  it('keeps going after a failed run and logs no health data', async () => {
    const logged: unknown[] = [];
    const failing = createAlertQueue(
      ctx,
      { error: (obj: unknown) => logged.push(obj) } as unknown as FastifyBaseLogger,
      { delayMs: 0, maxWaitMs: 0 },
      () => Promise.reject(new TypeError('boom')),
    );
    failing.schedule('p1', new Date(0));
    await failing.settled();
    expect(logged).toEqual([{ patientId: 'p1', err: 'TypeError' }]);
  });
});
