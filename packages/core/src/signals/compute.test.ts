import { describe, expect, it } from 'vitest';
import { isSourceId } from '../sources.js';
import { compareSignals, makeSignal, signalBaseId, signalSeverityRank } from './build.js';
import { contextOf } from './context.js';
import * as api from './index.js';
import { computeSignals, SIGNAL_RULES } from './compute.js';
import { DEFAULT_SIGNAL_SETTINGS, resolveSignalSettings, SIGNAL_SETTINGS } from './settings.js';
import {
  adherentDoses,
  baseInput,
  checkIn,
  dailyCheckIns,
  extraDose,
  med,
  profile,
  questionnaire,
  regimen,
  yearOfData,
} from './signals.test-helpers.js';
import type { Signal, SignalInput } from './types.js';

const REFERENCE_IDS = [
  'SIG-DOSE-ESC',
  'SIG-EARLY-DOSE',
  'SIG-EARLY-REFILL',
  'SIG-OTHER-PURPOSE',
  'SIG-INTERDOSE-WD',
  'SIG-TOLERANCE',
  'SIG-WD-RISK',
  'SIG-REVIEW-DUE',
  'SIG-TAPER-SKIP',
  'SIG-TAPER-FAST',
  'SIG-WD-AFTER-STEP',
  'SIG-RED-FLAG',
  'SIG-RISK-MOD',
  'SIG-SDS',
];
const PROJECT_IDS = [
  'SIG-MISSED-STREAK',
  'SIG-FALL',
  'SIG-SIDE-EFFECT',
  'SIG-ADJUSTMENT',
  'SIG-POST-TAPER',
];

/** An input on which most rules fire. */
function busyInput(): SignalInput {
  const v = regimen({ startDate: '2025-10-01' });
  const doses = [
    ...adherentDoses([v], '2025-10-01', '2026-03-31', {
      omit: (k) => k === '2026-03-30T20:00' || k === '2026-03-31T08:00' || k === '2026-03-31T14:00',
    }),
    ...['2026-03-20', '2026-03-22', '2026-03-24', '2026-03-26'].map((d) =>
      extraDose(d, '11:00', 5, 'to sleep'),
    ),
  ];
  return baseInput({
    regimenVersions: [v],
    doses,
    profile: profile({ dateOfBirth: '1950-05-05', sleepApnea: true }),
    checkIns: [
      ...dailyCheckIns('2026-03-01', '2026-03-29', ['09:00'], (d) => ({
        pain: d >= '2026-03-25' ? 8 : 4,
      })),
      checkIn('2026-03-31', '07:00', {
        breathingProblem: true,
        fall: 'fall',
        activities: ['beer'],
      }),
    ],
    questionnaires: [
      questionnaire('phq9', '2026-03-30T10:00:00Z', 12, { '9': 1 }),
      questionnaire('sds', '2026-03-30T10:05:00Z', 9),
    ],
    otherMedications: [
      med('oxycodone', { startDate: '2026-03-28' }),
      med('fluconazole'),
      med('omeprazole'),
    ],
    dispensing: [
      { id: 'a', at: '2026-02-01T10:00:00Z', formulation: 'tab5', quantity: 90, mgPerUnit: 5 },
      { id: 'b', at: '2026-02-15T10:00:00Z', formulation: 'tab5', quantity: 90, mgPerUnit: 5 },
    ],
    taper: { steps: [{ index: 0, startDate: '2026-04-05', dailyTotalMg: 10 }] },
    lastReviewAt: '2025-11-01T10:00:00Z',
  });
}

describe('computeSignals', () => {
  const input = busyInput();
  const signals = computeSignals(input);

  it('runs every rule and sorts most severe first, then by id', () => {
    expect(signals.length).toBeGreaterThan(15);
    expect([...signals].sort(compareSignals)).toEqual(signals);
    expect(signals[0]?.severity).toBe('urgent');
    expect(signals.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'SIG-RED-FLAG/self-harm',
        'SIG-RED-FLAG/breathing',
        'SIG-RED-FLAG/new-opioid',
        'SIG-RISK-MOD/opioid',
        'SIG-RISK-MOD/ci.sleep-apnea',
        'SIG-RISK-MOD/caution.older-adult',
        'SIG-DOSE-ESC/daily-total',
        'SIG-TOLERANCE',
        'SIG-WD-RISK',
        'SIG-SDS',
        'SIG-FALL',
        'SIG-OTHER-PURPOSE/alcohol',
        'SIG-OTHER-PURPOSE/reason',
        'SIG-TAPER-FAST/pace',
        'SIG-REVIEW-DUE',
        'SIG-EARLY-REFILL',
        'SIG-MISSED-STREAK',
      ]),
    );
    // 20 + SIG-POST-TAPER (taper) + SIG-EARLY-REFILL/count (stock counts, supply).
    expect(SIGNAL_RULES).toHaveLength(22);
  });

  it.each(['SIG-DOSE-ESC/daily-total', 'SIG-RED-FLAG/breathing', 'SIG-TAPER-FAST/pace'])(
    '%s appears once',
    (id) => {
      expect(signals.filter((s) => s.id === id)).toHaveLength(1);
    },
  );

  it('every signal is well formed: known id, valid sources, text for its audience, computedAt', () => {
    for (const s of signals) {
      expect([...REFERENCE_IDS, ...PROJECT_IDS]).toContain(signalBaseId(s.id));
      expect(s.sources.length).toBeGreaterThan(0);
      for (const src of s.sources) expect(isSourceId(src.id)).toBe(true);
      expect(s.patientText === null).toBe(s.audience === 'clinician');
      expect(s.clinicianText.length).toBeGreaterThan(20);
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.computedAt).toBe(input.now);
    }
  });

  it('patient texts never suggest a dose change; dose and missed-dose texts say not to stop alone', () => {
    const patient = signals.filter(
      (s): s is Signal & { patientText: string } => s.patientText !== null,
    );
    for (const s of patient) {
      expect(s.patientText).not.toMatch(
        /\b(take (more|less|an extra|another)|increase your|reduce your|lower your|double)\b/i,
      );
    }
    for (const id of ['SIG-MISSED-STREAK', 'SIG-FALL', 'SIG-RED-FLAG/new-opioid']) {
      expect(patient.find((s) => s.id === id)?.patientText).toMatch(
        /talk to your prescriber first/,
      );
    }
  });

  it('dependence and tolerance flags are worded neutrally', () => {
    for (const id of [
      'SIG-DOSE-ESC/daily-total',
      'SIG-TOLERANCE',
      'SIG-WD-RISK',
      'SIG-SDS',
      'SIG-OTHER-PURPOSE/reason',
    ]) {
      expect(signals.find((s) => s.id === id)?.clinicianText).toContain(
        'Physical dependence under a prescription is expected and is not misuse',
      );
    }
  });

  it('is deterministic and does not change its input', () => {
    const copy = structuredClone(input);
    expect(computeSignals(copy)).toEqual(signals);
    expect(copy).toEqual(input);
  });

  it('gives nothing for a quiet, adherent patient', () => {
    const v = regimen({ startDate: '2026-03-10', doses: [{ time: '21:00', amountMg: 2 }] });
    const quiet = baseInput({
      regimenVersions: [v],
      doses: adherentDoses([v], '2026-03-10', '2026-03-31'),
      checkIns: dailyCheckIns('2026-03-10', '2026-03-31', ['09:00']),
    });
    expect(computeSignals(quiet).map((s) => s.id)).toEqual(['SIG-WD-RISK']);
  });

  it('handles a year of data', () => {
    const found = computeSignals(yearOfData()).map((s) => s.id);
    expect(found).toEqual(
      expect.arrayContaining([
        'SIG-WD-RISK',
        'SIG-RISK-MOD/cyp-inhibitor',
        'SIG-OTHER-PURPOSE/alcohol',
      ]),
    );
    expect(found).not.toContain('SIG-DOSE-ESC/daily-total');
  });

  it('rejects an invalid now, time zone or setting', () => {
    expect(() => computeSignals(baseInput({ now: 'yesterday' }))).toThrow(RangeError);
    expect(() => computeSignals(baseInput({ timeZone: 'Mars/Olympus' }))).toThrow(RangeError);
    expect(() => computeSignals(baseInput({ settings: { recentDays: -1 } }))).toThrow(RangeError);
  });

  it('caches the shared context per input object', () => {
    const i = baseInput();
    expect(contextOf(i)).toBe(contextOf(i));
    expect(contextOf({ ...i })).not.toBe(contextOf(i));
  });
});

describe('settings', () => {
  it('has a default, unit and note for every setting; confirmed exactly when sourced', () => {
    for (const [key, p] of Object.entries(SIGNAL_SETTINGS)) {
      expect(DEFAULT_SIGNAL_SETTINGS[key as keyof typeof SIGNAL_SETTINGS]).toBe(p.value);
      expect(p.name).toMatch(/^signals\./);
      expect(p.note?.length).toBeGreaterThan(10);
      expect(p.confirmed).toBe(p.sources.length > 0);
    }
    expect(SIGNAL_SETTINGS.taperMaxFraction).toMatchObject({ value: 0.25, confirmed: true });
    expect(SIGNAL_SETTINGS.adjustmentDays).toMatchObject({ value: 7, confirmed: false });
  });

  it('validates overrides', () => {
    expect(resolveSignalSettings({ adjustmentDays: 10 }).adjustmentDays).toBe(10);
    expect(resolveSignalSettings({ adjustmentDays: undefined }).adjustmentDays).toBe(7);
    expect(() => resolveSignalSettings({ adjustmentDays: Number.NaN })).toThrow(/finite/);
    expect(() => resolveSignalSettings({ nope: 1 } as never)).toThrow(
      /Unknown signal setting nope/,
    );
    expect(() => resolveSignalSettings({ sdsCutoff: '6' } as never)).toThrow(/"6"/);
  });
});

describe('build helpers', () => {
  it('ranks severities, splits sub-ids, and refuses patient signals without patient text', () => {
    expect(
      ['info', 'urgent', 'caution', 'warning'].map((s) =>
        signalSeverityRank(s as Signal['severity']),
      ),
    ).toEqual([3, 0, 2, 1]);
    expect(signalBaseId('SIG-RISK-MOD/opioid')).toBe('SIG-RISK-MOD');
    expect(signalBaseId('SIG-SDS')).toBe('SIG-SDS');
    const ctx = contextOf(baseInput());
    expect(() =>
      makeSignal(ctx, {
        id: 'X',
        severity: 'info',
        audience: 'both',
        title: 't',
        evidence: [],
        sources: [],
        clinicianText: 'c',
      }),
    ).toThrow(/no patient text/);
    expect(
      makeSignal(ctx, {
        id: 'X',
        severity: 'info',
        audience: 'clinician',
        title: 't',
        evidence: [],
        sources: [],
        patientText: 'p',
        clinicianText: 'c',
      }).patientText,
    ).toBeNull();
  });

  it('exports every rule from the index', () => {
    for (const name of [
      'computeSignals',
      'doseEscalationSignal',
      'doseCreepSignal',
      'earlyDoseSignal',
      'missedDoseSignal',
      'interdoseWithdrawalSignal',
      'toleranceSignal',
      'withdrawalRiskSignal',
      'sdsSignal',
      'coMedicationSignals',
      'conditionSignals',
      'redFlagSignals',
      'fallSignal',
      'sideEffectSignal',
      'alcoholSignal',
      'otherPurposeSignal',
      'taperFastSignal',
      'withdrawalAfterStepSignal',
      'reviewDueSignal',
      'earlyRefillSignal',
      'adjustmentPeriodSignal',
    ]) {
      expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
