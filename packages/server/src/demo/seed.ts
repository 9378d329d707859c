/**
 * `npm run demo`: a demo patient with 90 days of realistic history and a care team, so the app
 * can be explored without typing a quarter of a year of diary. Deterministic (seeded), and safe
 * to run twice (existing demo accounts are left as they are).
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
import { checkIns, doseEvents, users } from '../db/schema.js';
import { createRegimenVersion, loadRegimenVersions } from '../regimen/service.js';
import { DEMO_ADMIN, DEMO_CLINIC, DEMO_CLINICIANS, seedCareTeam } from './careTeam.js';

export const DEMO_PATIENT = {
  email: 'demo.patient@steady.example',
  password: 'steady-demo-patient',
} as const;
export const DEMO_CLINICIAN = DEMO_CLINICIANS.prescriber;
const ZONE = 'America/New_York';
const DAYS = 90;

/** Small seeded PRNG (mulberry32) so every demo looks the same. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (n: number) => Math.max(0, Math.min(10, Math.round(n)));

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
  const slots = doseSlots(versions, start, addDays(today, -1), ZONE);
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
  for (let day = start; day < today; day = addDays(day, 1)) {
    const progress = Math.max(0, (addDays(day, 0) > change ? 1 : 0) + (random() - 0.5));
    const flare = random() < 0.1 ? 3 : 0;
    const pain = clamp(6 - progress + flare + (random() - 0.5) * 2);
    if (flare > 0) {
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
  // Linked after the history: the patient entered the regimen before the prescriber joined.
  await seedCareTeam(ctx, patient.id, ZONE);
  // Rows were inserted directly, past the app's alert queue: compute the alerts once here.
  await recomputeAlerts(ctx, patient.id);
  return [
    `Demo data created: ${String(DAYS)} days, ${String(doseRows.length)} dose entries, ${String(checkInRows.length)} check-ins.`,
    credentials(),
  ].join('\n');
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
  ].join('\n');
}

function alreadySeeded(): string {
  return `The demo accounts already exist; nothing was changed.\n${credentials()}`;
}
