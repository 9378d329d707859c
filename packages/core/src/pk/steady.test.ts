import { describe, expect, it } from 'vitest';
import { KM_POST_DMDZ } from './params.js';
import {
  accumulationFraction,
  steadyStateProfile,
  timeToSteadyState,
  washoutTime,
} from './steady.js';
import { WHAT_IFS } from './whatif.js';

describe('accumulationFraction', () => {
  it('is 0 before the lag, rises to 1, and the metabolite lags the parent', () => {
    expect(accumulationFraction(0.1)).toEqual({ parent: 0, metabolite: 0, combined: 0 });
    const day2 = accumulationFraction(48);
    expect(day2.parent).toBeGreaterThan(day2.metabolite);
    expect(accumulationFraction(1e5).parent).toBeCloseTo(1, 12);
    expect(accumulationFraction(1e5).metabolite).toBeCloseTo(1, 12);
  });

  it('equals 1 − e^{−kt} for the parent once absorption is over (ka ≫ k)', () => {
    const t = 100;
    const k = 0.0219;
    const ka = 2.2;
    const tau = t - 0.2;
    const expected = 1 - (ka * Math.exp(-k * tau) - k * Math.exp(-ka * tau)) / (ka - k);
    expect(accumulationFraction(t).parent).toBeCloseTo(expected, 12);
  });
});

describe('timeToSteadyState', () => {
  it('gives ~3.3 parent half-lives for 90%, plus the absorption delay', () => {
    const r = timeToSteadyState();
    const tHalf = Math.LN2 / 0.0219;
    expect(r.parent.hours).toBeGreaterThan(3.32 * tHalf);
    expect(r.parent.hours).toBeLessThan(3.32 * tHalf + 1);
    expect(r.parent.days).toBeCloseTo(r.parent.hours / 24, 12);
    expect(accumulationFraction(r.metabolite.hours).metabolite).toBeCloseTo(0.9, 8);
    expect(r.combined.hours).toBeGreaterThan(r.parent.hours);
    expect(r.combined.hours).toBeLessThan(r.metabolite.hours);
    expect(r.definition).toMatch(/90%/);
    expect(r.meta.caveats.length).toBeGreaterThan(0);
  });

  it('is slower for older adults and shorter with the 53 h DMDZ half-life', () => {
    const base = timeToSteadyState(0.9);
    const older = timeToSteadyState(0.9, { whatIf: [WHAT_IFS['older-age']] });
    expect(older.parent.hours / base.parent.hours).toBeCloseTo(86 / 31, 1);
    expect(older.metabolite.hours).toBeGreaterThan(base.metabolite.hours);
    const post = timeToSteadyState(0.9, { params: { km: KM_POST_DMDZ } });
    expect(post.metabolite.hours).toBeLessThan(base.metabolite.hours);
  });

  it('rejects fractions outside (0, 1)', () => {
    expect(() => timeToSteadyState(1)).toThrow(RangeError);
    expect(() => timeToSteadyState(0)).toThrow(RangeError);
    expect(() => washoutTime(1.5)).toThrow(RangeError);
  });
});

describe('washoutTime', () => {
  it('mirrors accumulation: washout to p equals accumulation to 1 − p', () => {
    const w = washoutTime(0.1);
    const a = timeToSteadyState(0.9);
    expect(w.parent.hours).toBeCloseTo(a.parent.hours, 6);
    expect(w.metabolite.hours).toBeCloseTo(a.metabolite.hours, 6);
    expect(w.definition).toMatch(/10%/);
    expect(washoutTime(0.01).metabolite.days).toBeGreaterThan(w.metabolite.days);
  });
});

describe('steadyStateProfile', () => {
  const doses = [
    { time: '08:00', amountMg: 5 },
    { time: '14:00', amountMg: 2 },
    { time: '21:00', amountMg: 5 },
  ];

  it('is periodic with mean 1, the parent swinging more than the metabolite', () => {
    const p = steadyStateProfile({ doses }, { stepMinutes: 60 });
    expect(p.points).toHaveLength(24);
    expect(p.points[8]!.time).toBe('08:00');
    expect(p.points[8]!.hour).toBe(8);
    expect(p.parent.mean).toBeCloseTo(1, 12);
    expect(p.metabolite.mean).toBeCloseTo(1, 12);
    expect(p.combined.mean).toBeCloseTo(1, 12);
    expect(p.parent.max - p.parent.min).toBeGreaterThan(p.metabolite.max - p.metabolite.min);
    expect(p.parent.min).toBeLessThan(1);
    expect(p.parent.max).toBeGreaterThan(1);
  });

  it('handles a dose whose lag crosses midnight', () => {
    const p = steadyStateProfile({ doses: [{ time: '23:55', amountMg: 10 }] }, { stepMinutes: 1 });
    expect(p.points).toHaveLength(1440);
    expect(p.parent.mean).toBeCloseTo(1, 12);
    // Lowest just before the dose is absorbed (lag 12 min), i.e. around 00:07.
    const lowest = p.points.reduce((a, b) => (b.parent < a.parent ? b : a));
    expect(lowest.time).toBe('00:07');
  });

  it('rejects bad schedules and steps', () => {
    expect(() => steadyStateProfile({ doses: [{ time: '25:00', amountMg: 5 }] })).toThrow(
      RangeError,
    );
    expect(() => steadyStateProfile({ doses }, { stepMinutes: 0 })).toThrow(RangeError);
    expect(() => steadyStateProfile({ doses: [] })).toThrow(RangeError);
  });
});
