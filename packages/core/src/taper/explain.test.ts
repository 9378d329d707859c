import { describe, expect, it } from 'vitest';
import { EMPTY_DISPENSE } from './dispense.js';
import { describeTaperDispense, explainTaperStep, TAPER_EXPLANATIONS } from './explain.js';
import { planTaper } from './plan.js';
import { TWICE_10, WITH_SOLUTION } from './testing.test-helpers.js';

describe('TAPER_EXPLANATIONS', () => {
  it('explains why the plan is slow and why symptoms can come days later, with sources', () => {
    const keys = TAPER_EXPLANATIONS.map((e) => e.key);
    expect(keys).toEqual(['whySlow', 'delayedSymptoms', 'avoidSkipping', 'talkToPrescriber']);
    expect(TAPER_EXPLANATIONS.every((e) => e.sources.length > 0)).toBe(true);
    const delayed = TAPER_EXPLANATIONS.find((e) => e.key === 'delayedSymptoms')!;
    expect(delayed.text).toMatch(/a few days later/);
    expect(delayed.sources.map((s) => s.id)).toContain('SEC-WEB');
  });

  it('never tells the patient to change a dose', () => {
    for (const e of TAPER_EXPLANATIONS)
      expect(e.text).not.toMatch(/\b(take more|take less|increase|reduce your)\b/i);
    expect(TAPER_EXPLANATIONS.find((e) => e.key === 'talkToPrescriber')!.text).toMatch(
      /Do not change your dose or stop on your own/,
    );
  });
});

describe('describeDispense', () => {
  it('names whole tablets, halves and solution', () => {
    expect(describeTaperDispense({ ...EMPTY_DISPENSE, tab5: 1, tab2: 2 })).toBe(
      '1 tablet of 5 mg + 2 tablets of 2 mg',
    );
    expect(describeTaperDispense({ ...EMPTY_DISPENSE, tab10: 1, halfTab5: 1 })).toBe(
      '1 tablet of 10 mg + half a tablet of 5 mg',
    );
    expect(describeTaperDispense({ ...EMPTY_DISPENSE, halfTab2: 3 })).toBe(
      '3 half tablets of 2 mg',
    );
    expect(describeTaperDispense({ ...EMPTY_DISPENSE, ml: 2.5 })).toBe('2.5 mL of oral solution');
    expect(describeTaperDispense(EMPTY_DISPENSE)).toBe('nothing');
  });
});

describe('explainStep', () => {
  it('describes a step and the last step in plain words', () => {
    const plan = planTaper({ ...TWICE_10, formulations: WITH_SOLUTION, switchToLiquid: true });
    expect(explainTaperStep(plan.steps[0]!).text).toBe(
      'From 2026-03-02 your prescribed daily dose is 18 mg: 08:00 9 mg (1 tablet of 5 mg + 2 tablets of 2 mg); ' +
        '20:00 9 mg (1 tablet of 5 mg + 2 tablets of 2 mg).',
    );
    const last = explainTaperStep(plan.steps.at(-1)!);
    expect(last.text).toMatch(/no more diazepam doses/);
    expect(last.sources.length).toBeGreaterThan(0);
  });
});
