import { describe, expect, it } from 'vitest';
import {
  adherentDoses,
  baseInput,
  dailyCheckIns,
  questionnaire,
  regimen,
} from './signals.test-helpers.js';
import { pegScore, toleranceSignal } from './tolerance.js';

const tid = regimen();
const doses = adherentDoses([tid], '2026-01-01', '2026-03-31');
// now = 2026-03-31: baseline window 03-04..03-10, recent window 03-25..03-31.
const pain = (base: number, recent: number) =>
  dailyCheckIns('2026-03-04', '2026-03-31', ['09:00'], (d) => ({
    pain: d <= '2026-03-10' ? base : d >= '2026-03-25' ? recent : (base + recent) / 2,
  }));

describe('toleranceSignal (SIG-TOLERANCE)', () => {
  it('fires when pain rises by 2 points over 4 weeks at an unchanged dose', () => {
    const [s] = toleranceSignal(baseInput({ doses, checkIns: pain(4, 6.5) }));
    expect(s).toMatchObject({
      id: 'SIG-TOLERANCE',
      severity: 'caution',
      audience: 'clinician',
      patientText: null,
    });
    expect(s?.evidence[0]?.values).toMatchObject({
      baselineMean: 4,
      recentMean: 6.5,
      baselineCount: 7,
      recentCount: 7,
    });
    expect(s?.evidence.at(-1)).toMatchObject({ kind: 'regimen', values: { prescribedMaxMg: 15 } });
    expect(s?.sources.map((x) => x.id)).toEqual(
      expect.arrayContaining(['FARRAR-2001', 'DSM5-TABLE', 'NHS-SCOT-BZD']),
    );
    expect(s?.clinicianText).toContain('not a diagnosis');
  });

  it('fires on the 30% criterion when the rise is at least one point', () => {
    expect(toleranceSignal(baseInput({ doses, checkIns: pain(4, 5.5) }))).toHaveLength(1);
  });

  it('does not fire below the minimal important difference', () => {
    expect(toleranceSignal(baseInput({ doses, checkIns: pain(6, 7.5) }))).toEqual([]);
    expect(toleranceSignal(baseInput({ doses, checkIns: pain(2, 2.9) }))).toEqual([]);
    expect(toleranceSignal(baseInput({ doses, checkIns: pain(5, 3) }))).toEqual([]);
  });

  it('does not fire when the prescribed dose changed during the period or just before it', () => {
    for (const [end, start] of [
      ['2026-03-14', '2026-03-15'],
      ['2026-02-27', '2026-02-28'],
    ] as const) {
      const v1 = { ...tid, endDate: end };
      const v2 = regimen({
        id: 'v2',
        version: 2,
        startDate: start,
        doses: [
          { time: '08:00', amountMg: 10 },
          { time: '20:00', amountMg: 10 },
        ],
      });
      const versions = [v1, v2];
      expect(
        toleranceSignal(
          baseInput({
            regimenVersions: versions,
            doses: adherentDoses(versions, '2026-01-01', '2026-03-31'),
            checkIns: pain(4, 7),
          }),
        ),
      ).toEqual([]);
    }
  });

  it('does not fire when logged intake fell (pain may follow fewer doses)', () => {
    const fewer = adherentDoses([tid], '2026-01-01', '2026-03-31', {
      omit: (k) => k >= '2026-03-25' && k.endsWith('14:00'),
    });
    expect(toleranceSignal(baseInput({ doses: fewer, checkIns: pain(4, 7) }))).toEqual([]);
  });

  it('needs enough ratings in both windows and a regimen', () => {
    const sparse = pain(4, 7).filter((c) => c.at < '2026-03-06' || c.at > '2026-03-11');
    expect(toleranceSignal(baseInput({ doses, checkIns: sparse }))).toEqual([]);
    expect(
      toleranceSignal(baseInput({ regimenVersions: [], doses: [], checkIns: pain(4, 7) })),
    ).toEqual([]);
  });

  it('fires on the PEG alone by its minimal important difference', () => {
    const pegs = [
      questionnaire('peg', '2026-03-05T10:00:00.000Z', 12, { p: 4, e: 4, g: 4 }),
      questionnaire('peg', '2026-03-28T10:00:00.000Z', 16, { p: 6, e: 5, g: 5 }),
    ];
    const [s] = toleranceSignal(baseInput({ doses, questionnaires: pegs, checkIns: pain(4, 4) }));
    expect(s?.evidence[0]).toMatchObject({
      kind: 'questionnaire',
      values: { baselinePeg: 4, recentPeg: 5.33 },
    });
    expect(s?.sources.map((x) => x.id)).toContain('KREBS-2009');
    expect(s?.clinicianText).toContain('PEG rose from 4 to 5.33');
    const small = [pegs[0]!, questionnaire('peg', '2026-03-28T10:00:00.000Z', 4.5)];
    expect(toleranceSignal(baseInput({ doses, questionnaires: small }))).toEqual([]);
  });

  it('scores the PEG as the mean of its items, or its total when no items are given', () => {
    expect(pegScore(questionnaire('peg', '2026-03-01T00:00:00Z', 0, { p: 3, e: 6, g: 6 }))).toBe(5);
    expect(pegScore(questionnaire('peg', '2026-03-01T00:00:00Z', 4.7))).toBe(4.7);
  });
});
