import { describe, expect, it } from 'vitest';
import { PFIZER_COPYRIGHT } from './common.js';
import {
  PHQ9,
  PHQ9_CRISIS_FLAG,
  PHQ9_DIFFICULTY_ID,
  PHQ9_ITEM9_ID,
  PHQ9_SCREEN_POSITIVE_AT,
} from './phq9.js';
import { answersWithTotal, expectValidSources, scored } from './instruments.test-helpers.js';

const none = answersWithTotal(PHQ9, 0);

describe('PHQ-9 definition', () => {
  it('has the HL7 PCO IG items, linkIds and LOINC codes, in order', () => {
    expect(PHQ9.items.map((i) => [i.linkId, i.code?.code])).toEqual([
      ['14363', '44250-9'],
      ['14364', '44255-8'],
      ['14365', '44259-0'],
      ['14366', '44254-1'],
      ['14367', '44251-7'],
      ['14368', '44258-2'],
      ['14369', '44252-5'],
      ['14370', '44253-3'],
      ['14371', '44260-8'],
      ['57492', '69722-7'],
    ]);
    expect(PHQ9.items[0]?.text).toBe('Little interest or pleasure in doing things');
    expect(PHQ9.items[8]?.text).toBe(
      'Thoughts that you would be better off dead, or of hurting yourself in some way',
    );
    expect(PHQ9.items[9]?.text).toBe(
      'How difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
    );
  });

  it('uses the LOINC PHQ answers, and the difficulty answers in LOINC order', () => {
    expect(PHQ9.items[0]?.options.map((o) => [o.value, o.label, o.code?.code])).toEqual([
      [0, 'Not at all', 'LA6568-5'],
      [1, 'Several days', 'LA6569-3'],
      [2, 'More than half the days', 'LA6570-1'],
      [3, 'Nearly every day', 'LA6571-9'],
    ]);
    expect(PHQ9.items[9]?.options.map((o) => o.code?.code)).toEqual([
      'LA6572-7',
      'LA6573-5',
      'LA6575-0',
      'LA6574-3',
    ]);
  });

  it('stores panel and total codes, the Pfizer line and its sources', () => {
    expect(PHQ9.codes.panel?.code).toBe('44249-1');
    expect(PHQ9.codes.total?.code).toBe('44261-6');
    expect(PHQ9.licence.copyright).toBe(PFIZER_COPYRIGHT);
    expect(PHQ9.licence.verdict).toBe('EMBED');
    expectValidSources(PHQ9.sources);
    expectValidSources(PHQ9_CRISIS_FLAG.sources);
  });
});

describe('PHQ-9 bands (KROENKE-2001 5/10/15/20)', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [24, 'severe'],
    [27, 'severe'],
  ])('total %d → %s', (total, band) => {
    const score = scored(PHQ9.score(answersWithTotal(PHQ9, total)));
    expect(score.total).toBe(total);
    expect(score.band?.id).toBe(band);
    expect(score.band?.status).toBe('C');
  });
});

describe('PHQ-9 flags', () => {
  it('raises the crisis flag for any item-9 answer above 0, whatever the total', () => {
    for (const v of [1, 2, 3]) {
      const score = scored(PHQ9.score({ ...none, [PHQ9_ITEM9_ID]: v }));
      expect(score.total).toBe(v);
      expect(score.flags).toEqual([PHQ9_CRISIS_FLAG]);
    }
    expect(PHQ9_CRISIS_FLAG.kind).toBe('crisis');
    expect(PHQ9_CRISIS_FLAG.patientText).toMatch(/emergency number/);
  });

  it('raises no crisis flag at item 9 = 0, even with a high total', () => {
    const score = scored(PHQ9.score(answersWithTotal(PHQ9, 24, [PHQ9_ITEM9_ID])));
    expect(score.flags.map((f) => f.id)).toEqual(['phq9.screen-positive']);
  });

  it('raises the crisis flag even when the form is incomplete or partly invalid', () => {
    const out = PHQ9.score({ [PHQ9_ITEM9_ID]: 2, 'phq9-1': 9 });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.safetyFlags).toEqual([PHQ9_CRISIS_FLAG]);
      expect(out.errors).toHaveLength(8);
    }
  });

  it('is screen-positive for clinician review at 10, not at 9', () => {
    const at = scored(PHQ9.score(answersWithTotal(PHQ9, PHQ9_SCREEN_POSITIVE_AT, [PHQ9_ITEM9_ID])));
    expect(at.flags).toHaveLength(1);
    expect(at.flags[0]).toMatchObject({
      id: 'phq9.screen-positive',
      kind: 'screen-positive',
      audience: 'clinician',
      patientText: null,
    });
    expect(at.flags[0]?.clinicianText).toMatch(/^PHQ-9 total 10: .*not a diagnosis/);
    const below = scored(PHQ9.score(answersWithTotal(PHQ9, 9, [PHQ9_ITEM9_ID])));
    expect(below.flags).toEqual([]);
  });

  it('lists the crisis flag before the screen-positive flag', () => {
    const score = scored(PHQ9.score(answersWithTotal(PHQ9, 27)));
    expect(score.flags.map((f) => f.kind)).toEqual(['crisis', 'screen-positive']);
  });
});

describe('PHQ-9 difficulty item and PHQ-2', () => {
  it('records the optional difficulty answer without scoring it', () => {
    const score = scored(PHQ9.score({ ...answersWithTotal(PHQ9, 6), [PHQ9_DIFFICULTY_ID]: 3 }));
    expect(score.total).toBe(6);
    expect(score.itemScores[PHQ9_DIFFICULTY_ID]).toBeUndefined();
    expect(Object.keys(score.itemScores)).toHaveLength(9);
    expect(score.answers[PHQ9_DIFFICULTY_ID]).toBe(3);
  });

  it('still validates the difficulty answer when given', () => {
    const out = PHQ9.score({ ...none, [PHQ9_DIFFICULTY_ID]: 4 });
    expect(out.ok ? [] : out.errors.map((e) => e.itemId)).toEqual([PHQ9_DIFFICULTY_ID]);
  });

  it('reports the PHQ-2 subscore (items 1–2) with LOINC 55758-7', () => {
    const score = scored(PHQ9.score({ ...none, 'phq9-1': 2, 'phq9-2': 3, 'phq9-5': 1 }));
    expect(score.subscores).toHaveLength(1);
    expect(score.subscores[0]).toMatchObject({ id: 'phq2', value: 5, min: 0, max: 6 });
    expect(score.subscores[0]?.code?.code).toBe('55758-7');
  });
});
