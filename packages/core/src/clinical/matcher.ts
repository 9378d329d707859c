/**
 * Match free-text medication names ("OxyContin 10mg ER", "hydrocodone/APAP", "Tylenol PM") to
 * interaction classes. Text is split into words and numbers (so "10mg" is "10" + "mg" and "/",
 * "-", "+" separate names); names match whole words only, longest phrase first, so "Tylenol"
 * alone matches nothing while "Tylenol PM" and "Tylenol with codeine" do.
 */
import type { OtherMedication } from '../regimen/types.js';
import { INTERACTION_CLASSES, severityRank } from './interactions.js';
import { isInteractionClassId } from './interactions.js';
import type {
  InteractionClass,
  InteractionClassId,
  InteractionSeverity,
} from './interactionTypes.js';
import { CLASS_NAME_LINES, NON_MATCHING_PHRASES } from './medicationNames.js';

/** A name a clinic adds: plain text, or a brand with the ingredient that puts it in the class. */
export interface MedicationNameEntry {
  readonly name: string;
  readonly generic: string | null;
}

export type ExtraNames = Partial<
  Readonly<Record<InteractionClassId, readonly (string | MedicationNameEntry)[]>>
>;

/** One name found in the text. */
export interface MatchedName {
  /** The listed name, as written in the list ("Percocet"). */
  readonly name: string;
  /** The ingredient that puts it in the class ("oxycodone"); the name itself for generics. */
  readonly generic: string | null;
  /** The words of the input that matched, as typed ("percocet"). */
  readonly text: string;
}

export interface ClassMatch {
  readonly interactionClass: InteractionClass;
  readonly names: readonly MatchedName[];
}

export interface MedicationToken {
  /** Lower-case, accents removed. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Split text into words and digit runs; everything else separates. Accents are removed and
 * case folded, so "Tégrétol" and "TEGRETOL" give the same token.
 *
 * @example tokenizeMedicationText('OxyContin 10mg ER').map((t) => t.norm) // ['oxycontin', '10', 'mg', 'er']
 */
export function tokenizeMedicationText(text: string): MedicationToken[] {
  const out: MedicationToken[] = [];
  for (const m of text.matchAll(/\p{L}[\p{L}\p{M}]*|\p{N}+/gu)) {
    const norm = m[0].normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    out.push({ norm, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

interface Listing {
  readonly classId: InteractionClassId;
  readonly entry: MedicationNameEntry;
}

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  readonly listings: Listing[];
  stop: boolean;
}

const newNode = (): TrieNode => ({ children: new Map(), listings: [], stop: false });

/** Parse the `generic: Brand, Brand` lines of medicationNames.ts. */
export function parseMedicationNameLines(lines: string): MedicationNameEntry[] {
  const out: MedicationNameEntry[] = [];
  for (const raw of lines.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon === -1) {
      for (const name of line.split(',')) out.push({ name: name.trim(), generic: name.trim() });
    } else {
      const generic = line.slice(0, colon).trim();
      out.push({ name: generic, generic });
      for (const brand of line.slice(colon + 1).split(','))
        out.push({ name: brand.trim(), generic });
    }
  }
  return out;
}

function insert(root: TrieNode, phrase: string): TrieNode {
  const words = tokenizeMedicationText(phrase);
  if (words.length === 0)
    throw new RangeError(`Medication name "${phrase}" has no letters or digits`);
  let node = root;
  for (const w of words) {
    let next = node.children.get(w.norm);
    if (next === undefined) {
      next = newNode();
      node.children.set(w.norm, next);
    }
    node = next;
  }
  return node;
}

function child(node: TrieNode, word: string): TrieNode | undefined {
  // "Percocets", "Norcos": accept a plural on words of 5+ letters.
  return (
    node.children.get(word) ??
    (word.length >= 5 && word.endsWith('s') ? node.children.get(word.slice(0, -1)) : undefined)
  );
}

const CLASS_ORDER = new Map(INTERACTION_CLASSES.map((c, i) => [c.id, i]));

/** A compiled matcher. Build once with `buildMatcher` and reuse. */
export interface MedicationMatcher {
  /** Classes found in one medication text, most severe first. */
  match(text: string): ClassMatch[];
  /** Check a medication list (see `checkMedications`). */
  check(
    meds: readonly OtherMedication[],
    options?: { readonly includeInactive?: boolean },
  ): MedicationCheckResult;
}

export interface MedicationFinding {
  readonly medication: OtherMedication;
  readonly matches: readonly ClassMatch[];
}

export interface MedicationCheckResult {
  /** Medications with at least one match, in input order. */
  readonly findings: readonly MedicationFinding[];
  /** Each matched class once, most severe first, with the medications that matched it. */
  readonly classes: readonly {
    readonly interactionClass: InteractionClass;
    readonly medicationIds: readonly string[];
  }[];
  /** Highest graded severity among the matches; null when nothing graded matched. */
  readonly highestSeverity: InteractionSeverity | null;
}

function compareClasses(a: InteractionClass, b: InteractionClass): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (CLASS_ORDER.get(a.id) ?? 0) - (CLASS_ORDER.get(b.id) ?? 0)
  );
}

/**
 * Compile a matcher over the built-in name lists plus a clinic's extra names.
 *
 * @example
 * const matcher = buildMatcher({ 'cns-anxiolytics-sedatives': ['carisoprodol', { name: 'Soma', generic: 'carisoprodol' }] });
 * matcher.match('Soma 350 mg')[0]?.interactionClass.id; // 'cns-anxiolytics-sedatives'
 * @throws RangeError for an unknown class id or a name without letters or digits.
 */
export function buildMatcher(extraNames: ExtraNames = {}): MedicationMatcher {
  const root = newNode();
  for (const c of INTERACTION_CLASSES) {
    for (const entry of parseMedicationNameLines(CLASS_NAME_LINES[c.id])) {
      insert(root, entry.name).listings.push({ classId: c.id, entry });
    }
  }
  // Values may be undefined at runtime (Partial record from configuration).
  const extras = Object.entries(extraNames) as [string, ExtraNames[InteractionClassId]][];
  for (const [classId, names] of extras) {
    if (!isInteractionClassId(classId))
      throw new RangeError(`Unknown interaction class ${classId}`);
    for (const n of names ?? []) {
      const entry = typeof n === 'string' ? { name: n.trim(), generic: null } : n;
      insert(root, entry.name).listings.push({ classId, entry });
    }
  }
  for (const phrase of NON_MATCHING_PHRASES) insert(root, phrase).stop = true;

  const match = (text: string): ClassMatch[] => {
    const tokens = tokenizeMedicationText(text);
    const found = new Map<InteractionClassId, MatchedName[]>();
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode | undefined = root;
      let best: { node: TrieNode; end: number } | null = null;
      for (let j = i; j < tokens.length; j++) {
        node = child(node, tokens[j]?.norm ?? '');
        if (node === undefined) break;
        if (node.stop || node.listings.length > 0) best = { node, end: j };
      }
      if (best === null) {
        i++;
        continue;
      }
      const typed = text.slice(tokens[i]?.start, tokens[best.end]?.end);
      for (const { classId, entry } of best.node.stop ? [] : best.node.listings) {
        const names = found.get(classId) ?? [];
        if (!names.some((n) => n.name === entry.name)) names.push({ ...entry, text: typed });
        found.set(classId, names);
      }
      i = best.end + 1;
    }
    return INTERACTION_CLASSES.filter((c) => found.has(c.id))
      .sort(compareClasses)
      .map((c) => ({ interactionClass: c, names: found.get(c.id) ?? [] }));
  };

  const check: MedicationMatcher['check'] = (meds, options = {}) => {
    const findings: MedicationFinding[] = [];
    const byClass = new Map<
      InteractionClassId,
      { interactionClass: InteractionClass; medicationIds: string[] }
    >();
    for (const medication of meds) {
      if (!medication.active && options.includeInactive !== true) continue;
      const matches = match(medication.name);
      if (matches.length === 0) continue;
      findings.push({ medication, matches });
      for (const m of matches) {
        const entry = byClass.get(m.interactionClass.id) ?? {
          interactionClass: m.interactionClass,
          medicationIds: [],
        };
        entry.medicationIds.push(medication.id);
        byClass.set(m.interactionClass.id, entry);
      }
    }
    const classes = [...byClass.values()].sort((a, b) =>
      compareClasses(a.interactionClass, b.interactionClass),
    );
    const graded = classes.map((c) => c.interactionClass.severity).filter((s) => s !== null);
    return { findings, classes, highestSeverity: graded[0] ?? null };
  };

  return { match, check };
}

const DEFAULT_MATCHER = buildMatcher();

/** Options for the one-shot helpers. */
export interface MatchOptions {
  /** Names a clinic adds per class. Builds a new matcher per call: prefer `buildMatcher` for repeated use. */
  readonly extraNames?: ExtraNames;
  /** A matcher from `buildMatcher`; wins over `extraNames`. */
  readonly matcher?: MedicationMatcher;
}

function pick(options: MatchOptions): MedicationMatcher {
  if (options.matcher !== undefined) return options.matcher;
  return options.extraNames === undefined ? DEFAULT_MATCHER : buildMatcher(options.extraNames);
}

/**
 * The interaction classes one medication text belongs to, most severe first, with the names
 * that matched. Works on generic and common US brand names in any case, with strengths,
 * forms and combination separators in the text.
 *
 * @example
 * matchMedication('Percocet 5/325').map((m) => m.interactionClass.id); // ['opioids']
 * matchMedication('omeprazole 20mg').map((m) => m.interactionClass.id); // ['cyp-inhibitors-label', 'cyp-substrates']
 * matchMedication('Tylenol'); // []
 */
export function matchMedication(text: string, options: MatchOptions = {}): ClassMatch[] {
  return pick(options).match(text);
}

/**
 * Check a patient's other-medication list. Inactive entries are skipped unless
 * `includeInactive` is set. Only the `name` field is read.
 *
 * @example
 * const r = checkMedications([{ id: 'm1', name: 'Norco', dose: null, frequency: null, active: true }]);
 * r.highestSeverity; // 'critical'
 */
export function checkMedications(
  meds: readonly OtherMedication[],
  options: MatchOptions & { readonly includeInactive?: boolean } = {},
): MedicationCheckResult {
  return pick(options).check(
    meds,
    options.includeInactive === undefined ? {} : { includeInactive: options.includeInactive },
  );
}
