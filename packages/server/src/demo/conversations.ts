/** Message threads, check-ups with visit questions, and notes of the demo patients. */
import { addDays, type RegimenVersion } from '@steady/core';
import type { Discipline } from '../careteam/consent.js';
import { DAY, type GenerateInput, type RowLists } from './patientRows.js';

export interface Timeline {
  readonly today: string;
  readonly at: (date: string, time: string) => Date;
  readonly versions: readonly RegimenVersion[];
}

/** Message threads, check-ups with visit questions, and notes for some situations. */
export function addConversations(
  input: GenerateInput,
  rows: RowLists,
  { today, at, versions }: Timeline,
): void {
  const { patient: spec, patientId, clinicians, now, newId } = input;
  const past = (d: Date) => d.getTime() <= now.getTime();
  const thread = (
    audience: 'team' | 'selected',
    subject: string,
    members: readonly Discipline[],
    lines: readonly { by: 'patient' | Discipline; body: string; at: Date }[],
    context: { kind: 'side-effect'; summary: string } | null = null,
  ) => {
    const said = lines.filter((l) => past(l.at));
    const first = said[0];
    const last = said.at(-1);
    if (first === undefined || last === undefined) return;
    const threadId = newId();
    const author = (by: 'patient' | Discipline) =>
      by === 'patient' ? patientId : clinicians[by].id;
    rows.messageThreads.push({
      id: threadId,
      patientId,
      audience,
      subject,
      context: context === null ? null : { ...context, refId: null },
      createdBy: author(first.by),
      createdAt: first.at,
      lastMessageAt: last.at,
    });
    // Everyone has read up to their own last message; the patient has read everything.
    const readers: ('patient' | Discipline)[] = ['patient', ...members];
    for (const reader of readers) {
      const own = said.filter((l) => l.by === reader).at(-1);
      const read = reader === 'patient' ? last.at : (own?.at ?? null);
      if (audience === 'team' && reader !== 'patient' && read === null) continue;
      rows.messageParticipants.push({ threadId, userId: author(reader), lastReadAt: read });
    }
    for (const line of said) {
      rows.messages.push({
        id: newId(),
        threadId,
        authorId: author(line.by),
        body: line.body,
        idempotencyKey: newId(),
        createdAt: line.at,
      });
    }
  };
  const appointment = (
    kind: Discipline,
    startsAt: Date,
    mode: 'in_person' | 'phone' | 'video',
    questions: readonly string[] = [],
    cancelled = false,
  ) => {
    const id = newId();
    const createdAt = new Date(Math.min(startsAt.getTime() - 9 * DAY, now.getTime() - DAY));
    const done = past(startsAt);
    rows.appointments.push({
      id,
      patientId,
      memberId: clinicians[kind].id,
      startsAt,
      durationMinutes: mode === 'in_person' ? 30 : 20,
      mode,
      location: mode === 'in_person' ? 'Riverside Pain Clinic' : null,
      note: null,
      status: cancelled ? 'cancelled' : done ? 'done' : 'scheduled',
      createdBy: clinicians[kind].id,
      createdAt,
      updatedAt: createdAt,
    });
    questions.forEach((text, n) => {
      rows.visitQuestions.push({
        id: newId(),
        patientId,
        appointmentId: id,
        text,
        createdAt: new Date(createdAt.getTime() + (n + 1) * DAY),
        answeredAt: done && !cancelled ? startsAt : null,
        answeredBy: done && !cancelled ? clinicians[kind].id : null,
      });
    });
  };
  const note = (kind: Discipline, body: string, when: Date) => {
    if (!past(when)) return;
    rows.clinicianNotes.push({
      id: newId(),
      patientId,
      authorId: clinicians[kind].id,
      body,
      amends: null,
      createdAt: when,
    });
  };
  const day = (offset: number, time: string) => at(addDays(today, offset), time);

  switch (spec.key) {
    case 'stable-1':
      appointment('physical_therapist', day(-9, '10:00'), 'in_person', [
        'Can I add swimming to my exercises?',
      ]);
      note(
        'physical_therapist',
        'Home exercise programme reviewed; walking most days. Next review in six weeks.',
        day(-9, '10:40'),
      );
      break;
    case 'taper-1': {
      const firstStep = versions[1]?.startDate ?? today;
      note(
        'prescriber',
        'Taper agreed with the patient: small steps every two weeks, reviewed at each check-up.',
        at(addDays(firstStep, -1), '12:10'),
      );
      appointment('prescriber', day(-13, '09:30'), 'in_person');
      appointment('prescriber', day(6, '09:30'), 'video', [
        'Can we slow the next step down if the evenings stay restless?',
      ]);
      thread(
        'selected',
        'Next taper step',
        ['prescriber'],
        [
          {
            by: 'patient',
            body: 'The last step went fine, just a bit more restless in the evenings for a few days.',
            at: day(-3, '19:02'),
          },
          {
            by: 'prescriber',
            body: 'Thanks for letting me know. Let us talk it through at your check-up next week.',
            at: day(-2, '08:45'),
          },
        ],
      );
      break;
    }
    case 'taper-2':
      appointment('prescriber', day(3, '14:00'), 'in_person', ['How many more steps are left?']);
      break;
    case 'crisis-1':
      thread(
        'selected',
        'Your questionnaire answers',
        ['psychologist'],
        [
          {
            by: 'psychologist',
            body: 'Thank you for filling in the questionnaire. I would like to talk with you today; I will call you this afternoon.',
            at: day(-2, '19:30'),
          },
          { by: 'patient', body: 'OK, I am at home all day.', at: day(-2, '20:05') },
        ],
      );
      note(
        'psychologist',
        'Phoned after the questionnaire answer; talked through the safety plan together. Follow-up booked.',
        day(-1, '15:20'),
      );
      appointment('psychologist', day(1, '11:00'), 'phone');
      break;
    case 'crisis-2':
      appointment('psychologist', day(2, '16:00'), 'video');
      break;
    case 'side-effects-1':
      thread(
        'team',
        'Very drowsy this week',
        ['prescriber'],
        [
          {
            by: 'patient',
            body: 'I have been very drowsy in the mornings this week and dizzy when I stand up.',
            at: day(-2, '09:15'),
          },
          {
            by: 'prescriber',
            body: 'Thank you for telling us. I would like to go through this with you; I will call you tomorrow morning.',
            at: day(-1, '12:30'),
          },
        ],
        { kind: 'side-effect', summary: `Drowsiness: severe (check-in ${addDays(today, -2)})` },
      );
      break;
    case 'early-refill-1':
      thread(
        'selected',
        'Your last refill',
        ['pharmacist'],
        [
          {
            by: 'pharmacist',
            body: 'Hello, your last refill came earlier than we expected. Could we have a quick chat when you next pick up?',
            at: day(-4, '15:10'),
          },
          {
            by: 'patient',
            body: 'Sure. I lost a strip while travelling.',
            at: day(-4, '18:40'),
          },
        ],
      );
      break;
    case 'poor-adherence-2':
      appointment('physical_therapist', day(-5, '15:00'), 'in_person', [], true);
      appointment('physical_therapist', day(4, '15:00'), 'in_person', [
        'I keep forgetting my midday routine. Any tips?',
      ]);
      break;
    case 'falls-1':
      appointment('physical_therapist', day(2, '10:30'), 'in_person', [
        'Which exercises help with balance?',
        'Is it safe to use the stairs at night?',
      ]);
      break;
    case 'worsening-pain-1':
      thread(
        'team',
        'Pain worse lately',
        ['prescriber', 'physical_therapist'],
        [
          {
            by: 'patient',
            body: 'My back pain has been getting worse over the last few weeks, even on good days.',
            at: day(-3, '21:10'),
          },
        ],
      );
      break;
    default:
      break;
  }
}
