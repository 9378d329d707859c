/** Questionnaire assignments and answers of a demo patient. */
import { addDays, scoreInstrument } from '@steady/core';
import type { Discipline } from '../careteam/consent.js';
import type { DemoInstrument } from './cohort.js';
import type { DayState, GenerateInput, RowLists } from './patientRows.js';
import { between, rating } from './random.js';

const CADENCE: Readonly<Record<DemoInstrument, number>> = { peg: 7, gad7: 30, phq9: 30 };
/** Who asks for each questionnaire, first of these in the patient's team. */
const ASKED_BY: Readonly<Record<DemoInstrument, readonly Discipline[]>> = {
  peg: ['physical_therapist', 'prescriber'],
  gad7: ['psychologist', 'prescriber'],
  phq9: ['psychologist', 'prescriber'],
};

/** What the questionnaires draw on from the rest of the patient's history. */
export interface QuestionnaireContext {
  readonly random: () => number;
  readonly today: string;
  readonly start: string;
  readonly at: (date: string, time: string) => Date;
  readonly inTeam: (kind: Discipline) => boolean;
  readonly states: ReadonlyMap<string, DayState>;
  readonly state: (date: string) => DayState;
}

/** Assigned by the team, answered most times they are due. */
export function addQuestionnaires(
  input: GenerateInput,
  rows: RowLists,
  { random, today, start, at, inTeam, states, state }: QuestionnaireContext,
): void {
  const { patient: spec, patientId, clinicians, newId } = input;
  for (const instrument of spec.questionnaires) {
    const cadence = CADENCE[instrument];
    const by = ASKED_BY[instrument].find(inTeam) ?? 'prescriber';
    // Due dates end a few days ago (two days ago for a crisis answer to be recent).
    const lastDue = addDays(today, spec.scenario === 'crisis' ? -2 : -between(random, 1, 4));
    let firstDue = lastDue;
    while (addDays(firstDue, -cadence) >= addDays(start, 2)) firstDue = addDays(firstDue, -cadence);
    if (firstDue < addDays(start, 2)) continue;
    const assignmentId = newId();
    const assignedAt = at(addDays(firstDue, -1), '11:00');
    rows.questionnaireAssignments.push({
      id: assignmentId,
      patientId,
      instrumentId: instrument,
      cadenceDays: cadence,
      startDate: firstDue,
      note: null,
      assignedBy: clinicians[by].id,
      assignedAt,
      endedAt: null,
      endedBy: null,
    });
    for (let due = firstDue; due <= lastDue; due = addDays(due, cadence)) {
      const last = due === lastDue;
      if (!last && random() > 0.85) continue;
      const feel = states.get(due) ?? state(due);
      const answers = questionnaireAnswers(instrument, feel, random, {
        item9: spec.scenario === 'crisis' && last ? (spec.key === 'crisis-2' ? 2 : 1) : 0,
      });
      const scored = scoreInstrument(instrument, answers);
      if (!scored.ok) throw new Error(`demo ${instrument} answers do not score`);
      const answeredAt = at(due, '18:05');
      rows.questionnaireResponses.push({
        id: newId(),
        patientId,
        instrumentId: instrument,
        assignmentId,
        at: answeredAt,
        answers,
        total: scored.score.total,
        score: scored.score as unknown as Record<string, unknown>,
        taperStepIndex: null,
        idempotencyKey: newId(),
        recordedBy: patientId,
        createdAt: answeredAt,
      });
    }
  }
}

/** Answers for one questionnaire on a day that felt like `feel`. */
function questionnaireAnswers(
  instrument: DemoInstrument,
  feel: DayState,
  random: () => number,
  options: { item9: number },
): Record<string, number> {
  const item = (level: number) => Math.max(0, Math.min(3, Math.round(level + random() - 0.5)));
  switch (instrument) {
    case 'peg':
      return {
        'peg-p': rating(feel.level),
        'peg-e': rating(feel.level),
        'peg-g': rating(feel.level - 1),
      };
    case 'gad7':
      return Object.fromEntries(
        [1, 2, 3, 4, 5, 6, 7].map((n) => [`gad7-${String(n)}`, item(feel.anxiety / 3.3)]),
      );
    case 'phq9':
      return {
        ...Object.fromEntries(
          [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`phq9-${String(n)}`, item((10 - feel.mood) / 3.3)]),
        ),
        'phq9-9': options.item9,
        'phq9-difficulty': item((10 - feel.mood) / 4),
      };
  }
}
