/**
 * The code systems of Steady's FHIR resources in one place. Codes from REFERENCE §8 (LOINC and
 * RxNorm; no SNOMED CT code fits a record here) are used only where the reference gives them;
 * everything else is a code of Steady's own code systems, whose URLs are stable (they name the
 * concept, not a server).
 */
import type { Coding } from '@medplum/fhirtypes';

export const LOINC = 'http://loinc.org';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** Root of Steady's own code systems: `${STEADY_CS}/<name>`. Stable, never changed. */
export const STEADY_CS = 'https://steady.example/fhir/CodeSystem';
/** Identifier systems for Steady's own record ids. */
export const STEADY_ID = 'https://steady.example/fhir/id';
/** Extensions defined by Steady. */
export const STEADY_EXT = 'https://steady.example/fhir/StructureDefinition';

export const STEADY_SYSTEMS = {
  /** Check-in values without a LOINC code in the reference (spasm, sleep, anxiety, mood…). */
  checkIn: `${STEADY_CS}/check-in`,
  /** Side effects asked in the check-in (drowsiness, dizziness, unsteadiness, confusion). */
  sideEffect: `${STEADY_CS}/side-effect`,
  /** none / mild / moderate / severe. */
  severity: `${STEADY_CS}/severity`,
  /** none / near_fall / fall. */
  fall: `${STEADY_CS}/fall`,
  /** Instrument totals without a LOINC code (SDS, withdrawal checklist). */
  instrumentScore: `${STEADY_CS}/instrument-score`,
  /** Safety signals of the clinical engine (alert signal ids such as `SIG-RISK-MOD`). */
  signal: `${STEADY_CS}/signal`,
  /** CarePlan categories: taper, techniques. */
  carePlan: `${STEADY_CS}/care-plan`,
  /** Library techniques and exercises (core `techniques/` ids). */
  technique: `${STEADY_CS}/technique`,
  /** Dose events: taken, skipped, extra. */
  doseKind: `${STEADY_CS}/dose-kind`,
} as const;

/** Steady's record ids (uuid) as identifiers, per kind of record. */
export const idSystem = (kind: string): string => `${STEADY_ID}/${kind}`;

/** REFERENCE §8.1: pain severity 0–10 verbal numeric rating [Score] – Reported. */
export const LOINC_PAIN_NRS: Coding = {
  system: LOINC,
  code: '72514-3',
  display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
};

export const steady = (system: keyof typeof STEADY_SYSTEMS, code: string, display?: string) =>
  display === undefined
    ? { system: STEADY_SYSTEMS[system], code }
    : { system: STEADY_SYSTEMS[system], code, display };
