import { describe, expect, it } from 'vitest';
import { checkWindow, monthsBefore, presetWindow, windowDays } from './window';

describe('presetWindow', () => {
  it('ends on today and counts today in', () => {
    expect(presetWindow('14d', '2026-03-10')).toEqual({ from: '2026-02-25', to: '2026-03-10' });
    expect(windowDays(presetWindow('14d', '2026-03-10'))).toBe(14);
    expect(windowDays(presetWindow('30d', '2026-03-10'))).toBe(30);
    expect(windowDays(presetWindow('90d', '2026-03-10'))).toBe(90);
  });

  it('goes back calendar months for six months and a year', () => {
    expect(presetWindow('6m', '2026-03-10')).toEqual({ from: '2025-09-11', to: '2026-03-10' });
    expect(presetWindow('1y', '2026-03-10')).toEqual({ from: '2025-03-11', to: '2026-03-10' });
    expect(windowDays(presetWindow('1y', '2028-03-10'))).toBe(366); // leap year
  });

  it('keeps every preset within the server limit', () => {
    for (const today of ['2026-01-01', '2028-02-29', '2026-08-31']) {
      for (const preset of ['14d', '30d', '90d', '6m', '1y'] as const) {
        const w = presetWindow(preset, today);
        expect(checkWindow(w.from, w.to)).toEqual({ ok: true, window: w });
      }
    }
  });
});

describe('monthsBefore', () => {
  it('uses the last day of a shorter month', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2028-03-31', 1)).toBe('2028-02-29');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 12)).toBe('2025-01-15');
  });
});

describe('checkWindow', () => {
  it('accepts up to 400 days, from before or on to', () => {
    expect(checkWindow('2026-03-10', '2026-03-10').ok).toBe(true);
    expect(checkWindow('2025-02-01', '2026-03-07').ok).toBe(true); // 400 days
  });

  it('names what is wrong', () => {
    expect(checkWindow('', '2026-03-10')).toEqual({ ok: false, problem: 'missing' });
    expect(checkWindow('2026-02-30', '2026-03-10')).toEqual({ ok: false, problem: 'missing' });
    expect(checkWindow('2026-03-11', '2026-03-10')).toEqual({ ok: false, problem: 'order' });
    expect(checkWindow('2025-02-01', '2026-03-08')).toEqual({ ok: false, problem: 'tooLong' });
  });
});
