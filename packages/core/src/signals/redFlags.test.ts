import { describe, expect, it } from 'vitest';
import { fallSignal, sideEffectSignal } from './checkIns.js';
import { phq9Item9, redFlagSignals } from './redFlags.js';
import { baseInput, checkIn, ids, med, profile, questionnaire } from './signals.test-helpers.js';

const severe = {
  drowsiness: 'severe',
  dizziness: 'none',
  unsteadiness: 'none',
  confusion: 'none',
} as const;

describe('redFlagSignals: PHQ-9 item 9 (SIG-RED-FLAG/self-harm)', () => {
  it('is urgent for patient and clinician, with emergency guidance', () => {
    const q = questionnaire('phq9', '2026-03-30T10:00:00.000Z', 14, { '1': 2, '9': 1 });
    const [s, ...rest] = redFlagSignals(baseInput({ questionnaires: [q] }));
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ id: 'SIG-RED-FLAG/self-harm', severity: 'urgent', audience: 'both' });
    expect(s?.patientText).toContain('emergency');
    expect(s?.patientText).toContain('988');
    expect(s?.clinicianText).toContain('item 9 answered 1');
    expect(s?.evidence[0]).toMatchObject({
      kind: 'questionnaire',
      ids: [q.id],
      values: { item9: 1, total: 14 },
    });
    expect(s?.sources.map((x) => x.id)).toEqual(['HL7-PCO-IG', 'KROENKE-2001', 'JCPG-2025']);
  });

  it('reads item 9 under its common keys and LOINC code', () => {
    for (const key of ['9', 'item9', 'q9', '44260-8']) {
      expect(phq9Item9(questionnaire('phq9', '2026-03-30T10:00:00Z', 3, { [key]: 2 }))).toBe(2);
    }
    expect(phq9Item9(questionnaire('phq9', '2026-03-30T10:00:00Z', 3, { '1': 2 }))).toBeNull();
  });

  it('does not fire for item 9 = 0, other instruments, or answers older than the recent window', () => {
    const qs = [
      questionnaire('phq9', '2026-03-30T10:00:00Z', 20, { '9': 0 }),
      questionnaire('gad7', '2026-03-30T10:00:00Z', 20, { '9': 3 }),
      questionnaire('phq9', '2026-03-01T10:00:00Z', 20, { '9': 3 }),
    ];
    expect(redFlagSignals(baseInput({ questionnaires: qs }))).toEqual([]);
  });

  it('counts several positive answers', () => {
    const qs = [
      questionnaire('phq9', '2026-03-20T10:00:00Z', 9, { '9': 1 }),
      questionnaire('phq9', '2026-03-30T10:00:00Z', 9, { item9: 2 }),
    ];
    const [s] = redFlagSignals(baseInput({ questionnaires: qs }));
    expect(s?.evidence).toHaveLength(2);
    expect(s?.clinicianText).toContain('2 positive answers');
  });
});

describe('redFlagSignals: check-in emergencies', () => {
  it('breathing problems are urgent with emergency guidance, naming opioid/gabapentinoid co-use', () => {
    const c = checkIn('2026-03-31', '07:00', { breathingProblem: true });
    const [s] = redFlagSignals(
      baseInput({ checkIns: [c], otherMedications: [med('oxycodone 5 mg')] }),
    );
    expect(s).toMatchObject({ id: 'SIG-RED-FLAG/breathing', severity: 'urgent', audience: 'both' });
    expect(s?.patientText).toContain('Call your local emergency number now');
    expect(s?.clinicianText).toContain('oxycodone 5 mg');
    expect(s?.evidence[0]).toMatchObject({ kind: 'checkIn', ids: [c.id] });
  });

  it('seizure mentions are urgent, negated mentions are not', () => {
    const yes = checkIn('2026-03-30', '09:00', {
      otherSideEffect: { text: 'had a seizure in the night', severity: 'severe' },
    });
    const note = checkIn('2026-03-30', '19:00', { note: 'Convulsions this morning' });
    const no = checkIn('2026-03-29', '09:00', { note: 'no seizures since last month' });
    const found = redFlagSignals(baseInput({ checkIns: [yes, note, no] }));
    expect(ids(found)).toEqual(['SIG-RED-FLAG/seizure']);
    expect(found[0]?.evidence[0]?.ids).toEqual([yes.id, note.id]);
    expect(found[0]?.patientText).toContain('Do not stop');
  });

  it('severe confusion is a warning; moderate confusion is not a red flag', () => {
    const c = checkIn('2026-03-30', '09:00', {
      sideEffects: { ...severe, drowsiness: 'none', confusion: 'severe' },
    });
    expect(redFlagSignals(baseInput({ checkIns: [c] })).map((s) => [s.id, s.severity])).toEqual([
      ['SIG-RED-FLAG/confusion', 'warning'],
    ]);
    const m = checkIn('2026-03-30', '09:00', {
      sideEffects: { ...severe, drowsiness: 'none', confusion: 'moderate' },
    });
    expect(redFlagSignals(baseInput({ checkIns: [m] }))).toEqual([]);
  });

  it('severe drowsiness is urgent only with an opioid or gabapentinoid', () => {
    const c = checkIn('2026-03-30', '09:00', { sideEffects: severe });
    expect(redFlagSignals(baseInput({ checkIns: [c] }))).toEqual([]);
    const [s] = redFlagSignals(baseInput({ checkIns: [c], otherMedications: [med('gabapentin')] }));
    expect(s).toMatchObject({
      id: 'SIG-RED-FLAG/extreme-sleepiness',
      severity: 'urgent',
      audience: 'both',
    });
  });

  it('ignores check-ins outside the recent window and in the future', () => {
    const old = checkIn('2026-03-10', '09:00', { breathingProblem: true });
    const future = checkIn('2026-04-02', '09:00', { breathingProblem: true });
    expect(redFlagSignals(baseInput({ checkIns: [old, future] }))).toEqual([]);
  });
});

describe('redFlagSignals: withdrawal-checklist red flags (SIG-RED-FLAG/withdrawal-*)', () => {
  it('raises the checklist’s red-flag items with its wording', () => {
    const q = questionnaire('withdrawal', '2026-03-30T10:00:00.000Z', 12, {
      'wd-seizure': 0,
      'wd-psychosis': 1,
      'wd-suicidality': 2,
      'wd-tremor': 3,
    });
    const found = redFlagSignals(baseInput({ questionnaires: [q] }));
    expect(found.map((s) => [s.id, s.severity, s.audience])).toEqual([
      ['SIG-RED-FLAG/withdrawal-suicidality', 'urgent', 'both'],
      ['SIG-RED-FLAG/withdrawal-psychosis', 'warning', 'both'],
    ]);
    expect(found[0]?.patientText).toContain('emergency');
    expect(found[0]?.evidence[0]).toMatchObject({ ids: [q.id], values: { 'wd-suicidality': 2 } });
    expect(found[0]?.clinicianText).toContain('Reported on 2026-03-30.');
  });

  it('ignores answers of None and other instruments', () => {
    const qs = [
      questionnaire('withdrawal', '2026-03-30T10:00:00.000Z', 0, { 'wd-seizure': 0 }),
      questionnaire('gad7', '2026-03-30T10:00:00.000Z', 0, { 'wd-seizure': 3 }),
    ];
    expect(redFlagSignals(baseInput({ questionnaires: qs }))).toEqual([]);
  });
});

describe('redFlagSignals: new opioid (SIG-RED-FLAG/new-opioid)', () => {
  it('fires for an opioid started within the setting, not for older or undated ones', () => {
    const recent = med('Percocet', { startDate: '2026-03-25' });
    const [s] = redFlagSignals(
      baseInput({
        otherMedications: [recent, med('tramadol', { startDate: '2025-12-01' }), med('codeine')],
      }),
    );
    expect(s).toMatchObject({
      id: 'SIG-RED-FLAG/new-opioid',
      severity: 'warning',
      audience: 'both',
    });
    expect(s?.evidence[0]?.ids).toEqual([recent.id]);
    expect(s?.clinicianText).toContain('naloxone');
    expect(
      redFlagSignals(baseInput({ otherMedications: [recent], settings: { newMedicationDays: 3 } })),
    ).toEqual([]);
  });
});

describe('fallSignal (SIG-FALL)', () => {
  it('a fall is a warning for patient and clinician, with risk factors', () => {
    const fall = checkIn('2026-03-29', '09:00', {
      fall: 'fall',
      sideEffects: { ...severe, drowsiness: 'moderate' },
    });
    const near = checkIn('2026-03-30', '09:00', { fall: 'near_fall', activities: ['wine'] });
    const [s] = fallSignal(
      baseInput({
        checkIns: [fall, near],
        profile: profile({ dateOfBirth: '1950-01-01' }),
        otherMedications: [med('zolpidem')],
      }),
    );
    expect(s).toMatchObject({
      id: 'SIG-FALL',
      severity: 'warning',
      audience: 'both',
      title: 'Fall reported',
    });
    expect(s?.evidence[0]?.values).toEqual({ falls: 1, nearFalls: 1 });
    expect(s?.patientText).toContain('1 fall and 1 near-fall');
    expect(s?.clinicianText).toContain('age ≥ 65');
    expect(s?.clinicianText).toContain('zolpidem');
    expect(s?.clinicianText).toContain('alcohol logged');
    expect(s?.clinicianText).toContain('drowsiness, dizziness');
  });

  it('a near-fall alone is a caution; nothing without falls', () => {
    const [s] = fallSignal(
      baseInput({ checkIns: [checkIn('2026-03-30', '09:00', { fall: 'near_fall' })] }),
    );
    expect(s).toMatchObject({ severity: 'caution', title: 'Near-fall reported' });
    expect(s?.clinicianText).not.toContain('Risk factors');
    expect(fallSignal(baseInput({ checkIns: [checkIn('2026-03-30', '09:00')] }))).toEqual([]);
  });
});

describe('sideEffectSignal (SIG-SIDE-EFFECT)', () => {
  it('flags severe side effects and moderate confusion with driving advice', () => {
    const a = checkIn('2026-03-30', '09:00', {
      sideEffects: {
        drowsiness: 'none',
        dizziness: 'severe',
        unsteadiness: 'none',
        confusion: 'moderate',
      },
    });
    const b = checkIn('2026-03-31', '09:00', {
      otherSideEffect: { text: 'blurred vision', severity: 'severe' },
    });
    const [s] = sideEffectSignal(baseInput({ checkIns: [a, b] }));
    expect(s).toMatchObject({ id: 'SIG-SIDE-EFFECT', severity: 'caution', audience: 'both' });
    expect(s?.evidence[0]?.values).toEqual({
      [a.id]: 'severe dizziness, moderate confusion',
      [b.id]: 'severe blurred vision',
    });
    expect(s?.patientText).toContain('do not drive');
    expect(s?.patientText).toContain('Do not stop or change your diazepam');
  });

  it('does not flag mild or moderate side effects', () => {
    const c = checkIn('2026-03-30', '09:00', {
      sideEffects: {
        drowsiness: 'moderate',
        dizziness: 'mild',
        unsteadiness: 'moderate',
        confusion: 'mild',
      },
      otherSideEffect: { text: 'dry mouth', severity: 'moderate' },
    });
    expect(sideEffectSignal(baseInput({ checkIns: [c] }))).toEqual([]);
  });
});
