import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHECK_IN_PARTS, fhirId, isReadableType, parseFhirId } from './ids.js';

describe('FHIR ids', () => {
  const uuid = randomUUID();

  it('round-trips every kind, within FHIR’s 64 characters', () => {
    expect(parseFhirId('MedicationRequest', fhirId('regimen', uuid))).toEqual({
      kind: 'regimen',
      uuid,
      part: null,
    });
    for (const part of CHECK_IN_PARTS) {
      const id = fhirId('checkin', uuid, part);
      expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      expect(parseFhirId('Observation', id)).toEqual({ kind: 'checkin', uuid, part });
    }
  });

  it('refuses ids of another type, unknown parts, missing parts and malformed uuids', () => {
    expect(parseFhirId('Observation', fhirId('regimen', uuid))).toBeNull();
    expect(parseFhirId('Observation', fhirId('checkin', uuid))).toBeNull();
    expect(parseFhirId('Observation', fhirId('checkin', uuid, 'weight'))).toBeNull();
    expect(parseFhirId('Observation', fhirId('score', uuid, 'pain'))).toBeNull();
    expect(parseFhirId('Flag', `alert-${uuid.toUpperCase()}`)).toBeNull();
    expect(parseFhirId('Flag', 'alert-1')).toBeNull();
  });

  it('knows which types it reads by id', () => {
    expect(isReadableType('Flag')).toBe(true);
    expect(isReadableType('Encounter')).toBe(false);
    expect(isReadableType('toString')).toBe(false);
  });
});
