import { describe, expect, it } from 'vitest';
import { dailyTakenTotals, effectiveDoseEvents } from './doseLog.js';
import { extraEvent, slotEvent } from './fixtures.test-helpers.js';

describe('effectiveDoseEvents', () => {
  it('keeps the latest event per slot in input order and all extras', () => {
    const a = slotEvent('UTC', '2026-02-01', '08:00');
    const b = slotEvent('UTC', '2026-02-01', '20:00');
    const x = extraEvent('UTC', '2026-02-01', '12:00', 2);
    const a2 = slotEvent('UTC', '2026-02-01', '08:00', { takenTime: '08:40' });
    expect(effectiveDoseEvents([a, b, x, a2])).toEqual([b, x, a2]);
  });

  it('prefers createdAt over input order and falls back to order on ties', () => {
    const late = slotEvent('UTC', '2026-02-01', '08:00', { createdAt: '2026-02-01T09:00:00Z' });
    const early = slotEvent('UTC', '2026-02-01', '08:00', { createdAt: '2026-02-01T08:00:00Z' });
    expect(effectiveDoseEvents([late, early])).toEqual([late]);
    const tie = slotEvent('UTC', '2026-02-01', '08:00', { createdAt: '2026-02-01T09:00:00Z' });
    expect(effectiveDoseEvents([late, tie])).toEqual([tie]);
  });

  it('drops every event named by a supersedes link, through chains', () => {
    const a = extraEvent('UTC', '2026-02-01', '12:00', 5);
    const b = extraEvent('UTC', '2026-02-01', '12:00', 4, { supersedes: a.id });
    const c = extraEvent('UTC', '2026-02-01', '12:00', 2, { supersedes: b.id });
    expect(effectiveDoseEvents([a, b, c])).toEqual([c]);
    // A superseded slot event does not shadow an earlier event for the same slot.
    const s1 = slotEvent('UTC', '2026-02-01', '08:00');
    const s2 = slotEvent('UTC', '2026-02-01', '08:00', { takenTime: '09:00' });
    const undo = {
      ...extraEvent('UTC', '2026-02-01', '09:00', 0),
      kind: 'skipped' as const,
      supersedes: s2.id,
    };
    expect(effectiveDoseEvents([s1, s2, undo])).toEqual([s1, undo]);
  });
});

describe('dailyTakenTotals', () => {
  it('sums milligrams per local day of the patient’s zone', () => {
    const zone = 'America/New_York';
    const events = [
      slotEvent(zone, '2026-03-07', '20:00'),
      // 23:30 EST on 7 March is 04:30Z on 8 March: still the 7th locally.
      extraEvent(zone, '2026-03-07', '23:30', 2.5),
      slotEvent(zone, '2026-03-08', '08:00'),
      slotEvent(zone, '2026-03-08', '20:00', { kind: 'skipped' }),
      extraEvent(zone, '2026-03-08', '12:00', 0.1),
      extraEvent(zone, '2026-03-08', '13:00', 0.2),
    ];
    expect([...dailyTakenTotals(events, zone)]).toEqual([
      ['2026-03-07', 7.5],
      ['2026-03-08', 5.3],
    ]);
  });

  it('applies corrections and returns keys in date order', () => {
    const b = slotEvent('UTC', '2026-02-02', '08:00');
    const a = slotEvent('UTC', '2026-02-01', '08:00', { amountMg: 5 });
    const a2 = slotEvent('UTC', '2026-02-01', '08:00', { amountMg: 2 });
    expect([...dailyTakenTotals([b, a, a2], 'UTC')]).toEqual([
      ['2026-02-01', 2],
      ['2026-02-02', 5],
    ]);
  });

  it('fills a period with zeros and leaves out days outside it', () => {
    const events = [
      slotEvent('Europe/Berlin', '2026-03-29', '08:00'),
      slotEvent('Europe/Berlin', '2026-04-05', '08:00'),
    ];
    const totals = dailyTakenTotals(events, 'Europe/Berlin', {
      from: '2026-03-28',
      to: '2026-03-30',
    });
    expect([...totals]).toEqual([
      ['2026-03-28', 0],
      ['2026-03-29', 5],
      ['2026-03-30', 0],
    ]);
    expect(() => dailyTakenTotals(events, 'UTC', { from: 'x', to: '2026-03-30' })).toThrow(
      RangeError,
    );
  });
});
