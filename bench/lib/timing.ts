import { summarize, type TimingSummary } from './stats.js';

/** How many calls to time, after how many untimed ones (warming caches and the JIT). */
export interface RunSettings {
  readonly runs: number;
  readonly warmup: number;
}

/** Time `settings.runs` sequential calls of `fn` after `settings.warmup` untimed ones. */
export async function timeRuns(
  settings: RunSettings,
  fn: () => Promise<unknown>,
): Promise<TimingSummary> {
  for (let i = 0; i < settings.warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < settings.runs; i += 1) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}
