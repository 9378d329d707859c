import { describe, expect, it } from 'vitest';
import { PFIZER_COPYRIGHT } from './common.js';
import { GAD7, GAD7_SCREEN_POSITIVE_AT } from './gad7.js';
import { answersWithTotal, expectValidSources, scored } from './instruments.test-helpers.js';

describe('GAD-7 definition', () => {
  it('has the HL7 PCO IG linkIds, LOINC codes and wording (item 2: the form wording)', () => {
    expect(GAD7.items.map((i) => [i.linkId, i.code?.code, i.text])).toEqual([
      ['57541', '69725-0', 'Feeling nervous, anxious or on edge'],
      ['57542', '68509-9', 'Not being able to stop or control worrying'],
      ['57543', '69733-4', 'Worrying too much about different things'],
      ['57544', '69734-2', 'Trouble relaxing'],
      ['57545', '69735-9', 'Being so restless that it is hard to sit still'],
      ['57546', '69689-8', 'Becoming easily annoyed or irritable.'],
      ['57547', '69736-7', 'Feeling afraid as if something awful might happen'],
    ]);
    expect(GAD7.items[1]?.code?.display).toBe(
      'Over the past 2 weeks have you not been able to stop or control worrying',
    );
    expect(GAD7.wording.text).toMatch(/LA18938-3/);
  });

  it('uses the same four LOINC answers on every item, LA6570-1 included for item 2', () => {
    for (const item of GAD7.items) {
      expect(item.options.map((o) => o.code?.code)).toEqual([
        'LA6568-5',
        'LA6569-3',
        'LA6570-1',
        'LA6571-9',
      ]);
    }
  });

  it('stores codes, the Pfizer line and marks its cut-points partly confirmed', () => {
    expect(GAD7.codes.panel?.code).toBe('69737-5');
    expect(GAD7.codes.total?.code).toBe('70274-6');
    expect(GAD7.licence.copyright).toBe(PFIZER_COPYRIGHT);
    expect(GAD7.bands.every((b) => b.status === 'P')).toBe(true);
    expectValidSources(GAD7.sources);
  });
});

describe('GAD-7 scoring', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('total %d → %s', (total, band) => {
    const score = scored(GAD7.score(answersWithTotal(GAD7, total)));
    expect(score.total).toBe(total);
    expect(score.band?.id).toBe(band);
  });

  it('is screen-positive for clinician review at 10, not at 9', () => {
    const at = scored(GAD7.score(answersWithTotal(GAD7, GAD7_SCREEN_POSITIVE_AT)));
    expect(at.flags.map((f) => [f.id, f.kind, f.audience])).toEqual([
      ['gad7.screen-positive', 'screen-positive', 'clinician'],
    ]);
    expect(at.flags[0]?.sources[0]?.status).toBe('P');
    expect(scored(GAD7.score(answersWithTotal(GAD7, 9))).flags).toEqual([]);
  });

  it('gives no score for a missing item', () => {
    const answers = answersWithTotal(GAD7, 12);
    delete answers['gad7-7'];
    const out = GAD7.score(answers);
    expect(out.ok ? null : out.errors).toEqual([
      { code: 'missing', itemId: 'gad7-7', message: 'Item "gad7-7" is required.' },
    ]);
  });
});
