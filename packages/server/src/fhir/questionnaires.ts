/**
 * Instruments as FHIR Questionnaires, built from the engine's plain description
 * (`instrumentFhirDescription`: linkIds, LOINC codes, answer codings, ordinal values), and each
 * set of answers as a QuestionnaireResponse with the calculated total as its last item.
 */
import {
  INSTRUMENTS,
  instrumentFhirDescription,
  type FhirAnswerOptionDescription,
  type FhirItemDescription,
  type InstrumentId,
} from '@steady/core';
import type {
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import type { questionnaireResponses } from '../db/schema.js';
import { compact, patientReference, recordIdentifier } from './common.js';
import { fhirId } from './ids.js';

type ResponseRow = typeof questionnaireResponses.$inferSelect;

const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
/** Canonical URL of Steady's Questionnaires (stable, like the code systems). */
export const QUESTIONNAIRE_BASE = 'https://steady.example/fhir/Questionnaire';

export const questionnaireUrl = (id: InstrumentId): string =>
  `${QUESTIONNAIRE_BASE}/${instrumentFhirDescription(id).id}`;

const coding = (o: FhirAnswerOptionDescription): Coding | null =>
  o.coding === undefined
    ? null
    : compact({ system: o.coding.system, code: o.coding.code, display: o.label });

/** An answer as the engine's hint says: a coded one as valueCoding, else its label. */
function answerValue(o: FhirAnswerOptionDescription): QuestionnaireResponseItemAnswer {
  const c = coding(o);
  return c === null ? { valueString: o.label } : { valueCoding: c };
}

function answerOption(o: FhirAnswerOptionDescription): QuestionnaireItemAnswerOption {
  return {
    extension: [{ url: ORDINAL_VALUE, valueDecimal: o.ordinalValue }],
    ...answerValue(o),
  };
}

function questionnaireItem(item: FhirItemDescription): QuestionnaireItem {
  return compact({
    linkId: item.linkId,
    text: item.text,
    type: item.type,
    required: item.required,
    readOnly: item.readOnly ? true : undefined,
    code: item.code.length === 0 ? undefined : item.code.map((c) => ({ ...c })),
    answerOption: item.answerOption.length === 0 ? undefined : item.answerOption.map(answerOption),
  });
}

/** The instrument's Questionnaire (id `steady-<instrument>`). */
export function instrumentQuestionnaire(id: InstrumentId): Questionnaire {
  const d = instrumentFhirDescription(id);
  return compact({
    resourceType: 'Questionnaire' as const,
    id: d.id,
    url: questionnaireUrl(id),
    version: d.version,
    name: d.name,
    title: d.title,
    status: d.status,
    subjectType: [...d.subjectType],
    derivedFrom: d.derivedFrom.length === 0 ? undefined : [...d.derivedFrom],
    code: d.code.length === 0 ? undefined : d.code.map((c) => ({ ...c })),
    description: d.description,
    copyright: d.copyright ?? undefined,
    item: [
      { linkId: 'instructions', text: d.instructions, type: 'display' as const },
      ...d.items.map(questionnaireItem),
    ],
  });
}

function answeredItems(instrumentId: InstrumentId, row: ResponseRow): QuestionnaireResponseItem[] {
  const spec = INSTRUMENTS[instrumentId];
  const d = instrumentFhirDescription(instrumentId);
  const out: QuestionnaireResponseItem[] = [];
  spec.items.forEach((item, index) => {
    const value = row.answers[item.id];
    const described = d.items[index];
    const option = described?.answerOption.find((o) => o.ordinalValue === value);
    if (value === null || value === undefined || option === undefined) return;
    out.push({ linkId: item.linkId, text: item.text, answer: [answerValue(option)] });
  });
  const total = d.items.find((i) => i.readOnly);
  if (total !== undefined) {
    out.push({ linkId: total.linkId, text: total.text, answer: [{ valueDecimal: row.total }] });
  }
  return out;
}

/** One set of answers, with the score the engine gave it. */
export function questionnaireResponse(
  row: ResponseRow,
  instrumentId: InstrumentId,
): QuestionnaireResponse {
  const d = instrumentFhirDescription(instrumentId);
  return {
    resourceType: 'QuestionnaireResponse',
    id: fhirId('qr', row.id),
    identifier: recordIdentifier('questionnaire-response', row.id),
    questionnaire: `${questionnaireUrl(instrumentId)}|${d.version}`,
    status: 'completed',
    subject: patientReference(row.patientId),
    authored: row.at.toISOString(),
    item: answeredItems(instrumentId, row),
  };
}
