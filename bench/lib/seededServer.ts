/**
 * The real Steady app on a fresh database (via the integration-test harness, as the tests build
 * it) with its patients seeded, listening on 127.0.0.1, torn down whatever happens.
 */
import { createHarness, type DatabaseKind } from '../../packages/server/src/testing/harness.js';
import { listenLocal } from './http.js';
import { seedPatientYear, type PatientYear } from './patientYear.js';

/** The seeded patients: a year of logs, and one with the same regimens and no logs. */
export interface SeededPatients {
  readonly year: PatientYear;
  readonly empty: PatientYear;
}

/** Seed the patients on a fresh database of `kind`, listen, run `measure`; always clean up. */
export async function withSeededApp<T>(
  kind: DatabaseKind,
  log: (line: string) => void,
  measure: (base: string, patients: SeededPatients) => Promise<T>,
): Promise<{ patients: SeededPatients; measured: T }> {
  const harness = await createHarness(kind);
  try {
    const started = performance.now();
    const year = await seedPatientYear(harness);
    const empty = await seedPatientYear(harness, { logs: false });
    log(
      `  ${kind}: seeded ${String(year.counts.doseEvents)} dose events and ${String(year.counts.checkIns)} check-ins in ${(performance.now() - started).toFixed(0)} ms`,
    );
    const base = await listenLocal(harness.app);
    const patients = { year, empty };
    return { patients, measured: await measure(base, patients) };
  } finally {
    await harness.close();
  }
}
