import { describe, expect, it } from 'vitest';
import type { CheckInInput } from '../shared/api/types';
import { localCheckInResponse } from './localCheckIn';
import { savedCopy } from './savedCopy';

const input: CheckInInput = {
  idempotencyKey: 'k-1',
  pain: 6,
  spasm: 4,
  sleepQuality: null,
  anxiety: null,
  mood: null,
  sideEffects: { drowsiness: 'none', dizziness: 'none', unsteadiness: 'none', confusion: 'none' },
  fall: 'none',
  breathingProblem: false,
  otherSideEffect: null,
  activities: [],
  note: null,
};

describe('localCheckInResponse', () => {
  it('keeps the answers and gives no guidance when none is called for', () => {
    const r = localCheckInResponse(input, '2026-03-03T14:05:00.000Z');
    expect(r.checkIn).toMatchObject({ id: 'k-1', at: '2026-03-03T14:05:00.000Z', pain: 6 });
    expect(r.guidance).toEqual([]);
  });

  it('still shows emergency guidance offline', () => {
    const r = localCheckInResponse({ ...input, breathingProblem: true }, '2026-03-03T14:05:00Z');
    expect(r.guidance).toContainEqual({ level: 'emergency', code: 'EMERGENCY_BREATHING' });
  });
});

describe('savedCopy', () => {
  it("marks the service worker's saved copy with its time, and only that", () => {
    const saved = new Headers({ 'x-steady-saved-at': '2026-03-03T14:05:00.000Z' });
    expect(savedCopy({ a: 1 }, saved)).toEqual({ a: 1, savedAt: '2026-03-03T14:05:00.000Z' });
    expect(savedCopy({ a: 1 }, new Headers())).toEqual({ a: 1 });
    expect(savedCopy({ a: 1 }, new Headers({ 'x-steady-saved-at': 'soon' }))).toEqual({ a: 1 });
  });
});
