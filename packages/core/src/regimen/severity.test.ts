import { describe, expect, it } from 'vitest';
import { strongerFall, strongerSeverity } from './severity.js';

describe('strongerSeverity / strongerFall', () => {
  it('keeps the stronger rating, the first on a tie', () => {
    expect(strongerSeverity('mild', 'severe')).toBe('severe');
    expect(strongerSeverity('moderate', 'none')).toBe('moderate');
    expect(strongerSeverity('none', 'none')).toBe('none');
  });
  it('ranks a fall over a near fall over none', () => {
    expect(strongerFall('none', 'near_fall')).toBe('near_fall');
    expect(strongerFall('fall', 'near_fall')).toBe('fall');
    expect(strongerFall('near_fall', 'fall')).toBe('fall');
  });
});
