import { describe, expect, it } from 'vitest';
import { isSourceId } from '../sources.js';
import {
  ELSEWHERE_THERAPIES,
  ELSEWHERE_THERAPY_IDS,
  SESSION_TECHNIQUE_IDS,
  TECHNIQUES,
  TECHNIQUE_IDS,
  breathTimings,
  getTechnique,
  isElsewhereTherapyId,
  isTechniqueId,
  sessionTechniqueTitle,
  type BreathingScript,
} from './library.js';

const techniques = Object.values(TECHNIQUES);

describe('technique library', () => {
  it('holds the eight techniques and four elsewhere therapies under their ids', () => {
    expect(TECHNIQUE_IDS).toHaveLength(8);
    expect(ELSEWHERE_THERAPY_IDS).toEqual(['physical-therapy', 'acupuncture', 'massage', 'other']);
    for (const id of TECHNIQUE_IDS) expect(TECHNIQUES[id].id).toBe(id);
    for (const id of ELSEWHERE_THERAPY_IDS) expect(ELSEWHERE_THERAPIES[id].id).toBe(id);
    expect(Object.keys(TECHNIQUES).sort()).toEqual([...TECHNIQUE_IDS].sort());
  });

  it('has unique ids across techniques and elsewhere therapies', () => {
    expect(new Set(SESSION_TECHNIQUE_IDS).size).toBe(SESSION_TECHNIQUE_IDS.length);
    expect(SESSION_TECHNIQUE_IDS).toHaveLength(12);
  });

  it('gives every technique a title, a one-line summary and steps', () => {
    for (const t of techniques) {
      expect(t.title.length).toBeGreaterThan(0);
      expect(t.summary).not.toContain('\n');
      expect(t.summary.length).toBeLessThanOrEqual(100);
      expect(t.steps.length).toBeGreaterThanOrEqual(3);
      for (const step of t.steps) expect(step.trim().length).toBeGreaterThan(0);
    }
  });

  it('says honestly that no wording is reviewed yet', () => {
    for (const t of [...techniques, ...Object.values(ELSEWHERE_THERAPIES)]) {
      expect(t.reviewed).toBe(false);
      expect(t.reviewNote).toMatch(/clinical review/);
    }
  });

  it('cites only sources of the reference', () => {
    for (const t of techniques) for (const s of t.sources) expect(isSourceId(s.id)).toBe(true);
    expect(TECHNIQUES['sleep-routine'].sources).toEqual([
      { id: 'JCPG-2025', status: 'C', locator: 'Rec 10' },
    ]);
    expect(TECHNIQUES['thought-record'].sources.map((s) => s.id)).toEqual(['JCPG-2025']);
  });

  it('has step scripts whose steps add up to the stated duration, with unique step ids', () => {
    const stepScripts = techniques.flatMap((t) => (t.script?.kind === 'steps' ? [t.script] : []));
    expect(stepScripts).toHaveLength(2);
    for (const script of stepScripts) {
      expect(script.steps.reduce((sum, s) => sum + s.seconds, 0)).toBe(script.totalSeconds);
      expect(new Set(script.steps.map((s) => s.id)).size).toBe(script.steps.length);
      for (const s of script.steps) expect(s.seconds).toBeGreaterThan(0);
    }
    expect(TECHNIQUES['body-scan'].script).toMatchObject({ totalSeconds: 600 });
    expect(TECHNIQUES['progressive-muscle-relaxation'].script).toMatchObject({ totalSeconds: 420 });
  });

  it('paces breathing at 6 a minute by default, adjustable from 4 to 10', () => {
    const script = TECHNIQUES['paced-breathing'].script as BreathingScript;
    expect(script).toMatchObject({ kind: 'breathing', defaultRate: 6, minRate: 4, maxRate: 10 });
    expect(script.durationPresetsMinutes).toContain(script.defaultDurationMinutes);
    expect(breathTimings(script, 6)).toEqual({ inhaleMs: 4000, exhaleMs: 6000, rate: 6 });
    expect(breathTimings(script, 10)).toEqual({ inhaleMs: 2400, exhaleMs: 3600, rate: 10 });
    expect(breathTimings(script, 2).rate).toBe(4);
    expect(breathTimings(script, 30).rate).toBe(10);
  });

  it('looks ids up safely', () => {
    expect(getTechnique('body-scan')?.title).toBe('Mindfulness body scan');
    expect(getTechnique('toString')).toBeUndefined();
    expect(isTechniqueId('acupuncture')).toBe(false);
    expect(isElsewhereTherapyId('acupuncture')).toBe(true);
    expect(isElsewhereTherapyId('constructor')).toBe(false);
    expect(sessionTechniqueTitle('massage')).toBe('Massage');
    expect(sessionTechniqueTitle('heat-cold')).toBe('Heat or cold');
  });
});
