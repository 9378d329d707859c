/**
 * Consent vocabulary of the care team: the data categories a patient grants per member, the
 * kinds of member, and the product defaults shown before a link is made (docs/care-team-api.md).
 */
import { z } from 'zod';

/** Kinds of patient data a member may be granted, one switch each. */
export const CATEGORIES = [
  'medications',
  'checkins',
  'questionnaires',
  'notes',
  'techniques',
  'messages',
] as const;
export type DataCategory = (typeof CATEGORIES)[number];

export const DISCIPLINES = [
  'prescriber',
  'physical_therapist',
  'psychologist',
  'pharmacist',
] as const;
export type Discipline = (typeof DISCIPLINES)[number];

/** What a member is to the patient: a clinician's discipline, or a caregiver. */
export const MEMBER_KINDS = [...DISCIPLINES, 'caregiver'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

export type ConsentMap = Readonly<Record<DataCategory, boolean>>;

const map = (granted: readonly DataCategory[]): ConsentMap =>
  Object.fromEntries(CATEGORIES.map((c) => [c, granted.includes(c)])) as Record<
    DataCategory,
    boolean
  >;

/** Nothing granted. */
export const NO_CONSENT: ConsentMap = map([]);
/** Everything granted (the patient on their own data). */
export const FULL_CONSENT: ConsentMap = map(CATEGORIES);

/** Product defaults per member kind; the patient edits them before and after accepting. */
export const CONSENT_DEFAULTS: Readonly<Record<MemberKind, ConsentMap>> = {
  prescriber: map(['medications', 'checkins', 'questionnaires', 'techniques', 'messages']),
  physical_therapist: map(['checkins', 'questionnaires', 'techniques', 'messages']),
  psychologist: map(['checkins', 'questionnaires', 'techniques', 'messages']),
  pharmacist: map(['medications', 'messages']),
  caregiver: map(['medications', 'messages']),
};

/**
 * A consent map in a request body. Strict (a misspelt category is an error, not a silent
 * "no"); a category left out is not granted.
 */
export const consentSchema = z.strictObject(
  Object.fromEntries(CATEGORIES.map((c) => [c, z.boolean().default(false)])) as Record<
    DataCategory,
    z.ZodDefault<z.ZodBoolean>
  >,
);

/** A consent map as stored (jsonb), completed with "not granted" for categories added later. */
export function normalizeConsent(stored: Partial<Record<string, boolean>> | null): ConsentMap {
  return map(CATEGORIES.filter((c) => stored?.[c] === true));
}

/** The categories granted in a map. */
export function granted(consent: ConsentMap): DataCategory[] {
  return CATEGORIES.filter((c) => consent[c]);
}
