/**
 * Plain patient-facing texts about a taper. They explain the prescriber's plan; they never
 * suggest changing a dose, and they always point back to the prescriber (PRODUCT safety
 * principles 1 and 5).
 */
import type { SourceRef } from '../sources.js';
import { SRC } from './guideline.js';
import type { TaperDispense, TaperStep } from './types.js';

export interface TaperExplanation {
  readonly key: 'whySlow' | 'delayedSymptoms' | 'avoidSkipping' | 'talkToPrescriber' | 'step';
  readonly text: string;
  readonly sources: readonly SourceRef[];
}

export const TAPER_EXPLANATIONS: readonly TaperExplanation[] = [
  {
    key: 'whySlow',
    text:
      'Your plan lowers your dose in small steps, a few weeks apart. Going slowly gives your body time to ' +
      'adjust and makes withdrawal symptoms less likely. Tapering often takes months, and for some people longer. ' +
      'Going slowly is the plan working, not a failure.',
    sources: [SRC.rec6, SRC.takeaway5, SRC.rec2, SRC.patientMonths],
  },
  {
    key: 'delayedSymptoms',
    text:
      'Diazepam, and the substance your body makes from it, leave your body slowly, over days to weeks. ' +
      'So if you notice symptoms after a step, they may start a few days later, not on the day the dose changed. ' +
      'Note them in your check-in so your care team can see them next to the step.',
    sources: [SRC.delayedOnset, SRC.halfLife, SRC.dmdzHalfLife, SRC.slowWashout, SRC.rec9],
  },
  {
    key: 'avoidSkipping',
    text: 'Try not to skip doses during the taper: skipping can make withdrawal worse.',
    sources: [SRC.patientSkip],
  },
  {
    key: 'talkToPrescriber',
    text:
      'If symptoms bother you, tell your prescriber. Do not change your dose or stop on your own. ' +
      'Your prescriber can pause or slow the plan, and staying on a lower dose can also be a good outcome.',
    sources: [SRC.rec11, SRC.pauseSlow, SRC.maintain],
  },
];

function plural(n: number, one: string): string {
  return `${String(n)} ${one}${n === 1 ? '' : 's'}`;
}

/**
 * What to take for one dose, in words.
 *
 * @example describeTaperDispense({ ...EMPTY, tab5: 1, tab2: 2 }) // '1 tablet of 5 mg + 2 tablets of 2 mg'
 */
export function describeTaperDispense(d: TaperDispense): string {
  const parts: string[] = [];
  for (const [whole, half, mg] of [
    [d.tab10, d.halfTab10, 10],
    [d.tab5, d.halfTab5, 5],
    [d.tab2, d.halfTab2, 2],
  ] as const) {
    if (whole > 0) parts.push(`${plural(whole, 'tablet')} of ${String(mg)} mg`);
    if (half > 0)
      parts.push(
        `${half === 1 ? 'half a tablet' : plural(half, 'half tablet')} of ${String(mg)} mg`,
      );
  }
  if (d.ml > 0) parts.push(`${String(d.ml)} mL of oral solution`);
  return parts.length === 0 ? 'nothing' : parts.join(' + ');
}

/**
 * The step in plain words: from when, the daily total, and what to take at each time.
 *
 * @example explainTaperStep(plan.steps[0]).text
 * // 'From 2026-03-02 your prescribed daily dose is 18 mg: 08:00 9 mg (1 tablet of 5 mg + 2 tablets of 2 mg); …'
 */
export function explainTaperStep(step: TaperStep): TaperExplanation {
  if (step.dailyTotalMg === 0) {
    return {
      key: 'step',
      text:
        `From ${step.startDate} your plan has no more diazepam doses. Symptoms can still appear in the days ` +
        'after this last step; keep checking in and tell your prescriber how you feel.',
      sources: [SRC.delayedOnset, SRC.rec9],
    };
  }
  const doses = step.doses.map(
    (d) => `${d.time} ${String(d.amountMg)} mg (${describeTaperDispense(d.dispense)})`,
  );
  return {
    key: 'step',
    text: `From ${step.startDate} your prescribed daily dose is ${String(step.dailyTotalMg)} mg: ${doses.join('; ')}.`,
    sources: [],
  };
}
