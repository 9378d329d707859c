import { describe, expect, it } from 'vitest';
import { patientGuidance } from './guidance.js';
import type { InstrumentFlag } from './types.js';

const flag = (id: string, kind: InstrumentFlag['kind'], patientText: string | null) =>
  ({
    id,
    kind,
    audience: patientText === null ? 'clinician' : 'patient-and-clinician',
    title: id,
    patientText,
    clinicianText: '',
    itemIds: [],
    sources: [],
  }) satisfies InstrumentFlag;

describe('patientGuidance', () => {
  it('keeps the flags with a patient text, crisis first', () => {
    const out = patientGuidance([
      flag('r', 'review', 'Review'),
      flag('u', 'urgent', null),
      flag('x', 'crisis', 'Call'),
      flag('s', 'screen-positive', 'Talk'),
    ]);
    expect(out.map((g) => g.flagId)).toEqual(['x', 's', 'r']);
    expect(out[0]).toEqual({ flagId: 'x', kind: 'crisis', title: 'x', text: 'Call', sources: [] });
  });
  it('leaves out clinician-only flags', () => {
    expect(patientGuidance([flag('u', 'urgent', null)])).toEqual([]);
  });
});
