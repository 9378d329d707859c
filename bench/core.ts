/**
 * The clinical engine (@steady/core, pure, no I/O) on synthetic patient-years:
 *   (a) one patient-year, repeated: median time of `relativeLevels` (hourly grid over the
 *       year), `dailyMeanLevels` (365 local days) and `computeSignals` (every rule);
 *   (b) a cohort of 10,000 patients × 1 year, each generated and run once, split over one
 *       worker thread per core (2 here): total wall time and engine ms per patient.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  addTotals,
  emptyTotals,
  STEPS,
  timePatient,
  totalMs,
  type CohortTotals,
  type PatientTimings,
} from './lib/coreEngine.js';
import type { CohortSlice } from './lib/coreWorker.js';
import type { Benchmark, BenchResult, Figure } from './lib/report.js';
import { summarize } from './lib/stats.js';
import { syntheticPatient } from './lib/syntheticPatient.js';

const envInt = (name: string, fallback: number): number => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const SETTINGS = {
  warmupPatients: 20,
  repeats: envInt('BENCH_CORE_REPEATS', 50),
  cohortPatients: envInt('BENCH_CORE_PATIENTS', 10_000),
  workers: envInt('BENCH_CORE_WORKERS', Math.min(2, os.availableParallelism())),
};

function onePatientYear() {
  // Warm the JIT on other patients, then time patient 0 again and again.
  for (let i = 1; i <= SETTINGS.warmupPatients; i++) timePatient(syntheticPatient(i));
  const input = syntheticPatient(0);
  const runs: PatientTimings[] = [];
  for (let r = 0; r < SETTINGS.repeats; r++) runs.push(timePatient(input));
  const of = (pick: (t: PatientTimings) => number) => summarize(runs.map(pick));
  return {
    input: {
      doseEvents: input.doses.length,
      checkIns: input.checkIns.length,
      zone: input.timeZone,
    },
    signals: runs[0]?.signals ?? 0,
    prep: of((t) => t.prepMs),
    levels: of((t) => t.levelsMs),
    daily: of((t) => t.dailyMs),
    signalsMs: of((t) => t.signalsMs),
    total: of(totalMs),
  };
}

function runSlice(slice: CohortSlice): Promise<CohortTotals> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./lib/coreWorker.ts', import.meta.url), {
      workerData: slice,
    });
    worker.once('message', (answer: { totals: CohortTotals } | { error: string }) => {
      void worker.terminate();
      if ('error' in answer) reject(new Error(`core worker: ${answer.error}`));
      else resolve(answer.totals);
    });
    worker.once('error', reject);
  });
}

async function cohort() {
  const { cohortPatients: end, workers } = SETTINGS;
  const started = performance.now();
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, w) => runSlice({ first: w, step: workers, end })),
  );
  const wallMs = performance.now() - started;
  const totals = parts.reduce(addTotals, emptyTotals());
  const engineMs = totalMs(totals);
  return {
    workers,
    wallSeconds: wallMs / 1000,
    totals,
    engineSecondsSummed: engineMs / 1000,
    engineMsPerPatient: engineMs / totals.patients,
    perStepMsPerPatient: Object.fromEntries(STEPS.map((s) => [s, totals[s] / totals.patients])),
    /** Thread time (engine + input generation) over wall time: how well the cores were used. */
    speedup: (engineMs + totals.generateMs) / wallMs,
  };
}

async function run(log: (line: string) => void): Promise<BenchResult> {
  log(`  settings: ${JSON.stringify(SETTINGS)}`);
  log('  one patient-year…');
  const one = onePatientYear();
  const n = SETTINGS.cohortPatients.toLocaleString('en-US');
  log(`  ${n} patients × 1 year on ${String(SETTINGS.workers)} worker thread(s)…`);
  const c = await cohort();
  const figures: Figure[] = [
    {
      metric: 'input: dose events / check-ins per year',
      value: one.input.doseEvents,
      unit: 'events',
      note: `${String(one.input.checkIns)} check-ins (patient 0, ${one.input.zone})`,
    },
    {
      metric: 'relativeLevels, hourly over 1 year, median',
      value: one.levels.median,
      unit: 'ms',
      note: `8,760 points; n=${String(one.levels.count)}`,
    },
    { metric: 'dailyMeanLevels, 365 days, median', value: one.daily.median, unit: 'ms' },
    {
      metric: 'computeSignals, 1 patient-year, median',
      value: one.signalsMs.median,
      unit: 'ms',
      note: `${String(one.signals)} signals`,
    },
    {
      metric: 'engine per patient-year, median',
      value: one.total.median,
      unit: 'ms',
      note: 'prep + levels + daily + signals',
    },
    { metric: 'engine per patient-year, p95', value: one.total.p95, unit: 'ms' },
    {
      metric: `${n} patients: total wall time`,
      value: c.wallSeconds,
      unit: 's',
      note: `${String(c.workers)} worker threads, input generation included`,
    },
    {
      metric: `${n} patients: engine ms per patient`,
      value: c.engineMsPerPatient,
      unit: 'ms',
      note: 'mean, each patient run once',
    },
    {
      metric: `${n} patients: engine time summed`,
      value: c.engineSecondsSummed,
      unit: 's',
      note: '≈ single-core time without generation',
    },
    {
      metric: 'parallel use of cores (thread time / wall)',
      value: c.speedup,
      unit: '×',
      note: `of ${String(c.workers)} possible`,
    },
  ];
  return {
    name: 'core',
    title: 'Clinical engine (@steady/core) on synthetic patient-years',
    figures,
    details: { settings: SETTINGS, onePatientYear: one, cohort: c },
  };
}

export const coreBenchmark: Benchmark = {
  name: 'core',
  description:
    'relativeLevels, dailyMeanLevels and computeSignals: 1 patient-year and 10,000 patients',
  run,
};
