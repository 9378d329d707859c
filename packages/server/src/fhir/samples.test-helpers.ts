/** Route-suite fixtures of the FHIR feature (see http/features.test-helpers.ts). */
import type { Bundle } from '@medplum/fhirtypes';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

/** A pharmacy-style export: one MedicationRequest and one MedicationStatement. */
export function sampleImportBundle(names: readonly string[] = ['Ibuprofen', 'Omeprazole']): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: names.map((name, i) => ({
      resource:
        i % 2 === 0
          ? {
              resourceType: 'MedicationRequest',
              status: 'active',
              intent: 'order',
              subject: { reference: 'Patient/ehr-1' },
              medicationCodeableConcept: { text: name },
              dosageInstruction: [
                {
                  timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
                  doseAndRate: [{ doseQuantity: { value: 400, unit: 'mg' } }],
                },
              ],
            }
          : {
              resourceType: 'MedicationStatement',
              status: 'active',
              subject: { reference: 'Patient/ehr-1' },
              medicationCodeableConcept: { text: name },
              dosage: [{ text: '20 mg once a day' }],
            },
    })),
  };
}

/** Single reads take `:id`: the seeded patient's answered instrument (GAD-7) reads for anyone. */
export const seed: FeatureSeeder = () =>
  Promise.resolve({ ids: { id: 'steady-gad7' }, secrets: [] });

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  'POST /api/patients/:patientId/medications/fhir-import': () => sampleImportBundle(),
  'POST /api/patients/:patientId/medications/fhir-import/preview': () => sampleImportBundle(),
};

export const queries: Readonly<Record<string, string>> = {};
