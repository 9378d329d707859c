import { describe, expect, it } from 'vitest';
import { isSourceId } from '../sources.js';
import { DEFAULT_PK_PARAMS, halfLifeHours } from './params.js';
import { applyWhatIfs, hepaticLabelWhatIf, olderAgeLabelRuleWhatIf, WHAT_IFS } from './whatif.js';

describe('WHAT_IFS', () => {
  it('derives factors from the half-life ratios reported in each study', () => {
    expect(WHAT_IFS['older-age'].kFactor.value).toBeCloseTo(31 / 86, 12);
    expect(WHAT_IFS['older-age'].kmFactor.value).toBeCloseTo(0.5, 12);
    expect(WHAT_IFS['older-age-iv'].kFactor.value).toBeCloseTo(44.5 / 71.5, 12);
    expect(WHAT_IFS['older-age-iv'].kmFactor.value).toBe(1);
    expect(WHAT_IFS['older-age-iv'].kmFactor.note).toMatch(/no nordiazepam data/);
    expect(WHAT_IFS['cyp2c19-poor'].kFactor.value).toBeCloseTo(40.8 / 88.3, 12);
    expect(WHAT_IFS['cyp2c19-poor'].kmFactor.value).toBeCloseTo(116 / 161, 12);
    expect(WHAT_IFS['cyp2c19-intermediate-qin'].kFactor.value).toBeCloseTo(20 / 62.9, 12);
    expect(WHAT_IFS['cyp2c19-poor-qin'].kmFactor.value).toBeCloseTo(99.2 / 176, 12);
    expect(WHAT_IFS['hepatic-cirrhosis'].kFactor.value).toBeCloseTo(98 / 165, 12);
    expect(WHAT_IFS['hepatic-cirrhosis'].kmFactor.value).toBeCloseTo(206 / 399, 12);
    expect(WHAT_IFS['hepatic-label'].kFactor.value).toBe(0.5);
  });

  it('cites real source ids, and marks label-only what-ifs unconfirmed', () => {
    for (const w of Object.values(WHAT_IFS)) {
      expect(w.sources.length).toBeGreaterThan(0);
      for (const s of w.sources) expect(isSourceId(s.id)).toBe(true);
      expect(w.kFactor.value).toBeGreaterThan(0);
      expect(w.kFactor.value).toBeLessThanOrEqual(1);
    }
    expect(WHAT_IFS['hepatic-label'].kFactor.confirmed).toBe(false);
    expect(WHAT_IFS['hepatic-label'].sources[0]).toEqual({ id: 'SEC-LABEL', status: 'P' });
    expect(WHAT_IFS['cyp2c19-poor'].kFactor.confirmed).toBe(true);
    expect(WHAT_IFS['hepatic-cirrhosis'].reportedSteadyState).toMatch(/1\.68/);
  });
});

describe('factories', () => {
  it('label age rule: t½ ≈ age in hours', () => {
    const w = olderAgeLabelRuleWhatIf(75);
    const p = applyWhatIfs(DEFAULT_PK_PARAMS, [w]);
    expect(halfLifeHours(p.k.value)).toBeCloseTo(75, 0);
    expect(w.kFactor.confirmed).toBe(false);
    expect(w.kmFactor.value).toBe(1);
    expect(() => olderAgeLabelRuleWhatIf(10)).toThrow(RangeError);
  });

  it('label hepatic rule spans 2- to 5-fold', () => {
    expect(hepaticLabelWhatIf(5).kFactor.value).toBeCloseTo(0.2, 12);
    expect(() => hepaticLabelWhatIf(6)).toThrow(RangeError);
    expect(() => hepaticLabelWhatIf(1)).toThrow(RangeError);
  });
});

describe('applyWhatIfs', () => {
  it('returns the same parameters when there is nothing to apply', () => {
    expect(applyWhatIfs(DEFAULT_PK_PARAMS, [])).toBe(DEFAULT_PK_PARAMS);
  });

  it('multiplies factors, merges sources and keeps the weakest confirmation', () => {
    const p = applyWhatIfs(DEFAULT_PK_PARAMS, [WHAT_IFS['older-age'], WHAT_IFS['hepatic-label']]);
    expect(p.k.value).toBeCloseTo(DEFAULT_PK_PARAMS.k.value * (31 / 86) * 0.5, 15);
    expect(p.km.value).toBeCloseTo(DEFAULT_PK_PARAMS.km.value * 0.5, 15);
    expect(p.k.confirmed).toBe(false);
    expect(p.km.confirmed).toBe(true);
    expect(p.k.sources.map((s) => s.id)).toEqual([
      'GREENBLATT-1989',
      'GREENBLATT-2021',
      'SEC-LABEL',
    ]);
    expect(p.k.note).toMatch(/Older age/);
    expect(p.km.sources.map((s) => s.id)).toEqual(['DMDZ-CLORAZEPATE', 'GREENBLATT-2021']);
    expect(p.ka).toBe(DEFAULT_PK_PARAMS.ka);
    expect(applyWhatIfs(DEFAULT_PK_PARAMS, [WHAT_IFS['older-age-iv']]).km).toBe(
      DEFAULT_PK_PARAMS.km,
    );
  });
});
