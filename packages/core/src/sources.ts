/**
 * Source citations. Every clinical rule, threshold, fact and message in Steady stores the
 * id(s) of the source it rests on, from shared/clinical/REFERENCE.md ("Sources" section),
 * with the reference's confirmation status and a locator (table, recommendation, page).
 */

/** Confirmation status as defined in REFERENCE.md §1: Confirmed, Partly confirmed, Unconfirmed. */
export type SourceStatus = 'C' | 'P' | 'U';

export const SOURCE_IDS = [
  'LABEL-TAB',
  'LABEL-TAB-2024',
  'LABEL-TAB-SMP',
  'LABEL-SOL',
  'OPENFDA-LABEL',
  'OPENFDA-NDC',
  'MGS-CYP2C19',
  'FDA-DSC-2020',
  'FDA-DSC-2016',
  'FDA-DSC-2019-GABA',
  'JCPG-2025',
  'ASAM-POCKET',
  'ASAM-PATIENT',
  'ASAM-CPG-PAGE',
  'ACP-INTERNIST-2025',
  'VADOD-OPIOID-2017',
  'VADOD-SUD-2021',
  'NHS-SCOT-BZD',
  'ASHTON-MANUAL',
  'ASHTON-1994',
  'ASHTON-1995',
  'POTTIE-2018',
  'CPNP-TOOLKIT',
  'ABSORPTION-STUDY',
  'GREENBLATT-1980',
  'GREENBLATT-1989',
  'GREENBLATT-2021',
  'HERMAN-1996',
  'KLOTZ-1975',
  'MANDELLI-1978',
  'DMDZ-CLORAZEPATE',
  'POST-DMDZ',
  'CIRRHOSIS-REPEAT',
  'QIN-1999',
  'ZHANG-1990',
  'OCHS-1981',
  'ZOMORODI-1996',
  'TRINKA-2015',
  'IARC-66',
  'EPK-MODULE',
  'FARRAR-2001',
  'KREBS-2009',
  'REED-2024',
  'BPI-GUIDE',
  'NINDS-CDE-BPI',
  'SRALAB-BPI',
  'PROMIS-HM',
  'NIDA-CDE-PROMIS',
  'HL7-PCO-IG',
  'KROENKE-2001',
  'SDS-ITEMS',
  'DELASCUEVAS-2000',
  'CHENG-2019',
  'BAILLIE-1996',
  'BDEPQ-MANUAL',
  'TYRER-1990',
  'COUVEE-2002',
  'DAD-2023-REVIEW',
  'BUSTO-1989',
  'ESS-OWNER',
  'STOPBANG-ATS',
  'CDC-STEADI',
  'DSM5-TABLE',
  'HL7BE-PAIN',
  'AHRQ-PAIN-CQL',
  'USCORE-PHQ9',
  'CDC-OPIOIDCDS',
  'CDS4CPM',
  'HL7-FHIR-CLINFIND',
  'SEC-LABEL',
  'SEC-SMPC',
  'SEC-MONO',
  'SEC-PILLID',
  'SEC-CODE',
  'SEC-WEB',
] as const;

export type SourceId = (typeof SOURCE_IDS)[number];

/** A citation: which source, how well confirmed, and where in it. */
export interface SourceRef {
  readonly id: SourceId;
  readonly status: SourceStatus;
  /** Where in the source: "Rec 6", "Table 2 p.9", "§4.2", … */
  readonly locator?: string;
}

/** Build a citation. `cite('JCPG-2025', 'C', 'Rec 6')` */
export function cite(id: SourceId, status: SourceStatus, locator?: string): SourceRef {
  return locator === undefined ? { id, status } : { id, status, locator };
}

/** True when the id is one of the reference's source ids. */
export function isSourceId(value: string): value is SourceId {
  return (SOURCE_IDS as readonly string[]).includes(value);
}

/**
 * A value the reference marks unconfirmed ([U]) or that is a local setting: it is named,
 * overridable, and flagged so the UI can say so.
 */
export interface Parameter<T> {
  readonly name: string;
  readonly value: T;
  readonly unit?: string;
  readonly confirmed: boolean;
  readonly sources: readonly SourceRef[];
  readonly note?: string;
}
