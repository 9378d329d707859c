import { describe, expect, it } from 'vitest';
import { holdTaper } from './operations.js';
import { planTaper } from './plan.js';
import { currentStep, nextStep } from './query.js';
import { TWICE_10 } from './testing.test-helpers.js';

const plan = planTaper(TWICE_10);

describe('currentStep / nextStep', () => {
  it('finds the step in effect and the one after it', () => {
    expect(currentStep(plan, '2026-03-15')!.index).toBe(0);
    expect(currentStep(plan, '2026-03-16')!.index).toBe(1);
    expect(nextStep(plan, '2026-03-15')!.startDate).toBe('2026-03-16');
  });

  it('has no current step before the start, and the first step next', () => {
    expect(currentStep(plan, '2026-03-01')).toBeNull();
    expect(nextStep(plan, '2026-03-01')!.index).toBe(0);
  });

  it('keeps the open-ended last step current and has nothing next', () => {
    const last = plan.steps.at(-1)!;
    expect(currentStep(plan, '2040-01-01')).toBe(last);
    expect(nextStep(plan, last.startDate)).toBeNull();
  });

  it('has nothing next while paused', () => {
    const held = holdTaper(plan, { on: '2026-03-20', reason: 'x' });
    expect(currentStep(held, '2026-12-01')!.index).toBe(1);
    expect(nextStep(held, '2026-03-20')).toBeNull();
  });
});
