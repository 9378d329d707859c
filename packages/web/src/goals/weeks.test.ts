import { describe, expect, it } from 'vitest';
import { daysLeftInWeek, progressPercent, weeksAgo, weeksMet } from './weeks';

describe('weekly progress math', () => {
  it('counts whole weeks between Mondays, across a daylight-saving change and a year end', () => {
    expect(weeksAgo('2026-03-30', '2026-03-30')).toBe(0);
    expect(weeksAgo('2026-03-23', '2026-03-30')).toBe(1); // Paris springs forward on the 29th
    expect(weeksAgo('2025-12-29', '2026-02-23')).toBe(8);
  });

  it('caps progress at 100 and handles no target', () => {
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(5, 3)).toBe(100);
    expect(progressPercent(2, 0)).toBe(0);
  });

  it('counts the weeks that met the target', () => {
    const weeks = [
      { weekStart: '2026-03-16', count: 3 },
      { weekStart: '2026-03-23', count: 2 },
      { weekStart: '2026-03-30', count: 4 },
    ];
    expect(weeksMet(weeks, 3)).toBe(2);
  });

  it('counts the days left in a Monday-start week', () => {
    expect(daysLeftInWeek('2026-03-30', '2026-03-30')).toBe(7);
    expect(daysLeftInWeek('2026-04-05', '2026-03-30')).toBe(1);
  });
});
