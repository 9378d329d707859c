import { describe, expect, it } from 'vitest';
import {
  describeChange,
  instantFromLocalInput,
  localInputOf,
  minutesFromElapsed,
  sessionBody,
  type SessionDraft,
} from './sessionForm';

const draft: SessionDraft = {
  techniqueId: 'paced-breathing',
  kind: 'guided',
  startedAt: '2026-03-10T11:00:00.000Z',
  durationMinutes: 5,
  painBefore: 6,
  painAfter: 4,
  tensionBefore: null,
  tensionAfter: null,
  provider: 'ignored',
  note: '  ',
};

describe('sessionBody', () => {
  it('sends blank text as null and a provider only for therapies elsewhere', () => {
    expect(sessionBody(draft, 'key-12345')).toEqual({
      idempotencyKey: 'key-12345',
      techniqueId: 'paced-breathing',
      kind: 'guided',
      assignmentId: null,
      startedAt: '2026-03-10T11:00:00.000Z',
      durationMinutes: 5,
      painBefore: 6,
      painAfter: 4,
      tensionBefore: null,
      tensionAfter: null,
      provider: null,
      note: null,
    });
    const elsewhere = sessionBody(
      { ...draft, techniqueId: 'massage', kind: 'elsewhere', provider: ' Ana ', note: ' ok ' },
      'key-12345',
    );
    expect(elsewhere).toMatchObject({ provider: 'Ana', note: 'ok' });
    expect(sessionBody({ ...draft, kind: 'elsewhere', provider: '' }, 'k').provider).toBeNull();
  });

  it('names an assignment only for sessions of kind assignment', () => {
    expect(sessionBody({ ...draft, assignmentId: 'x' }, 'k').assignmentId).toBeNull();
    expect(sessionBody({ ...draft, kind: 'assignment', assignmentId: 'x' }, 'k').assignmentId).toBe(
      'x',
    );
  });
});

describe('minutesFromElapsed', () => {
  it('rounds to whole minutes, at least one, none under half a minute', () => {
    expect(minutesFromElapsed(29_000)).toBeNull();
    expect(minutesFromElapsed(30_000)).toBe(1);
    expect(minutesFromElapsed(5 * 60_000 + 20_000)).toBe(5);
    expect(minutesFromElapsed(5 * 60_000 + 40_000)).toBe(6);
    expect(minutesFromElapsed(24 * 3_600_000)).toBe(600);
  });
});

describe('describeChange', () => {
  it('says lower, higher or the same, and unknown when a rating was skipped', () => {
    expect(describeChange(6, 4)).toEqual({ kind: 'lower', before: 6, after: 4, by: 2 });
    expect(describeChange(3, 5)).toEqual({ kind: 'higher', before: 3, after: 5, by: 2 });
    expect(describeChange(0, 0)).toEqual({ kind: 'same', before: 0, after: 0 });
    expect(describeChange(null, 4)).toEqual({ kind: 'unknown' });
    expect(describeChange(4, null)).toEqual({ kind: 'unknown' });
  });
});

describe('local date-time inputs', () => {
  it('round-trips a device-local value and refuses anything else', () => {
    const now = new Date(2026, 2, 10, 9, 30);
    expect(localInputOf(now)).toBe('2026-03-10T09:30');
    expect(instantFromLocalInput('2026-03-10T09:30')).toBe(now.toISOString());
    expect(instantFromLocalInput('')).toBeNull();
    expect(instantFromLocalInput('yesterday')).toBeNull();
  });
});
