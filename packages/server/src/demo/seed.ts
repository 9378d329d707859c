/**
 * `npm run demo`: a demo patient with 90 days of realistic history and a care team, and a demo
 * clinic of about 30 patients in varied situations (cohort.ts), so the app can be explored
 * without typing a quarter of a year of diary. Deterministic (seeded, times relative to now),
 * and safe to run twice (once the demo patient exists, nothing is changed).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  addDays,
  doseSlots,
  localDateOf,
  localToInstant,
  SIDE_EFFECT_KEYS,
  type Severity4,
} from '@steady/core';
import { createUser } from '../auth/users.js';
import { recomputeAlerts } from '../alerts/recompute.js';
import type { AppContext } from '../context.js';
import {
  appointments,
  checkIns,
  doseEvents,
  messageParticipants,
  messages,
  messageThreads,
  questionnaireAssignments,
  users,
  visitQuestions,
} from '../db/schema.js';
import { createRegimenVersion, loadRegimenVersions } from '../regimen/service.js';
import { DEMO_ADMIN, DEMO_CLINIC, DEMO_CLINICIANS, seedCareTeam } from './careTeam.js';
import { DEMO_COHORT, demoEmail } from './cohort.js';
import { describeCohort, seedCohort } from './cohortSeed.js';
import type { DemoClinicians } from './generate.js';
import { prng, rating } from './random.js';
import { seedDanaTechniques } from './techniques.js';

export const DEMO_PATIENT = {
  email: 'demo.patient@steady.example',
  password: 'steady-demo-patient',
} as const;
export const DEMO_CLINICIAN = DEMO_CLINICIANS.prescriber;
const ZONE = 'America/New_York';
const DAYS = 90;

const clamp = rating;

export async function seedDemo(ctx: AppContext): Promise<string> {
  const now = ctx.now();
  const today = localDateOf(now.toISOString(), ZONE);
  const start = addDays(today, -DAYS);
  const patient = await createUser(
    ctx.db,
    {
      ...DEMO_PATIENT,
      displayName: 'Dana Demo',
      role: 'patient',
      discipline: null,
      timeZone: ZONE,
    },
    now,
  );
  if (patient === null) {
    const [existing] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, DEMO_PATIENT.email));
    if (existing !== undefined) await seedCareTeam(ctx, existing.id, ZONE);
    return alreadySeeded();
  }

  // Two versions: 5 mg three times a day, then the evening dose lowered after six weeks.
  const clock = (date: string, time: string) => new Date(localToInstant(date, time, ZONE));
  const firstCtx = { ...ctx, now: () => clock(start, '09:00') };
  const regimen = {
    formulation: 'tab5' as const,
    asNeeded: { amountMg: 2.5, minIntervalHours: 8, maxPerDay: 1 },
    endDate: null,
    prescriber: 'Dr. Sam Rivera',
    indication: 'Muscle spasm with chronic low back pain',
  };
  await createRegimenVersion(firstCtx, patient.id, patient.id, {
    ...regimen,
    doses: [
      { time: '08:00', amountMg: 5 },
      { time: '14:00', amountMg: 5 },
      { time: '21:00', amountMg: 5 },
    ],
    startDate: start,
    reason: 'Entered as prescribed at my visit',
  });
  const change = addDays(start, 45);
  await createRegimenVersion(
    { ...ctx, now: () => clock(change, '10:00') },
    patient.id,
    patient.id,
    {
      ...regimen,
      doses: [
        { time: '08:00', amountMg: 5 },
        { time: '14:00', amountMg: 5 },
        { time: '21:00', amountMg: 2.5 },
      ],
      startDate: change,
      reason: 'Evening dose lowered at follow-up visit (drowsy in the mornings)',
    },
  );

  const random = prng(20261124);
  const versions = await loadRegimenVersions(ctx, patient.id);
  // Today's doses too, once they are 45 minutes past (a demo run in the evening has them).
  const slots = doseSlots(versions, start, today, ZONE).filter(
    (s) => Date.parse(s.dueAt) + 45 * 60_000 <= now.getTime(),
  );
  const doseRows: (typeof doseEvents.$inferInsert)[] = [];
  for (const slot of slots) {
    const roll = random();
    const late = Math.round((random() - 0.3) * 50) * 60_000;
    const createdAt = new Date(Date.parse(slot.dueAt) + Math.max(late, 0) + 60_000);
    const base = {
      patientId: patient.id,
      slotKey: slot.key,
      supersedes: null,
      recordedBy: patient.id,
      createdAt,
    };
    if (roll < 0.05) continue; // missed, never logged
    if (roll < 0.09) {
      doseRows.push({
        ...base,
        id: randomUUID(),
        kind: 'skipped' as const,
        takenAt: createdAt,
        amountMg: 0,
        reason: 'Felt too drowsy',
        idempotencyKey: randomUUID(),
      });
      continue;
    }
    doseRows.push({
      ...base,
      id: randomUUID(),
      kind: 'taken' as const,
      takenAt: new Date(Date.parse(slot.dueAt) + late),
      amountMg: slot.amountMg,
      reason: null,
      idempotencyKey: randomUUID(),
    });
  }
  const checkInRows: (typeof checkIns.$inferInsert)[] = [];
  for (let day = start; day <= today; day = addDays(day, 1)) {
    const progress = Math.max(0, (addDays(day, 0) > change ? 1 : 0) + (random() - 0.5));
    const flare = random() < 0.1 ? 3 : 0;
    const pain = clamp(6 - progress + flare + (random() - 0.5) * 2);
    if (flare > 0 && clock(day, '16:30').getTime() <= now.getTime()) {
      const at = clock(day, '16:30');
      doseRows.push({
        id: randomUUID(),
        patientId: patient.id,
        kind: 'extra' as const,
        slotKey: null,
        takenAt: at,
        amountMg: 2.5,
        reason: 'Back spasm after lifting',
        supersedes: null,
        idempotencyKey: randomUUID(),
        recordedBy: patient.id,
        createdAt: at,
      });
    }
    const drowsy: Severity4 = day < change && random() < 0.4 ? 'mild' : 'none';
    const sideEffects = Object.fromEntries(
      SIDE_EFFECT_KEYS.map((k) => [k, k === 'drowsiness' ? drowsy : 'none']),
    ) as Record<(typeof SIDE_EFFECT_KEYS)[number], Severity4>;
    const at = clock(day, random() < 0.5 ? '19:15' : '20:40');
    if (at.getTime() > now.getTime()) continue; // later today
    checkInRows.push({
      id: randomUUID(),
      patientId: patient.id,
      at,
      pain,
      spasm: clamp(pain - 1 + random() * 2),
      sleepQuality: clamp(5 + progress * 2 - flare / 2),
      anxiety: clamp(4 - progress),
      mood: clamp(5 + progress),
      sideEffects,
      fall: random() < 0.02 ? 'near_fall' : 'none',
      breathingProblem: false,
      otherSideEffect: null,
      activities: random() < 0.6 ? ['walking', 'stretching'] : ['rest'],
      note: flare > 0 ? 'Flare-up after housework' : null,
      idempotencyKey: randomUUID(),
      createdAt: at,
    });
  }
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < doseRows.length; i += 500)
      await tx.insert(doseEvents).values(doseRows.slice(i, i + 500));
    await tx.insert(checkIns).values(checkInRows);
  });
  await seedDanaTechniques(ctx, patient.id, ZONE, start, today);
  // Linked after the history: the patient entered the regimen before the prescriber joined.
  await seedCareTeam(ctx, patient.id, ZONE);
  const clinicians = await demoClinicians(ctx);
  await seedDanaTeamwork(ctx, patient.id, clinicians, today);
  // Rows were inserted directly, past the app's alert queue: compute the alerts once here.
  await recomputeAlerts(ctx, patient.id);
  const cohort = await seedCohort(ctx, clinicians, DEMO_PATIENT.password);
  return [
    `Demo data created: ${String(DAYS)} days, ${String(doseRows.length)} dose entries, ${String(checkInRows.length)} check-ins.`,
    describeCohort(cohort),
    credentials(),
  ].join('\n');
}

/** The demo clinicians' ids and names (seedCareTeam made them). */
async function demoClinicians(ctx: AppContext): Promise<DemoClinicians> {
  const entries = await Promise.all(
    Object.entries(DEMO_CLINICIANS).map(async ([discipline, who]) => {
      const [row] = await ctx.db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(eq(users.email, who.email));
      if (row === undefined) throw new Error(`demo account ${who.email} is missing`);
      return [discipline, row] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as DemoClinicians;
}

/**
 * Dana's work with the care team: a message thread with the prescriber, a check-up next week
 * with a question to ask, and the physical therapist's weekly PEG, due today.
 */
async function seedDanaTeamwork(
  ctx: AppContext,
  patientId: string,
  clinicians: DemoClinicians,
  today: string,
): Promise<void> {
  const at = (offset: number, time: string) =>
    new Date(localToInstant(addDays(today, offset), time, ZONE));
  const threadId = randomUUID();
  const lines = [
    {
      by: patientId,
      body: 'Mornings are much better since the evening dose was lowered. Thank you!',
      at: at(-6, '18:20'),
    },
    {
      by: clinicians.prescriber.id,
      body: 'Good to hear. Keep logging as you do, and we will look at it together at your check-up.',
      at: at(-5, '09:05'),
    },
  ];
  const appointmentId = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(messageThreads).values({
      id: threadId,
      patientId,
      audience: 'team',
      subject: 'Mornings are better',
      context: null,
      createdBy: patientId,
      createdAt: at(-6, '18:20'),
      lastMessageAt: at(-5, '09:05'),
    });
    await tx.insert(messageParticipants).values([
      { threadId, userId: patientId, lastReadAt: at(-5, '12:00') },
      { threadId, userId: clinicians.prescriber.id, lastReadAt: at(-5, '09:05') },
    ]);
    await tx.insert(messages).values(
      lines.map((l) => ({
        id: randomUUID(),
        threadId,
        authorId: l.by,
        body: l.body,
        idempotencyKey: randomUUID(),
        createdAt: l.at,
      })),
    );
    await tx.insert(appointments).values({
      id: appointmentId,
      patientId,
      memberId: clinicians.prescriber.id,
      startsAt: at(5, '10:30'),
      durationMinutes: 30,
      mode: 'in_person',
      location: DEMO_CLINIC,
      note: null,
      status: 'scheduled',
      createdBy: clinicians.prescriber.id,
      createdAt: at(-5, '09:10'),
      updatedAt: at(-5, '09:10'),
    });
    await tx.insert(visitQuestions).values({
      id: randomUUID(),
      patientId,
      appointmentId,
      text: 'Could the afternoon dose move a little later, after work?',
      createdAt: at(-3, '21:00'),
      answeredAt: null,
      answeredBy: null,
    });
    await tx.insert(questionnaireAssignments).values({
      id: randomUUID(),
      patientId,
      instrumentId: 'peg',
      cadenceDays: 7,
      startDate: today,
      note: null,
      assignedBy: clinicians.physical_therapist.id,
      assignedAt: at(-1, '11:00'),
      endedAt: null,
      endedBy: null,
    });
  });
}

function credentials(): string {
  const row = (label: string, who: { email: string; password: string }) =>
    `  ${label.padEnd(20)} ${who.email} / ${who.password}`;
  return [
    'Start Steady with `npm start` and sign in at http://localhost:3000 as',
    row('patient:', DEMO_PATIENT),
    `${DEMO_CLINIC}:`,
    row('administrator:', DEMO_ADMIN),
    row('prescriber:', DEMO_CLINICIANS.prescriber),
    row('physical therapist:', DEMO_CLINICIANS.physical_therapist),
    row('psychologist:', DEMO_CLINICIANS.psychologist),
    row('pharmacist:', DEMO_CLINICIANS.pharmacist),
    'The demo patient is linked to the prescriber (default consent) and to the physical',
    'therapist (default consent: no medications); the others can be invited.',
    `The ${String(DEMO_COHORT.length)} other demo patients sign in with the patient password, e.g.`,
    `  ${demoEmail(DEMO_COHORT[0]?.name ?? '')} / ${DEMO_PATIENT.password}`,
  ].join('\n');
}

function alreadySeeded(): string {
  return `The demo accounts already exist; nothing was changed.\n${credentials()}`;
}
