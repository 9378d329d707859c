import { describe, expect, it } from 'vitest';
import { interdoseWithdrawalSignal, missedDoseSignal } from './missed.js';
import { adherentDoses, baseInput, dailyCheckIns, regimen } from './signals.test-helpers.js';
import type { SignalTaperPlan } from './types.js';

const tid = regimen();
const taper: SignalTaperPlan = {
  steps: [
    { index: 0, startDate: '2026-03-01', dailyTotalMg: 15 },
    { index: 1, startDate: '2026-03-15', dailyTotalMg: 14 },
    { index: 2, startDate: '2026-04-12', dailyTotalMg: 13 },
  ],
};
const omit = (...keys: string[]) =>
  adherentDoses([tid], '2026-03-01', '2026-03-31', { omit: (k) => keys.includes(k) });

describe('missedDoseSignal during a taper (SIG-TAPER-SKIP)', () => {
  it('reminds the patient after a single missed dose (info)', () => {
    const [s, ...rest] = missedDoseSignal(baseInput({ taper, doses: omit('2026-03-29T14:00') }));
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ id: 'SIG-TAPER-SKIP', severity: 'info', audience: 'both' });
    expect(s?.patientText).toContain('try to avoid skipping any doses');
    expect(s?.patientText).toContain('Do not stop or change your diazepam on your own');
    expect(s?.evidence[0]?.dates).toEqual(['2026-03-29T14:00']);
    expect(s?.sources[0]).toMatchObject({ id: 'ASAM-PATIENT', status: 'C' });
  });

  it('is a caution for two or more in a row, and counts skipped doses', () => {
    const doses = adherentDoses([tid], '2026-03-01', '2026-03-31', {
      skip: (k) => k === '2026-03-29T14:00' || k === '2026-03-29T20:00',
    });
    const [s] = missedDoseSignal(baseInput({ taper, doses }));
    expect(s?.severity).toBe('caution');
    expect(s?.evidence[0]?.ids).toHaveLength(2);
    expect(s?.evidence[1]?.values).toEqual({ missedOrSkipped: 2, longestStreak: 2 });
  });

  it('does not fire with every dose taken, or for a slot still within its grace period', () => {
    expect(missedDoseSignal(baseInput({ taper, doses: omit() }))).toEqual([]);
    const now = '2026-03-31T14:30:00.000Z';
    expect(
      missedDoseSignal(
        baseInput({ now, taper, doses: omit('2026-03-31T14:00', '2026-03-31T20:00') }),
      ),
    ).toEqual([]);
  });

  it('honours a higher streak setting', () => {
    expect(
      missedDoseSignal(
        baseInput({ taper, doses: omit('2026-03-29T14:00'), settings: { taperSkipMinStreak: 2 } }),
      ),
    ).toEqual([]);
  });
});

describe('missedDoseSignal outside a taper (SIG-MISSED-STREAK)', () => {
  it('fires from three missed doses in a row, reinforcing not stopping suddenly', () => {
    const [s] = missedDoseSignal(
      baseInput({ doses: omit('2026-03-30T08:00', '2026-03-30T14:00', '2026-03-30T20:00') }),
    );
    expect(s).toMatchObject({ id: 'SIG-MISSED-STREAK', severity: 'info', audience: 'both' });
    expect(s?.patientText).toContain('Stopping diazepam suddenly can cause withdrawal reactions');
  });

  it('does not fire for two, or for scattered misses', () => {
    expect(
      missedDoseSignal(baseInput({ doses: omit('2026-03-30T08:00', '2026-03-30T14:00') })),
    ).toEqual([]);
    expect(
      missedDoseSignal(
        baseInput({ doses: omit('2026-03-27T08:00', '2026-03-28T14:00', '2026-03-30T20:00') }),
      ),
    ).toEqual([]);
  });

  it('treats a taper that reached 0 mg as finished', () => {
    const done: SignalTaperPlan = {
      steps: [
        { index: 0, startDate: '2026-02-01', dailyTotalMg: 5 },
        { index: 1, startDate: '2026-03-01', dailyTotalMg: 0 },
      ],
    };
    const [s] = missedDoseSignal(
      baseInput({
        taper: done,
        doses: omit('2026-03-30T08:00', '2026-03-30T14:00', '2026-03-30T20:00'),
      }),
    );
    expect(s?.id).toBe('SIG-MISSED-STREAK');
    const notYet: SignalTaperPlan = {
      steps: [{ index: 0, startDate: '2026-04-10', dailyTotalMg: 14 }],
    };
    expect(missedDoseSignal(baseInput({ taper: notYet, doses: omit('2026-03-30T08:00') }))).toEqual(
      [],
    );
  });
});

describe('interdoseWithdrawalSignal (SIG-INTERDOSE-WD)', () => {
  const bid = regimen({
    doses: [
      { time: '08:00', amountMg: 5 },
      { time: '20:00', amountMg: 5 },
    ],
  });
  const doses = adherentDoses([bid], '2026-03-01', '2026-03-31');
  const input = (o: Parameters<typeof baseInput>[0] = {}) =>
    baseInput({ regimenVersions: [bid], doses, ...o });

  it('fires when check-ins late in the interval score higher than the others', () => {
    const checkIns = dailyCheckIns('2026-03-20', '2026-03-30', ['07:00', '13:00'], (_d, t) =>
      t === '07:00' ? { anxiety: 7, spasm: 7 } : { anxiety: 2, spasm: 3 },
    );
    const [s] = interdoseWithdrawalSignal(input({ checkIns }));
    expect(s).toMatchObject({
      id: 'SIG-INTERDOSE-WD',
      severity: 'caution',
      audience: 'clinician',
      patientText: null,
    });
    expect(s?.evidence[1]?.ids).toHaveLength(11);
    expect(s?.evidence[2]?.values).toMatchObject({ exposedMean: 7, otherMean: 2.5 });
    expect(s?.clinicianText).toContain('long half-life');
  });

  it('fires for symptoms after missed doses', () => {
    const missed = new Set(['2026-03-22T08:00', '2026-03-25T08:00', '2026-03-28T08:00']);
    const checkIns = dailyCheckIns('2026-03-20', '2026-03-30', ['13:00'], (d) =>
      missed.has(`${d}T08:00`) ? { anxiety: 8, spasm: 6 } : {},
    );
    const withMisses = adherentDoses([bid], '2026-03-01', '2026-03-31', {
      omit: (k) => missed.has(k),
    });
    const [s] = interdoseWithdrawalSignal(input({ doses: withMisses, checkIns }));
    expect(s?.evidence[0]?.ids).toHaveLength(3);
    expect(s?.evidence[2]?.values).toMatchObject({ exposedMean: 7, exposedCount: 3 });
  });

  it('does not fire when symptoms are the same across the interval, or with too few check-ins', () => {
    const flat = dailyCheckIns('2026-03-20', '2026-03-30', ['07:00', '13:00'], () => ({
      anxiety: 5,
      spasm: 5,
    }));
    expect(interdoseWithdrawalSignal(input({ checkIns: flat }))).toEqual([]);
    const few = dailyCheckIns('2026-03-29', '2026-03-30', ['07:00', '13:00'], (_d, t) =>
      t === '07:00' ? { anxiety: 9, spasm: 9 } : {},
    );
    expect(interdoseWithdrawalSignal(input({ checkIns: few }))).toEqual([]);
  });

  it('uses spasm alone when anxiety was not rated, and ignores check-ins before the window', () => {
    const checkIns = [
      ...dailyCheckIns('2026-02-01', '2026-02-20', ['07:00'], () => ({ anxiety: 10, spasm: 10 })),
      ...dailyCheckIns('2026-03-20', '2026-03-30', ['07:00', '13:00'], (_d, t) =>
        t === '07:00' ? { anxiety: null, spasm: 3 } : { anxiety: null, spasm: 3 },
      ),
    ];
    expect(interdoseWithdrawalSignal(input({ checkIns }))).toEqual([]);
  });

  it('reads the next day’s first dose for evening check-ins today', () => {
    const nightly = regimen({ doses: [{ time: '02:00', amountMg: 10 }] });
    const checkIns = [
      ...dailyCheckIns('2026-03-25', '2026-03-31', ['12:00'], () => ({})),
      ...dailyCheckIns('2026-03-28', '2026-03-30', ['23:00'], () => ({ anxiety: 9, spasm: 9 })),
      {
        ...dailyCheckIns('2026-03-31', '2026-03-31', ['23:00'])[0]!,
        id: 'tonight',
        anxiety: 9,
        spasm: 9,
      },
    ];
    const nightlyDoses = adherentDoses([nightly], '2026-03-01', '2026-03-31');
    const [s] = interdoseWithdrawalSignal(
      baseInput({
        now: '2026-03-31T23:30:00.000Z',
        regimenVersions: [nightly],
        doses: nightlyDoses,
        checkIns,
      }),
    );
    expect(s?.evidence[1]?.ids).toContain('tonight');
  });
});
