/** Worker side of the cohort run: patients first, first + step, … below `end`; posts totals. */
import { parentPort, workerData } from 'node:worker_threads';
import { emptyTotals, timePatient } from './coreEngine.js';
import { syntheticPatient } from './syntheticPatient.js';

export interface CohortSlice {
  readonly first: number;
  readonly step: number;
  readonly end: number;
}

const slice = workerData as CohortSlice;
try {
  const totals = emptyTotals();
  for (let i = slice.first; i < slice.end; i += slice.step) {
    const g0 = performance.now();
    const input = syntheticPatient(i);
    totals.generateMs += performance.now() - g0;
    const t = timePatient(input);
    totals.patients += 1;
    totals.prepMs += t.prepMs;
    totals.levelsMs += t.levelsMs;
    totals.dailyMs += t.dailyMs;
    totals.signalsMs += t.signalsMs;
    totals.signals += t.signals;
    totals.doseEvents += input.doses.length;
    totals.checkIns += input.checkIns.length;
  }
  parentPort?.postMessage({ totals });
} catch (error) {
  parentPort?.postMessage({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
