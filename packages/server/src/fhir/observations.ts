/**
 * Check-in values and questionnaire scores as Observations (category `survey`). Pain uses LOINC
 * 72514-3 (REFERENCE §8.1); the other check-in values have no code in the reference, so they use
 * Steady's check-in code system. Scores use the instrument's LOINC total code where the
 * reference gives one (PEG, PHQ-9, GAD-7), else Steady's instrument-score code system.
 */
import { INSTRUMENTS, SIDE_EFFECT_KEYS, isInstrumentId, type CheckIn } from '@steady/core';
import type { CodeableConcept, Observation, ObservationComponent } from '@medplum/fhirtypes';
import type { questionnaireResponses } from '../db/schema.js';
import { LOINC_PAIN_NRS, OBSERVATION_CATEGORY, steady } from './codes.js';
import { compact, concept, patientReference, recordIdentifier, scoreQuantity } from './common.js';
import { CHECK_IN_PARTS, fhirId, type CheckInPart } from './ids.js';

type ResponseRow = typeof questionnaireResponses.$inferSelect;

const SURVEY: CodeableConcept[] = [
  { coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] },
];

const CHECK_IN_CODES: Readonly<Record<CheckInPart, CodeableConcept>> = {
  pain: concept(LOINC_PAIN_NRS, 'Pain (0-10)'),
  spasm: concept(steady('checkIn', 'spasm', 'Muscle spasm, 0-10'), 'Muscle spasm (0-10)'),
  sleep: concept(steady('checkIn', 'sleep-quality', 'Sleep quality, 0-10'), 'Sleep quality'),
  anxiety: concept(steady('checkIn', 'anxiety', 'Anxiety, 0-10'), 'Anxiety (0-10)'),
  mood: concept(steady('checkIn', 'mood', 'Mood, 0-10'), 'Mood (0-10)'),
  'side-effects': concept(steady('checkIn', 'side-effects', 'Side effects'), 'Side effects'),
  fall: concept(steady('checkIn', 'fall', 'Fall or near fall'), 'Fall or near fall'),
  breathing: concept(steady('checkIn', 'breathing-problem', 'Breathing problem'), 'Breathing'),
};

const severityConcept = (severity: string): CodeableConcept =>
  concept(steady('severity', severity), severity);

function sideEffectComponents(c: CheckIn): ObservationComponent[] {
  const named = SIDE_EFFECT_KEYS.map((key) => ({
    code: concept(steady('sideEffect', key), key),
    valueCodeableConcept: severityConcept(c.sideEffects[key]),
  }));
  const other = c.otherSideEffect;
  if (other === null) return named;
  return [
    ...named,
    {
      code: concept(steady('sideEffect', 'other'), other.text),
      valueCodeableConcept: severityConcept(other.severity),
    },
  ];
}

/** What each part of a check-in holds; null when the patient left it out. */
function partValue(c: CheckIn, part: CheckInPart): Partial<Observation> | null {
  switch (part) {
    case 'pain':
      return { valueInteger: c.pain };
    case 'spasm':
      return { valueInteger: c.spasm };
    case 'sleep':
      return c.sleepQuality === null ? null : { valueInteger: c.sleepQuality };
    case 'anxiety':
      return c.anxiety === null ? null : { valueInteger: c.anxiety };
    case 'mood':
      return c.mood === null ? null : { valueInteger: c.mood };
    case 'side-effects':
      return { component: sideEffectComponents(c) };
    case 'fall':
      return { valueCodeableConcept: concept(steady('fall', c.fall), c.fall) };
    case 'breathing':
      return { valueBoolean: c.breathingProblem };
  }
}

/** The Observations of one check-in (the patient's note rides on the pain value). */
export function checkInObservations(c: CheckIn, patientId: string): Observation[] {
  const out: Observation[] = [];
  for (const part of CHECK_IN_PARTS) {
    const value = partValue(c, part);
    if (value === null) continue;
    out.push(
      compact({
        resourceType: 'Observation' as const,
        id: fhirId('checkin', c.id, part),
        identifier: [recordIdentifier('check-in', c.id)],
        status: 'final' as const,
        category: SURVEY,
        code: CHECK_IN_CODES[part],
        subject: patientReference(patientId),
        effectiveDateTime: c.at,
        note: part === 'pain' && c.note !== null ? [{ text: c.note }] : undefined,
        ...value,
      }),
    );
  }
  return out;
}

/** The total (or mean) of a questionnaire response, derived from its QuestionnaireResponse. */
export function scoreObservation(row: ResponseRow): Observation {
  const spec = isInstrumentId(row.instrumentId) ? INSTRUMENTS[row.instrumentId] : null;
  const total = spec?.codes.total;
  const title = spec === null ? row.instrumentId : spec.shortTitle;
  const code =
    total === undefined
      ? concept(steady('instrumentScore', row.instrumentId, `${title} score`), `${title} score`)
      : concept({ system: total.system, code: total.code }, `${title} score`);
  const band = (row.score as { band?: { label?: unknown } | null }).band;
  return compact({
    resourceType: 'Observation' as const,
    id: fhirId('score', row.id),
    identifier: [recordIdentifier('questionnaire-response', row.id)],
    status: 'final' as const,
    category: SURVEY,
    code,
    subject: patientReference(row.patientId),
    effectiveDateTime: row.at.toISOString(),
    valueQuantity: scoreQuantity(row.total),
    interpretation: typeof band?.label === 'string' ? [{ text: band.label }] : undefined,
    derivedFrom: [{ reference: `QuestionnaireResponse/${fhirId('qr', row.id)}` }],
  });
}
