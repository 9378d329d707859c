import { describe, expect, it } from 'vitest';
import {
  TAPER_CHECK_IN_DAYS,
  taperCheckInSchedule,
  taperCheckInStates,
  taperFollowUp,
  withdrawalByStep,
  type TaperCheckInSlot,
} from './checkins.js';
import { endTaperAtMaintenance, holdTaper } from './operations.js';
import { planTaper } from './plan.js';
import { TWICE_10 } from './testing.test-helpers.js';

const plan = planTaper(TWICE_10);
const last = plan.steps.at(-1)!;

describe('taperCheckInSchedule', () => {
  it('puts check-ins on days 2, 5 and 10 of every step, citing the delayed onset', () => {
    const schedule = taperCheckInSchedule(plan);
    expect(schedule.slice(0, 4)).toEqual([
      { date: '2026-03-04', kind: 'step', stepIndex: 0, daysAfterStep: 2 },
      { date: '2026-03-07', kind: 'step', stepIndex: 0, daysAfterStep: 5 },
      { date: '2026-03-12', kind: 'step', stepIndex: 0, daysAfterStep: 10 },
      { date: '2026-03-18', kind: 'step', stepIndex: 1, daysAfterStep: 2 },
    ]);
    const stepSlots = schedule.filter((s) => s.kind === 'step');
    expect(stepSlots).toHaveLength(plan.steps.length * 3);
    expect(TAPER_CHECK_IN_DAYS.confirmed).toBe(false);
    expect(TAPER_CHECK_IN_DAYS.sources.map((s) => s.id)).toEqual(['SEC-WEB', 'JCPG-2025']);
  });

  it('follows up every 30 days for 6 months after the last step', () => {
    const followUps = taperCheckInSchedule(plan).filter((s) => s.kind === 'followUp');
    expect(followUps.map((s) => s.daysAfterStep)).toEqual([30, 60, 90, 120, 150, 180]);
    expect(followUps.every((s) => s.stepIndex === last.index)).toBe(true);
    expect(last.startDate).toBe('2027-02-01');
    expect(taperFollowUp(plan)).toEqual({
      startDate: '2027-02-01',
      endDate: '2027-08-01',
      intervalDays: 30,
    });
    expect(followUps.at(-1)?.date).toBe('2027-07-31');
    const short = taperCheckInSchedule(plan, { followUpMonths: 2, followUpIntervalDays: 14 });
    expect(short.filter((s) => s.kind === 'followUp').map((s) => s.daysAfterStep)).toEqual([
      14, 28, 42, 56,
    ]);
  });

  it('uses other days when configured, dropping days past the end of a step', () => {
    const schedule = taperCheckInSchedule(plan, { checkInDays: [20, 1, 1], followUpMonths: 0 });
    expect(schedule.filter((s) => s.stepIndex === 0)).toEqual([
      { date: '2026-03-03', kind: 'step', stepIndex: 0, daysAfterStep: 1 },
    ]);
    // The open-ended last step keeps every configured day.
    expect(schedule.filter((s) => s.stepIndex === last.index).map((s) => s.daysAfterStep)).toEqual([
      1, 20,
    ]);
  });

  it('has no check-ins while paused beyond the held step, and no follow-up', () => {
    const held = holdTaper(plan, { on: '2026-03-20', reason: 'Sleep worse' });
    const schedule = taperCheckInSchedule(held);
    expect(schedule.at(-1)).toEqual({
      date: '2026-03-26',
      kind: 'step',
      stepIndex: 1,
      daysAfterStep: 10,
    });
    expect(taperFollowUp(held)).toBeNull();
    const kept = endTaperAtMaintenance(plan, { on: '2026-03-20', reason: 'Stable' });
    expect(taperFollowUp(kept)).toBeNull();
    expect(taperCheckInSchedule(kept).some((s) => s.kind === 'followUp')).toBe(false);
  });

  it('rejects settings that cannot make a schedule', () => {
    expect(() => taperCheckInSchedule(plan, { checkInDays: [1.5] })).toThrow(RangeError);
    expect(() => taperCheckInSchedule(plan, { followUpIntervalDays: 0 })).toThrow(RangeError);
    expect(() => taperCheckInSchedule(plan, { followUpMonths: -1 })).toThrow(RangeError);
  });
});

describe('taperCheckInStates', () => {
  const slots: TaperCheckInSlot[] = [
    { date: '2026-03-04', kind: 'step', stepIndex: 0, daysAfterStep: 2 },
    { date: '2026-03-07', kind: 'step', stepIndex: 0, daysAfterStep: 5 },
    { date: '2026-03-12', kind: 'step', stepIndex: 0, daysAfterStep: 10 },
    { date: '2026-04-11', kind: 'followUp', stepIndex: 0, daysAfterStep: 40 },
  ];

  it('marks answered, missed, due and upcoming check-ins, one answer per check-in', () => {
    const states = taperCheckInStates(
      slots,
      [
        { id: 'early', date: '2026-03-03' },
        { id: 'a', date: '2026-03-05' },
        { id: 'b', date: '2026-03-06' },
      ],
      '2026-03-13',
    );
    expect(states.map((s) => [s.status, s.responseId, s.openUntil])).toEqual([
      ['answered', 'a', '2026-03-06'],
      ['missed', null, '2026-03-11'],
      ['due', null, '2026-03-18'],
      ['upcoming', null, '2026-04-17'],
    ]);
  });

  it('closes a check-in after the open days when nothing follows soon', () => {
    const [, , tenth] = taperCheckInStates(slots, [], '2026-03-19');
    expect(tenth?.status).toBe('missed');
    const [, , late] = taperCheckInStates(slots, [{ id: 'x', date: '2026-03-18' }], '2026-03-19');
    expect(late).toMatchObject({ status: 'answered', responseId: 'x' });
  });
});

describe('withdrawalByStep', () => {
  it('groups totals by step with the days since the step, in the patient zone', () => {
    const groups = withdrawalByStep(
      plan,
      [
        { at: '2026-03-18T23:30:00.000Z', total: 6, taperStepIndex: 1 },
        { at: '2026-03-05T09:00:00.000Z', total: 4, taperStepIndex: 0 },
        { at: '2026-03-04T09:00:00.000Z', total: 2, taperStepIndex: 0 },
        { at: '2026-03-04T10:00:00.000Z', total: 9, taperStepIndex: null },
        { at: '2026-02-20T10:00:00.000Z', total: 1, taperStepIndex: null },
      ],
      'Europe/Berlin',
      '2026-03-20',
    );
    expect(groups.map((g) => g.stepIndex)).toEqual([0, 1]);
    expect(groups[0]).toMatchObject({ startDate: '2026-03-02', dailyTotalMg: 18 });
    // A checklist answered outside a check-in counts for the step in force; one before the plan for none.
    expect(groups[0]!.scores.map((s) => [s.total, s.daysAfterStep])).toEqual([
      [2, 2],
      [9, 2],
      [4, 3],
    ]);
    // 23:30 UTC is already the next day in Berlin.
    expect(groups[1]!.scores).toEqual([
      { at: '2026-03-18T23:30:00.000Z', total: 6, daysAfterStep: 3 },
    ]);
  });
});
