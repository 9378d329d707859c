import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectValidSources } from './clinical.test-helpers.js';
import {
  fromDiazepamEquivalent,
  resolveEquivalenceDrug,
  toDiazepamEquivalent,
} from './equivalence.js';
import {
  EQUIVALENCE_DRUGS,
  EQUIVALENCE_TABLE_IDS,
  EQUIVALENCE_TABLES,
} from './equivalenceTables.js';

describe('equivalence tables', () => {
  it('holds Joint CPG Table 7 as printed (mg equivalent to 10 mg diazepam)', () => {
    const col = (id: 'jcpg-t7-vadod' | 'jcpg-t7-ashton'): Record<string, string> =>
      Object.fromEntries(
        Object.entries(EQUIVALENCE_TABLES[id].doses).map(([d, v]) => [
          d,
          v.low === v.high ? `${v.low}` : `${v.low}–${v.high}`,
        ]),
      );
    expect(col('jcpg-t7-vadod')).toEqual({
      alprazolam: '1',
      chlordiazepoxide: '25',
      clonazepam: '1',
      clorazepate: '15',
      diazepam: '10',
      estazolam: '1',
      flurazepam: '15',
      lorazepam: '2',
      oxazepam: '30',
      quazepam: '10',
      temazepam: '15',
      triazolam: '0.25',
    });
    expect(col('jcpg-t7-ashton')).toEqual({
      alprazolam: '0.5',
      chlordiazepoxide: '25',
      clonazepam: '0.5',
      clorazepate: '15',
      diazepam: '10',
      estazolam: '1–2',
      flurazepam: '15–30',
      lorazepam: '1',
      oxazepam: '20',
      quazepam: '20',
      temazepam: '20',
      triazolam: '0.5',
    });
  });

  it('holds the NHS Scotland scale (diazepam 5 ≈ lorazepam 0.5 ≈ clonazepam 0.25 ≈ temazepam 10)', () => {
    for (const [drug, mg] of [
      ['diazepam', 5],
      ['lorazepam', 0.5],
      ['clonazepam', 0.25],
      ['temazepam', 10],
    ] as const) {
      expect(toDiazepamEquivalent(drug, mg, 'nhs-scotland')?.mgPerDay).toBe(5);
    }
    expect(Object.keys(EQUIVALENCE_TABLES['nhs-scotland'].doses)).toHaveLength(4);
  });

  it('cites each table and carries the switching caveat', () => {
    for (const id of EQUIVALENCE_TABLE_IDS) {
      const t = EQUIVALENCE_TABLES[id];
      expect(t.id).toBe(id);
      expectValidSources(t.sources);
      expect(t.caveat).toContain('Conversion is not straightforward');
      expect(t.caveat).toContain('over 1–2 weeks rather than 1–2 days');
    }
    expect(EQUIVALENCE_TABLES['jcpg-t7-vadod'].sources.map((s) => s.id)).toContain(
      'VADOD-SUD-2021',
    );
    expect(EQUIVALENCE_TABLES['jcpg-t7-ashton'].sources.map((s) => s.id)).toContain(
      'ASHTON-MANUAL',
    );
    expect(EQUIVALENCE_TABLES['nhs-scotland'].sources[0]?.id).toBe('NHS-SCOT-BZD');
  });
});

describe('toDiazepamEquivalent', () => {
  it('names the table used; the columns give different answers', () => {
    const vadod = toDiazepamEquivalent('lorazepam', 2, 'jcpg-t7-vadod');
    const ashton = toDiazepamEquivalent('lorazepam', 2, 'jcpg-t7-ashton');
    expect(vadod).toMatchObject({
      drug: 'lorazepam',
      table: 'jcpg-t7-vadod',
      tableName: 'Joint CPG Table 7, VA/DoD column',
      fromMgPerDay: 2,
      mgPerDay: 10,
      range: null,
      summary: '10 mg/day diazepam (Joint CPG Table 7, VA/DoD column)',
    });
    expect(ashton).toMatchObject({ table: 'jcpg-t7-ashton', mgPerDay: 20, range: null });
    expect(vadod?.caveat).toContain('1–2 weeks');
    expect(vadod?.sources).toBe(EQUIVALENCE_TABLES['jcpg-t7-vadod'].sources);
  });

  it('keeps the range where the table gives one', () => {
    expect(toDiazepamEquivalent('flurazepam', 30, 'jcpg-t7-ashton')).toMatchObject({
      mgPerDay: 15,
      range: { low: 10, high: 20 },
      summary: '10–20 mg/day diazepam (Joint CPG Table 7, Ashton column)',
    });
    expect(toDiazepamEquivalent('estazolam', 2, 'jcpg-t7-ashton')?.range).toEqual({
      low: 10,
      high: 20,
    });
  });

  it('every Table 7 figure converts to 10 mg diazepam', () => {
    for (const table of ['jcpg-t7-vadod', 'jcpg-t7-ashton'] as const) {
      for (const drug of EQUIVALENCE_DRUGS) {
        const dose = EQUIVALENCE_TABLES[table].doses[drug]!;
        const r = toDiazepamEquivalent(drug, dose.low, table)!;
        expect(r.range?.high ?? r.mgPerDay).toBe(10);
      }
    }
  });

  it('resolves brand names and text with strengths', () => {
    expect(resolveEquivalenceDrug('Klonopin 0.5 mg')).toBe('clonazepam');
    expect(resolveEquivalenceDrug('Xanax XR 1mg')).toBe('alprazolam');
    expect(resolveEquivalenceDrug('VALIUM')).toBe('diazepam');
    expect(toDiazepamEquivalent('Ativan', 1, 'jcpg-t7-vadod')?.drug).toBe('lorazepam');
  });

  it('returns null for drugs a table does not cover', () => {
    expect(resolveEquivalenceDrug('midazolam')).toBeNull();
    expect(resolveEquivalenceDrug('benzo')).toBeNull();
    expect(resolveEquivalenceDrug('metformin')).toBeNull();
    expect(toDiazepamEquivalent('midazolam', 5, 'jcpg-t7-vadod')).toBeNull();
    expect(toDiazepamEquivalent('alprazolam', 1, 'nhs-scotland')).toBeNull();
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('throws for daily dose %s', (mg) => {
    expect(() => toDiazepamEquivalent('lorazepam', mg, 'jcpg-t7-vadod')).toThrow(RangeError);
  });
});

describe('fromDiazepamEquivalent', () => {
  it('converts diazepam to another drug on the named table', () => {
    expect(fromDiazepamEquivalent('clonazepam', 20, 'jcpg-t7-vadod')).toMatchObject({
      mgPerDay: 2,
      summary: '2 mg/day clonazepam (Joint CPG Table 7, VA/DoD column)',
    });
    expect(fromDiazepamEquivalent('flurazepam', 10, 'jcpg-t7-ashton')).toMatchObject({
      range: { low: 15, high: 30 },
      mgPerDay: 22.5,
    });
  });

  it('property: converting there and back returns the dose for single-figure entries', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EQUIVALENCE_TABLE_IDS),
        fc.constantFrom(...EQUIVALENCE_DRUGS),
        fc.integer({ min: 0, max: 400 }),
        (table, drug, quarterMg) => {
          const dose = EQUIVALENCE_TABLES[table].doses[drug];
          if (dose === undefined || dose.low !== dose.high) return;
          const mg = quarterMg / 4;
          const dz = toDiazepamEquivalent(drug, mg, table)!;
          expect(fromDiazepamEquivalent(drug, dz.mgPerDay, table)!.mgPerDay).toBeCloseTo(mg, 2);
        },
      ),
    );
  });
});
