/** Small builders shared by the FHIR mappers. */
import type {
  CodeableConcept,
  Coding,
  Identifier,
  Patient,
  Quantity,
  Reference,
} from '@medplum/fhirtypes';
import { idSystem, UCUM } from './codes.js';

export const patientReference = (patientId: string): Reference<Patient> => ({
  reference: `Patient/${patientId}`,
});

export const mg = (value: number): Quantity => ({ value, unit: 'mg', system: UCUM, code: 'mg' });

/** A score in the UCUM annotation `{score}` (REFERENCE §8.1, [P] SEC-CODE). */
export const scoreQuantity = (value: number): Quantity => ({
  value,
  unit: '{score}',
  system: UCUM,
  code: '{score}',
});

export const concept = (coding: Coding, text?: string): CodeableConcept =>
  text === undefined ? { coding: [coding] } : { coding: [coding], text };

/** Steady's own record id, so an EHR can tell re-exports of the same record apart. */
export const recordIdentifier = (kind: string, uuid: string): Identifier => ({
  system: idSystem(kind),
  value: uuid,
});

/** Drops undefined and null fields: FHIR forbids nulls and empty elements. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as T;
}
