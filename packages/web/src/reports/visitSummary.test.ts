import { describe, expect, it } from 'vitest';
import {
  PRESETS,
  choiceProblem,
  defaultPaper,
  defaultPeriod,
  presetFor,
  presetOf,
  reportUrl,
  type ReportChoice,
} from './visitSummary';

const CHOICE: ReportChoice = {
  from: '2026-03-01',
  to: '2026-03-31',
  sections: ['questions', 'regimen'],
  paper: 'LETTER',
};

describe('visit summary choice', () => {
  it('builds the URL with the sections in report order', () => {
    expect(reportUrl('p-1', CHOICE)).toBe(
      '/api/patients/p-1/reports/visit-summary.pdf?from=2026-03-01&to=2026-03-31&sections=regimen%2Cquestions&paper=LETTER',
    );
  });

  it('offers the last 30 of the patient’s days, in their zone', () => {
    // 02:00 UTC on 1 April is still 31 March in Los Angeles.
    expect(defaultPeriod(new Date('2026-04-01T02:00:00Z'), 'America/Los_Angeles')).toEqual({
      from: '2026-03-02',
      to: '2026-03-31',
    });
  });

  it('names the preset a choice matches, whatever the order', () => {
    expect(presetOf([...PRESETS.psychologist].reverse())).toBe('psychologist');
    expect(presetOf(['regimen'])).toBeNull();
    expect(presetFor('pharmacist')).toBe('pharmacist');
    expect(presetFor(null)).toBeNull();
    expect(presetFor('caregiver')).toBeNull();
  });

  it('finds what to fix before asking the server', () => {
    expect(choiceProblem(CHOICE)).toBeNull();
    expect(choiceProblem({ ...CHOICE, to: '2026-02-01' })).toBe('period');
    expect(choiceProblem({ ...CHOICE, from: '' })).toBe('period');
    expect(choiceProblem({ ...CHOICE, from: '2025-01-01' })).toBe('tooLong');
    expect(choiceProblem({ ...CHOICE, sections: [] })).toBe('noSection');
  });

  it('defaults to US Letter in the US and Canada only', () => {
    expect(defaultPaper('en-US')).toBe('LETTER');
    expect(defaultPaper('fr-CA')).toBe('LETTER');
    expect(defaultPaper('en-GB')).toBe('A4');
    expect(defaultPaper('en')).toBe('A4');
  });
});
