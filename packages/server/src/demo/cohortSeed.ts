/**
 * Writes the demo clinic's other patients (cohort.ts) with their generated history in one
 * transaction, then computes every patient's alerts so the clinician panel shows them.
 * The rows go straight to the tables, past the routes, as the table comments describe them.
 */
import { randomUUID } from 'node:crypto';
import { addDays, localDateOf, localToInstant } from '@steady/core';
import { inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { recomputeAlerts } from '../alerts/recompute.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import {
  alerts,
  appointments,
  auditLog,
  careLinks,
  checkIns,
  clinicianNotes,
  dispensingRecords,
  doseEvents,
  medications,
  messageParticipants,
  messages,
  messageThreads,
  patientProfiles,
  questionnaireAssignments,
  questionnaireResponses,
  regimenVersions,
  users,
  visitQuestions,
} from '../db/schema.js';
import { DEMO_COHORT, demoEmail, SCENARIO_LABELS, SCENARIOS, type Scenario } from './cohort.js';
import { generatePatientRows, type DemoClinicians, type PatientRows } from './generate.js';
import { addTaperRows } from './taperRows.js';
import { signDemoTaper } from './tapers.js';

const BATCH = 500;

async function insertAll<T extends PgTable>(
  db: Pick<Db, 'insert'>,
  table: T,
  values: readonly T['$inferInsert'][],
): Promise<void> {
  for (let i = 0; i < values.length; i += BATCH) {
    await db.insert(table).values(values.slice(i, i + BATCH));
  }
}

/** Every generated row, each table after the tables its rows refer to. */
async function insertRows(db: Pick<Db, 'insert'>, all: readonly PatientRows[]): Promise<void> {
  const of = <K extends keyof PatientRows>(key: K): PatientRows[K][number][] =>
    all.flatMap((r): PatientRows[K][number][] => [...r[key]]);
  await insertAll(db, patientProfiles, of('profile'));
  await insertAll(db, careLinks, of('links'));
  await insertAll(db, regimenVersions, of('regimenVersions'));
  await insertAll(db, medications, of('medications'));
  await insertAll(db, doseEvents, of('doseEvents'));
  await insertAll(db, checkIns, of('checkIns'));
  await insertAll(db, dispensingRecords, of('dispensingRecords'));
  await insertAll(db, questionnaireAssignments, of('questionnaireAssignments'));
  await insertAll(db, questionnaireResponses, of('questionnaireResponses'));
  await insertAll(db, messageThreads, of('messageThreads'));
  await insertAll(db, messageParticipants, of('messageParticipants'));
  await insertAll(db, messages, of('messages'));
  await insertAll(db, appointments, of('appointments'));
  await insertAll(db, visitQuestions, of('visitQuestions'));
  await insertAll(db, clinicianNotes, of('clinicianNotes'));
  await insertAll(db, auditLog, of('auditLog'));
}

export interface CohortSummary {
  readonly patients: number;
  readonly byScenario: Readonly<Record<Scenario, number>>;
  readonly alerts: { readonly total: number; readonly urgent: number; readonly warning: number };
}

/**
 * Create the cohort. Patients whose address is already taken are left out (their account
 * is not ours to change). They all sign in with `password`.
 */
export async function seedCohort(
  ctx: AppContext,
  clinicians: DemoClinicians,
  password: string,
): Promise<CohortSummary> {
  const now = ctx.now();
  const taken = new Set(
    (
      await ctx.db
        .select({ email: users.email })
        .from(users)
        .where(
          inArray(
            users.email,
            DEMO_COHORT.map((p) => demoEmail(p.name)),
          ),
        )
    ).map((u) => u.email),
  );
  const cohort = DEMO_COHORT.filter((p) => !taken.has(demoEmail(p.name)));
  const passwordHash = await hashPassword(password);
  const made = cohort.map((patient) => {
    const patientId = randomUUID();
    const start = addDays(localDateOf(now.toISOString(), patient.zone), -patient.days - 1);
    const user = {
      id: patientId,
      email: demoEmail(patient.name),
      passwordHash,
      displayName: patient.name,
      role: 'patient' as const,
      discipline: null,
      timeZone: patient.zone,
      clinicId: null,
      createdAt: new Date(localToInstant(start, '15:30', patient.zone)),
    };
    return { patient, user };
  });
  await ctx.db.transaction(async (tx) => {
    await insertAll(
      tx,
      users,
      made.map((m) => m.user),
    );
    const all: PatientRows[] = [];
    for (const { patient, user } of made) {
      const input = { patient, patientId: user.id, clinicians, now, newId: randomUUID };
      // A taper is signed first, so the history follows the regimen versions it wrote.
      const taper = await signDemoTaper(tx, ctx.config, input);
      const rows = generatePatientRows({ ...input, regimen: taper?.regimen });
      if (taper !== null) addTaperRows(input, rows, taper);
      all.push(rows);
    }
    await insertRows(tx, all);
  });
  for (const { user } of made) await recomputeAlerts(ctx, user.id);

  const ids = made.map((m) => m.user.id);
  const stored =
    ids.length === 0
      ? []
      : await ctx.db
          .select({ severity: alerts.severity })
          .from(alerts)
          .where(inArray(alerts.patientId, ids));
  const byScenario = Object.fromEntries(
    SCENARIOS.map((s) => [s, made.filter((m) => m.patient.scenario === s).length]),
  ) as Record<Scenario, number>;
  return {
    patients: made.length,
    byScenario,
    alerts: {
      total: stored.length,
      urgent: stored.filter((a) => a.severity === 'urgent').length,
      warning: stored.filter((a) => a.severity === 'warning').length,
    },
  };
}

/** One line for the console: how many patients of each kind, and their alerts. */
export function describeCohort(summary: CohortSummary): string {
  const kinds = SCENARIOS.filter((s) => summary.byScenario[s] > 0)
    .map((s) => `${String(summary.byScenario[s])} ${SCENARIO_LABELS[s]}`)
    .join(', ');
  const { total, urgent, warning } = summary.alerts;
  return (
    `Demo clinic: ${String(summary.patients)} more patients (${kinds}); ` +
    `${String(total)} alerts (${String(urgent)} urgent, ${String(warning)} warning).`
  );
}
