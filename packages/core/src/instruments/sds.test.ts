import { describe, expect, it } from 'vitest';
import { SDS, SDS_OLDER_INPATIENT_CUTOFF, SDS_REVIEW_AT } from './sds.js';
import { answersWithTotal, expectValidSources, scored } from './instruments.test-helpers.js';

describe('SDS definition', () => {
  it('asks the five Gossop questions (SDS-ITEMS Table 2) about diazepam', () => {
    expect(SDS.items.map((i) => i.text)).toEqual([
      'Do you think your use of diazepam was out of control?',
      'Did the prospect of missing a dose make you anxious or worried?',
      'Did you worry about your use of diazepam?',
      'Did you wish you could stop?',
      'How difficult did you find it to stop or go without diazepam?',
    ]);
  });

  it('uses the frequency scale for items 1–4 and the difficulty scale for item 5', () => {
    const labels = SDS.items.map((i) => i.options.map((o) => `${o.value} ${o.label}`));
    for (const l of labels.slice(0, 4)) {
      expect(l).toEqual([
        '0 Never/almost never',
        '1 Sometimes',
        '2 Often',
        '3 Always/nearly always',
      ]);
    }
    expect(labels[4]).toEqual([
      '0 Not difficult',
      '1 Quite difficult',
      '2 Very difficult',
      '3 Impossible',
    ]);
  });

  it('has no LOINC codes, no bands, an attributed [U] licence and an unconfirmed recall period', () => {
    expect(SDS.codes.panel).toBeUndefined();
    expect(SDS.codes.total).toBeUndefined();
    expect(SDS.items.every((i) => i.code === undefined)).toBe(true);
    expect(SDS.bands).toEqual([]);
    expect(SDS.licence).toMatchObject({
      verdict: 'EMBED WITH ATTRIBUTION',
      status: 'U',
      clinicMayDisable: true,
    });
    expect(SDS.licence.attribution).toMatch(
      /^Severity of Dependence Scale: Gossop M.*Addiction 1995/,
    );
    expect(SDS.recallPeriod).toMatchObject({ text: 'the past month', confirmed: false });
    expect(SDS.notes[1]?.text).toMatch(/5\.5/);
    expectValidSources(SDS.sources);
  });
});

describe('SDS scoring and review flag', () => {
  it('sums the items 0–15', () => {
    expect(scored(SDS.score(answersWithTotal(SDS, 0))).total).toBe(0);
    expect(scored(SDS.score(answersWithTotal(SDS, 15))).total).toBe(15);
  });

  it('flags ≥ 7 for clinician review (DELASCUEVAS-2000 ">6"), not 6', () => {
    expect(SDS_REVIEW_AT).toBe(7);
    expect(scored(SDS.score(answersWithTotal(SDS, 6))).flags).toEqual([]);
    const score = scored(SDS.score(answersWithTotal(SDS, SDS_REVIEW_AT)));
    expect(score.band).toBeNull();
    expect(score.flags).toHaveLength(1);
    const flag = score.flags[0]!;
    expect(flag).toMatchObject({
      id: 'sds.review',
      kind: 'review',
      audience: 'clinician',
      patientText: null,
    });
    expect(flag.sources.map((s) => s.id)).toEqual(['DELASCUEVAS-2000', 'CHENG-2019', 'JCPG-2025']);
    expect(flag.clinicianText).toContain(`optimal cut-off was ${SDS_OLDER_INPATIENT_CUTOFF}`);
    expect(flag.clinicianText).toMatch(/not a substance use disorder/);
  });

  it('gives no score for an answer off the scale', () => {
    const out = SDS.score({ ...answersWithTotal(SDS, 3), 'sds-5': 4 });
    expect(out.ok).toBe(false);
  });
});
