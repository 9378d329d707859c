import { describe, expect, it } from 'vitest';
import {
  endTaperAtMaintenance,
  holdTaper,
  resumeTaper,
  slowDownTaper,
  stepBackTaper,
} from './operations.js';
import { planTaper } from './plan.js';
import { codesOf, TWICE_10 } from './testing.test-helpers.js';

const plan = planTaper(TWICE_10);
// Steps: 0 from 03-02 (18 mg), 1 from 03-16 (16.5), 2 from 03-30 (15), 3 from 04-13 (13.5) …

describe('hold', () => {
  const held = holdTaper(plan, { on: '2026-04-01', reason: 'Insomnia since the last step' });

  it('extends the current step until resumed and drops the later ones', () => {
    expect(held.version).toBe(2);
    expect(held.status).toBe('paused');
    expect(held.steps).toHaveLength(3);
    expect(held.steps[2]).toMatchObject({
      dailyTotalMg: 15,
      startDate: '2026-03-30',
      endDate: null,
    });
    expect(held.projectedEndDate).toBeNull();
    expect(held.history.at(-1)).toEqual({
      version: 2,
      action: 'hold',
      reason: 'Insomnia since the last step',
      at: '2026-04-01',
    });
    expect(
      held.sources.some((r) => r.id === 'JCPG-2025' && r.locator?.startsWith('Rec 11') === true),
    ).toBe(true);
  });

  it('leaves the original plan untouched', () => {
    expect(plan.version).toBe(1);
    expect(plan.steps.length).toBeGreaterThan(3);
  });

  it('refuses without a reason, before the plan, on a paused plan, or once the goal is reached', () => {
    expect(() => holdTaper(plan, { on: '2026-04-01', reason: ' ' })).toThrow(/reason/);
    expect(() => holdTaper(plan, { on: '2026-03-01', reason: 'x' })).toThrow(/no step/);
    expect(() => holdTaper(plan, { on: 'soon', reason: 'x' })).toThrow(/date/);
    expect(() => holdTaper(held, { on: '2026-04-02', reason: 'x' })).toThrow(/paused/);
    expect(() => holdTaper(plan, { on: '2030-01-01', reason: 'x' })).toThrow(/goal/);
  });
});

describe('resume', () => {
  const held = holdTaper(plan, { on: '2026-04-01', reason: 'Insomnia' });

  it('continues from the held dose on the given day, at a slower pace if asked', () => {
    const resumed = resumeTaper(held, {
      on: '2026-05-01',
      reason: 'Sleep better',
      method: { kind: 'percent', percent: 5 },
      intervalDays: 28,
    });
    expect(resumed.status).toBe('active');
    expect(resumed.steps[2]!.endDate).toBe('2026-04-30');
    expect(resumed.steps[3]).toMatchObject({ startDate: '2026-05-01', dailyTotalMg: 14.5 });
    expect(resumed.steps[4]!.startDate).toBe('2026-05-29');
    expect(resumed.inputs.method).toEqual({ kind: 'percent', percent: 5 });
    expect(resumed.steps.at(-1)!.dailyTotalMg).toBe(0);
    expect(resumed.history.map((h) => h.action)).toEqual(['created', 'hold', 'resume']);
  });

  it('keeps the pace when none is given', () => {
    const resumed = resumeTaper(held, { on: '2026-04-20', reason: 'ok' });
    expect(resumed.inputs.intervalDays).toBe(14);
    expect(resumed.steps[3]!.startDate).toBe('2026-04-20');
  });

  it('refuses on an active plan, on or before the held step, or with a bad interval', () => {
    expect(() => resumeTaper(plan, { on: '2026-05-01', reason: 'x' })).toThrow(/paused/);
    expect(() => resumeTaper(held, { on: '2026-03-30', reason: 'x' })).toThrow(/after the start/);
    expect(() => resumeTaper(held, { on: '2026-03-20', reason: 'x' })).toThrow(/after the start/);
    expect(() => resumeTaper(held, { on: '2026-05-01', reason: 'x', intervalDays: 0 })).toThrow(
      /intervalDays/,
    );
  });
});

describe('slowDown', () => {
  it('lengthens the current step and the later ones', () => {
    const slow = slowDownTaper(plan, {
      on: '2026-03-20',
      reason: 'Muscle spasm worse',
      intervalDays: 28,
    });
    expect(slow.steps[1]).toMatchObject({ startDate: '2026-03-16', endDate: '2026-04-12' });
    expect(slow.steps[2]!.startDate).toBe('2026-04-13');
    expect(slow.steps[3]!.startDate).toBe('2026-05-11');
    expect(slow.steps.slice(0, 2).map((s) => s.dailyTotalMg)).toEqual([18, 16.5]);
    expect(slow.history.at(-1)!.action).toBe('slowDown');
  });

  it('takes smaller steps from the current one on', () => {
    const slow = slowDownTaper(plan, {
      on: '2026-03-20',
      reason: 'Anxiety',
      method: { kind: 'fixed', mg: 0.5 },
    });
    expect(slow.steps[2]!.dailyTotalMg).toBe(16);
    expect(slow.steps[2]!.startDate).toBe('2026-03-30');
  });

  it('never ends the current step earlier than planned', () => {
    const held = holdTaper(plan, { on: '2026-04-01', reason: 'x' });
    const resumed = resumeTaper(held, { on: '2026-06-01', reason: 'y' });
    const slow = slowDownTaper(resumed, { on: '2026-04-05', reason: 'z', intervalDays: 21 });
    expect(slow.steps[2]!.endDate).toBe('2026-05-31');
    expect(slow.steps[3]!.startDate).toBe('2026-06-01');
  });

  it('refuses to speed up, to do nothing, or to act on a paused or finished plan', () => {
    expect(() => slowDownTaper(plan, { on: '2026-03-20', reason: 'x', intervalDays: 7 })).toThrow(
      /shorten/,
    );
    expect(() =>
      slowDownTaper(plan, {
        on: '2026-03-20',
        reason: 'x',
        method: { kind: 'percent', percent: 20 },
      }),
    ).toThrow(/larger/);
    expect(() => slowDownTaper(plan, { on: '2026-03-20', reason: 'x' })).toThrow(/needs/);
    expect(() => slowDownTaper(plan, { on: '2026-03-20', reason: 'x', intervalDays: 2.5 })).toThrow(
      /intervalDays/,
    );
    const held = holdTaper(plan, { on: '2026-04-01', reason: 'x' });
    expect(() => slowDownTaper(held, { on: '2026-04-02', reason: 'x', intervalDays: 28 })).toThrow(
      /paused/,
    );
    expect(() => slowDownTaper(plan, { on: '2030-01-01', reason: 'x', intervalDays: 28 })).toThrow(
      /goal/,
    );
  });
});

describe('stepBack', () => {
  it('returns to the previous dose from the given day and holds there', () => {
    const back = stepBackTaper(plan, {
      on: '2026-04-03',
      reason: 'Withdrawal symptoms after step 3',
    });
    expect(back.status).toBe('paused');
    expect(back.steps[2]!.endDate).toBe('2026-04-02');
    expect(back.steps[3]).toMatchObject({
      kind: 'stepBack',
      startDate: '2026-04-03',
      endDate: null,
      dailyTotalMg: 16.5,
    });
    expect(back.steps[3]!.reductionFromPreviousPct).toBe(-10);
    expect(back.projectedEndDate).toBeNull();
  });

  it('replaces a step that starts on the same day, and steps back to the last higher dose', () => {
    const back = stepBackTaper(plan, { on: '2026-03-30', reason: 'x' });
    expect(back.steps.map((s) => s.dailyTotalMg)).toEqual([18, 16.5, 16.5]);
    const twice = stepBackTaper(back, { on: '2026-04-05', reason: 'y' });
    expect(twice.steps.at(-1)!.dailyTotalMg).toBe(18);
    const resumed = resumeTaper(twice, { on: '2026-04-20', reason: 'z' });
    expect(resumed.steps.at(-1)!.dailyTotalMg).toBe(0);
  });

  it('returns to the dose before the plan from its first step, and fails above it', () => {
    const back = stepBackTaper(plan, { on: '2026-03-05', reason: 'x' });
    expect(back.steps.at(-1)).toMatchObject({ dailyTotalMg: 20, formulationUsed: 'tablets' });
    expect(back.steps.at(-1)!.doses.map((d) => d.amountMg)).toEqual([10, 10]);
    expect(() => stepBackTaper(back, { on: '2026-03-10', reason: 'y' })).toThrow(/no higher/);
  });

  it('can step back after the plan stopped', () => {
    const end = plan.steps.at(-1)!.startDate;
    const back = stepBackTaper(plan, { on: end, reason: 'Severe insomnia after stopping' });
    expect(back.steps.at(-1)!.dailyTotalMg).toBe(1);
  });
});

describe('endAtMaintenance', () => {
  it('keeps the current dose as the goal', () => {
    const m = endTaperAtMaintenance(plan, {
      on: '2026-04-20',
      reason: 'Further reductions not tolerated',
    });
    expect(m.status).toBe('maintenance');
    expect(m.inputs.goal).toEqual({ kind: 'maintenance', dailyMg: 13.5 });
    expect(m.steps.at(-1)).toMatchObject({ dailyTotalMg: 13.5, endDate: null });
    expect(m.projectedEndDate).toBe('2026-04-13');
    expect(codesOf(m, null)).toEqual(['TAPER_HALVES_ASSUMED']);
  });

  it('refuses a second time or at 0 mg', () => {
    const m = endTaperAtMaintenance(plan, { on: '2026-04-20', reason: 'x' });
    expect(() => endTaperAtMaintenance(m, { on: '2026-04-21', reason: 'x' })).toThrow(/already/);
    expect(() => endTaperAtMaintenance(plan, { on: '2030-01-01', reason: 'x' })).toThrow(/above 0/);
  });

  it('can be stepped back from, which pauses the plan', () => {
    const m = endTaperAtMaintenance(plan, { on: '2026-04-20', reason: 'x' });
    expect(stepBackTaper(m, { on: '2026-05-01', reason: 'y' }).status).toBe('paused');
  });
});
