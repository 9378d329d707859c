/**
 * One patient with a year of history in a real Steady database: two regimen versions (three
 * doses a day), ~1,100 dose events (taken, skipped, missed, extra, corrections) and ~400
 * check-ins. Rows are inserted directly with Drizzle, as the demo seed does, because a year
 * through the API would take minutes. Deterministic (seeded PRNG).
 */
import { randomUUID } from 'node:crypto';
import { addDays, doseSlots, localDateOf, localToInstant, type Severity4 } from '@steady/core';
import type { AppContext } from '../../packages/server/src/context.js';
import { checkIns, doseEvents } from '../../packages/server/src/db/schema.js';
import {
  createRegimenVersion,
  loadRegimenVersions,
} from '../../packages/server/src/regimen/service.js';
import {
  registerPatient,
  type Client,
  type Harness,
} from '../../packages/server/src/testing/harness.js';
import { prng } from './prng.js';

export const PATIENT_ZONE = 'America/New_York';
const DAYS = 365;

type DoseRow = typeof doseEvents.$inferInsert;
type CheckInRow = typeof checkIns.$inferInsert;

export interface PatientYear {
  readonly client: Client;
  readonly patientId: string;
  readonly from: string;
  readonly today: string;
  readonly counts: {
    readonly doseEvents: number;
    readonly taken: number;
    readonly skipped: number;
    readonly extra: number;
    readonly corrections: number;
    readonly missedSlots: number;
    readonly checkIns: number;
  };
}

const clamp = (n: number) => Math.max(0, Math.min(10, Math.round(n)));
const MINUTE = 60_000;

/**
 * GET `url` as the patient and resolve with the raw body; throw unless the answer is 200 (and, when
 * `type` is given, its content type matches it).
 */
export async function getOk(patient: PatientYear, url: string, type?: RegExp): Promise<Buffer> {
  const res = await patient.client.request({ method: 'GET', url });
  if (
    res.statusCode !== 200 ||
    (type !== undefined && !type.test(String(res.headers['content-type'])))
  ) {
    throw new Error(`GET ${url}: ${String(res.statusCode)} ${res.body.slice(0, 200)}`);
  }
  return res.rawPayload;
}

export interface SeedOptions {
  readonly seed?: number;
  /** false: the regimen versions only, no dose events or check-ins (the baseline patient). */
  readonly logs?: boolean;
}

export async function seedPatientYear(h: Harness, options: SeedOptions = {}): Promise<PatientYear> {
  const client = await registerPatient(h.app, { timeZone: PATIENT_ZONE });
  const patientId = client.userId;
  const today = localDateOf(h.clock.now().toISOString(), PATIENT_ZONE);
  const from = addDays(today, -DAYS);
  const at = (date: string, time: string) => new Date(localToInstant(date, time, PATIENT_ZONE));
  const ctxAt = (date: string, time: string): AppContext => ({
    db: h.database.db,
    config: h.config,
    now: () => at(date, time),
  });

  // 5 mg three times a day; after eight months the evening dose is lowered.
  const base = {
    formulation: 'tab5' as const,
    asNeeded: { amountMg: 2.5, minIntervalHours: 8, maxPerDay: 1 },
    endDate: null,
    prescriber: 'Dr. Bench',
    indication: 'Muscle spasm with chronic low back pain',
  };
  const change = addDays(from, 240);
  await createRegimenVersion(ctxAt(from, '09:00'), patientId, patientId, {
    ...base,
    doses: [
      { time: '08:00', amountMg: 5 },
      { time: '14:00', amountMg: 5 },
      { time: '20:00', amountMg: 5 },
    ],
    startDate: from,
    reason: 'Entered as prescribed',
  });
  await createRegimenVersion(ctxAt(change, '10:00'), patientId, patientId, {
    ...base,
    doses: [
      { time: '08:00', amountMg: 5 },
      { time: '14:00', amountMg: 5 },
      { time: '20:00', amountMg: 2.5 },
    ],
    startDate: change,
    reason: 'Evening dose lowered at follow-up',
  });

  if (options.logs === false) {
    const none = {
      doseEvents: 0,
      taken: 0,
      skipped: 0,
      extra: 0,
      corrections: 0,
      missedSlots: 0,
      checkIns: 0,
    };
    return { client, patientId, from, today, counts: none };
  }
  const random = prng(options.seed ?? 20260310);
  const versions = await loadRegimenVersions(ctxAt(today, '07:00'), patientId);
  // Every slot up to yesterday, plus this morning's (the clock stands at 08:00 local).
  const slots = doseSlots(versions, from, today, PATIENT_ZONE).filter(
    (s) => Date.parse(s.dueAt) <= h.clock.now().getTime(),
  );
  const doses: DoseRow[] = [];
  const row = (r: Omit<DoseRow, 'id' | 'patientId' | 'recordedBy' | 'idempotencyKey'>) => {
    const full: DoseRow = {
      ...r,
      id: randomUUID(),
      patientId,
      recordedBy: patientId,
      idempotencyKey: randomUUID(),
    };
    doses.push(full);
    return full;
  };
  let missedSlots = 0;
  let corrections = 0;
  for (const slot of slots) {
    const roll = random();
    const due = Date.parse(slot.dueAt);
    const late = Math.round((random() - 0.3) * 50) * MINUTE;
    const createdAt = new Date(due + Math.max(late, 0) + MINUTE);
    if (roll < 0.02) {
      missedSlots += 1;
      continue;
    }
    const skipped = roll < 0.06;
    const logged = row({
      kind: skipped ? 'skipped' : 'taken',
      slotKey: slot.key,
      takenAt: skipped ? createdAt : new Date(due + late),
      amountMg: skipped ? 0 : slot.amountMg,
      reason: skipped ? 'Felt too drowsy' : null,
      supersedes: null,
      createdAt,
    });
    if (!skipped && random() < 0.02) {
      corrections += 1;
      row({
        kind: 'taken',
        slotKey: slot.key,
        takenAt: new Date(due + 45 * MINUTE),
        amountMg: slot.amountMg,
        reason: 'Logged the wrong time',
        supersedes: logged.id,
        createdAt: new Date(createdAt.getTime() + 3 * 60 * MINUTE),
      });
    }
  }

  const checkInRows: CheckInRow[] = [];
  let extra = 0;
  for (let day = from; day < today; day = addDays(day, 1)) {
    const flare = random() < 0.11 ? 3 : 0;
    const progress = (day >= change ? 1 : 0) + (random() - 0.5);
    const pain = clamp(6 - progress + flare + (random() - 0.5) * 2);
    if (flare > 0) {
      extra += 1;
      const takenAt = at(day, '16:30');
      row({
        kind: 'extra',
        slotKey: null,
        takenAt,
        amountMg: 2.5,
        reason: 'Back spasm after lifting',
        supersedes: null,
        createdAt: takenAt,
      });
    }
    const times = random() < 0.1 ? ['09:30', '20:15'] : [random() < 0.5 ? '19:15' : '20:40'];
    for (const time of times) {
      const drowsy: Severity4 = random() < 0.15 ? 'mild' : random() < 0.03 ? 'moderate' : 'none';
      const checkInAt = at(day, time);
      checkInRows.push({
        id: randomUUID(),
        patientId,
        at: checkInAt,
        pain,
        spasm: clamp(pain - 1 + random() * 2),
        sleepQuality: clamp(5 + progress * 2 - flare / 2),
        anxiety: clamp(4 - progress),
        mood: clamp(5 + progress),
        sideEffects: {
          drowsiness: drowsy,
          dizziness: 'none',
          unsteadiness: 'none',
          confusion: 'none',
        },
        fall: random() < 0.01 ? 'near_fall' : 'none',
        breathingProblem: false,
        otherSideEffect: null,
        activities: random() < 0.6 ? ['walking', 'stretching'] : ['rest'],
        note: flare > 0 ? 'Flare-up after housework' : null,
        idempotencyKey: randomUUID(),
        createdAt: checkInAt,
      });
    }
  }

  await h.database.db.transaction(async (tx) => {
    for (let i = 0; i < doses.length; i += 500)
      await tx.insert(doseEvents).values(doses.slice(i, i + 500));
    for (let i = 0; i < checkInRows.length; i += 500)
      await tx.insert(checkIns).values(checkInRows.slice(i, i + 500));
  });

  return {
    client,
    patientId,
    from,
    today,
    counts: {
      doseEvents: doses.length,
      taken: doses.filter((d) => d.kind === 'taken').length,
      skipped: doses.filter((d) => d.kind === 'skipped').length,
      extra,
      corrections,
      missedSlots,
      checkIns: checkInRows.length,
    },
  };
}
