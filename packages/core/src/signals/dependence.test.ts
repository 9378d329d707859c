import { describe, expect, it } from 'vitest';
import { sdsSignal, withdrawalRiskClass, withdrawalRiskSignal } from './dependence.js';
import {
  adherentDoses,
  baseInput,
  extraDose,
  med,
  profile,
  questionnaire,
  regimen,
} from './signals.test-helpers.js';

const today = '2026-03-31';

describe('withdrawalRiskClass (JCPG Table 2)', () => {
  it.each([
    ['2024-01-01', 3, 40, 'rare', '≥3 months', 'high'],
    ['2026-03-10', 7, 30, 'lower', '<1 month', 'high'],
    ['2026-02-15', 7, 10, 'lower', '1–3 months', 'low'],
    ['2026-02-15', 4, 10.5, 'yes', '1–3 months', 'moderate'],
    ['2026-02-15', 7, 20, 'yes', '1–3 months', 'high'],
    ['2025-12-31', 7, 2, 'yes', '≥3 months', 'low'],
    ['2026-03-01', 7, 15, 'lower', '<1 month', 'moderate'],
    ['2026-02-28', 7, 15.01, 'yes', '1–3 months', 'high'],
  ] as const)(
    'start %s, %d days/week, %d mg → %s',
    (startDate, daysPerWeek, dailyDoseMg, risk, durationBand, doseBand) => {
      expect(withdrawalRiskClass({ startDate, today, daysPerWeek, dailyDoseMg })).toEqual({
        risk,
        durationBand,
        doseBand,
      });
    },
  );

  it('rejects malformed dates', () => {
    expect(() =>
      withdrawalRiskClass({ startDate: '2026-13-01', today, daysPerWeek: 7, dailyDoseMg: 5 }),
    ).toThrow(RangeError);
  });
});

describe('withdrawalRiskSignal (SIG-WD-RISK)', () => {
  it('is a caution for 1–3 months of daily use at 15 mg (moderate band)', () => {
    const [s] = withdrawalRiskSignal(baseInput());
    expect(s).toMatchObject({
      id: 'SIG-WD-RISK',
      severity: 'caution',
      audience: 'clinician',
      title: expect.stringContaining('Yes; greater') as string,
    });
    expect(s?.evidence[0]?.values).toMatchObject({
      risk: 'yes',
      durationBand: '1–3 months',
      daysPerWeek: 7,
      dailyDoseMg: 15,
      doseBand: 'moderate',
    });
    expect(s?.clinicianText).toContain('Avoid abrupt discontinuation');
    expect(s?.clinicianText).toContain('not misuse');
    expect(s?.sources[0]).toMatchObject({ id: 'JCPG-2025', status: 'C' });
  });

  it('is info ("lower risk, but possible") for a low dose started this month', () => {
    const low = regimen({
      startDate: '2026-03-05',
      doses: [
        { time: '08:00', amountMg: 2 },
        { time: '20:00', amountMg: 2 },
      ],
    });
    expect(withdrawalRiskSignal(baseInput({ regimenVersions: [low] }))[0]?.severity).toBe('info');
  });

  it('gives nothing for as-needed use on 3 days a week or less', () => {
    const prn = regimen({
      doses: [],
      asNeeded: { amountMg: 5, minIntervalHours: 6, maxPerDay: 2 },
    });
    const doses = ['2026-03-05', '2026-03-12', '2026-03-19', '2026-03-26', '2026-03-27'].map((d) =>
      extraDose(d, '12:00', 5),
    );
    expect(withdrawalRiskSignal(baseInput({ regimenVersions: [prn], doses }))).toEqual([]);
  });

  it('uses the log when it shows longer or heavier use than the regimen', () => {
    const recent = regimen({ startDate: '2026-03-20', doses: [{ time: '08:00', amountMg: 2 }] });
    const logged = adherentDoses(
      [regimen({ startDate: '2025-11-01' })],
      '2025-11-01',
      '2026-03-31',
    );
    const [s] = withdrawalRiskSignal(baseInput({ regimenVersions: [recent], doses: logged }));
    expect(s?.evidence[0]?.values).toMatchObject({ durationBand: '≥3 months', dailyDoseMg: 15 });
    expect(s?.evidence[0]?.dates).toEqual(['2025-11-01']);
  });

  it('lets a long gap in the log end a course', () => {
    const old = adherentDoses(
      [regimen({ startDate: '2025-06-01', endDate: '2025-08-01' })],
      '2025-06-01',
      '2025-08-01',
    );
    const now = adherentDoses([regimen({ startDate: '2026-03-20' })], '2026-03-20', '2026-03-31');
    const [s] = withdrawalRiskSignal(baseInput({ regimenVersions: [], doses: [...old, ...now] }));
    expect(s?.evidence[0]?.dates).toEqual(['2026-03-20']);
    expect(s?.evidence[0]?.values).toMatchObject({
      durationBand: '<1 month',
      daysPerWeek: 7,
      risk: 'lower',
    });
  });

  it('gives nothing without a regimen or recent doses, and mentions other benzodiazepines', () => {
    expect(withdrawalRiskSignal(baseInput({ regimenVersions: [] }))).toEqual([]);
    const stale = adherentDoses([regimen({ startDate: '2025-06-01' })], '2025-06-01', '2025-07-01');
    expect(withdrawalRiskSignal(baseInput({ regimenVersions: [], doses: stale }))).toEqual([]);
    const [s] = withdrawalRiskSignal(baseInput({ otherMedications: [med('lorazepam 1 mg')] }));
    expect(s?.evidence[1]).toMatchObject({ kind: 'medication' });
    expect(s?.clinicianText).toContain('Table 7');
  });
});

describe('sdsSignal (SIG-SDS)', () => {
  const sds = (
    total: number,
    at = '2026-03-20T10:00:00.000Z',
    items: Record<string, number> = {},
  ) => questionnaire('sds', at, total, items);

  it('fires above the benzodiazepine cut-off of 6', () => {
    const [s] = sdsSignal(baseInput({ questionnaires: [sds(9)] }));
    expect(s).toMatchObject({ id: 'SIG-SDS', severity: 'caution', audience: 'clinician' });
    expect(s?.evidence[0]?.values).toEqual({ total: 9, cutoff: 6 });
    expect(s?.clinicianText).toContain('not misuse');
    expect(s?.sources.map((x) => x.id)).toEqual(['DELASCUEVAS-2000', 'SDS-ITEMS']);
    expect(sdsSignal(baseInput({ questionnaires: [sds(7)] }))).toHaveLength(1);
  });

  it('does not fire at or below 6, and reads only the latest answer', () => {
    expect(sdsSignal(baseInput({ questionnaires: [sds(6)] }))).toEqual([]);
    expect(
      sdsSignal(baseInput({ questionnaires: [sds(12, '2026-02-01T10:00:00.000Z'), sds(3)] })),
    ).toEqual([]);
    expect(sdsSignal(baseInput())).toEqual([]);
  });

  it('flags a total of 6 as info for patients aged 65+ (older-inpatient cut-off 5.5)', () => {
    const older = profile({ dateOfBirth: '1955-01-01' });
    const [s] = sdsSignal(baseInput({ profile: older, questionnaires: [sds(6)] }));
    expect(s?.severity).toBe('info');
    expect(s?.sources.map((x) => x.id)).toContain('CHENG-2019');
    expect(sdsSignal(baseInput({ profile: older, questionnaires: [sds(5)] }))).toEqual([]);
  });

  it('sums the items when the total is missing', () => {
    const [s] = sdsSignal(
      baseInput({
        questionnaires: [sds(Number.NaN, undefined, { '1': 2, '2': 2, '3': 2, '4': 1, '5': 1 })],
      }),
    );
    expect(s?.evidence[0]?.values).toEqual({ total: 8, cutoff: 6 });
  });
});
