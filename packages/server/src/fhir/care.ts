/**
 * The patient, the care plans (the signed taper; techniques and exercises the care team
 * assigned), safety signals as Flags and messages as Communications.
 */
import type { TaperStep } from '@steady/core';
import type { CarePlan, CarePlanActivity, Communication, Flag, Patient } from '@medplum/fhirtypes';
import type { techniqueAssignments } from '../db/schema.js';
import type { AlertView } from '../alerts/repo.js';
import type { MessageView, ThreadView } from '../messages/repo.js';
import type { TaperVersionRow } from '../taper/repository.js';
import { steady } from './codes.js';
import { compact, concept, mg, patientReference, recordIdentifier } from './common.js';
import { fhirId } from './ids.js';

type AssignmentRow = typeof techniqueAssignments.$inferSelect;

export function patientResource(p: {
  readonly id: string;
  readonly displayName: string;
  readonly active: boolean;
  readonly birthDate: string | null;
}): Patient {
  return compact({
    resourceType: 'Patient' as const,
    id: p.id,
    identifier: [recordIdentifier('user', p.id)],
    active: p.active,
    name: [{ text: p.displayName }],
    birthDate: p.birthDate ?? undefined,
  });
}

function stepStatus(step: TaperStep, today: string) {
  if (step.endDate !== null && step.endDate < today) return 'completed' as const;
  return step.startDate <= today ? ('in-progress' as const) : ('not-started' as const);
}

function stepActivity(step: TaperStep, today: string): CarePlanActivity {
  return {
    detail: compact({
      kind: 'MedicationRequest' as const,
      status: stepStatus(step, today),
      description: `Step ${String(step.index + 1)}: ${String(step.dailyTotalMg)} mg a day`,
      scheduledPeriod: compact({ start: step.startDate, end: step.endDate ?? undefined }),
      // Text only: the ingredient code (3322) is [P] in REFERENCE §8.2, not confirmed in RxNav.
      productCodeableConcept: { text: 'diazepam' },
      dailyAmount: mg(step.dailyTotalMg),
    }),
  };
}

const TAPER_STATUS = { active: 'active', paused: 'on-hold', maintenance: 'completed' } as const;

/** The taper in force (its newest signed version), with every version's reason as a note. */
export function taperCarePlan(
  versions: readonly TaperVersionRow[],
  today: string,
): CarePlan | null {
  const current = versions.at(-1);
  const first = versions[0];
  if (current === undefined || first === undefined) return null;
  const plan = current.plan;
  return compact({
    resourceType: 'CarePlan' as const,
    id: fhirId('taper', current.taperId),
    identifier: [recordIdentifier('taper', current.taperId)],
    status: TAPER_STATUS[plan.status],
    intent: 'plan' as const,
    category: [concept(steady('carePlan', 'taper', 'Diazepam taper'))],
    title: 'Diazepam taper',
    description: `Signed taper, version ${String(current.version)}`,
    subject: patientReference(current.patientId),
    period: compact({
      start: plan.steps[0]?.startDate ?? current.effectiveDate,
      end: plan.projectedEndDate ?? undefined,
    }),
    created: first.signedAt.toISOString(),
    note: versions.map((v) => ({
      time: v.signedAt.toISOString(),
      text: `Version ${String(v.version)} (${v.action}): ${v.reason}`,
    })),
    activity: plan.steps.map((s) => stepActivity(s, today)),
  });
}

function assignmentText(a: AssignmentRow): string {
  const parts = [
    a.sets !== null && a.reps !== null ? `${String(a.sets)} × ${String(a.reps)}` : null,
    a.minutes === null ? null : `${String(a.minutes)} min`,
    `${String(a.timesPerWeek)} times a week`,
  ];
  return parts.filter((p): p is string => p !== null).join(', ');
}

/** A technique, home exercise or CBT homework a clinician assigned. */
export function techniqueCarePlan(a: AssignmentRow): CarePlan {
  const ended = a.endedAt !== null;
  return compact({
    resourceType: 'CarePlan' as const,
    id: fhirId('technique', a.id),
    identifier: [recordIdentifier('technique-assignment', a.id)],
    status: ended ? ('completed' as const) : ('active' as const),
    intent: 'plan' as const,
    category: [concept(steady('carePlan', `techniques-${a.kind}`))],
    title: a.title,
    description: a.description ?? undefined,
    subject: patientReference(a.patientId),
    period: compact({ start: a.startDate, end: a.endDate ?? undefined }),
    created: a.assignedAt.toISOString(),
    activity: [
      {
        detail: compact({
          kind: 'Task' as const,
          code: a.techniqueId === null ? undefined : concept(steady('technique', a.techniqueId)),
          status: ended ? ('completed' as const) : ('in-progress' as const),
          description: assignmentText(a),
          scheduledTiming: {
            repeat: { frequency: a.timesPerWeek, period: 1, periodUnit: 'wk' as const },
          },
        }),
      },
    ],
  });
}

/** A safety signal kept as an alert: active until a clinician resolves it. */
export function alertFlag(a: AlertView, patientId: string): Flag {
  return compact({
    resourceType: 'Flag' as const,
    id: fhirId('alert', a.id),
    identifier: [recordIdentifier('alert', a.id)],
    status: a.status === 'resolved' ? ('inactive' as const) : ('active' as const),
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/flag-category',
            code: 'clinical',
            display: 'Clinical',
          },
        ],
      },
    ],
    code: concept(steady('signal', a.signalId, a.title), `${a.title} (${a.severity})`),
    subject: patientReference(patientId),
    period: compact({ start: a.firstSeen, end: a.resolved?.at }),
  });
}

/** One message of a thread the caller may see. */
export function messageCommunication(
  m: MessageView,
  thread: ThreadView,
  patientId: string,
): Communication {
  return {
    resourceType: 'Communication',
    id: fhirId('msg', m.id),
    identifier: [recordIdentifier('message', m.id)],
    status: 'completed',
    subject: patientReference(patientId),
    topic: { text: thread.subject },
    sent: m.createdAt,
    sender:
      m.author.id === patientId
        ? { ...patientReference(patientId), display: m.author.displayName }
        : { display: m.author.displayName },
    payload: [{ contentString: m.body }],
  };
}
