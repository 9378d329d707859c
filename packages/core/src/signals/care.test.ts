import { describe, expect, it } from 'vitest';
import { adjustmentPeriodSignal, earlyRefillSignal, reviewDueSignal } from './care.js';
import { baseInput, med, regimen } from './signals.test-helpers.js';
import type { SignalDispensing } from './types.js';

const dispense = (day: string, quantity = 90, id = `disp-${day}`): SignalDispensing => ({
  id,
  at: `${day}T15:00:00.000Z`,
  formulation: 'tab5',
  quantity,
  mgPerUnit: 5,
});

describe('reviewDueSignal (SIG-REVIEW-DUE)', () => {
  it('does not fire within 3 months of the last review', () => {
    expect(reviewDueSignal(baseInput())).toEqual([]);
  });

  it('fires once 3 months have passed since the last review', () => {
    const [s] = reviewDueSignal(
      baseInput({ lastReviewAt: '2025-12-15T10:00:00Z', dispensing: [dispense('2026-02-01')] }),
    );
    expect(s).toMatchObject({ id: 'SIG-REVIEW-DUE', severity: 'caution', audience: 'clinician' });
    expect(s?.evidence[0]?.values).toEqual({
      lastReview: '2025-12-15',
      courseStart: '2026-01-01',
      dueBy: '2026-03-15',
    });
    expect(s?.evidence[1]).toMatchObject({ kind: 'dispensing' });
    expect(s?.clinicianText).toContain('1 dispensing since then');
    expect(s?.sources[0]).toMatchObject({ id: 'JCPG-2025', locator: 'Rec 1 (REFERENCE §6.1)' });
  });

  it('counts from the start of the course when no review is recorded', () => {
    expect(reviewDueSignal(baseInput({ lastReviewAt: null }))).toEqual([]);
    const [s] = reviewDueSignal(baseInput({ now: '2026-04-02T09:00:00Z', lastReviewAt: null }));
    expect(s?.clinicianText).toContain(
      'No risk/benefit review recorded; the course began on 2026-01-01; due by 2026-04-01',
    );
  });

  it('is a warning with an opioid, citing Rec 16', () => {
    const [s] = reviewDueSignal(
      baseInput({ lastReviewAt: '2025-12-01T10:00:00Z', otherMedications: [med('hydrocodone')] }),
    );
    expect(s?.severity).toBe('warning');
    expect(s?.clinicianText).toContain('Rec 16');
    expect(s?.evidence.at(-1)?.kind).toBe('medication');
  });

  it('does not fire without a regimen in force', () => {
    expect(reviewDueSignal(baseInput({ regimenVersions: [], lastReviewAt: null }))).toEqual([]);
  });
});

describe('earlyRefillSignal (SIG-EARLY-REFILL)', () => {
  it('does not fire for dispensings when the previous supply ran out', () => {
    expect(
      earlyRefillSignal(
        baseInput({
          dispensing: [dispense('2026-01-01'), dispense('2026-01-31'), dispense('2026-03-02')],
        }),
      ),
    ).toEqual([]);
  });

  it('fires when supply for more than the grace days should have remained', () => {
    const [s] = earlyRefillSignal(
      baseInput({
        dispensing: [dispense('2026-01-01'), dispense('2026-01-31'), dispense('2026-02-20')],
      }),
    );
    expect(s).toMatchObject({ id: 'SIG-EARLY-REFILL', severity: 'caution', audience: 'clinician' });
    expect(s?.evidence).toEqual([
      {
        kind: 'dispensing',
        ids: ['disp-2026-02-20'],
        dates: ['2026-02-20T15:00:00.000Z'],
        values: { daysEarly: 10, expectedOnHandMg: 150, allowedMgPerDay: 15, dispensedMg: 450 },
      },
    ]);
    expect(s?.clinicianText).toContain('2026-02-20 (about 10 days early)');
  });

  it('takes records of one local day as one dispensing (two tablet strengths for one step)', () => {
    const twoStrengths = (day: string): SignalDispensing[] => [
      dispense(day, 60),
      { ...dispense(day, 30, `disp-${day}-2mg`), formulation: 'tab2', mgPerUnit: 2 },
    ];
    expect(
      earlyRefillSignal(
        baseInput({ dispensing: [...twoStrengths('2026-01-01'), ...twoStrengths('2026-01-25')] }),
      ),
    ).toEqual([]);
  });

  it('carries leftover supply forward and warns from two early dispensings', () => {
    const [s] = earlyRefillSignal(
      baseInput({
        dispensing: [dispense('2026-01-01'), dispense('2026-01-25'), dispense('2026-02-18')],
      }),
    );
    expect(s?.severity).toBe('warning');
    expect(s?.evidence.map((e) => e.values?.['daysEarly'])).toEqual([6, 12]);
  });

  it('allows for the as-needed allowance and the grace days', () => {
    const prn = regimen({ asNeeded: { amountMg: 2, minIntervalHours: 4, maxPerDay: 3 } });
    expect(
      earlyRefillSignal(
        baseInput({
          regimenVersions: [prn],
          dispensing: [dispense('2026-01-01'), dispense('2026-01-21')],
        }),
      ),
    ).toEqual([]);
    expect(
      earlyRefillSignal(
        baseInput({ dispensing: [dispense('2026-01-01'), dispense('2026-01-28')] }),
      ),
    ).toEqual([]);
  });

  it('only reports dispensings within the lookback, and needs two', () => {
    expect(
      earlyRefillSignal(
        baseInput({
          dispensing: [dispense('2025-06-01'), dispense('2025-06-10')],
          regimenVersions: [regimen({ startDate: '2025-05-01' })],
        }),
      ),
    ).toEqual([]);
    expect(earlyRefillSignal(baseInput({ dispensing: [dispense('2026-03-01')] }))).toEqual([]);
  });
});

describe('adjustmentPeriodSignal (SIG-ADJUSTMENT)', () => {
  it('cautions the patient about driving after a start', () => {
    const [s] = adjustmentPeriodSignal(
      baseInput({ regimenVersions: [regimen({ startDate: '2026-03-28' })] }),
    );
    expect(s).toMatchObject({ id: 'SIG-ADJUSTMENT', severity: 'caution', audience: 'patient' });
    expect(s?.patientText).toContain('started on 2026-03-28');
    expect(s?.patientText).toContain('do not drive');
    expect(s?.evidence[0]?.values).toEqual({ change: 'started', showUntil: '2026-04-03' });
    expect(s?.sources[0]).toMatchObject({ id: 'SEC-MONO', status: 'P' });
    expect(s?.settings).toEqual({ 'signals.adjustment.days': 7 });
  });

  it('cautions after an increase, not after a decrease', () => {
    const v1 = regimen({ id: 'v1', endDate: '2026-03-29' });
    const up = regimen({
      id: 'v2',
      version: 2,
      startDate: '2026-03-30',
      doses: [
        { time: '08:00', amountMg: 10 },
        { time: '14:00', amountMg: 5 },
        { time: '20:00', amountMg: 5 },
      ],
    });
    expect(
      adjustmentPeriodSignal(baseInput({ regimenVersions: [v1, up] }))[0]?.patientText,
    ).toContain('increased on 2026-03-30');
    const down = {
      ...up,
      doses: [
        { time: '08:00', amountMg: 5 },
        { time: '20:00', amountMg: 5 },
      ],
    };
    expect(adjustmentPeriodSignal(baseInput({ regimenVersions: [v1, down] }))).toEqual([]);
    const prnAdded = {
      ...up,
      doses: v1.doses,
      asNeeded: { amountMg: 2, minIntervalHours: 6, maxPerDay: 1 },
    };
    expect(adjustmentPeriodSignal(baseInput({ regimenVersions: [v1, prnAdded] }))).toHaveLength(1);
  });

  it('respects the configurable number of days', () => {
    const started = [regimen({ startDate: '2026-03-21' })];
    expect(adjustmentPeriodSignal(baseInput({ regimenVersions: started }))).toEqual([]);
    expect(
      adjustmentPeriodSignal(
        baseInput({ regimenVersions: started, settings: { adjustmentDays: 14 } }),
      ),
    ).toHaveLength(1);
    expect(
      adjustmentPeriodSignal(
        baseInput({
          regimenVersions: [regimen({ startDate: '2026-03-31' })],
          settings: { adjustmentDays: 0 },
        }),
      ),
    ).toEqual([]);
    expect(adjustmentPeriodSignal(baseInput({ regimenVersions: [] }))).toEqual([]);
  });
});
