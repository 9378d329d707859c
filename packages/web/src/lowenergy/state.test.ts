import { describe, expect, it } from 'vitest';
import { quickCheckInBody, readStored, reconcile, writeStored } from './state';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      data.set(k, v);
    },
  };
}

describe('stored low-energy value', () => {
  it('round-trips per user', () => {
    const storage = memoryStorage();
    writeStored(storage, 'a', { lowEnergy: true, synced: false });
    expect(readStored(storage, 'a')).toEqual({ lowEnergy: true, synced: false });
    expect(readStored(storage, 'b')).toBeNull();
  });

  it('ignores garbage and missing storage', () => {
    const storage = memoryStorage();
    storage.data.set('steady.lowEnergy.a', '{not json');
    expect(readStored(storage, 'a')).toBeNull();
    storage.data.set('steady.lowEnergy.a', JSON.stringify({ lowEnergy: 'yes', synced: true }));
    expect(readStored(storage, 'a')).toBeNull();
    expect(readStored(null, 'a')).toBeNull();
    expect(() => {
      writeStored(
        {
          setItem: () => {
            throw new Error('quota');
          },
        },
        'a',
        { lowEnergy: true, synced: true },
      );
    }).not.toThrow();
  });
});

describe('reconcile', () => {
  it('shows the device value until the server answers, off by default', () => {
    expect(reconcile(undefined, null)).toEqual({ lowEnergy: false, push: false });
    expect(reconcile(undefined, { lowEnergy: true, synced: true })).toEqual({
      lowEnergy: true,
      push: false,
    });
  });

  it('follows the server once it answers, when the device has nothing unsaved', () => {
    expect(reconcile(false, { lowEnergy: true, synced: true })).toEqual({
      lowEnergy: false,
      push: false,
    });
    expect(reconcile(true, null)).toEqual({ lowEnergy: true, push: false });
  });

  it('keeps a change made offline and asks to push it', () => {
    expect(reconcile(false, { lowEnergy: true, synced: false })).toEqual({
      lowEnergy: true,
      push: true,
    });
    // Unsynced but equal to the server: nothing to push.
    expect(reconcile(true, { lowEnergy: true, synced: false })).toEqual({
      lowEnergy: true,
      push: false,
    });
  });
});

describe('quickCheckInBody', () => {
  it('sends pain and spasm, with "nothing worrying" answers and nothing invented', () => {
    const body = quickCheckInBody(6, 3, 'key-12345678');
    expect(body).toMatchObject({
      idempotencyKey: 'key-12345678',
      pain: 6,
      spasm: 3,
      sleepQuality: null,
      anxiety: null,
      mood: null,
      fall: 'none',
      breathingProblem: false,
      otherSideEffect: null,
      activities: [],
      note: null,
    });
    expect(Object.values(body.sideEffects)).toEqual(['none', 'none', 'none', 'none']);
  });
});
