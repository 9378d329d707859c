import { describe, expect, it } from 'vitest';
import { instrumentFhirDescription } from './fhir.js';
import { INSTRUMENT_IDS } from './registry.js';

describe('instrumentFhirDescription', () => {
  it('describes PHQ-9 with the published linkIds, codes, total item and copyright', () => {
    const q = instrumentFhirDescription('phq9');
    expect(q).toMatchObject({
      id: 'steady-phq9',
      name: 'Steady_PHQ9',
      status: 'active',
      subjectType: ['Patient'],
      code: [{ system: 'http://loinc.org', code: '44249-1' }],
      derivedFrom: [
        'http://hl7.org/fhir/us/pco/Questionnaire/44249-1',
        'http://loinc.org/q/44249-1',
      ],
      scoreUnit: '{score}',
    });
    expect(q.items.map((i) => i.linkId)).toEqual([
      '14363',
      '14364',
      '14365',
      '14366',
      '14367',
      '14368',
      '14369',
      '14370',
      '14371',
      '57492',
      '14372',
    ]);
    expect(q.items[8]?.code).toEqual([{ system: 'http://loinc.org', code: '44260-8' }]);
    expect(q.items[0]?.answerOption[3]).toEqual({
      ordinalValue: 3,
      label: 'Nearly every day',
      coding: { system: 'http://loinc.org', code: 'LA6571-9' },
    });
    expect(q.items[9]).toMatchObject({ required: false, readOnly: false });
    expect(q.items.at(-1)).toMatchObject({
      type: 'decimal',
      readOnly: true,
      text: 'PHQ-9 total score',
      code: [
        { system: 'http://loinc.org', code: '44261-6', display: 'PHQ-9 total score [Reported]' },
      ],
      answerOption: [],
    });
    expect(q.copyright).toMatch(
      /^This material contains content from LOINC[\s\S]*\nCopyright © Pfizer Inc\./,
    );
  });

  it('describes PEG with its mean-score item and LOINC form total linkId', () => {
    const q = instrumentFhirDescription('peg');
    expect(q.items.at(-1)).toMatchObject({ linkId: '108516', text: 'PEG mean score' });
    expect(q.code[0]?.code).toBe('91148-7');
    expect(q.items[0]?.answerOption[0]).toEqual({ ordinalValue: 0, label: '0 – No pain' });
    expect(q.copyright).not.toMatch(/Pfizer/);
  });

  it('gives the NRS no separate total item', () => {
    const q = instrumentFhirDescription('nrs');
    expect(q.items).toHaveLength(1);
    expect(q.code).toEqual([]);
    expect(q.items[0]?.code[0]?.code).toBe('72514-3');
  });

  it('describes instruments without LOINC codes with local linkIds and uncoded answers', () => {
    const q = instrumentFhirDescription('sds');
    expect(q.copyright).toBeNull();
    expect(q.code).toEqual([]);
    expect(q.items.map((i) => i.linkId)).toEqual([
      'sds-1',
      'sds-2',
      'sds-3',
      'sds-4',
      'sds-5',
      'sds-total',
    ]);
    expect(q.items[4]?.answerOption[3]).toEqual({ ordinalValue: 3, label: 'Impossible' });
    expect(q.items.at(-1)?.code).toEqual([]);
  });

  it('describes every instrument with unique linkIds and plain data only', () => {
    for (const id of INSTRUMENT_IDS) {
      const q = instrumentFhirDescription(id);
      expect(new Set(q.items.map((i) => i.linkId)).size).toBe(q.items.length);
      expect(JSON.parse(JSON.stringify(q))).toEqual(q);
    }
  });
});
