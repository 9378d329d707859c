/**
 * Supervised tapers of the demo cohort (issue 5 item 9), at different stages: just started,
 * in progress, paused after withdrawal symptoms, and finished and in follow-up. They are signed
 * through the taper service (`createTaper`, `changeTaper`) with a clock set to the past signing
 * instant, so the signed versions materialize their regimen versions exactly as in the app,
 * before the dose logs are generated from those versions (generate.ts). Check-ins and
 * dispensings that go with each taper are in taperRows.ts. None of it is clinical advice.
 */
import { randomUUID } from 'node:crypto';
import {
  addDays,
  localDateOf,
  localToInstant,
  type FormulationId,
  type RegimenVersion,
  type TaperReductionMethod,
} from '@steady/core';
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { auditLog, regimenVersions } from '../db/schema.js';
import { loadCurrentTaper, type TaperVersionRow } from '../taper/repository.js';
import { insertTaperRequest } from '../taper/requests.js';
import { changeTaper, createTaper } from '../taper/service.js';
import type { DemoPatient } from './cohort.js';
import type { DemoClinicians } from './patientRows.js';

export type DemoTaperStage = 'just-started' | 'in-progress' | 'paused' | 'follow-up';

export interface DemoTaper {
  readonly stage: DemoTaperStage;
  /** Days before today the first step starts; the plan is signed two days earlier. */
  readonly startsDaysAgo: number;
  readonly formulations: readonly FormulationId[];
  readonly method?: TaperReductionMethod;
  readonly switchToLiquid?: boolean;
  readonly reason: string;
  /** Paused: the patient asks for a pause, the prescriber signs a hold answering it. */
  readonly pause?: {
    readonly requestDaysAgo: number;
    readonly requestReason: string;
    readonly holdDaysAgo: number;
    readonly holdReason: string;
  };
}

/** The tapers, by cohort key (cohort.ts). */
export const DEMO_TAPERS: Readonly<Record<string, DemoTaper>> = {
  // Grace Thompson: 15 mg a day; the first step started four days ago.
  'taper-1': {
    stage: 'just-started',
    startsDaysAgo: 4,
    // One strength per taper dispensed by the pharmacist: see taperRows.ts on same-day records.
    formulations: ['tab2'],
    reason: 'Taper agreed with the patient at the last check-up: small steps every two weeks',
  },
  // Lukas Fischer: 20 mg a day; withdrawal symptoms rose after the fourth step, he asked to pause.
  'taper-2': {
    stage: 'paused',
    startsDaysAgo: 52,
    formulations: ['tab2'],
    reason: 'Taper agreed with the patient: 10 % steps every two weeks',
    pause: {
      requestDaysAgo: 5,
      requestReason:
        'Since the last step I sleep badly, my muscles are tense and I feel shaky. Could we pause for a while?',
      holdDaysAgo: 4,
      holdReason:
        'Withdrawal symptoms rising after the last step (insomnia, tension, tremor): pausing at the current dose until they settle',
    },
  },
  // Mia Robinson: 8 mg a day on the oral solution, the last step to 0 mg 40 days ago.
  'taper-3': {
    stage: 'follow-up',
    startsDaysAgo: 250,
    formulations: ['tab2', 'sol1'],
    switchToLiquid: true,
    reason: 'Taper agreed with the patient; the oral solution allows the small final steps',
  },
  // Noah Wilson: 10 mg a day, a few steps in.
  'taper-4': {
    stage: 'in-progress',
    startsDaysAgo: 45,
    formulations: ['tab5', 'tab2'],
    reason: 'Taper agreed with the patient: 10 % steps every two weeks',
  },
};

export interface SignedDemoTaper {
  readonly spec: DemoTaper;
  /** The version in force (hold for the paused one). */
  readonly current: TaperVersionRow;
  /** Every regimen version of the patient, the taper's materialized ones included. */
  readonly regimen: RegimenVersion[];
}

/**
 * Write the patient's first regimen version (as generate.ts would) and sign their taper and
 * its changes at past instants, inside `tx`. Returns null for patients without a demo taper.
 */
export async function signDemoTaper(
  tx: Db,
  config: AppContext['config'],
  input: {
    readonly patient: DemoPatient;
    readonly patientId: string;
    readonly clinicians: DemoClinicians;
    readonly now: Date;
  },
): Promise<SignedDemoTaper | null> {
  const { patient: spec, patientId, clinicians, now } = input;
  const taper = DEMO_TAPERS[spec.key];
  if (taper === undefined) return null;
  const zone = spec.zone;
  const today = localDateOf(now.toISOString(), zone);
  const day = (offset: number) => addDays(today, -offset);
  const at = (offset: number, time: string) => new Date(localToInstant(day(offset), time, zone));
  const ctxAt = (instant: Date): AppContext => ({ db: tx, config, now: () => instant });
  const prescriber = clinicians.prescriber;

  if (spec.days < taper.startsDaysAgo + 14) throw new Error(`${spec.key}: too little history`);
  const start = day(spec.days);
  const baseAt = new Date(localToInstant(start, '10:00', zone));
  const baseId = randomUUID();
  await tx.insert(regimenVersions).values({
    id: baseId,
    patientId,
    version: 1,
    formulation: spec.formulation,
    doses: [...spec.doses],
    asNeeded: spec.asNeeded,
    startDate: start,
    endDate: null,
    prescriber: prescriber.displayName,
    indication: spec.indication,
    reason: 'Current prescription',
    enteredBy: prescriber.id,
    createdAt: baseAt,
  });
  await tx.insert(auditLog).values({
    at: baseAt,
    actorId: prescriber.id,
    patientId,
    action: 'regimen.create',
    entityId: baseId,
    details: { version: 1 },
  });

  const created = await createTaper(ctxAt(at(taper.startsDaysAgo + 2, '12:00')), {
    patientId,
    prescriberId: prescriber.id,
    inputs: {
      doses: spec.doses,
      formulations: taper.formulations,
      startDate: day(taper.startsDaysAgo),
      switchToLiquid: taper.switchToLiquid ?? false,
      ...(taper.method === undefined ? {} : { method: taper.method }),
      reason: taper.reason,
    },
  });
  let current = created;
  if (taper.pause !== undefined) {
    const p = taper.pause;
    const request = await insertTaperRequest(ctxAt(at(p.requestDaysAgo, '19:40')), {
      patientId,
      taperId: created.taperId,
      kind: 'pause',
      reason: p.requestReason,
      createdBy: patientId,
    });
    current = await changeTaper(ctxAt(at(p.holdDaysAgo, '09:15')), {
      patientId,
      prescriberId: prescriber.id,
      action: 'hold',
      on: day(p.holdDaysAgo),
      reason: p.holdReason,
      requestId: request.id,
    });
  }
  const stored = await tx
    .select()
    .from(regimenVersions)
    .where(eq(regimenVersions.patientId, patientId))
    .orderBy(asc(regimenVersions.version));
  const regimen = stored.map((r): RegimenVersion => ({
    id: r.id,
    version: r.version,
    formulation: r.formulation,
    doses: r.doses,
    asNeeded: r.asNeeded,
    startDate: r.startDate,
    endDate: r.endDate,
    prescriber: r.prescriber,
    indication: r.indication,
    createdAt: r.createdAt.toISOString(),
  }));
  return {
    spec: taper,
    current: (await loadCurrentTaper({ db: tx }, patientId)) ?? current,
    regimen,
  };
}
