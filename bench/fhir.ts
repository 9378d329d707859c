/**
 * Issue 6 — FHIR `$everything` with a year of data. The real app on a migrated in-memory PGlite
 * (the integration-test harness, its fixed clock), one patient with a year of doses and
 * check-ins (bench/lib/patientYear.ts) plus a PEG answered every week, requests made in-process
 * with `inject()`:
 *   - GET /fhir/Patient/:id/$everything: median of N runs, the Bundle's size and resource count;
 *   - baseline: GET …/chart over the same year (most of the same rows, answered as Steady JSON);
 *   - a single read by id (one check-in Observation): what a read costs (it builds its section).
 * With TEST_DATABASE_URL set, `$everything` and its baseline are measured on PostgreSQL too.
 */
import { randomUUID } from 'node:crypto';
import { addDays, localToInstant, scoreInstrument } from '@steady/core';
import type { Bundle } from '@medplum/fhirtypes';
import { questionnaireResponses } from '../packages/server/src/db/schema.js';
import {
  createHarness,
  type DatabaseKind,
  type Harness,
} from '../packages/server/src/testing/harness.js';
import { getOk, PATIENT_ZONE, seedPatientYear, type PatientYear } from './lib/patientYear.js';
import { prng, intBetween } from './lib/prng.js';
import type { Benchmark, BenchResult, Figure } from './lib/report.js';
import { envInt } from './lib/env.js';
import { timeRuns } from './lib/timing.js';

const SETTINGS = { runs: envInt('BENCH_FHIR_RUNS', 10), warmup: 2 };

/** Time `SETTINGS.runs` calls after `SETTINGS.warmup` untimed ones. */
const timed = (fn: () => Promise<unknown>) => timeRuns(SETTINGS, fn);

/** A PEG every Monday of the year, scored by the engine, as the questionnaire route stores it. */
async function seedWeeklyPeg(h: Harness, patient: PatientYear): Promise<number> {
  const random = prng(6);
  const rows = [];
  for (let day = addDays(patient.from, 1); day <= patient.today; day = addDays(day, 7)) {
    const answers = {
      'peg-p': intBetween(random, 3, 8),
      'peg-e': intBetween(random, 2, 8),
      'peg-g': intBetween(random, 2, 8),
    };
    const outcome = scoreInstrument('peg', answers);
    if (!outcome.ok) throw new Error('PEG answers refused');
    rows.push({
      id: randomUUID(),
      patientId: patient.patientId,
      instrumentId: 'peg',
      at: new Date(localToInstant(day, '19:00', PATIENT_ZONE)),
      answers,
      total: outcome.score.total,
      score: outcome.score as unknown as Record<string, unknown>,
      idempotencyKey: randomUUID(),
      recordedBy: patient.patientId,
    });
  }
  await h.database.db.insert(questionnaireResponses).values(rows);
  return rows.length;
}

async function measure(kind: DatabaseKind, log: (line: string) => void) {
  const h = await createHarness(kind);
  try {
    const started = performance.now();
    const patient = await seedPatientYear(h);
    const pegs = await seedWeeklyPeg(h, patient);
    log(
      `  ${kind}: seeded ${String(patient.counts.doseEvents)} dose events, ${String(patient.counts.checkIns)} check-ins and ${String(pegs)} PEG answers in ${(performance.now() - started).toFixed(0)} ms`,
    );
    const url = `/fhir/Patient/${patient.patientId}/$everything`;
    const payload = await getOk(patient, url);
    const bundle = JSON.parse(payload.toString('utf8')) as Bundle;
    const counts: Record<string, number> = {};
    for (const e of bundle.entry ?? []) {
      const type = e.resource?.resourceType ?? '?';
      counts[type] = (counts[type] ?? 0) + 1;
    }
    const observation = bundle.entry?.find((e) => e.resource?.resourceType === 'Observation');
    log(`  ${kind}: $everything, ${String(SETTINGS.runs)} runs…`);
    const everything = await timed(() => getOk(patient, url));
    const chart = await timed(() =>
      getOk(
        patient,
        `/api/patients/${patient.patientId}/chart?from=${patient.from}&to=${patient.today}`,
      ),
    );
    const read = await timed(() =>
      getOk(patient, `/fhir/Observation/${observation?.resource?.id ?? ''}`),
    );
    return {
      patient,
      pegs,
      bytes: payload.length,
      total: bundle.total ?? 0,
      counts,
      everything,
      chart,
      read,
    };
  } finally {
    await h.close();
  }
}

async function run(log: (line: string) => void): Promise<BenchResult> {
  log(`  settings: ${JSON.stringify(SETTINGS)}`);
  const pglite = await measure('pglite', log);
  const postgres =
    process.env.TEST_DATABASE_URL === undefined ? null : await measure('postgres', log);
  if (postgres === null) log('  postgres: skipped (set TEST_DATABASE_URL to include it)');
  const n = `n=${String(SETTINGS.runs)}, sequential, in-process`;
  const figures: Figure[] = [
    {
      metric: 'history: dose events / check-ins / PEG answers',
      value: pglite.patient.counts.doseEvents,
      unit: 'rows',
      note: `${String(pglite.patient.counts.checkIns)} check-ins, ${String(pglite.pegs)} PEG, 1 patient-year`,
    },
    { metric: '$everything: resources in the Bundle', value: pglite.total, unit: 'count' },
    {
      metric: '$everything: size',
      value: pglite.bytes / 1024,
      unit: 'KiB',
      note: 'JSON, unindented',
    },
    {
      metric: '$everything, a year: median (PGlite)',
      value: pglite.everything.median,
      unit: 'ms',
      note: n,
    },
    { metric: '… p95 (PGlite)', value: pglite.everything.p95, unit: 'ms' },
    {
      metric: 'baseline GET /chart, the same year as JSON: median (PGlite)',
      value: pglite.chart.median,
      unit: 'ms',
      note: 'doses and check-ins of the year, no FHIR',
    },
    {
      metric: 'ratio $everything / chart JSON (PGlite)',
      value: pglite.everything.median / pglite.chart.median,
      unit: '×',
    },
    {
      metric: 'read one Observation by id: median (PGlite)',
      value: pglite.read.median,
      unit: 'ms',
      note: 'builds the check-ins section, then picks one',
    },
    {
      metric: '$everything, a year: median (PostgreSQL)',
      value: postgres?.everything.median ?? null,
      unit: 'ms',
      ...(postgres === null ? { note: 'set TEST_DATABASE_URL' } : {}),
    },
    {
      metric: 'ratio $everything / chart JSON (PostgreSQL)',
      value: postgres === null ? null : postgres.everything.median / postgres.chart.median,
      unit: '×',
    },
  ];
  return {
    name: 'fhir',
    title: 'FHIR $everything with a year of data (issue 6)',
    figures,
    details: {
      settings: SETTINGS,
      resourceCounts: pglite.counts,
      pglite: {
        everything: pglite.everything,
        chart: pglite.chart,
        read: pglite.read,
        bytes: pglite.bytes,
      },
      postgres:
        postgres === null
          ? null
          : { everything: postgres.everything, chart: postgres.chart, read: postgres.read },
    },
  };
}

export const fhirBenchmark: Benchmark = {
  name: 'fhir',
  description: 'FHIR $everything: time and size with a year of data (PGlite, + PostgreSQL)',
  run,
};
