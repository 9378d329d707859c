import { describe as group, expect, it } from 'vitest';
import {
  afterAttempt,
  describe,
  enqueue,
  entriesOf,
  outcomeOf,
  retryDelayMs,
  slotKeyOf,
  stopsRun,
  toSend,
  withAnsweredAt,
  withTakenAt,
  type QueuedRequest,
} from './queue';

const NOW = '2026-03-03T14:05:00.000Z';

function add(
  items: QueuedRequest[],
  key: string,
  userId = 'u1',
  kind: 'dose' | 'checkin' = 'dose',
) {
  return enqueue(items, {
    userId,
    kind,
    path: `/api/patients/${userId}/${kind === 'dose' ? 'doses' : 'checkins'}`,
    body: { idempotencyKey: key, kind: 'taken', slotKey: '2026-03-03T08:00' },
    now: NOW,
  }).items;
}

group('outcomeOf', () => {
  it('treats 201 and a replay (200) as saved, no answer as a network failure', () => {
    expect(outcomeOf(201)).toEqual({ type: 'saved' });
    expect(outcomeOf(200)).toEqual({ type: 'saved' });
    expect(outcomeOf(0)).toEqual({ type: 'network' });
  });

  it('keeps entries through server trouble and ended sessions', () => {
    expect(outcomeOf(503).type).toBe('later');
    expect(outcomeOf(500).type).toBe('later');
    expect(outcomeOf(429).type).toBe('later');
    expect(outcomeOf(401, 'STEADY_ERR_UNAUTHENTICATED').type).toBe('signed-out');
    expect(outcomeOf(403, 'STEADY_ERR_CSRF').type).toBe('signed-out');
  });

  it('reports any other refusal with its code and message', () => {
    expect(outcomeOf(409, 'STEADY_ERR_ALREADY_LOGGED', 'Already logged')).toEqual({
      type: 'refused',
      error: { status: 409, code: 'STEADY_ERR_ALREADY_LOGGED', message: 'Already logged' },
    });
    expect(outcomeOf(403, 'STEADY_ERR_FORBIDDEN').type).toBe('refused');
    expect(outcomeOf(400, 'STEADY_ERR_VALIDATION').type).toBe('refused');
  });

  it('stops a run on failures that would hit the next entry too, not on a refusal', () => {
    expect(stopsRun({ type: 'network' })).toBe(true);
    expect(stopsRun({ type: 'later' })).toBe(true);
    expect(stopsRun({ type: 'signed-out' })).toBe(true);
    expect(stopsRun({ type: 'saved' })).toBe(false);
    expect(stopsRun(outcomeOf(409, 'X'))).toBe(false);
  });
});

group('enqueue', () => {
  it('keys entries by idempotency key and numbers them in logging order', () => {
    const items = add(add([], 'a'), 'b');
    expect(items.map((i) => [i.key, i.seq, i.attempts, i.error])).toEqual([
      ['a', 1, 0, null],
      ['b', 2, 0, null],
    ]);
    expect(items[0]?.queuedAt).toBe(NOW);
  });

  it('never holds one action twice', () => {
    const once = add([], 'a');
    const again = enqueue(once, {
      userId: 'u1',
      kind: 'dose',
      path: '/x',
      body: { idempotencyKey: 'a' },
      now: '2026-03-03T15:00:00.000Z',
    });
    expect(again.items).toHaveLength(1);
    expect(again.item.queuedAt).toBe(NOW);
  });
});

group('afterAttempt', () => {
  const [item] = add([], 'a');
  if (item === undefined) throw new Error('no item');

  it('removes an entry the server holds', () => {
    expect(afterAttempt(item, { type: 'saved' })).toBeNull();
  });

  it('keeps it, counting the attempt, when there was no answer', () => {
    expect(afterAttempt(item, { type: 'network' })).toEqual({ ...item, attempts: 1 });
  });

  it('keeps a refused entry with its error, never drops it silently', () => {
    const refused = afterAttempt(item, outcomeOf(409, 'STEADY_ERR_ALREADY_LOGGED', 'No'));
    expect(refused?.error).toEqual({
      status: 409,
      code: 'STEADY_ERR_ALREADY_LOGGED',
      message: 'No',
    });
    expect(toSend(refused === null ? [] : [refused], 'u1')).toEqual([]);
    expect(entriesOf(refused === null ? [] : [refused], 'u1')).toHaveLength(1);
  });
});

group('toSend', () => {
  it("sends only the user's own entries, in order, skipping refused ones", () => {
    let items = add(add(add([], 'a'), 'other', 'u2'), 'b');
    items = items.map((i) => (i.key === 'a' ? { ...i, seq: 9 } : i));
    expect(toSend(items, 'u1').map((i) => i.key)).toEqual(['b', 'a']);
    const refusedB = items.map((i) =>
      i.key === 'b' ? { ...i, error: { status: 400, code: 'X', message: '' } } : i,
    );
    expect(toSend(refusedB, 'u1').map((i) => i.key)).toEqual(['a']);
  });
});

group('withTakenAt', () => {
  it('keeps the time a dose was logged, not the time it reaches the server', () => {
    expect(withTakenAt({ idempotencyKey: 'k', kind: 'taken' }, NOW)).toEqual({
      idempotencyKey: 'k',
      kind: 'taken',
      takenAt: NOW,
    });
    const earlier = { idempotencyKey: 'k', takenAt: '2026-03-03T08:10:00.000Z' };
    expect(withTakenAt(earlier, NOW)).toEqual(earlier);
  });

  it('keeps the time a check-in was answered', () => {
    expect(withAnsweredAt({ idempotencyKey: 'k', pain: 4 }, NOW)).toEqual({
      idempotencyKey: 'k',
      pain: 4,
      at: NOW,
    });
  });
});

group('describe and slotKeyOf', () => {
  it('names doses by slot and time taken, check-ins by time logged', () => {
    const [dose] = add([], 'a');
    if (dose === undefined) throw new Error('no item');
    expect(slotKeyOf(dose)).toBe('2026-03-03T08:00');
    expect(
      describe({ ...dose, body: { ...dose.body, takenAt: '2026-03-03T08:10:00.000Z' } }),
    ).toEqual({
      what: 'dose',
      at: '2026-03-03T08:10:00.000Z',
    });
    expect(
      describe({ ...dose, body: { idempotencyKey: 'a', kind: 'extra', slotKey: null } }),
    ).toEqual({
      what: 'extraDose',
      at: NOW,
    });
    const [checkIn] = add([], 'c', 'u1', 'checkin');
    if (checkIn === undefined) throw new Error('no item');
    expect(slotKeyOf(checkIn)).toBeNull();
    expect(describe(checkIn)).toEqual({ what: 'checkin', at: NOW });
  });
});

group('retryDelayMs', () => {
  it('backs off from 15 s to at most 5 minutes', () => {
    expect(retryDelayMs(0)).toBe(15_000);
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(3)).toBe(120_000);
    expect(retryDelayMs(10)).toBe(300_000);
  });
});
