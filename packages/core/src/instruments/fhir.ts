/**
 * A FHIR-friendly, plain-data description of each instrument for a later FHIR R4 Questionnaire
 * mapper: linkIds, LOINC codes, answer codings and ordinal values. No FHIR library here.
 * Mapper hint: an answer with `coding` becomes `valueCoding`; one without becomes `valueString`
 * (its label); `ordinalValue` goes in the ordinalValue extension.
 */
import type { InstrumentCoding, InstrumentId, InstrumentSpec } from './types.js';
import { INSTRUMENTS } from './registry.js';

export interface FhirAnswerOptionDescription {
  readonly ordinalValue: number;
  readonly label: string;
  readonly coding?: InstrumentCoding;
}

export interface FhirItemDescription {
  readonly linkId: string;
  readonly text: string;
  readonly type: 'choice' | 'decimal';
  readonly required: boolean;
  /** True for the calculated total. */
  readonly readOnly: boolean;
  readonly code: readonly InstrumentCoding[];
  readonly answerOption: readonly FhirAnswerOptionDescription[];
}

export interface FhirQuestionnaireDescription {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly version: string;
  readonly status: 'active';
  readonly subjectType: readonly ['Patient'];
  readonly derivedFrom: readonly string[];
  /** Panel code, when there is one. */
  readonly code: readonly InstrumentCoding[];
  readonly description: string;
  /** LOINC notice and owner's copyright line, as FHIR Questionnaire.copyright. */
  readonly copyright: string | null;
  readonly attribution: string;
  /** Shown above the items (a FHIR display item). */
  readonly instructions: string;
  readonly items: readonly FhirItemDescription[];
  readonly scoreUnit: '{score}';
}

/** linkIds of the total-score item in the published forms (HL7-PCO-IG, LOINC). */
const TOTAL_LINK_IDS: Partial<Record<InstrumentId, string>> = {
  phq9: '14372',
  gad7: '58628',
  peg: '108516',
};

function stripSource(c: InstrumentSpec['codes']['total']): InstrumentCoding[] {
  if (c === undefined) return [];
  const { system, code, display } = c;
  return [display === undefined ? { system, code } : { system, code, display }];
}

function totalItem(spec: InstrumentSpec): FhirItemDescription[] {
  if (spec.scoring.method === 'single-item') return [];
  return [
    {
      linkId: TOTAL_LINK_IDS[spec.id] ?? `${spec.id}-total`,
      text: `${spec.shortTitle} ${spec.scoring.method === 'mean' ? 'mean score' : 'total score'}`,
      type: 'decimal',
      required: false,
      readOnly: true,
      code: stripSource(spec.codes.total),
      answerOption: [],
    },
  ];
}

function describe(spec: InstrumentSpec): FhirQuestionnaireDescription {
  const copyright = [spec.licence.loincNotice, spec.licence.copyright].filter(
    (s): s is string => s !== undefined,
  );
  return {
    id: `steady-${spec.id}`,
    name: `Steady_${spec.id.toUpperCase()}`,
    title: spec.title,
    version: spec.version,
    status: 'active',
    subjectType: ['Patient'],
    derivedFrom: spec.derivedFrom,
    code: stripSource(spec.codes.panel),
    description: spec.description,
    copyright: copyright.length > 0 ? copyright.join('\n') : null,
    attribution: spec.licence.attribution,
    instructions: spec.instructions,
    items: [
      ...spec.items.map((item) => ({
        linkId: item.linkId,
        text: item.text,
        type: 'choice' as const,
        required: item.required,
        readOnly: false,
        code: item.code === undefined ? [] : [item.code],
        answerOption: item.options.map((o) =>
          o.code === undefined
            ? { ordinalValue: o.value, label: o.label }
            : { ordinalValue: o.value, label: o.label, coding: o.code },
        ),
      })),
      ...totalItem(spec),
    ],
    scoreUnit: spec.codes.unit,
  };
}

/**
 * Plain-data Questionnaire description of an instrument.
 * @example instrumentFhirDescription('phq9').items[8]?.code[0]?.code // '44260-8'
 */
export function instrumentFhirDescription(id: InstrumentId): FhirQuestionnaireDescription {
  return describe(INSTRUMENTS[id]);
}
