import { describe, expect, it } from 'vitest';
import { DOSE_CHANGE_WORDING, expectValidSources } from './clinical.test-helpers.js';
import {
  DEFAULT_MISSED_DOSE_INSTRUCTION,
  MAX_MISSED_DOSE_TEXT,
  missedDoseTextProblem,
} from './missedDose.js';

describe('DEFAULT_MISSED_DOSE_INSTRUCTION', () => {
  const { text, sources } = DEFAULT_MISSED_DOSE_INSTRUCTION;

  it('says not to stop or change the dose alone, to ask, and to avoid skipping in a taper', () => {
    expect(text).toMatch(/do not stop or change your diazepam on your own/i);
    expect(text).toMatch(/ask your prescriber or pharmacist/i);
    expect(text).toMatch(/during a taper, try not to skip any doses/i);
  });

  it('never advises a double dose or stopping, nor any dose change', () => {
    expect(missedDoseTextProblem(text)).toBeNull();
    expect(text).not.toMatch(/double|two doses|catch up|make up|extra dose/i);
    expect(text).not.toMatch(DOSE_CHANGE_WORDING);
  });

  it('cites the boxed warning on abrupt discontinuation and the ASAM patient guide', () => {
    expectValidSources(sources);
    expect(sources.map((s) => [s.id, s.status])).toEqual([
      ['LABEL-TAB', 'C'],
      ['ASAM-PATIENT', 'C'],
    ]);
    expect(sources[0]?.locator).toMatch(/Boxed Warning.*abrupt discontinuation/);
    expect(sources[1]?.locator).toMatch(/p\.13.*avoid skipping any doses/);
  });
});

describe('missedDoseTextProblem', () => {
  it.each([
    'Take a double dose next time.',
    'If you miss a dose, double the next one.',
    'Double up at the next dose time',
    'Take two doses at the next time.',
    'Take both at once',
    'Take an extra dose to catch up.',
    'You can catch up later in the day.',
    'Make up the missed dose tomorrow.',
    'Take the missed dose with your next dose.',
    'It is not a problem to take a double dose.',
    "Don't worry and take two doses.",
    'Do not take a double dose; take two doses instead.',
  ])('rejects doubling: %s', (text) => {
    expect(missedDoseTextProblem(text)).toBe('advises-double-dose');
  });

  it.each([
    'If you feel fine, stop taking diazepam.',
    'Stop the medicine and call us.',
    'You may discontinue diazepam.',
    'Just quit it.',
    'Come off it slowly if you want.',
    'Going cold turkey is fine.',
    'Do not take a double dose, but stop diazepam.',
  ])('rejects stopping: %s', (text) => {
    expect(missedDoseTextProblem(text)).toBe('advises-stopping');
  });

  it.each([
    'Do not take a double dose. Take the next dose at the usual time and call the clinic.',
    "Don't double up to catch up, and don't stop diazepam suddenly.",
    'Never take an extra dose to catch up.',
    'Do NOT stop diazepam; call Dr Lee on 555-0100.',
    'Don’t stop taking your diazepam. Ask your pharmacist.',
    'Avoid two doses close together.',
    'If you remember within 2 hours, take it. Otherwise wait for the next dose.',
  ])('accepts: %s', (text) => {
    expect(missedDoseTextProblem(text)).toBeNull();
  });

  it('refuses empty and overlong text', () => {
    expect(missedDoseTextProblem('   ')).toBe('empty');
    expect(missedDoseTextProblem('a'.repeat(MAX_MISSED_DOSE_TEXT + 1))).toBe('too-long');
    expect(missedDoseTextProblem('a'.repeat(MAX_MISSED_DOSE_TEXT))).toBeNull();
  });
});
