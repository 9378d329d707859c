import { describe, expect, it } from 'vitest';
import {
  INSTRUMENTS,
  INSTRUMENT_IDS,
  getInstrument,
  isInstrumentId,
  scoreInstrument,
} from './registry.js';
import { expectValidSources, scored } from './instruments.test-helpers.js';

const all = Object.values(INSTRUMENTS);

describe('INSTRUMENTS registry', () => {
  it('holds the six embedded instruments under ids the signals use', () => {
    expect(INSTRUMENT_IDS).toEqual(['nrs', 'peg', 'phq9', 'gad7', 'sds', 'withdrawal']);
    for (const id of INSTRUMENT_IDS) expect(INSTRUMENTS[id].id).toBe(id);
  });

  it('looks up by id and refuses unknown or inherited names', () => {
    expect(getInstrument('phq9')?.shortTitle).toBe('PHQ-9');
    expect(getInstrument('bpi')).toBeUndefined();
    expect(getInstrument('toString')).toBeUndefined();
    expect(isInstrumentId('gad7')).toBe(true);
    expect(isInstrumentId('promis')).toBe(false);
  });

  it('scores through the registry and reports an unknown instrument as an error', () => {
    expect(scored(scoreInstrument('nrs', { 'nrs-pain': 4 })).total).toBe(4);
    expect(scoreInstrument('bpi', {})).toEqual({
      ok: false,
      errors: [{ code: 'unknown-instrument', itemId: null, message: 'No instrument "bpi".' }],
      safetyFlags: [],
    });
  });
});

describe.each(all.map((d) => [d.id, d] as const))('%s definition', (_id, def) => {
  it('only embeds what REFERENCE §7 allows, with attribution and sources', () => {
    expect(['EMBED', 'EMBED WITH ATTRIBUTION']).toContain(def.licence.verdict);
    expect(def.licence.clinicMayDisable).toBe(def.licence.verdict === 'EMBED WITH ATTRIBUTION');
    expect(def.licence.attribution.length).toBeGreaterThan(20);
    expectValidSources(def.sources);
    expectValidSources(def.licence.sources);
    expectValidSources(def.wording.sources);
    expectValidSources(def.recallPeriod.sources);
    for (const note of def.notes) expectValidSources(note.sources);
    for (const band of def.bands) expectValidSources(band.sources);
    expect(def.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has unique item ids and linkIds, and options 0…n in order', () => {
    expect(new Set(def.items.map((i) => i.id)).size).toBe(def.items.length);
    expect(new Set(def.items.map((i) => i.linkId)).size).toBe(def.items.length);
    for (const item of def.items) {
      expect(item.options.map((o) => o.value)).toEqual(item.options.map((_, i) => i));
    }
  });

  it('declares a score range that matches its items', () => {
    const maxes = def.items.filter((i) => i.scored).map((i) => i.options.length - 1);
    const sum = maxes.reduce((a, b) => a + b, 0);
    expect(def.scoring.min).toBe(0);
    expect(def.scoring.max).toBe(def.scoring.method === 'sum' ? sum : Math.max(...maxes));
  });

  it('has bands that tile the score range without gaps, when it has any', () => {
    if (def.bands.length === 0) return;
    expect(def.bands[0]?.min).toBe(def.scoring.min);
    expect(def.bands.at(-1)?.max).toBe(def.scoring.max);
    def.bands.slice(1).forEach((b, i) => {
      expect(b.min).toBe((def.bands[i]?.max ?? NaN) + 1);
    });
  });
});

describe('README examples', () => {
  it('PHQ-9 example: total 10, moderate, crisis then screen-positive', () => {
    const score = scored(
      scoreInstrument('phq9', {
        'phq9-1': 2,
        'phq9-2': 2,
        'phq9-3': 1,
        'phq9-4': 2,
        'phq9-5': 0,
        'phq9-6': 1,
        'phq9-7': 1,
        'phq9-8': 0,
        'phq9-9': 1,
        'phq9-difficulty': 1,
      }),
    );
    expect([score.total, score.band?.label, score.flags.map((f) => f.kind)]).toEqual([
      10,
      'Moderate depressive symptoms',
      ['crisis', 'screen-positive'],
    ]);
  });

  it('SDS and GAD-7 examples', () => {
    const sds = scored(
      INSTRUMENTS.sds.score({ 'sds-1': 1, 'sds-2': 2, 'sds-3': 2, 'sds-4': 1, 'sds-5': 1 }),
    );
    expect([sds.total, sds.flags[0]?.kind]).toEqual([7, 'review']);
    const gad = scored(
      scoreInstrument('gad7', {
        'gad7-1': 2,
        'gad7-2': 2,
        'gad7-3': 1,
        'gad7-4': 1,
        'gad7-5': 1,
        'gad7-6': 2,
        'gad7-7': 1,
      }),
    );
    expect([gad.total, gad.band?.label, gad.flags.length]).toEqual([
      10,
      'Moderate anxiety symptoms',
      1,
    ]);
    expect(getInstrument('phq9')?.items).toHaveLength(10);
  });
});
