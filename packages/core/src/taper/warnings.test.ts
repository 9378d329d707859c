import { describe, expect, it } from 'vitest';
import { TAPER_WARNING_CODES } from './types.js';
import { fmtMg, fmtPct, warning, taperWarningSources } from './warnings.js';

describe('warning codes', () => {
  it('are unique, stable strings, each citing sources', () => {
    expect(new Set(TAPER_WARNING_CODES).size).toBe(TAPER_WARNING_CODES.length);
    for (const code of TAPER_WARNING_CODES) {
      expect(code).toMatch(/^TAPER_[A-Z_]+$/);
      expect(taperWarningSources(code).length).toBeGreaterThan(0);
    }
    expect(taperWarningSources('TAPER_STEP_ABOVE_GUIDELINE')).toContainEqual({
      id: 'JCPG-2025',
      status: 'C',
      locator: 'Rec 6',
    });
  });

  it('builds a warning with the default or a given severity', () => {
    expect(warning('TAPER_ROUNDED_UP', 3, 'm')).toMatchObject({
      code: 'TAPER_ROUNDED_UP',
      stepIndex: 3,
      severity: 'warning',
    });
    expect(warning('TAPER_ROUNDED_UP', 3, 'm', 'info').severity).toBe('info');
  });

  it('formats milligrams and percentages without floating-point noise', () => {
    expect(fmtMg(0.1 + 0.2)).toBe('0.3 mg');
    expect(fmtPct(33.333)).toBe('33.3 %');
  });
});
