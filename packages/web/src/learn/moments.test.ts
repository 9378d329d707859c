import { describe, expect, it } from 'vitest';
import type { DoseEventView, TodaySlot } from '../shared/api/types';
import { loggedToday } from './moments';

const slot = (event: DoseEventView | null): TodaySlot => ({
  key: '2026-03-10T09:00',
  localTime: '09:00',
  dueAt: '2026-03-10T08:00:00.000Z',
  amountMg: 5,
  status: event === null ? 'due' : 'taken',
  event,
});
const event = { id: 'e' } as DoseEventView;

describe('loggedToday', () => {
  it('is false with nothing logged, true with a logged slot or an extra dose', () => {
    expect(loggedToday({ slots: [slot(null)], extras: [] })).toBe(false);
    expect(loggedToday({ slots: [], extras: [] })).toBe(false);
    expect(loggedToday({ slots: [slot(null), slot(event)], extras: [] })).toBe(true);
    expect(loggedToday({ slots: [slot(null)], extras: [event] })).toBe(true);
  });
});
