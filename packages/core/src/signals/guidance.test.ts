import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIDE_EFFECT_KEYS, type CheckIn, type Severity4 } from '../regimen/types.js';
import { FALL_SOURCES, SIDE_EFFECT_SOURCES } from './checkIns.js';
import { checkInGuidance } from './guidance.js';
import { BREATHING_SOURCES, SEVERE_CONFUSION_SOURCES } from './redFlags.js';

type GuidanceInput = Parameters<typeof checkInGuidance>[0];

const calm: GuidanceInput = {
  fall: 'none',
  breathingProblem: false,
  sideEffects: { drowsiness: 'none', dizziness: 'none', unsteadiness: 'none', confusion: 'none' },
  otherSideEffect: null,
};
const withEffect = (key: (typeof SIDE_EFFECT_KEYS)[number], sev: Severity4): GuidanceInput => ({
  ...calm,
  sideEffects: { ...calm.sideEffects, [key]: sev },
});
const codes = (c: GuidanceInput): string[] => checkInGuidance(c).map((g) => g.code);

describe('checkInGuidance', () => {
  it('returns nothing for a calm check-in, or mild/moderate side effects', () => {
    expect(checkInGuidance(calm)).toEqual([]);
    expect(codes(withEffect('drowsiness', 'moderate'))).toEqual([]);
    expect(codes(withEffect('confusion', 'mild'))).toEqual([]);
    expect(codes({ ...calm, otherSideEffect: { text: 'nausea', severity: 'moderate' } })).toEqual(
      [],
    );
  });

  it('breathing problems are an emergency with the breathing red flag sources', () => {
    expect(checkInGuidance({ ...calm, breathingProblem: true })).toEqual([
      { level: 'emergency', code: 'EMERGENCY_BREATHING', sources: BREATHING_SOURCES },
    ]);
    expect(BREATHING_SOURCES.map((s) => s.id)).toEqual([
      'LABEL-TAB',
      'FDA-DSC-2019-GABA',
      'JCPG-2025',
    ]);
  });

  it('a fall or a near-fall asks to contact the team, citing SIG-FALL sources', () => {
    for (const fall of ['fall', 'near_fall'] as const) {
      expect(checkInGuidance({ ...calm, fall })).toEqual([
        { level: 'contact_team', code: 'CONTACT_FALL', sources: FALL_SOURCES },
      ]);
    }
    expect(FALL_SOURCES.map((s) => s.id)).toEqual(['SEC-LABEL', 'JCPG-2025']);
  });

  it('any listed side effect rated severe asks to contact the team', () => {
    for (const key of SIDE_EFFECT_KEYS) {
      const [g, ...rest] = checkInGuidance(withEffect(key, 'severe'));
      expect(rest).toEqual([]);
      expect(g).toMatchObject({ level: 'contact_team', code: 'CONTACT_SEVERE_SIDE_EFFECT' });
      expect(g?.sources.slice(0, 3)).toEqual(SIDE_EFFECT_SOURCES);
    }
  });

  it('a severe other side effect counts too', () => {
    expect(
      checkInGuidance({ ...calm, otherSideEffect: { text: 'rash', severity: 'severe' } }),
    ).toEqual([
      { level: 'contact_team', code: 'CONTACT_SEVERE_SIDE_EFFECT', sources: SIDE_EFFECT_SOURCES },
    ]);
  });

  it('severe confusion adds the confusion red flag sources', () => {
    const [g] = checkInGuidance(withEffect('confusion', 'severe'));
    expect(g?.sources).toEqual([...SIDE_EFFECT_SOURCES, ...SEVERE_CONFUSION_SOURCES]);
    expect(g?.sources.map((s) => s.id)).toEqual([
      'SEC-LABEL',
      'LABEL-TAB',
      'SEC-MONO',
      'JCPG-2025',
      'FDA-DSC-2019-GABA',
    ]);
  });

  it('reports everything at once, emergency first, one entry per code', () => {
    const all: GuidanceInput = {
      fall: 'fall',
      breathingProblem: true,
      sideEffects: {
        drowsiness: 'severe',
        dizziness: 'severe',
        unsteadiness: 'none',
        confusion: 'none',
      },
      otherSideEffect: { text: 'vomiting', severity: 'severe' },
    };
    expect(checkInGuidance(all).map((g) => [g.level, g.code])).toEqual([
      ['emergency', 'EMERGENCY_BREATHING'],
      ['contact_team', 'CONTACT_FALL'],
      ['contact_team', 'CONTACT_SEVERE_SIDE_EFFECT'],
    ]);
    expect(codes({ ...all, fall: 'none' })).toEqual([
      'EMERGENCY_BREATHING',
      'CONTACT_SEVERE_SIDE_EFFECT',
    ]);
    expect(codes({ ...withEffect('unsteadiness', 'severe'), fall: 'near_fall' })).toEqual([
      'CONTACT_FALL',
      'CONTACT_SEVERE_SIDE_EFFECT',
    ]);
  });

  it('accepts a full CheckIn', () => {
    const c: CheckIn = {
      ...calm,
      id: 'c1',
      at: '2026-03-31T07:00:00.000Z',
      pain: 3,
      spasm: 2,
      sleepQuality: null,
      anxiety: null,
      mood: null,
      activities: [],
      note: null,
      breathingProblem: true,
    };
    expect(codes(c)).toEqual(['EMERGENCY_BREATHING']);
  });

  it('property: emergency always comes before contact_team, and no code repeats', () => {
    const sev = fc.constantFrom<Severity4>('none', 'mild', 'moderate', 'severe');
    const input = fc.record({
      fall: fc.constantFrom('none', 'near_fall', 'fall' as const),
      breathingProblem: fc.boolean(),
      sideEffects: fc.record({
        drowsiness: sev,
        dizziness: sev,
        unsteadiness: sev,
        confusion: sev,
      }),
      otherSideEffect: fc.option(fc.record({ text: fc.string(), severity: sev }), { nil: null }),
    });
    fc.assert(
      fc.property(input, (c) => {
        const out = checkInGuidance(c);
        const levels = out.map((g) => g.level);
        const emergencyFirst = [...levels].sort(
          (a, b) => Number(a !== 'emergency') - Number(b !== 'emergency'),
        );
        expect(levels).toEqual(emergencyFirst);
        expect(new Set(out.map((g) => g.code)).size).toBe(out.length);
        expect(out.some((g) => g.code === 'EMERGENCY_BREATHING')).toBe(c.breathingProblem);
        expect(out.every((g) => g.sources.length > 0)).toBe(true);
      }),
    );
  });
});
