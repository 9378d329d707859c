import { describe, expect, it } from 'vitest';
import { enqueue, outcomeOf, type QueuedRequest, type SendOutcome } from './queue';
import { memoryStore, syncQueue } from './sync';

function queueOf(keys: readonly string[], userId = 'u1'): QueuedRequest[] {
  let items: QueuedRequest[] = [];
  for (const key of keys) {
    items = enqueue(items, {
      userId,
      kind: 'dose',
      path: '/api/patients/u1/doses',
      body: { idempotencyKey: key },
      now: '2026-03-03T14:05:00.000Z',
    }).items;
  }
  return items;
}

/** A fake server: answers by key from `answers` (default 201) and records what it received. */
function server(answers: Record<string, SendOutcome> = {}) {
  const received: string[] = [];
  const send = (item: QueuedRequest) => {
    received.push(item.key);
    return Promise.resolve(answers[item.key] ?? { type: 'saved' as const });
  };
  return { received, send };
}

describe('syncQueue', () => {
  it('sends every entry once, in logging order, and empties the queue', async () => {
    const store = memoryStore(queueOf(['a', 'b', 'c']));
    const { received, send } = server();
    expect(await syncQueue(store, 'u1', send)).toEqual({ saved: 3, refused: 0, stoppedBy: null });
    expect(received).toEqual(['a', 'b', 'c']);
    expect(await store.all()).toEqual([]);
    // A second run has nothing left to send: nothing is doubled.
    await syncQueue(store, 'u1', send);
    expect(received).toEqual(['a', 'b', 'c']);
  });

  it('stops at the first network failure and resumes there, keeping the rest', async () => {
    const store = memoryStore(queueOf(['a', 'b', 'c']));
    const offline = server({ b: { type: 'network' } });
    expect(await syncQueue(store, 'u1', offline.send)).toEqual({
      saved: 1,
      refused: 0,
      stoppedBy: 'network',
    });
    expect(offline.received).toEqual(['a', 'b']);
    expect((await store.all()).map((i) => [i.key, i.attempts])).toEqual([
      ['b', 1],
      ['c', 0],
    ]);

    const online = server();
    await syncQueue(store, 'u1', online.send);
    expect(online.received).toEqual(['b', 'c']);
    expect(await store.all()).toEqual([]);
  });

  it('keeps a refused entry for the patient and goes on with the next', async () => {
    const store = memoryStore(queueOf(['a', 'b']));
    const { received, send } = server({ a: outcomeOf(409, 'STEADY_ERR_ALREADY_LOGGED', 'Logged') });
    expect(await syncQueue(store, 'u1', send)).toEqual({ saved: 1, refused: 1, stoppedBy: null });
    expect(received).toEqual(['a', 'b']);
    const left = await store.all();
    expect(left.map((i) => [i.key, i.error?.code])).toEqual([['a', 'STEADY_ERR_ALREADY_LOGGED']]);
    // A refused entry is not sent again; it stays until dismissed.
    await syncQueue(store, 'u1', send);
    expect(received).toEqual(['a', 'b']);
    expect(await store.all()).toHaveLength(1);
  });

  it("keeps everything while the session has ended, and never sends another user's entries", async () => {
    const store = memoryStore([...queueOf(['a', 'b']), ...queueOf(['x'], 'u2')]);
    const { received, send } = server({ a: outcomeOf(401, 'STEADY_ERR_UNAUTHENTICATED') });
    expect((await syncQueue(store, 'u1', send)).stoppedBy).toBe('signed-out');
    expect(received).toEqual(['a']);
    expect((await store.all()).map((i) => i.key).sort()).toEqual(['a', 'b', 'x']);
  });
});
