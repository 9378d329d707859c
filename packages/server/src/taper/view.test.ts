import { addDays, endTaperAtMaintenance, holdTaper, planTaper, type TaperPlan } from '@steady/core';
import { describe, expect, it } from 'vitest';
import { followUpOf, isOngoing, taperStatus } from './view.js';

const doses = [
  { time: '08:00', amountMg: 5 },
  { time: '20:00', amountMg: 5 },
];
const row = (plan: TaperPlan) => ({ plan, followUpMonths: 6, followUpIntervalDays: 30 });

describe('taper status on a day', () => {
  const toStop = planTaper({ doses, formulations: ['tab2', 'tab5'], startDate: '2026-01-05' });
  const end = toStop.projectedEndDate ?? '';

  it('is active until the first day without diazepam, then follow-up, then finished', () => {
    expect(taperStatus(row(toStop), '2026-01-01')).toBe('active');
    expect(taperStatus(row(toStop), addDays(end, -1))).toBe('active');
    expect(taperStatus(row(toStop), end)).toBe('followUp');
    const followUp = followUpOf(row(toStop));
    expect(followUp?.startDate).toBe(end);
    expect(followUp?.intervalDays).toBe(30);
    const last = followUp?.endDate ?? '';
    expect(last > addDays(end, 180)).toBe(true);
    expect(last < addDays(end, 185)).toBe(true);
    expect(taperStatus(row(toStop), last)).toBe('followUp');
    expect(taperStatus(row(toStop), addDays(last, 1))).toBe('finished');
  });

  it('follows a hold and an end at maintenance as signed', () => {
    const held = holdTaper(toStop, { on: '2026-02-01', reason: 'Symptoms' });
    expect(taperStatus(row(held), '2027-01-01')).toBe('paused');
    expect(followUpOf(row(held))).toBeNull();
    const kept = endTaperAtMaintenance(toStop, { on: '2026-02-01', reason: 'Not tolerated' });
    expect(taperStatus(row(kept), '2030-01-01')).toBe('maintenance');
  });

  it('is at maintenance once a plan to a maintenance dose reaches it', () => {
    const toFive = planTaper({
      doses,
      formulations: ['tab2', 'tab5'],
      startDate: '2026-01-05',
      goal: { kind: 'maintenance', dailyMg: 5 },
    });
    const reached = toFive.projectedEndDate ?? '';
    expect(taperStatus(row(toFive), addDays(reached, -1))).toBe('active');
    expect(taperStatus(row(toFive), reached)).toBe('maintenance');
    expect(followUpOf(row(toFive))).toBeNull();
  });

  it('counts active, paused and maintenance as still running', () => {
    expect(
      ['active', 'paused', 'maintenance', 'followUp', 'finished'].map((s) => isOngoing(s as never)),
    ).toEqual([true, true, true, false, false]);
  });
});
