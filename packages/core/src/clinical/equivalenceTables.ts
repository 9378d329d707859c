/**
 * Benzodiazepine equivalence data (REFERENCE §6.4): mg of each drug equivalent to 10 mg oral
 * diazepam. Joint CPG Table 7 has two columns (VA/DoD and Ashton) that disagree; NHS Scotland
 * gives its own, different scale. Every converted value must store which table it used.
 */
import { cite } from '../sources.js';
import type { SourceRef } from '../sources.js';

export const EQUIVALENCE_TABLE_IDS = ['jcpg-t7-vadod', 'jcpg-t7-ashton', 'nhs-scotland'] as const;
export type EquivalenceTableId = (typeof EQUIVALENCE_TABLE_IDS)[number];

export const EQUIVALENCE_DRUGS = [
  'alprazolam',
  'chlordiazepoxide',
  'clonazepam',
  'clorazepate',
  'diazepam',
  'estazolam',
  'flurazepam',
  'lorazepam',
  'oxazepam',
  'quazepam',
  'temazepam',
  'triazolam',
] as const;
export type EquivalenceDrug = (typeof EQUIVALENCE_DRUGS)[number];

/** mg equivalent to 10 mg diazepam: a single figure, or a range where the table gives one. */
export interface EquivalentDose {
  readonly low: number;
  readonly high: number;
}

export interface EquivalenceTable {
  readonly id: EquivalenceTableId;
  readonly name: string;
  /** Diazepam dose the figures are equivalent to. */
  readonly diazepamReferenceMg: number;
  readonly doses: Readonly<Partial<Record<EquivalenceDrug, EquivalentDose>>>;
  readonly caveat: string;
  readonly sources: readonly SourceRef[];
}

const one = (v: number): EquivalentDose => ({ low: v, high: v });
const range = (low: number, high: number): EquivalentDose => ({ low, high });

const TABLE7 = [
  cite('JCPG-2025', 'C', 'Table 7 (REFERENCE §6.4)'),
  cite('ASAM-POCKET', 'C', 'Table 7 p.19 (REFERENCE §6.4)'),
];

export const TABLE7_CAVEAT =
  'Conversion is not straightforward; switching may go better over 1–2 weeks rather than 1–2 days. ' +
  'Equivalents are approximate and the two Table 7 columns (VA/DoD, Ashton) differ. ' +
  'Steady never converts a dose by itself: the prescriber decides any switch.';

export const NHS_CAVEAT =
  'NHS Scotland scale: diazepam 5 mg ≈ lorazepam 0.5 mg ≈ clonazepam 0.25 mg ≈ temazepam 10 mg. ' +
  'It is a separate scale that differs from Joint CPG Table 7 and covers only these four drugs. ' +
  'Conversion is not straightforward; switching may go better over 1–2 weeks rather than 1–2 days. ' +
  'Steady never converts a dose by itself: the prescriber decides any switch.';

export const EQUIVALENCE_TABLES: Readonly<Record<EquivalenceTableId, EquivalenceTable>> = {
  'jcpg-t7-vadod': {
    id: 'jcpg-t7-vadod',
    name: 'Joint CPG Table 7, VA/DoD column',
    diazepamReferenceMg: 10,
    doses: {
      alprazolam: one(1),
      chlordiazepoxide: one(25),
      clonazepam: one(1),
      clorazepate: one(15),
      diazepam: one(10),
      estazolam: one(1),
      flurazepam: one(15),
      lorazepam: one(2),
      oxazepam: one(30),
      quazepam: one(10),
      temazepam: one(15),
      triazolam: one(0.25),
    },
    caveat: TABLE7_CAVEAT,
    sources: [
      ...TABLE7,
      cite('VADOD-SUD-2021', 'C', 'equivalents via JCPG-2025 Table 7 (REFERENCE §6.4)'),
    ],
  },
  'jcpg-t7-ashton': {
    id: 'jcpg-t7-ashton',
    name: 'Joint CPG Table 7, Ashton column',
    diazepamReferenceMg: 10,
    doses: {
      alprazolam: one(0.5),
      chlordiazepoxide: one(25),
      clonazepam: one(0.5),
      clorazepate: one(15),
      diazepam: one(10),
      estazolam: range(1, 2),
      flurazepam: range(15, 30),
      lorazepam: one(1),
      oxazepam: one(20),
      quazepam: one(20),
      temazepam: one(20),
      triazolam: one(0.5),
    },
    caveat: TABLE7_CAVEAT,
    sources: [
      ...TABLE7,
      cite(
        'ASHTON-MANUAL',
        'C',
        'equivalence table rev. Apr 2007, via JCPG-2025 Table 7 (REFERENCE §6.4)',
      ),
    ],
  },
  // "diazepam 5 mg ≈ lorazepam 0.5 mg ≈ clonazepam 0.25 mg ≈ temazepam 10 mg", restated per 10 mg.
  'nhs-scotland': {
    id: 'nhs-scotland',
    name: 'NHS Scotland benzodiazepine scale',
    diazepamReferenceMg: 10,
    doses: {
      diazepam: one(10),
      lorazepam: one(1),
      clonazepam: one(0.5),
      temazepam: one(20),
    },
    caveat: NHS_CAVEAT,
    sources: [
      cite('NHS-SCOT-BZD', 'C', 'equivalence scale (REFERENCE §6.4)'),
      cite('JCPG-2025', 'C', 'Table 7 caveat (REFERENCE §6.4)'),
    ],
  },
};
