import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NRS_ITEM_ID,
  NRS_MCID_PERCENT,
  NRS_MCID_POINTS,
  PAIN_NRS,
  isClinicallyImportantChange,
  painChange,
} from './nrs.js';
import { expectValidSources, scored } from './instruments.test-helpers.js';

describe('Pain NRS definition', () => {
  it('is one 0–10 item coded LOINC 72514-3 with answer codes LA6111-4 … LA13942-0', () => {
    expect(PAIN_NRS.items).toHaveLength(1);
    const item = PAIN_NRS.items[0]!;
    expect(item.code?.code).toBe('72514-3');
    expect(item.options[0]?.code?.code).toBe('LA6111-4');
    expect(item.options[10]?.code?.code).toBe('LA13942-0');
    expect(item.options[0]?.label).toBe('0 – No pain');
    expect(item.options[10]?.label).toBe('10 – Worst possible pain');
    expect(PAIN_NRS.codes.total?.code).toBe('72514-3');
  });

  it('has no severity bands and cites FARRAR-2001 for its licence verdict and MCID', () => {
    expect(PAIN_NRS.bands).toEqual([]);
    expect(PAIN_NRS.licence.verdict).toBe('EMBED');
    expect(PAIN_NRS.licence.sources.map((s) => s.id)).toContain('FARRAR-2001');
    expect(PAIN_NRS.recallPeriod.confirmed).toBe(false);
    expectValidSources(PAIN_NRS.sources);
  });
});

describe('Pain NRS scoring', () => {
  it('scores the rating itself, 0 to 10', () => {
    for (let v = 0; v <= 10; v++) {
      const score = scored(PAIN_NRS.score({ [NRS_ITEM_ID]: v }));
      expect(score.total).toBe(v);
      expect(score.band).toBeNull();
      expect(score.flags).toEqual([]);
      expect(score.itemScores).toEqual({ [NRS_ITEM_ID]: v });
    }
  });

  it('rejects ratings off the scale and a missing rating', () => {
    for (const bad of [-1, 11, 2.5]) {
      const out = PAIN_NRS.score({ [NRS_ITEM_ID]: bad });
      expect(out.ok).toBe(false);
    }
    const missing = PAIN_NRS.score({});
    expect(missing.ok ? [] : missing.errors.map((e) => e.code)).toEqual(['missing']);
  });
});

describe('clinically important change (FARRAR-2001)', () => {
  it.each([
    [8, 6, true], // 2 points
    [10, 8, true], // 2 points although only 20 %
    [3, 2, true], // 33 %, 1 point
    [10, 7, true], // exactly 30 %
    [6, 4.2, true], // exactly 30 % of a weekly mean, despite floating point
    [6.6, 4.6, true], // exactly 2 points of means, despite floating point
    [9, 8, false], // 1 point, 11 %
    [5, 4, false], // 1 point, 20 %
    [4, 4, false],
    [4, 7, false], // worsening is not judged by this rule
    [0, 0, false],
  ])('%d → %d: %s', (baseline, followUp, expected) => {
    expect(isClinicallyImportantChange(baseline, followUp)).toBe(expected);
  });

  it('reports the change and percentage, null percentage from a zero baseline', () => {
    expect(painChange(8, 6)).toEqual({
      baseline: 8,
      followUp: 6,
      change: -2,
      percentChange: -25,
      clinicallyImportantImprovement: true,
      sources: [{ id: 'FARRAR-2001', status: 'C', locator: 'REFERENCE §7' }],
    });
    expect(painChange(0, 3).percentChange).toBeNull();
    expect(painChange(0, 3).clinicallyImportantImprovement).toBe(false);
  });

  it('throws RangeError for values that are not 0–10 ratings', () => {
    expect(() => painChange(11, 2)).toThrow(RangeError);
    expect(() => painChange(5, -1)).toThrow(RangeError);
    expect(() => isClinicallyImportantChange(Number.NaN, 2)).toThrow(/baseline/);
  });

  it('keeps the thresholds as named, sourced parameters', () => {
    expect(NRS_MCID_POINTS.value).toBe(2);
    expect(NRS_MCID_PERCENT.value).toBe(30);
    expectValidSources([...NRS_MCID_POINTS.sources, ...NRS_MCID_PERCENT.sources]);
  });

  it('is never true for a rise, and stays true as the follow-up falls further', () => {
    const rating = fc.double({ min: 0, max: 10, noNaN: true });
    fc.assert(
      fc.property(rating, rating, rating, (b, f, g) => {
        if (f >= b) expect(isClinicallyImportantChange(b, f)).toBe(false);
        if (isClinicallyImportantChange(b, f)) {
          expect(isClinicallyImportantChange(b, Math.min(f, g))).toBe(true);
        }
      }),
    );
  });
});
