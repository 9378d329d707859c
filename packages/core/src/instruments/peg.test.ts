import { describe, expect, it } from 'vitest';
import { PEG, PEG_ITEM_IDS } from './peg.js';
import { expectValidSources, scored } from './instruments.test-helpers.js';

const { pain, enjoyment, activity } = PEG_ITEM_IDS;

describe('PEG definition', () => {
  it('uses the KREBS-2009 item wording (as in LOINC form 91148-7) and anchors', () => {
    expect(PEG.items.map((i) => i.text)).toEqual([
      'What number best describes your pain on average in the past week?',
      'What number best describes how, during the past week, pain has interfered with your enjoyment of life?',
      'What number best describes how, during the past week, pain has interfered with your general activity?',
    ]);
    const [p, e, g] = PEG.items;
    expect(p?.options[0]?.label).toBe('0 – No pain');
    expect(p?.options[10]?.label).toBe('10 – Pain as bad as you can imagine');
    for (const item of [e, g]) {
      expect(item?.options[0]?.label).toBe('0 – Does not interfere');
      expect(item?.options[10]?.label).toBe('10 – Completely interferes');
    }
    expect(PEG.recallPeriod).toMatchObject({ text: 'the past week', confirmed: true });
  });

  it('carries the LOINC codes of REFERENCE §8.1 and LOINC form linkIds', () => {
    expect(PEG.items.map((i) => [i.linkId, i.code?.code])).toEqual([
      ['108518', '75893-8'],
      ['108514', '91145-3'],
      ['108515', '91146-1'],
    ]);
    expect(PEG.codes.panel).toMatchObject({ code: '91148-7', source: { status: 'P' } });
    expect(PEG.codes.total).toMatchObject({ code: '91147-9', source: { id: 'AHRQ-PAIN-CQL' } });
    // LOINC's form codes answers for E and G only; P is a plain number there.
    expect(PEG.items[0]?.options.every((o) => o.code === undefined)).toBe(true);
    expect(PEG.items[1]?.options[10]?.code?.code).toBe('LA13942-0');
  });

  it('has MID notes, not bands, and keeps the attribution and licence status visible', () => {
    expect(PEG.bands).toEqual([]);
    expect(PEG.notes.map((n) => n.text).join(' ')).toMatch(/0\.60–1\.1.*1\.0–1\.75/);
    expect(PEG.notes[0]?.sources[0]?.id).toBe('REED-2024');
    expect(PEG.licence).toMatchObject({
      verdict: 'EMBED WITH ATTRIBUTION',
      status: 'U',
      clinicMayDisable: true,
    });
    expect(PEG.licence.attribution).toMatch(/^PEG: Krebs EE.*J Gen Intern Med 2009;24\(6\):733–8/);
    expectValidSources(PEG.sources);
  });
});

describe('PEG scoring', () => {
  it('is the unrounded mean of the three items', () => {
    const score = scored(PEG.score({ [pain]: 6, [enjoyment]: 7, [activity]: 4 }));
    expect(score.total).toBeCloseTo(17 / 3, 12);
    expect(score.band).toBeNull();
    expect(score.flags).toEqual([]);
    expect(score.itemScores).toEqual({ [pain]: 6, [enjoyment]: 7, [activity]: 4 });
  });

  it('reaches 0 and 10 at the ends', () => {
    expect(scored(PEG.score({ [pain]: 0, [enjoyment]: 0, [activity]: 0 })).total).toBe(0);
    expect(scored(PEG.score({ [pain]: 10, [enjoyment]: 10, [activity]: 10 })).total).toBe(10);
  });

  it('gives no score when an item is missing or off the scale', () => {
    const out = PEG.score({ [pain]: 6, [enjoyment]: 10.5 });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.errors.map((e) => [e.code, e.itemId])).toEqual([
        ['invalid-option', enjoyment],
        ['missing', activity],
      ]);
      expect(out.safetyFlags).toEqual([]);
    }
  });
});
