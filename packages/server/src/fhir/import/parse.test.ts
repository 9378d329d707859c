import { describe, expect, it } from 'vitest';
import { MAX_ENTRIES, parseMedicationBundle } from './parse.js';

const request = (fields: Record<string, unknown>) => ({
  resource: {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/1' },
    ...fields,
  },
});

describe('parseMedicationBundle', () => {
  it('reads name, dose and frequency the ways exports write them', () => {
    const parsed = parseMedicationBundle(
      [
        request({
          medicationCodeableConcept: { coding: [{ display: 'Sertraline 50 MG' }] },
          dosageInstruction: [
            {
              timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
              doseAndRate: [{ doseQuantity: { value: 50, code: 'mg' } }],
            },
          ],
        }),
        request({
          medicationCodeableConcept: { text: 'Pregabalin' },
          dosageInstruction: [{ text: 'one capsule', timing: { code: { text: 'at night' } } }],
        }),
        request({
          medicationCodeableConcept: { text: 'Methotrexate' },
          dosageInstruction: [
            { timing: { repeat: { frequency: 1, period: 2, periodUnit: 'wk' } } },
          ],
        }),
      ],
      [],
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.medications).toEqual([
      { index: 0, name: 'Sertraline 50 MG', dose: '50 mg', frequency: 'once a day' },
      { index: 1, name: 'Pregabalin', dose: 'one capsule', frequency: 'at night' },
      { index: 2, name: 'Methotrexate', dose: null, frequency: 'once every 2 weeks' },
    ]);
  });

  it('treats a name already listed (any case) as listed, and a second copy as a duplicate', () => {
    const parsed = parseMedicationBundle(
      [
        request({ medicationCodeableConcept: { text: 'ibuprofen' } }),
        request({ medicationCodeableConcept: { text: 'Baclofen' } }),
        request({ medicationCodeableConcept: { text: ' baclofen ' } }),
      ],
      ['Ibuprofen'],
    );
    expect(parsed.medications.map((m) => m.name)).toEqual(['Baclofen']);
    expect(parsed.skipped.map((s) => s.reason)).toEqual(['already-listed', 'duplicate']);
  });

  it('refuses a name over 200 characters and more entries than allowed', () => {
    const long = parseMedicationBundle(
      [request({ medicationCodeableConcept: { text: 'x'.repeat(201) } })],
      [],
    );
    expect(long.issues.map((i) => i.code)).toEqual(['too-long']);
    const many = parseMedicationBundle(
      Array.from({ length: MAX_ENTRIES + 1 }, () => ({})),
      [],
    );
    expect(many.issues.map((i) => i.expression)).toEqual([['Bundle.entry']]);
  });
});
