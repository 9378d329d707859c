/** The CapabilityStatement served at `GET /fhir/metadata` (public, as FHIR requires). */
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { ID_KINDS } from './ids.js';
import { FHIR_JSON } from './outcome.js';

const read = (type: CapabilityStatementRestResource['type']): CapabilityStatementRestResource => ({
  type,
  interaction: [{ code: 'read' }],
});

export function capabilityStatement(base: string, date: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    software: { name: 'Steady' },
    implementation: { description: 'Steady FHIR R4 export', url: base },
    fhirVersion: '4.0.1',
    format: [FHIR_JSON, 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Signed-in access only (session cookie). Care-team members see what the patient shares.',
        resource: [
          {
            ...read('Patient'),
            operation: [
              {
                name: 'everything',
                definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
              },
            ],
          },
          ...Object.keys(ID_KINDS).map((t) => read(t as CapabilityStatementRestResource['type'])),
          read('Questionnaire'),
        ],
      },
    ],
  };
}
