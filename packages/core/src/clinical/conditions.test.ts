import { describe, expect, it } from 'vitest';
import { profile } from '../regimen/fixtures.test-helpers.js';
import type { PatientProfile } from '../regimen/types.js';
import { DOSE_CHANGE_WORDING, expectValidSources } from './clinical.test-helpers.js';
import { ageInYears, conditionFindings, unansweredConditionFields } from './conditions.js';

const EMPTY: PatientProfile = profile();

const NONE: PatientProfile = {
  dateOfBirth: '1980-01-01',
  sleepApnea: false,
  myastheniaGravis: false,
  severeRespiratoryInsufficiency: false,
  severeHepaticInsufficiency: false,
  acuteNarrowAngleGlaucoma: false,
  copd: false,
  substanceUseDisorderHistory: false,
  pregnancy: false,
};

const TODAY = '2026-03-08';

describe('conditionFindings', () => {
  it('finds nothing for an empty or all-negative profile', () => {
    expect(conditionFindings(EMPTY, TODAY)).toEqual([]);
    expect(conditionFindings(NONE, TODAY)).toEqual([]);
  });

  it.each([
    ['sleepApnea', 'ci.sleep-apnea', 'contraindication'],
    ['myastheniaGravis', 'ci.myasthenia-gravis', 'contraindication'],
    ['severeRespiratoryInsufficiency', 'ci.severe-respiratory-insufficiency', 'contraindication'],
    ['severeHepaticInsufficiency', 'ci.severe-hepatic-insufficiency', 'contraindication'],
    ['acuteNarrowAngleGlaucoma', 'ci.acute-narrow-angle-glaucoma', 'contraindication'],
    ['copd', 'caution.chronic-respiratory', 'caution'],
    ['substanceUseDisorderHistory', 'caution.substance-use-history', 'caution'],
    ['pregnancy', 'caution.pregnancy', 'caution'],
  ] as const)('%s: true → %s (%s)', (field, id, kind) => {
    const findings = conditionFindings({ ...NONE, [field]: true }, TODAY);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id, kind, field });
  });

  it('cites the label contraindications section for every contraindication', () => {
    const all: PatientProfile = {
      ...NONE,
      sleepApnea: true,
      myastheniaGravis: true,
      severeRespiratoryInsufficiency: true,
      severeHepaticInsufficiency: true,
      acuteNarrowAngleGlaucoma: true,
      copd: true,
      substanceUseDisorderHistory: true,
      pregnancy: true,
      dateOfBirth: '1950-01-01',
    };
    const findings = conditionFindings(all, TODAY);
    expect(findings.map((f) => f.kind)).toEqual([
      ...Array<string>(5).fill('contraindication'),
      ...Array<string>(4).fill('caution'),
    ]);
    for (const f of findings) {
      expectValidSources(f.sources);
      expect(f.patientText, f.id).toMatch(/prescriber/);
      expect(f.patientText, f.id).not.toMatch(DOSE_CHANGE_WORDING);
      if (f.kind === 'contraindication') {
        expect(f.sources[0]).toMatchObject({ id: 'OPENFDA-LABEL', status: 'C' });
        expect(f.patientText).toContain('Do not stop diazepam suddenly');
      }
    }
    expect(
      findings.find((f) => f.id === 'caution.older-adult')?.sources.map((s) => s.id),
    ).toContain('JCPG-2025');
  });

  it('adds the older-adult caution from the 65th birthday on', () => {
    const p = { ...NONE, dateOfBirth: '1961-03-08' };
    expect(conditionFindings(p, '2026-03-07')).toEqual([]);
    expect(conditionFindings(p, '2026-03-08').map((f) => f.id)).toEqual(['caution.older-adult']);
    expect(conditionFindings(p, '2026-03-08')[0]?.field).toBe('dateOfBirth');
  });

  it('rejects a malformed today even without a birth date', () => {
    expect(() => conditionFindings(EMPTY, '08/03/2026')).toThrow(RangeError);
  });
});

describe('ageInYears', () => {
  it('counts completed years', () => {
    expect(ageInYears('1960-05-10', '2026-05-09')).toBe(65);
    expect(ageInYears('1960-05-10', '2026-05-10')).toBe(66);
    expect(ageInYears('2026-03-08', '2026-03-08')).toBe(0);
  });

  it('treats a 29 February birthday as reached on 28 February in common years', () => {
    expect(ageInYears('1960-02-29', '2025-02-27')).toBe(64);
    expect(ageInYears('1960-02-29', '2025-02-28')).toBe(65);
  });

  it.each([
    ['2026-02-30', TODAY],
    ['1960-1-1', TODAY],
    ['1960-01-01', 'today'],
    ['2030-01-01', TODAY],
  ])('rejects %s / %s', (dob, today) => {
    expect(() => ageInYears(dob, today)).toThrow(RangeError);
  });
});

describe('unansweredConditionFields', () => {
  it('lists null fields, contraindication questions first', () => {
    expect(unansweredConditionFields(EMPTY)).toEqual([
      'sleepApnea',
      'myastheniaGravis',
      'severeRespiratoryInsufficiency',
      'severeHepaticInsufficiency',
      'acuteNarrowAngleGlaucoma',
      'copd',
      'substanceUseDisorderHistory',
      'pregnancy',
      'dateOfBirth',
    ]);
    expect(unansweredConditionFields(NONE)).toEqual([]);
  });
});
