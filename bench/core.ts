/**
 * The clinical engine (@steady/core, pure, no I/O) on synthetic patient-years:
 *   (a) one patient-year, repeated: median time of `relativeLevels` (hourly grid over the
 *       year), `dailyMeanLevels` (365 local days) and `computeSignals` (every rule);
 *   (b) a cohort of 10,000 patients × 1 year, each generated and run once, split over one
 *       worker thread per core (2 here): total wall time and engine ms per patient, plus the
 *       speed-up over one worker (measured on the first 500 patients alone, first).
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
import { envInt } from './lib/env.js';

const SETTINGS = {
  warmupPatients: 20,
  repeats: envInt('BENCH_CORE_REPEATS', 50),
  cohortPatients: envInt('BENCH_CORE_PATIENTS', 10_000),
  workers: envInt('BENCH_CORE_WORKERS', Math.min(2, os.availableParallelism())),
  calibrationPatients: 500,
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

/** Thread time per patient (input generation included) of a slice's totals. */
const threadMsPerPatient = (t: CohortTotals) => (totalMs(t) + t.generateMs) / t.patients;

/**
 * How much the extra workers actually buy: the first patients alone on one worker first (same
 * patients, same code), so the cohort's wall time can be compared with one thread's pace.
 */
async function oneWorkerPace(): Promise<CohortTotals | null> {
  if (SETTINGS.workers === 1) return null;
  return runSlice({
    first: 0,
    step: 1,
    end: Math.min(SETTINGS.calibrationPatients, SETTINGS.cohortPatients),
  });
}

async function cohort() {
  const { cohortPatients: end, workers } = SETTINGS;
  const alone = await oneWorkerPace();
  const started = performance.now();
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, w) => runSlice({ first: w, step: workers, end })),
  );
  const wallMs = performance.now() - started;
  const totals = parts.reduce(addTotals, emptyTotals());
  const engineMs = totalMs(totals);
  const oneThreadWallMs = alone === null ? wallMs : threadMsPerPatient(alone) * end;
  return {
    workers,
    wallSeconds: wallMs / 1000,
    /** Wall time over patients: the pace of the whole machine. */
    wallMsPerPatient: wallMs / end,
    totals,
    engineSecondsSummed: engineMs / 1000,
    /** Per patient, on its thread, while every worker was busy. */
    engineMsPerPatient: engineMs / totals.patients,
    perStepMsPerPatient: Object.fromEntries(STEPS.map((s) => [s, totals[s] / totals.patients])),
    oneWorker:
      alone === null
        ? null
        : {
            patients: alone.patients,
            engineMsPerPatient: totalMs(alone) / alone.patients,
            threadMsPerPatient: threadMsPerPatient(alone),
          },
    /** One worker's pace × all patients ÷ the cohort's wall time. */
    speedup: oneThreadWallMs / wallMs,
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
      metric: `${n} patients: wall ms per patient`,
      value: c.wallMsPerPatient,
      unit: 'ms',
      note: 'wall time ÷ patients',
    },
    {
      metric: `${n} patients: engine ms per patient, per thread`,
      value: c.engineMsPerPatient,
      unit: 'ms',
      note: `mean, each patient once, ${String(c.workers)} threads busy`,
    },
    {
      metric: 'engine ms per patient, 1 worker alone',
      value: c.oneWorker?.engineMsPerPatient ?? null,
      unit: 'ms',
      note:
        c.oneWorker === null
          ? 'cohort ran on 1 worker'
          : `first ${String(c.oneWorker.patients)} patients, before the cohort`,
    },
    {
      metric: `speed-up of ${String(c.workers)} workers over 1`,
      value: c.speedup,
      unit: '×',
      note: "1 worker's pace × patients ÷ cohort wall time",
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
