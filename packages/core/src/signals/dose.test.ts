import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RegimenVersion } from '../regimen/types.js';
import { computeSignals } from './compute.js';
import { doseCreepSignal, doseEscalationSignal, earlyDoseSignal } from './dose.js';
import { adherentDoses, baseInput, extraDose, regimen } from './signals.test-helpers.js';

const tid = regimen();
const full = adherentDoses([tid], '2026-01-01', '2026-03-31');

describe('doseEscalationSignal (SIG-DOSE-ESC/daily-total)', () => {
  it('fires as caution when one recent day is above the prescribed total', () => {
    const input = baseInput({ doses: [...full, extraDose('2026-03-30', '23:00', 5)] });
    const [s, ...rest] = doseEscalationSignal(input);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      id: 'SIG-DOSE-ESC/daily-total',
      severity: 'caution',
      audience: 'clinician',
      patientText: null,
    });
    expect(s?.evidence[0]).toMatchObject({
      kind: 'day',
      dates: ['2026-03-30'],
      values: { takenMg: 20, prescribedMaxMg: 15 },
    });
    expect(s?.clinicianText).toContain('no fixed');
    expect(s?.clinicianText).toContain('not misuse');
    expect(s?.sources.map((x) => x.id)).toContain('DSM5-TABLE');
  });

  it('becomes a warning from the configured number of days', () => {
    const extras = ['2026-03-25', '2026-03-27', '2026-03-29'].map((d) => extraDose(d, '22:00', 2));
    expect(doseEscalationSignal(baseInput({ doses: [...full, ...extras] }))[0]?.severity).toBe(
      'warning',
    );
    const relaxed = baseInput({ doses: [...full, ...extras], settings: { doseEscWarningDays: 4 } });
    expect(doseEscalationSignal(relaxed)[0]?.severity).toBe('caution');
  });

  it('does not fire for intake within the as-needed allowance', () => {
    const prn = regimen({ asNeeded: { amountMg: 2, minIntervalHours: 4, maxPerDay: 2 } });
    const doses = [
      ...adherentDoses([prn], '2026-03-01', '2026-03-31'),
      extraDose('2026-03-30', '11:00', 2),
      extraDose('2026-03-30', '17:00', 2),
    ];
    expect(doseEscalationSignal(baseInput({ regimenVersions: [prn], doses }))).toEqual([]);
    const over = [...doses, extraDose('2026-03-30', '22:00', 2)];
    expect(doseEscalationSignal(baseInput({ regimenVersions: [prn], doses: over }))).toHaveLength(
      1,
    );
  });

  it('counts a late evening dose on its slot day, not the next day', () => {
    const doses = adherentDoses([tid], '2026-03-01', '2026-03-31', {
      offsetMinutes: (k) => (k === '2026-03-29T20:00' ? 270 : 0),
    });
    expect(doseEscalationSignal(baseInput({ doses }))).toEqual([]);
  });

  it('ignores excess older than the recent window, and doses logged in the future', () => {
    const doses = [
      ...full,
      extraDose('2026-03-01', '12:00', 10),
      extraDose('2026-04-02', '12:00', 10),
    ];
    expect(doseEscalationSignal(baseInput({ doses }))).toEqual([]);
  });

  it('flags intake on days without a regimen in force', () => {
    const ended = regimen({ endDate: '2026-03-20' });
    const doses = adherentDoses([tid], '2026-03-15', '2026-03-25');
    const s = doseEscalationSignal(baseInput({ regimenVersions: [ended], doses }));
    expect(s[0]?.evidence.filter((e) => e.kind === 'day').map((e) => e.dates?.[0])).toEqual([
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
    ]);
  });
});

describe('doseCreepSignal (SIG-DOSE-ESC/creep)', () => {
  const prn = regimen({ asNeeded: { amountMg: 2, minIntervalHours: 4, maxPerDay: 3 } });
  const base = adherentDoses([prn], '2026-02-15', '2026-03-31');
  const recentPrn = [
    '2026-03-24',
    '2026-03-25',
    '2026-03-26',
    '2026-03-27',
    '2026-03-28',
    '2026-03-29',
    '2026-03-30',
  ].map((d) => extraDose(d, '11:00', 2));

  it('fires (info) when the 7-day mean rises above the schedule within the allowance', () => {
    const [s] = doseCreepSignal(
      baseInput({ regimenVersions: [prn], doses: [...base, ...recentPrn] }),
    );
    expect(s).toMatchObject({ id: 'SIG-DOSE-ESC/creep', severity: 'info', audience: 'clinician' });
    expect(s?.evidence[0]?.values).toMatchObject({
      recentMeanMg: 17,
      baselineMeanMg: 15,
      recentScheduledMeanMg: 15,
    });
    expect(s?.settings).toMatchObject({
      'signals.creep.recentDays': 7,
      'signals.creep.baselineDays': 14,
    });
  });

  it('is a caution when the mean is also above the full allowance', () => {
    const more = recentPrn.flatMap((e) => [
      e,
      extraDose(e.takenAt.slice(0, 10), '13:00', 5),
      extraDose(e.takenAt.slice(0, 10), '16:00', 5),
    ]);
    expect(
      doseCreepSignal(baseInput({ regimenVersions: [prn], doses: [...base, ...more] }))[0]
        ?.severity,
    ).toBe('caution');
  });

  it('does not fire when catching up on missed doses up to the schedule', () => {
    const doses = adherentDoses([tid], '2026-02-15', '2026-03-31', {
      omit: (k) => k < '2026-03-24' && !k.endsWith('08:00'),
    });
    expect(doseCreepSignal(baseInput({ doses }))).toEqual([]);
  });

  it('does not fire when the prescriber raised the dose', () => {
    const v2 = regimen({
      id: 'v2',
      version: 2,
      startDate: '2026-03-24',
      doses: [
        { time: '08:00', amountMg: 10 },
        { time: '14:00', amountMg: 5 },
        { time: '20:00', amountMg: 5 },
      ],
    });
    const v1 = { ...tid, endDate: '2026-03-23' };
    const doses = adherentDoses([v1, v2], '2026-02-15', '2026-03-31');
    expect(doseCreepSignal(baseInput({ regimenVersions: [v1, v2], doses }))).toEqual([]);
  });

  it('needs a regimen on every day and a non-empty baseline', () => {
    const late = regimen({ startDate: '2026-03-20' });
    expect(
      doseCreepSignal(
        baseInput({
          regimenVersions: [late],
          doses: adherentDoses([late], '2026-03-20', '2026-03-31'),
        }),
      ),
    ).toEqual([]);
    expect(
      doseCreepSignal(baseInput({ doses: adherentDoses([tid], '2026-03-24', '2026-03-31') })),
    ).toEqual([]);
  });
});

describe('earlyDoseSignal (SIG-EARLY-DOSE)', () => {
  it('fires when early and extra doses rise against the previous window', () => {
    const earlyDays = new Set(['2026-03-20', '2026-03-23', '2026-03-26']);
    const doses = [
      ...adherentDoses([tid], '2026-03-01', '2026-03-31', {
        offsetMinutes: (k) => (earlyDays.has(k.slice(0, 10)) && k.endsWith('14:00') ? -120 : 0),
      }),
      extraDose('2026-03-29', '11:00', 2),
    ];
    const [s] = earlyDoseSignal(baseInput({ doses }));
    expect(s).toMatchObject({ id: 'SIG-EARLY-DOSE', severity: 'caution', audience: 'clinician' });
    expect(s?.evidence[0]?.ids).toHaveLength(3);
    expect(s?.evidence[1]?.ids).toHaveLength(1);
    expect(s?.evidence[2]?.values).toEqual({ recentCount: 4, previousCount: 0 });
    expect(s?.sources[0]?.id).toBe('BDEPQ-MANUAL');
  });

  it('does not fire for a stable habit of taking a dose early', () => {
    const doses = adherentDoses([tid], '2026-03-01', '2026-03-31', {
      offsetMinutes: (k) => (k.endsWith('08:00') ? -90 : 0),
    });
    expect(earlyDoseSignal(baseInput({ doses }))).toEqual([]);
  });

  it('does not fire below the minimum count or without enough history', () => {
    const few = [...full, extraDose('2026-03-29', '11:00', 2), extraDose('2026-03-30', '11:00', 2)];
    expect(earlyDoseSignal(baseInput({ doses: few }))).toEqual([]);
    const young = regimen({ startDate: '2026-03-15' });
    const doses = [
      ...adherentDoses([young], '2026-03-15', '2026-03-31'),
      ...['2026-03-28', '2026-03-29', '2026-03-30'].map((d) => extraDose(d, '11:00', 2)),
    ];
    expect(earlyDoseSignal(baseInput({ regimenVersions: [young], doses }))).toEqual([]);
  });

  it('does not fire when the rise is below the ratio', () => {
    const prev = ['2026-03-05', '2026-03-07', '2026-03-09', '2026-03-11'].map((d) =>
      extraDose(d, '11:00', 2),
    );
    const recent = ['2026-03-20', '2026-03-22', '2026-03-24', '2026-03-26', '2026-03-28'].map((d) =>
      extraDose(d, '11:00', 2),
    );
    expect(earlyDoseSignal(baseInput({ doses: [...full, ...prev, ...recent] }))).toEqual([]);
  });
});

describe('property: a perfectly adherent log never fires SIG-DOSE-ESC or SIG-EARLY-DOSE', () => {
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
  const times = [
    '00:30',
    '02:30',
    '06:00',
    '08:00',
    '12:00',
    '14:00',
    '18:00',
    '20:00',
    '22:00',
    '23:45',
  ];
  const amounts = [1, 2, 2.5, 5, 7.5, 10];
  const schedule = fc
    .uniqueArray(fc.constantFrom(...times), { minLength: 1, maxLength: 4 })
    .chain((ts) =>
      fc.tuple(
        fc.constant(ts.sort()),
        fc.array(fc.constantFrom(...amounts), { minLength: ts.length, maxLength: ts.length }),
      ),
    )
    .map(([ts, as]) => ts.map((time, i) => ({ time, amountMg: as[i] ?? 5 })));

  it('holds across zones, DST, regimen changes and on-time jitter', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        schedule,
        fc.option(schedule, { nil: null }),
        fc.integer({ min: 1, max: 27 }),
        fc.integer({ min: -60, max: 180 }),
        fc.integer({ min: 0, max: 23 }),
        (zone, d1, d2, changeAfter, jitter, nowHour) => {
          const start = '2026-02-01';
          const day = (n: number): string => `2026-03-${String(n).padStart(2, '0')}`;
          const v1: RegimenVersion = regimen({
            id: 'p1',
            startDate: start,
            doses: d1,
            endDate: d2 === null ? null : day(changeAfter),
          });
          const versions =
            d2 === null
              ? [v1]
              : [v1, regimen({ id: 'p2', version: 2, startDate: day(changeAfter + 1), doses: d2 })];
          const doses = adherentDoses(
            versions,
            start,
            '2026-04-02',
            {
              offsetMinutes: (k) =>
                k.charCodeAt(9) % 2 === 0 ? jitter : -Math.min(60, Math.abs(jitter)),
            },
            zone,
          );
          const now = `2026-04-01T${String(nowHour).padStart(2, '0')}:00:00.000Z`;
          const found = computeSignals(
            baseInput({ now, timeZone: zone, regimenVersions: versions, doses }),
          ).map((s) => s.id);
          expect(
            found.filter((id) => id.startsWith('SIG-DOSE-ESC') || id === 'SIG-EARLY-DOSE'),
          ).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
