import { describe, expect, it } from 'vitest';
import { makeFormatters } from '../shared/format';
import { formatEvidenceDate, formatEvidenceValue, humanKey } from './evidence';

const fmt = makeFormatters('en-US', 'America/New_York');

describe('formatEvidenceDate', () => {
  it('reads local dates, slot keys and instants in the patient’s calendar', () => {
    expect(formatEvidenceDate('2026-03-08', fmt)).toBe('Mar 8, 2026');
    expect(formatEvidenceDate('2026-03-08T20:00', fmt)).toBe('Mar 8, 2026, 8:00 PM');
    expect(formatEvidenceDate('2026-03-09T03:30:00.000Z', fmt)).toBe('Sun, Mar 8, 11:30 PM');
    expect(formatEvidenceDate('soon', fmt)).toBe('soon');
  });
});

describe('humanKey', () => {
  it('turns engine names into words', () => {
    expect(humanKey('dailyDoseMg')).toBe('Daily dose mg');
    expect(humanKey('adherence7d')).toBe('Adherence 7d');
    expect(humanKey('risk')).toBe('Risk');
    expect(humanKey('checkIn')).toBe('Check in');
  });
});

describe('formatEvidenceValue', () => {
  const words = { yes: 'yes', no: 'no', none: '—' };
  it('formats numbers, flags and gaps', () => {
    expect(formatEvidenceValue(12.5, fmt, words)).toBe('12.5');
    expect(formatEvidenceValue(true, fmt, words)).toBe('yes');
    expect(formatEvidenceValue(false, fmt, words)).toBe('no');
    expect(formatEvidenceValue(null, fmt, words)).toBe('—');
    expect(formatEvidenceValue('moderate', fmt, words)).toBe('moderate');
    expect(formatEvidenceValue('1944-01-23', fmt, words)).toBe('Jan 23, 1944');
  });
});
