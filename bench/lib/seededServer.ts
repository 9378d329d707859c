/**
 * The real Steady app on a fresh database (via the integration-test harness, as the tests build
 * it) with one patient-year seeded, listening on 127.0.0.1, torn down whatever happens.
 */
import { EventEmitter } from 'node:events';
import {
  createHarness,
  type DatabaseKind,
  type Harness,
} from '../../packages/server/src/testing/harness.js';
import { listenLocal } from './http.js';
import { seedPatientYear, type PatientYear } from './patientYear.js';

/** Seed a patient on a fresh database of `kind`, listen, and run `measure`; always clean up. */
export async function withSeededApp<T>(
  kind: DatabaseKind,
  log: (line: string) => void,
  measure: (base: string, patient: PatientYear) => Promise<T>,
): Promise<{ patient: PatientYear; measured: T }> {
  const harness = await createHarness(kind);
  try {
    const started = performance.now();
    const patient = await seedPatientYear(harness);
    log(
      `  ${kind}: seeded ${String(patient.counts.doseEvents)} dose events and ${String(patient.counts.checkIns)} check-ins in ${(performance.now() - started).toFixed(0)} ms`,
    );
    const base = await listenLocal(harness.app);
    return { patient, measured: await measure(base, patient) };
  } finally {
    ignoreLateDisconnects(harness);
    await harness.close();
  }
}

/**
 * Work around a teardown race on PostgreSQL: pg's `pool.end()` resolves before its clients have
 * finished disconnecting, so the harness's `drop database … with (force)` may terminate one of
 * them, and the pool then emits an 'error' nobody listens to, which ends the process. A listener
 * on the pool (reached through Drizzle's `$client`) makes that late error harmless.
 */
function ignoreLateDisconnects(harness: Harness): void {
  if (harness.database.kind !== 'postgres') return;
  const client: unknown = (harness.database.db as unknown as { $client?: unknown }).$client;
  if (client instanceof EventEmitter) client.on('error', () => undefined);
}
