/**
 * Resource ids that map back to their record, and so to the patient who owns it:
 * `<kind>-<uuid>[-<part>]`, where `kind` names the table (`regimen-…` is a regimen version,
 * `checkin-…-pain` the pain value of a check-in). The Patient's id is the patient's own uuid.
 * A single read parses the id, finds the row and its patient, then authorizes against that
 * patient's consent (see read.ts). All ids stay within FHIR's 64 characters.
 */
import type { ResourceType } from '@medplum/fhirtypes';

/** The kinds of record behind each resource type that Steady serves by id. */
export const ID_KINDS = {
  MedicationRequest: ['regimen', 'med'],
  MedicationAdministration: ['dose'],
  Observation: ['checkin', 'score'],
  QuestionnaireResponse: ['qr'],
  CarePlan: ['taper', 'technique'],
  Flag: ['alert'],
  Communication: ['msg'],
} as const satisfies Partial<Record<ResourceType, readonly string[]>>;

export type ReadableType = keyof typeof ID_KINDS;
export type IdKind = (typeof ID_KINDS)[ReadableType][number];

/** The values of one check-in, each its own Observation (`checkin-<uuid>-<part>`). */
export const CHECK_IN_PARTS = [
  'pain',
  'spasm',
  'sleep',
  'anxiety',
  'mood',
  'side-effects',
  'fall',
  'breathing',
] as const;
export type CheckInPart = (typeof CHECK_IN_PARTS)[number];

export const fhirId = (kind: IdKind, uuid: string, part?: string): string =>
  part === undefined ? `${kind}-${uuid}` : `${kind}-${uuid}-${part}`;

export interface ParsedId {
  readonly kind: IdKind;
  readonly uuid: string;
  readonly part: string | null;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ID_PATTERN = new RegExp(`^([a-z]+)-(${UUID})(?:-([a-z-]+))?$`);

export const isReadableType = (type: string): type is ReadableType => Object.hasOwn(ID_KINDS, type);

/** The record behind a resource id of `type`, or null when the id is not one Steady makes. */
export function parseFhirId(type: ReadableType, id: string): ParsedId | null {
  const match = ID_PATTERN.exec(id);
  if (match === null) return null;
  const [, kind = '', uuid = '', part] = match;
  const kinds: readonly string[] = ID_KINDS[type];
  if (!kinds.includes(kind)) return null;
  const partOk =
    kind === 'checkin'
      ? part !== undefined && (CHECK_IN_PARTS as readonly string[]).includes(part)
      : part === undefined;
  return partOk ? { kind: kind as IdKind, uuid, part: part ?? null } : null;
}
