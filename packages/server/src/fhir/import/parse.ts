/**
 * Reading a Bundle of MedicationRequest / MedicationStatement (as an EHR or a pharmacy exports
 * it) into entries of the other-medication list. Pure: every problem is collected as an
 * OperationOutcome issue with its FHIRPath expression, so the caller can refuse the whole
 * bundle at once, and nothing partial is ever saved.
 */
import { formulationForRxcui } from '@steady/core';
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { RXNORM } from '../codes.js';
import { issue } from '../outcome.js';

export interface ImportedMedication {
  /** Index of the entry in the bundle. */
  readonly index: number;
  readonly name: string;
  readonly dose: string | null;
  readonly frequency: string | null;
}

export type SkipReason = 'not-current' | 'diazepam' | 'duplicate' | 'already-listed' | 'other-type';

export interface SkippedEntry {
  readonly index: number;
  readonly name: string | null;
  readonly reason: SkipReason;
}

export interface ParsedBundle {
  readonly medications: readonly ImportedMedication[];
  readonly skipped: readonly SkippedEntry[];
  readonly issues: readonly OperationOutcomeIssue[];
}

export const MAX_ENTRIES = 200;
const NAME_MAX = 200;
const TEXT_MAX = 100;

/** Statuses of each resource type: importable (current), or known but left out. */
const STATUSES = {
  MedicationRequest: {
    current: ['active', 'on-hold', 'draft', 'unknown'],
    other: ['completed', 'stopped', 'cancelled', 'entered-in-error'],
  },
  MedicationStatement: {
    current: ['active', 'intended', 'on-hold', 'unknown'],
    other: ['completed', 'stopped', 'not-taken', 'entered-in-error'],
  },
} as const;
type MedicationType = keyof typeof STATUSES;

/** Resource types an export carries alongside the medications: skipped without complaint. */
const COMPANIONS = new Set(['Patient', 'Practitioner', 'Organization', 'Medication', 'Encounter']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : undefined);

interface Concept {
  readonly name: string | null;
  readonly rxcuis: readonly string[];
}

function conceptOf(v: unknown): Concept {
  if (!isObject(v)) return { name: null, rxcuis: [] };
  const codings = Array.isArray(v.coding) ? v.coding.filter(isObject) : [];
  const display = codings.map((c) => text(c.display)).find((d) => d !== null) ?? null;
  const rxcuis = codings.flatMap((c) =>
    c.system === RXNORM && typeof c.code === 'string' ? [c.code] : [],
  );
  return { name: text(v.text) ?? display, rxcuis };
}

/** Medication resources of the bundle and contained ones, by the references that reach them. */
export function medicationIndex(entries: readonly unknown[]): Map<string, unknown> {
  const index = new Map<string, unknown>();
  for (const e of entries) {
    if (!isObject(e) || !isObject(e.resource) || e.resource.resourceType !== 'Medication') continue;
    const id = text(e.resource.id);
    if (id !== null) index.set(`Medication/${id}`, e.resource.code);
    const url = text(e.fullUrl);
    if (url !== null) index.set(url, e.resource.code);
  }
  return index;
}

function medicationConcept(resource: Json, medications: Map<string, unknown>): Concept {
  if (resource.medicationCodeableConcept !== undefined) {
    return conceptOf(resource.medicationCodeableConcept);
  }
  const ref = resource.medicationReference;
  if (!isObject(ref)) return { name: null, rxcuis: [] };
  const target = text(ref.reference);
  let code: unknown = target === null ? undefined : medications.get(target);
  if (target?.startsWith('#') === true && Array.isArray(resource.contained)) {
    const local = resource.contained.filter(isObject).find((c) => `#${String(c.id)}` === target);
    code = local?.code;
  }
  const found = conceptOf(code);
  return { name: found.name ?? text(ref.display), rxcuis: found.rxcuis };
}

const PERIOD_WORDS: Readonly<Record<string, string>> = {
  h: 'hour',
  d: 'day',
  wk: 'week',
  mo: 'month',
};

function frequencyOf(dosage: unknown): string | null {
  if (!isObject(dosage) || !isObject(dosage.timing)) return null;
  const timing = dosage.timing;
  const coded = isObject(timing.code) ? text(timing.code.text) : null;
  if (coded !== null) return coded;
  const repeat = timing.repeat;
  if (!isObject(repeat) || typeof repeat.frequency !== 'number') return null;
  const unit = typeof repeat.periodUnit === 'string' ? PERIOD_WORDS[repeat.periodUnit] : undefined;
  if (unit === undefined) return null;
  const times = repeat.frequency === 1 ? 'once' : `${String(repeat.frequency)} times`;
  const every = typeof repeat.period === 'number' && repeat.period !== 1 ? repeat.period : null;
  return every === null ? `${times} a ${unit}` : `${times} every ${String(every)} ${unit}s`;
}

function doseOf(dosage: unknown): string | null {
  if (!isObject(dosage)) return null;
  const dose = first(dosage.doseAndRate);
  const quantity = isObject(dose) ? dose.doseQuantity : undefined;
  if (isObject(quantity) && typeof quantity.value === 'number') {
    const unit = text(quantity.unit) ?? text(quantity.code) ?? '';
    return `${String(quantity.value)} ${unit}`.trim();
  }
  return text(dosage.text);
}

const clip = (s: string | null): string | null => (s === null ? null : s.slice(0, TEXT_MAX));

interface EntryResult {
  readonly medication?: ImportedMedication;
  readonly skipped?: SkippedEntry;
  readonly issues: OperationOutcomeIssue[];
}

function readMedication(
  resource: Json,
  type: MedicationType,
  index: number,
  medications: Map<string, unknown>,
): EntryResult {
  const at = (field: string) => `Bundle.entry[${String(index)}].resource.${field}`;
  const issues: OperationOutcomeIssue[] = [];
  const status = resource.status;
  const statuses = STATUSES[type];
  const known = [...statuses.current, ...statuses.other] as readonly unknown[];
  if (typeof status !== 'string')
    issues.push(issue('required', 'status is required', at('status')));
  else if (!known.includes(status)) {
    issues.push(issue('code-invalid', `unknown status "${status}" for ${type}`, at('status')));
  }
  if (type === 'MedicationRequest' && typeof resource.intent !== 'string') {
    issues.push(issue('required', 'intent is required', at('intent')));
  }
  if (!isObject(resource.subject)) {
    issues.push(issue('required', 'subject is required', at('subject')));
  }
  const concept = medicationConcept(resource, medications);
  if (concept.name === null) {
    issues.push(
      issue('required', 'the medication has no name (text or coding display)', at('medication[x]')),
    );
  } else if (concept.name.length > NAME_MAX) {
    issues.push(
      issue(
        'too-long',
        `the medication name is over ${String(NAME_MAX)} characters`,
        at('medication[x]'),
      ),
    );
  }
  if (issues.length > 0 || concept.name === null) return { issues };
  const name = concept.name;
  if (!(statuses.current as readonly unknown[]).includes(status)) {
    return { skipped: { index, name, reason: 'not-current' }, issues };
  }
  if (
    concept.rxcuis.some((c) => formulationForRxcui(c) !== null) ||
    /diazepam|valium/i.test(name)
  ) {
    return { skipped: { index, name, reason: 'diazepam' }, issues };
  }
  const dosage = first(type === 'MedicationRequest' ? resource.dosageInstruction : resource.dosage);
  return {
    medication: { index, name, dose: clip(doseOf(dosage)), frequency: clip(frequencyOf(dosage)) },
    issues,
  };
}

function readEntry(entry: unknown, index: number, medications: Map<string, unknown>): EntryResult {
  const at = `Bundle.entry[${String(index)}]`;
  if (!isObject(entry)) return { issues: [issue('structure', 'an entry must be an object', at)] };
  const resource = entry.resource;
  if (!isObject(resource)) {
    return { issues: [issue('required', 'the entry has no resource', `${at}.resource`)] };
  }
  const type = resource.resourceType;
  if (type === 'MedicationRequest' || type === 'MedicationStatement') {
    return readMedication(resource, type, index, medications);
  }
  if (typeof type === 'string' && COMPANIONS.has(type)) {
    return { skipped: { index, name: null, reason: 'other-type' }, issues: [] };
  }
  return {
    issues: [
      issue(
        'not-supported',
        `only MedicationRequest and MedicationStatement can be imported, not ${typeof type === 'string' ? type : 'this'}`,
        `${at}.resource.resourceType`,
      ),
    ],
  };
}

const key = (name: string) => name.trim().toLowerCase();

/**
 * The medications a bundle adds to a list that already holds `listed` (names), what it leaves
 * out and why, and every problem found. Problems mean nothing may be imported.
 */
export function parseMedicationBundle(
  entries: readonly unknown[],
  listed: readonly string[],
): ParsedBundle {
  if (entries.length === 0) {
    return {
      medications: [],
      skipped: [],
      issues: [issue('required', 'the bundle has no entries', 'Bundle.entry')],
    };
  }
  if (entries.length > MAX_ENTRIES) {
    const message = `at most ${String(MAX_ENTRIES)} entries can be imported at once`;
    return { medications: [], skipped: [], issues: [issue('too-costly', message, 'Bundle.entry')] };
  }
  const index = medicationIndex(entries);
  const seen = new Set(listed.map(key));
  const medications: ImportedMedication[] = [];
  const skipped: SkippedEntry[] = [];
  const issues: OperationOutcomeIssue[] = [];
  entries.forEach((entry, i) => {
    const result = readEntry(entry, i, index);
    issues.push(...result.issues);
    if (result.skipped !== undefined) skipped.push(result.skipped);
    const m = result.medication;
    if (m === undefined) return;
    if (seen.has(key(m.name))) {
      const inBundle = medications.some((x) => key(x.name) === key(m.name));
      skipped.push({ index: i, name: m.name, reason: inBundle ? 'duplicate' : 'already-listed' });
      return;
    }
    seen.add(key(m.name));
    medications.push(m);
  });
  return { medications, skipped, issues };
}
