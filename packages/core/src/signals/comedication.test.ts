import { describe, expect, it } from 'vitest';
import { coMedicationSignals } from './comedication.js';
import { conditionSignals } from './profile.js';
import { baseInput, ids, med, profile } from './signals.test-helpers.js';

describe('coMedicationSignals (SIG-RISK-MOD/<class>)', () => {
  it('flags an opioid as a warning with naloxone and 3-monthly reassessment reminders', () => {
    const norco = med('Norco 5/325 mg');
    const [s, ...rest] = coMedicationSignals(baseInput({ otherMedications: [norco] }));
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      id: 'SIG-RISK-MOD/opioid',
      severity: 'warning',
      audience: 'clinician',
      patientText: null,
    });
    expect(s?.evidence[0]).toMatchObject({ kind: 'medication', ids: [norco.id] });
    expect(s?.clinicianText).toContain('offer naloxone (Rec 17)');
    expect(s?.clinicianText).toContain('at least every 3 months');
    expect(s?.clinicianText).toContain('Last review 2026-03-01; next due by 2026-06-01.');
    expect(s?.sources.map((x) => x.id)).toEqual(
      expect.arrayContaining(['LABEL-TAB', 'FDA-DSC-2016', 'JCPG-2025']),
    );
  });

  it('says when no review is recorded or the review is overdue', () => {
    const never = coMedicationSignals(
      baseInput({ otherMedications: [med('oxycodone')], lastReviewAt: null }),
    );
    expect(never[0]?.clinicianText).toContain('No risk/benefit review is recorded.');
    const old = coMedicationSignals(
      baseInput({ otherMedications: [med('oxycodone')], lastReviewAt: '2025-11-15T09:00:00Z' }),
    );
    expect(old[0]?.clinicianText).toContain('(overdue)');
  });

  it('raises a gabapentinoid to a warning with a breathing risk factor', () => {
    expect(
      coMedicationSignals(baseInput({ otherMedications: [med('gabapentin 300 mg')] }))[0]?.severity,
    ).toBe('caution');
    const withCopd = coMedicationSignals(
      baseInput({ otherMedications: [med('pregabalin')], profile: profile({ copd: true }) }),
    );
    expect(withCopd[0]).toMatchObject({ id: 'SIG-RISK-MOD/gabapentinoid', severity: 'warning' });
    expect(withCopd[0]?.clinicianText).toContain('COPD');
    const older = coMedicationSignals(
      baseInput({
        otherMedications: [med('Lyrica')],
        profile: profile({ dateOfBirth: '1950-06-01' }),
      }),
    );
    expect(older[0]?.clinicianText).toContain('age ≥ 65');
    const both = coMedicationSignals(
      baseInput({ otherMedications: [med('Neurontin'), med('tramadol')] }),
    );
    expect(ids(both)).toEqual(['SIG-RISK-MOD/gabapentinoid', 'SIG-RISK-MOD/opioid']);
    expect(both.find((s) => s.id.endsWith('gabapentinoid'))?.clinicianText).toContain(
      'opioid co-use',
    );
  });

  it('flags CYP inhibitors, inducers, CNS depressants, benzodiazepines and drugs diazepam affects', () => {
    const meds = [
      med('omeprazole 20mg'),
      med('carbamazepine'),
      med('zolpidem'),
      med('alprazolam'),
      med('warfarin'),
    ];
    const found = coMedicationSignals(baseInput({ otherMedications: meds }));
    expect(ids(found)).toEqual([
      'SIG-RISK-MOD/affects-other',
      'SIG-RISK-MOD/benzodiazepine',
      'SIG-RISK-MOD/cns-depressant',
      'SIG-RISK-MOD/cyp-inducer',
      'SIG-RISK-MOD/cyp-inhibitor',
    ]);
    const inhibitor = found.find((s) => s.id.endsWith('cyp-inhibitor'));
    expect(inhibitor?.sources.map((x) => x.id)).toContain('MGS-CYP2C19');
    expect(inhibitor?.evidence[0]?.note).toContain('cyp-inhibitors-label');
    expect(found.find((s) => s.id.endsWith('affects-other'))?.severity).toBe('info');
  });

  it('ignores inactive medications and names that match nothing', () => {
    expect(
      coMedicationSignals(
        baseInput({
          otherMedications: [med('oxycodone', { active: false }), med('Tylenol'), med('ibuprofen')],
        }),
      ),
    ).toEqual([]);
  });

  it('uses an injected classifier, ignoring class ids it does not know', () => {
    const classifyMedication = (name: string) =>
      name === 'local-opioid' ? [{ classId: 'opioids' }, { classId: 'made-up' }] : [];
    const found = coMedicationSignals(
      baseInput({ otherMedications: [med('local-opioid'), med('oxycodone')], classifyMedication }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.evidence[0]?.ids).toHaveLength(1);
  });
});

describe('conditionSignals (SIG-RISK-MOD/<finding>)', () => {
  it('flags contraindications as warnings and cautions as cautions', () => {
    const found = conditionSignals(
      baseInput({ profile: profile({ sleepApnea: true, copd: true, myastheniaGravis: false }) }),
    );
    expect(found.map((s) => [s.id, s.severity])).toEqual([
      ['SIG-RISK-MOD/ci.sleep-apnea', 'warning'],
      ['SIG-RISK-MOD/caution.chronic-respiratory', 'caution'],
    ]);
    expect(found[0]?.sources[0]).toMatchObject({ id: 'OPENFDA-LABEL', status: 'C' });
    expect(found[0]?.evidence[0]?.values).toEqual({ sleepApnea: true });
  });

  it('flags age 65 or older from the birth date, and ignores unusable birth dates', () => {
    const [s] = conditionSignals(baseInput({ profile: profile({ dateOfBirth: '1961-03-31' }) }));
    expect(s).toMatchObject({
      id: 'SIG-RISK-MOD/caution.older-adult',
      severity: 'caution',
      audience: 'clinician',
    });
    expect(s?.evidence[0]?.values).toEqual({ dateOfBirth: '1961-03-31' });
    expect(
      conditionSignals(baseInput({ profile: profile({ dateOfBirth: '1961-04-01' }) })),
    ).toEqual([]);
    expect(
      conditionSignals(baseInput({ profile: profile({ dateOfBirth: 'not-a-date' }) })),
    ).toEqual([]);
    expect(
      conditionSignals(baseInput({ profile: profile({ dateOfBirth: '2030-01-01' }) })),
    ).toEqual([]);
  });

  it('gives nothing for an unanswered profile', () => {
    expect(conditionSignals(baseInput())).toEqual([]);
  });
});
